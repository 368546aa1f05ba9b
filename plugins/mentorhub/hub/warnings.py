"""Warnings: valid content that is probably a mistake. The record is published as it is.

Checked on the loaded hub, after validation, so they never hold a file back:
a `confirmed` date earlier than `joined`, a story dated after the day the hub
describes, a hidden email in plain text while the hub has no `recipients` to seal
it to (with recipients it is an error, from the loader), and a link from the content
root to a record, skill, page or image that is not there (:mod:`.root_links`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection
from pathlib import Path

from .body_links import relative_link_warnings
from .models import Hub
from .problems import Msg, Problem
from .root_links import broken_root_links


def content_warnings(hub: Hub, today: dt.date, project: Path,
                     media: Collection[str] = (), drafts: Collection[str] = ()) -> list[Problem]:
    """Every warning, sorted; `project` is where the records' source paths start.

    `media`: the images under content/media/; `drafts`: draft records (paths from
    content/, as in `LoadResult`).
    """
    found = broken_root_links(hub, media, project, drafts) + relative_link_warnings(hub, media, project)
    for person in hub.people.values():
        if person.joined and person.confirmed and person.confirmed < person.joined:
            found.append(_warning(project, person.source.path, "confirmed",
                                  Msg("%(confirmed)s is earlier than joined (%(joined)s)",
                                      confirmed=person.confirmed.isoformat(),
                                      joined=person.joined.isoformat()),
                                  Msg("a profile is confirmed on or after the day its person joined")))
        if person.plain_hidden_email:
            found.append(_warning(project, person.source.path, "contact",
                                  Msg("the hidden email is readable by anyone who can read the "
                                      "repository (public: false only keeps it off the site)"),
                                  Msg("organizers: add age public keys as 'recipients' to the "
                                      "mentorhub plugin in mkdocs.yml, then seal it with 'mentorhub "
                                      "seal --person %(id)s'",
                                      id=person.id)))
    for story in hub.stories.values():
        if story.date > today:
            found.append(_warning(project, story.source.path, "date",
                                  Msg("%(date)s is in the future (the hub describes %(today)s)",
                                      date=story.date.isoformat(), today=today.isoformat()),
                                  Msg("a story tells what already happened: check the year")))
    return sorted(found)


def _warning(project: Path, path: str, field: str, message: str, hint: str) -> Problem:
    return Problem(path, _line_of(project / path, field), field, message, hint, severity="warning")


def _line_of(path: Path, field: str) -> int:
    """The line of a top-level `field:` in the front matter (1 if it cannot be read)."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return 1
    pattern = re.compile(rf"{re.escape(field)}\s*:")
    return next((n for n, line in enumerate(lines, 1) if pattern.match(line)), 1)
