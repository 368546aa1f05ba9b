"""`mentorhub check --pause-stale`: the opt-in auto-pause, writing the files (nudges/pause.py)."""

from __future__ import annotations

import sys
from pathlib import Path

from ..hub.models import Hub
from ..hub.printable import one_line
from ..nudges.pause import due_for_pause, pause_supported, paused_text
from ..site.build_date import build_date
from .notes import DEFAULT_STALE_AFTER_DAYS, hub_options


def pause_stale(hub: Hub, project: Path) -> bool:
    """Pause every mentor past the grace period; False (after saying why) when it cannot run."""
    options = hub_options(project / "mkdocs.yml")
    grace = options.get("pause_after_days")
    if not pause_supported():
        print("mentorhub check --pause-stale: this engine has no 'availability: paused' yet", file=sys.stderr)
        return False
    if not isinstance(grace, int) or isinstance(grace, bool) or grace < 0:
        print("mentorhub check --pause-stale: set 'pause_after_days: DAYS' (0 or more) under '- mentorhub:' "
              "in mkdocs.yml to opt in (docs/nudges.md)", file=sys.stderr)
        return False
    stale = options.get("stale_after_days", DEFAULT_STALE_AFTER_DAYS)
    stale = stale if isinstance(stale, int) and not isinstance(stale, bool) else DEFAULT_STALE_AFTER_DAYS
    today = build_date(str(options["as_of"]) if options.get("as_of") else None)
    for person in due_for_pause(hub, today=today, stale_after_days=stale, pause_after_days=grace):
        path = project / person.source.path
        text = paused_text(path.read_bytes().decode("utf-8"), today)  # line endings kept as they are
        where = one_line(person.source.path)
        if text is None:
            print(f"{where}: availability: not changed: set 'availability: paused' by hand", file=sys.stderr)
            continue
        path.write_bytes(text.encode("utf-8"))
        print(f"{where}: availability: paused (last confirmed {person.confirmed}, more than "
              f"{stale} + {grace} days ago)")
    return True
