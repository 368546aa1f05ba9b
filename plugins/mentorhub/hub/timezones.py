"""Hints for a `timezone:` that is not an IANA name: abbreviations (CST) and cities (Chicago).

People write what their clock shows. An abbreviation is ambiguous (CST is Chicago,
Havana and Shanghai), so the hint names the most-used zones for it first, from a short
table, then any other zone whose abbreviation matches in January or July.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from functools import cache

from .problems import suggestion

#: The zones most people mean by an abbreviation, most common first.
COMMON: dict[str, tuple[str, ...]] = {
    "CST": ("America/Chicago", "America/Mexico_City", "Asia/Shanghai"),
    "CDT": ("America/Chicago",),
    "EST": ("America/New_York", "America/Toronto"),
    "EDT": ("America/New_York", "America/Toronto"),
    "MST": ("America/Denver", "America/Phoenix"),
    "MDT": ("America/Denver",),
    "PST": ("America/Los_Angeles", "America/Vancouver"),
    "PDT": ("America/Los_Angeles", "America/Vancouver"),
    "GMT": ("Europe/London", "Africa/Accra"),
    "BST": ("Europe/London",),
    "CET": ("Europe/Berlin", "Europe/Paris", "Europe/Madrid"),
    "CEST": ("Europe/Berlin", "Europe/Paris", "Europe/Madrid"),
    "EET": ("Europe/Athens", "Africa/Cairo", "Europe/Helsinki"),
    "WAT": ("Africa/Lagos",),
    "EAT": ("Africa/Nairobi",),
    "IST": ("Asia/Kolkata", "Europe/Dublin", "Asia/Jerusalem"),
    "JST": ("Asia/Tokyo",),
    "KST": ("Asia/Seoul",),
    "AEST": ("Australia/Sydney", "Australia/Brisbane"),
    "BRT": ("America/Sao_Paulo",),
    "ART": ("America/Argentina/Buenos_Aires",),
}
LIMIT = 3


def time_zone_hint(value: str, zones: frozenset[str]) -> str:
    """'did you mean …?' naming zones for an abbreviation or a city, or '' when none fits."""
    text = value.strip()
    found = [*COMMON.get(text.upper(), ()), *_by_abbreviation().get(text.upper(), ())]
    city = text.replace(" ", "_").casefold()
    found += [zone for zone in sorted(zones) if zone.rsplit("/", 1)[-1].casefold() == city]
    unique = [zone for zone in dict.fromkeys(found) if zone in zones][:LIMIT]
    if not unique:
        return ""
    return suggestion(unique)


@cache
def _by_abbreviation() -> dict[str, tuple[str, ...]]:
    """Abbreviation → canonical-looking zones (Area/City) that use it in January or July."""
    found: dict[str, list[str]] = {}
    year = 2026  # any year: only which abbreviations a zone uses matters
    moments = [dt.datetime(year, 1, 15, 12, tzinfo=dt.UTC), dt.datetime(year, 7, 15, 12, tzinfo=dt.UTC)]
    for zone in sorted(zoneinfo.available_timezones()):
        if "/" not in zone or zone.startswith(("Etc/", "SystemV/", "US/", "posix/", "right/")):
            continue
        info = zoneinfo.ZoneInfo(zone)
        for name in {moment.astimezone(info).tzname() or "" for moment in moments}:
            if name.isalpha():  # skip numeric ones such as "+03"
                found.setdefault(name.upper(), []).append(zone)
    return {name: tuple(zones) for name, zones in found.items()}
