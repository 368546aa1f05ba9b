"""The build's side of the cycle: open the records with the build key, compute the figures.

Kept out of the plugin classes so they stay a few lines each. Only the deploy build
holds the key (MENTORHUB_BUILD_KEY, from a repository secret); every other build,
pull requests included, gets `NO_KEY` and publishes no relationship figure.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger

from ..cycle.demo import DEMO_BUILD_SECRET
from ..cycle.lifecycle import Lifecycle, compute_lifecycle
from ..cycle.settings import CycleSettings
from ..cycle.storage import RecordError, build_identity, identity_from_text, read_records, record_files
from ..hub.models import Hub
from ..hub.problems import Translate, format_problems
from ..impact.lifecycle_section import NO_KEY, TOO_FEW

log = get_plugin_logger(__name__)


def build_lifecycle(hub: Hub, settings: CycleSettings, project: Path, *, as_of: dt.date,
                    min_records: int, serve: bool,
                    translate: Translate | None = None) -> tuple[Lifecycle | None, str]:
    """The figures and why there are none ("" when the hub keeps no records at all).

    `translate`: the hub's language for the records' problems (English when None)."""
    folder = settings.folder(project)
    if not settings.build_key and not record_files(folder):
        return None, ""
    try:
        identities = (identity_from_text(DEMO_BUILD_SECRET, "the demo build key") if settings.demo
                      else build_identity(settings.build_key))
    except RecordError as exc:
        raise PluginError(f"mentorhub: {exc}") from None
    if identities is None:
        return None, NO_KEY
    records = read_records(folder, identities, project)
    if records.problems:
        message = (f"{len(records.problems)} relationship record problem(s):\n"
                   f"{format_problems(records.problems, translate=translate)}")
        if not serve:
            raise PluginError(message)
        log.warning(message)
    joined = {p.id: p.joined for p in hub.people.values() if p.joined is not None}
    lifecycle = compute_lifecycle(records.relationships, joined, settings, as_of=as_of,
                                  min_records=min_records)
    return lifecycle, "" if lifecycle else TOO_FEW
