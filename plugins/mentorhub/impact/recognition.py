"""Who to thank: contributions beyond code, in the spirit of All Contributors.

Pure, like :mod:`kpis`: facilitators by sessions led, mentors by active mentees,
authors by resources written, storytellers by stories they appear in (the named
mentee and mentors). Dated records count up to `as_of`, as in the KPIs. A resource
author given by name is credited to the profile with exactly that name, when
exactly one profile has it; other names are credited as written.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from ..hub.models import Hub


@dataclass(frozen=True)
class Credit:
    """One contributor's count in one kind of contribution.

    `person` is the profile id, or "" for a resource author given as a plain name.
    """

    name: str
    person: str
    count: int


@dataclass(frozen=True)
class Recognition:
    facilitators: tuple[Credit, ...]  # sessions led
    mentors: tuple[Credit, ...]  # active mentees
    authors: tuple[Credit, ...]  # resources written
    storytellers: tuple[Credit, ...]  # stories shared

    @property
    def contributors(self) -> int:
        """Distinct people and names credited anywhere."""
        return self.members + self.named

    @property
    def members(self) -> int:
        """Distinct profiles credited anywhere: the hub's own people."""
        return len({c.person for c in self._all() if c.person})

    @property
    def named(self) -> int:
        """Distinct authors credited by a plain name only: organisations (a foundation, a
        fund) and people without a profile here, which the hub cannot tell apart, so
        they are counted apart from its members and never called people."""
        return len({c.name for c in self._all() if not c.person})

    def _all(self) -> tuple[Credit, ...]:
        return (*self.facilitators, *self.mentors, *self.authors, *self.storytellers)


def recognise(hub: Hub, as_of: dt.date) -> Recognition:
    """Credits in each kind, most first, then by name and id."""
    led: Counter[str] = Counter()
    for session in hub.sessions.values():
        if session.date <= as_of:
            led.update(set(session.facilitators))
    mentoring = Counter({mentor: len(mentees) for mentor, mentees in hub.mentees_of.items()})
    by_name: dict[str, list[str]] = {}
    for person in hub.people.values():
        by_name.setdefault(person.name, []).append(person.id)
    written: Counter[str] = Counter()
    for resource in hub.resources.values():
        written.update({_author_key(hub, by_name, a) for a in resource.authors})
    told: Counter[str] = Counter()
    for story in hub.stories.values():
        if story.date <= as_of:
            told.update({p for p in (story.mentee, *story.mentors) if p})
    return Recognition(
        facilitators=_credits(hub, led),
        mentors=_credits(hub, mentoring),
        authors=_credits(hub, written),
        storytellers=_credits(hub, told),
    )


def _author_key(hub: Hub, by_name: dict[str, list[str]], author: str) -> str:
    """A person id for an author given by id, or by the exact name of exactly one profile."""
    if author in hub.people:
        return author
    ids = by_name.get(author.strip(), [])
    return ids[0] if len(ids) == 1 else author


def _credits(hub: Hub, counts: Counter[str]) -> tuple[Credit, ...]:
    credits = []
    for key, count in counts.items():
        person = hub.people.get(key)
        if person is not None:
            credits.append(Credit(person.name, person.id, count))
        elif count:
            credits.append(Credit(key, "", count))  # a plain-name resource author
    return tuple(sorted(credits, key=lambda c: (-c.count, c.name.lower(), c.person)))
