"""Why a mentor in Find a mentor shows no "Ask for an introduction" button.

Result cards are drawn from Pagefind metadata, so a mentor who takes no requests
now (closed, full, or not confirmed for a while) carries the reason as `nointro`
metadata; every other mentor's link is built in the browser from one template on
the finder page (`search.pages.intro_config`), which keeps the index small.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping

from ..hub.models import Hub
from ..i18n import Localizer
from ..site.introductions import no_intro_reason
from ..site.render import person_src
from .meta import SearchRecord

NO_INTRO = "nointro"


def with_intro_reasons(records: Mapping[str, SearchRecord], hub: Hub, i18n: Localizer, *,
                       today: dt.date, stale_after_days: int) -> dict[str, SearchRecord]:
    """`records`, with each mentor who takes no introduction requests marked with why."""
    result = dict(records)
    for person in hub.mentors():
        src = person_src(person.id)
        record = result.get(src)
        reason = no_intro_reason(hub, person, i18n,
                                 stale=person.is_stale(today, stale_after_days))
        if record is not None and reason:
            result[src] = dataclasses.replace(
                record, meta=tuple(sorted((*record.meta, (NO_INTRO, reason)))))
    return result
