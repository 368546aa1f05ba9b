"""The organizer's "needs attention" list: computed locally, printed locally, never published.

* pairs overdue for a check-in: in the first month, every 30 / `first_month_checkins`
  days (MENTOR's standard 5: at least twice in the first month), then every `checkin_days`;
* the latest check-in said at-risk or needs-support;
* pairs whose planned end is within `ending_days` (plan the closure conversation);
* mentees waiting for a mentor longer than `waiting_days` since `joined`;
* mentors whose profile is going stale (within 30 days of reading "may be inactive").
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..hub.models import Hub
from .models import Relationship
from .settings import CycleSettings

STALE_SOON_DAYS = 30


@dataclass(frozen=True, order=True)
class Item:
    """One line of the list; `urgency` sorts it (lower first), then the ids."""

    urgency: int
    kind: str  # overdue, at-risk, ending, waiting, stale
    subject: str  # "mentee → mentor" or a person id
    detail: str


def overdue_days(relationship: Relationship, today: dt.date, settings: CycleSettings) -> int:
    """Days past the next check-in due date (0 or less: not overdue)."""
    last = relationship.last_checkin(today) or relationship.started
    first_month_end = relationship.started + dt.timedelta(days=30)
    in_first_month = last < first_month_end
    every = max(1, 30 // settings.first_month_checkins) if in_first_month else settings.checkin_days
    return (today - last).days - every


def attention(hub: Hub, relationships: list[Relationship], settings: CycleSettings, today: dt.date,
              stale_after_days: int) -> list[Item]:
    items: list[Item] = []
    active = [r for r in relationships if r.active_on(today)]
    for r in active:
        subject = f"{r.mentee} → {r.mentor}"
        late = overdue_days(r, today, settings)
        last = r.last_checkin(today)
        contact = (f"last check-in {last.isoformat()}" if last
                   else f"no check-in since the start on {r.started.isoformat()}")
        if late > 0:
            items.append(Item(0, "overdue", subject, f"check-in overdue by {late} days ({contact})"))
        latest = [c for c in r.checkins if c.date <= today]
        if latest and latest[-1].status != "on-track":
            status, day = latest[-1].status, latest[-1].date.isoformat()
            items.append(Item(1, status, subject, f"the latest check-in ({day}) said {status}"))
        if r.planned_end and r.planned_end < today:
            items.append(Item(2, "ending", subject,
                              f"past its planned end on {r.planned_end.isoformat()}: close it "
                              "(mentorhub pair end … --reason planned-end) or agree a new end "
                              "(mentorhub pair extend)"))
        elif r.planned_end and (r.planned_end - today).days <= settings.ending_days:
            items.append(Item(2, "ending", subject,
                              f"planned to end on {r.planned_end.isoformat()}: plan the closure "
                              "(mentorhub pair end … --reason planned-end)"))
    matched = {r.mentee for r in active if not r.circle}
    last_end: dict[str, dt.date] = {}
    for r in relationships:
        if r.ended and r.ended <= today and not r.circle:
            last_end[r.mentee] = max(r.ended, last_end.get(r.mentee, r.ended))
    for person in sorted(hub.mentees(), key=lambda p: p.id):
        if person.mentors or person.id in matched or person.availability not in ("open", "limited"):
            continue
        since: dt.date | None = person.joined
        why = "joined"
        if person.id in last_end and (since is None or last_end[person.id] > since):
            since, why = last_end[person.id], "their last relationship ended"  # re-matching
        if since is None:
            continue
        waiting = (today - since).days
        if waiting > settings.waiting_days:
            items.append(Item(3, "waiting", person.id, f"waiting for a mentor for {waiting} days "
                              f"({why} {since.isoformat()})"))
    for person in sorted(hub.mentors(), key=lambda p: p.id):
        if person.confirmed is None:
            continue
        left = stale_after_days - (today - person.confirmed).days
        if left <= STALE_SOON_DAYS:
            state = "reads \"may be inactive\"" if left < 0 else f"reads \"may be inactive\" in {left} days"
            items.append(Item(4, "stale", person.id,
                              f"profile last confirmed {person.confirmed.isoformat()}: {state}"))
    return sorted(items)
