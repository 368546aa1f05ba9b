"""Where and when a person is: their country's name and their time zone's offset.

The offset is the one in force on the hub's date (`as_of`), so daylight saving
time is counted the way it is when a reader looks, and the same content on the
same date gives the same page.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from functools import lru_cache


@lru_cache(maxsize=2048)  # every card shows one: a few hundred zones, one date per build
def utc_offset_minutes(zone: str, on: dt.date) -> int | None:
    """Minutes east of UTC at noon on `on` in `zone`; None for an unknown zone."""
    try:
        info = zoneinfo.ZoneInfo(zone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return None
    offset = dt.datetime.combine(on, dt.time(12), tzinfo=info).utcoffset()
    return None if offset is None else int(offset.total_seconds() // 60)


def utc_offset_label(minutes: int) -> str:
    """`UTC+1`, `UTC−5`, `UTC+5:30`, `UTC`: the way people write their offset (a real minus)."""
    if minutes == 0:
        return "UTC"
    sign = "+" if minutes > 0 else "\u2212"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "")


#: Every offset from UTC in use in the tz database (minutes), for "My time zone" in the
#: finder: whole hours from UTC−12 to UTC+14 and the half- and quarter-hour ones.
OFFSETS = tuple(sorted({h * 60 for h in range(-12, 15)} | {
    -570, -210, 210, 270, 330, 345, 390, 525, 570, 630, 765}))
