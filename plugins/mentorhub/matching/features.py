"""What a score is made of: skill rarity, time-zone gaps and shared formats, in whole points.

A score is a sum of three parts, each rounded to whole thousandths ("points"), so it
is an exact multiple of 0.001 in 0–1: equal scores are truly equal and the id
breaks the tie, on every platform.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
from collections.abc import Iterable
from dataclasses import dataclass
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from ..hub.schema import FORMATS

SCALE = 1000
MINUTES_PER_DAY = 24 * 60
HALF_DAY = MINUTES_PER_DAY // 2
FORMAT_BITS = {name: 1 << i for i, name in enumerate(FORMATS)}
#: Formats in which one person meets several at once: what circles and facilitators need.
GROUP_FORMATS = frozenset({"group", "peer-circle"})


@functools.lru_cache(maxsize=4096)
def utc_offset_minutes(zone: str, day: dt.date) -> int | None:
    """The zone's UTC offset at noon UTC on `day` (so daylight saving counts), or None.

    Computed for the build date, not "now", so the same content and build date give
    the same gaps on any machine.
    """
    if not zone:
        return None
    try:
        info = ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError):
        return None
    offset = dt.datetime.combine(day, dt.time(12), tzinfo=dt.UTC).astimezone(info).utcoffset()
    return None if offset is None else int(offset.total_seconds()) // 60


def gap_minutes(a: int, b: int) -> int:
    """Minutes between two UTC offsets around the clock (at most 12 hours)."""
    d = abs(a - b) % MINUTES_PER_DAY
    return min(d, MINUTES_PER_DAY - d)


def rarity(offered_by: int, total: int) -> float:
    """Inverse document frequency: ln((1 + N) / (1 + df)) + 1.

    Rarer skills weigh more; every skill weighs at least 1, so a skill all N
    mentors offer still counts, and one nobody offers does not divide by zero.
    """
    return math.log((1 + total) / (1 + offered_by)) + 1.0


def format_mask(formats: Iterable[str]) -> int:
    mask = 0
    for name in formats:
        mask |= FORMAT_BITS.get(name, 0)
    return mask


@dataclass(frozen=True)
class Scorer:
    """Turns the parts of a match into points; the weights are thousandths summing to 1000."""

    skills: int
    timezone: int
    formats: int

    def skill_points(self, covered: float, total: float) -> int:
        """The share of the seeker's skills (by rarity) that the other person covers."""
        return round(self.skills * covered / total) if total > 0 else 0

    def timezone_points(self, gap: int | None) -> int:
        """1 for the same local time down to 0 for 12 hours apart; a missing zone counts half."""
        if gap is None:
            return round(self.timezone * 0.5)
        return round(self.timezone * (HALF_DAY - gap) / HALF_DAY)

    def format_points(self, mine: int, theirs: int) -> int:
        """The share of the seeker's formats the other person also likes."""
        wanted = mine.bit_count()
        return round(self.formats * (mine & theirs).bit_count() / wanted) if wanted else 0

    def place_points(self, my_offset: int | None, their_offset: int | None,
                     my_formats: int, their_formats: int) -> int:
        """Time-zone and format points together: everything but the skills."""
        gap = None if my_offset is None or their_offset is None else gap_minutes(my_offset, their_offset)
        return self.timezone_points(gap) + self.format_points(my_formats, their_formats)
