"""Relationship records once validated: frozen, typed, trusted past the boundary."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

#: Coded closure reasons (docs/cycle.md); "goals-met" and "planned-end" are not premature.
REASONS = ("goals-met", "planned-end", "mentor-time", "mentee-time", "moved", "mismatch",
           "no-contact", "other")
NOT_PREMATURE = frozenset({"goals-met", "planned-end"})
#: Who initiated a closure, or who did a check-in.
PARTIES = ("mentee", "mentor", "organizer", "both", "facilitator")
STATUSES = ("on-track", "needs-support", "at-risk")
GOAL_STATES = ("open", "in-progress", "met", "dropped")


@dataclass(frozen=True)
class Checkin:
    date: dt.date
    by: str
    status: str
    note: str = ""


@dataclass(frozen=True)
class Closure:
    reason: str
    initiated_by: str


@dataclass(frozen=True)
class Goal:
    goal: str
    state: str


@dataclass(frozen=True)
class Relationship:
    """One mentoring relationship: a pair (mentee, mentor) or a circle and its facilitator."""

    id: str  # the record file's stem: random, says nothing about the people
    path: str  # the record file as shown in messages (records/ab12cd34.age)
    mentee: str  # a circle's name for a circle
    mentor: str  # the facilitator for a circle
    started: dt.date
    planned_end: dt.date | None = None
    ended: dt.date | None = None
    closure: Closure | None = None
    checkins: tuple[Checkin, ...] = ()
    goals: tuple[Goal, ...] = ()
    circle: bool = False

    def active_on(self, day: dt.date) -> bool:
        return self.started <= day and (self.ended is None or self.ended > day)

    def last_checkin(self, before: dt.date | None = None) -> dt.date | None:
        dates = [c.date for c in self.checkins if before is None or c.date <= before]
        return max(dates, default=None)
