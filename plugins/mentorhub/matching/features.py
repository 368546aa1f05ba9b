"""What a score is made of: skill rarity, time-zone gaps and shared formats, in whole points.

A score is a sum of three parts, each rounded to whole thousandths ("points"), so it
is an exact multiple of 0.001 in 0–1: equal scores are truly equal and the id
breaks the tie, on every platform. Each part depends only on what the pair shares
(skills and their rarity, the clock gap, a format), never on how much a profile
lists, so scores compare across mentees and are monotone in what is shared.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
from collections.abc import Iterable
from dataclasses import dataclass
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import numpy as np
import numpy.typing as npt

from ..hub.schema import FORMATS

SCALE = 1000
MINUTES_PER_DAY = 24 * 60
HALF_DAY = MINUTES_PER_DAY // 2
FORMAT_BITS = {name: 1 << i for i, name in enumerate(FORMATS)}
#: Formats in which one person meets several at once: what circles and facilitators need.
GROUP_FORMATS = frozenset({"group", "peer-circle"})
#: Stands for "no time zone" in arrays of UTC offsets (no real offset is this far out).
NO_OFFSET = -100_000


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


def skill_share(rarities: Iterable[float]) -> float:
    """1 - product of 1 / (1 + rarity) over the shared skills: in 0-1, 0 for none.

    Each shared skill closes part of the remaining gap to 1, a rarer skill more
    (rarity >= 1, so one skill alone gives at least 0.5): more shared skills and
    rarer shared skills always score higher, and nothing else moves it.
    """
    remaining = 1.0
    for value in sorted(rarities):  # a fixed order: the same skills give the same float
        remaining /= 1.0 + value
    return 1.0 - remaining


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

    def skill_points(self, rarities: Iterable[float]) -> int:
        """Points for the shared skills alone: `skill_share` of their rarities.

        Only what the pair shares counts, never how many skills the seeker listed, so
        scores compare across seekers and more detail on a profile never costs points.
        """
        return round(self.skills * skill_share(rarities))

    def timezone_points(self, gap: int | None) -> int:
        """1 for the same local time down to 0 for 12 hours apart; a missing zone counts half."""
        if gap is None:
            return round(self.timezone * 0.5)
        return round(self.timezone * (HALF_DAY - gap) / HALF_DAY)

    def format_points(self, mine: int, theirs: int) -> int:
        """Full points when they like at least one format in common, else none.

        Not a share of the seeker's formats: accepting more ways to meet must never
        score lower than accepting one.
        """
        return self.formats if mine & theirs else 0

    def place_points(self, my_offset: int | None, their_offset: int | None,
                     my_formats: int, their_formats: int) -> int:
        """Time-zone and format points together: everything but the skills."""
        gap = None if my_offset is None or their_offset is None else gap_minutes(my_offset, their_offset)
        return self.timezone_points(gap) + self.format_points(my_formats, their_formats)


def place_points(scorer: Scorer, offset: int | None, formats: int, offsets: npt.NDArray[np.int64],
                 masks: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
    """`Scorer.place_points` for one seeker against many candidates at once.

    The same arithmetic in the same order (an exact integer product, one correctly
    rounded division, round half to even), so every value equals the scalar one.
    """
    known = offsets != NO_OFFSET
    if offset is None:
        tz = np.full(len(offsets), round(scorer.timezone * 0.5), dtype=np.int64)
    else:
        d = np.abs(offset - offsets) % MINUTES_PER_DAY
        gap = np.minimum(d, MINUTES_PER_DAY - d)
        tz = np.rint((scorer.timezone * (HALF_DAY - gap)) / HALF_DAY).astype(np.int64)
        tz[~known] = round(scorer.timezone * 0.5)
    shared = (masks & formats) != 0
    return tz + np.where(shared, scorer.formats, 0).astype(np.int64)
