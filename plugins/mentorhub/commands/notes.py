"""Notes `mentorhub check` prints for profile owners: not problems, nothing fails.

A stale mentor's public profile tells readers "May be inactive: profile last confirmed
…"; what the owner should do about it belongs here, in the tool they run, not on the
public page.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import yaml

from ..hub.models import Hub
from ..hub.site_config import read_config

DEFAULT_STALE_AFTER_DAYS = 365  # the `mentorhub` plugin's default
MOST_NOTES = 20  # a big hub can have hundreds; the rest are counted


def hub_options(config_file: Path) -> dict[str, Any]:
    """The `mentorhub` plugin's options in mkdocs.yml ({} when absent or unreadable)."""
    try:
        return dict(read_config(config_file).plugins.get("mentorhub", {}))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return {}


def stale_notes(hub: Hub, project: Path, today: dt.date, stale_after_days: int) -> list[str]:
    """One `path:line: confirmed: note: …` line per mentor whose profile reads "may be inactive"."""
    notes = []
    for person in sorted(hub.people.values(), key=lambda p: p.source.path):
        if not (person.is_mentor and person.confirmed and person.is_stale(today, stale_after_days)):
            continue
        line = _line_of(project / person.source.path, "confirmed:")
        notes.append(
            f"{person.source.path}:{line}: confirmed: note: last confirmed {person.confirmed.isoformat()}, "
            f"more than {stale_after_days} days ago, so the profile reads \"may be inactive\" and "
            "gets no suggestions (check it is current, then set confirmed: to today's date)")
    if len(notes) > MOST_NOTES:
        notes[MOST_NOTES:] = [f"… and {len(notes) - MOST_NOTES} more profiles not confirmed "
                              f"within {stale_after_days} days"]
    return notes


def _line_of(path: Path, prefix: str) -> int:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return 1
    return next((n for n, text in enumerate(lines, 1) if text.startswith(prefix)), 1)
