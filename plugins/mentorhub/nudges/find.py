"""Which profiles are due for confirmation, and which mentees have waited too long."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..hub.models import Hub, Person


@dataclass(frozen=True)
class StaleProfile:
    person: Person
    inactive_from: dt.date  # the first day the profile reads "may be inactive"

    def is_inactive(self, today: dt.date) -> bool:
        return today >= self.inactive_from


@dataclass(frozen=True)
class WaitingMentee:
    person: Person
    days: int  # since `joined`


@dataclass(frozen=True)
class Nudges:
    today: dt.date
    stale_after_days: int
    stale: tuple[StaleProfile, ...]
    waiting: tuple[WaitingMentee, ...]
    waiting_days: int

    def __bool__(self) -> bool:
        return bool(self.stale or self.waiting)


def find_nudges(hub: Hub, *, today: dt.date, stale_after_days: int, warn_days: int,
                waiting_days: int, suggested: Mapping[str, Sequence[object]]) -> Nudges:
    """Profiles confirmed more than `stale_after_days - warn_days` days ago (oldest first),
    and mentees who joined more than `waiting_days` days ago with no mentor and no
    suggestion in `suggested` (mentee id → suggested mentors), longest wait first."""
    due_after = max(stale_after_days - warn_days, 0)
    stale = [
        StaleProfile(person, person.confirmed + dt.timedelta(days=stale_after_days + 1))
        for person in hub.people.values()
        if person.confirmed is not None and (today - person.confirmed).days > due_after
    ]
    stale.sort(key=lambda s: (s.inactive_from, s.person.id))
    waiting = [
        WaitingMentee(person, (today - person.joined).days)
        for person in hub.people.values()
        if person.is_mentee and not person.mentors and not suggested.get(person.id)
        and person.joined is not None and (today - person.joined).days > waiting_days
    ]
    waiting.sort(key=lambda w: (-w.days, w.person.id))
    return Nudges(today, stale_after_days, tuple(stale), tuple(waiting), waiting_days)
