"""Opt-in auto-pause: mentors still unconfirmed a grace period after `stale_after_days`.

`mentorhub check --pause-stale` rewrites their `availability:` line to `paused`, when the
organizers set `pause_after_days` on the `mentorhub` plugin (docs/nudges.md). The change is
one line of the file's front matter, so it shows as such in the pull request.
"""

from __future__ import annotations

import datetime as dt
import re

from ..hub.models import Hub, Person
from ..hub.schema import AVAILABILITY

PAUSED = "paused"
_AVAILABILITY_LINE = re.compile(r"^availability:[ \t]*\S.*$", re.MULTILINE)
_AVAILABILITY_KEY = re.compile(r"^availability:", re.MULTILINE)


def pause_supported() -> bool:
    """Whether this engine's schema has `availability: paused` (content-model.md)."""
    return PAUSED in AVAILABILITY


def due_for_pause(hub: Hub, *, today: dt.date, stale_after_days: int, pause_after_days: int) -> list[Person]:
    """Mentors confirmed more than stale_after_days + pause_after_days days ago, not yet
    paused or closed, by file path."""
    limit = stale_after_days + pause_after_days
    return sorted(
        (p for p in hub.people.values()
         if p.is_mentor and p.confirmed is not None and (today - p.confirmed).days > limit
         and p.availability not in (PAUSED, "closed")),
        key=lambda p: p.source.path)


def paused_text(text: str, today: dt.date) -> str | None:
    """The file with `availability: paused` in its front matter; None if it cannot be done
    safely (no front matter, or an availability value not on its own line)."""
    if not text.startswith("---\n"):
        return None
    end = text.find("\n---", 3)
    if end < 0:
        return None
    front, rest = text[:end + 1], text[end + 1:]
    line = f"availability: {PAUSED}  # set by mentorhub check --pause-stale on {today.isoformat()}"
    if _AVAILABILITY_LINE.search(front):
        return _AVAILABILITY_LINE.sub(line, front, count=1) + rest
    if _AVAILABILITY_KEY.search(front):
        return None  # e.g. the value on the next line: leave it to a person
    return front + line + "\n" + rest
