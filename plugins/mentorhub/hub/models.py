"""Frozen, typed records: what every module past validation works with.

Values here are already normalised (skill aliases resolved, defaults applied).
`private` values and unpublished emails never enter these models, so nothing
downstream can leak them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import cached_property


@dataclass(frozen=True)
class Source:
    """Where a record came from, for error messages and "propose an edit" links."""

    path: str  # relative to the project root, e.g. content/people/ana.md
    line: int = 1


@dataclass(frozen=True)
class Skill:
    id: str
    label: str  # in the language being published (see in_language); as written when plain
    category: str
    aliases: tuple[str, ...] = ()
    description: str = ""
    # skills.yml's per-language label and description: (ISO 639-1 code, text) in file
    # order; empty when the file gives one text for every language.
    labels: tuple[tuple[str, str], ...] = ()
    descriptions: tuple[tuple[str, str], ...] = ()

    def in_language(self, lang: str, first: str) -> Skill:
        """This skill with `label` and `description` in `lang` (a UI language, `pt-BR` reads
        `pt`), else in `first` (the hub's first language), else the first one written."""
        return replace(self, label=_pick(self.labels, lang, first) or self.label,
                       description=_pick(self.descriptions, lang, first) or self.description)


def _base(lang: str) -> str:
    return lang.replace("_", "-").split("-")[0].lower()


def _pick(texts: tuple[tuple[str, str], ...], lang: str, first: str) -> str:
    found = dict(texts)
    return found.get(_base(lang)) or found.get(_base(first)) or (texts[0][1] if texts else "")


@dataclass(frozen=True)
class Person:
    id: str
    source: Source
    name: str
    roles: tuple[str, ...]
    languages: tuple[str, ...]
    offers: tuple[str, ...] = ()
    seeks: tuple[str, ...] = ()
    headline: str = ""
    pronouns: str = ""
    location: str = ""
    timezone: str = ""
    country: str = ""  # ISO 3166-1 alpha-2 code
    photo: str = ""  # a checked image, path under content/ (media/people/ana.jpg)
    formats: tuple[str, ...] = ("one-on-one",)
    capacity: int = 0
    capacity_stated: bool = True  # False: no `capacity` given; matching assumes 1, pages say "not stated"
    availability: str = "open"
    mentors: tuple[str, ...] = ()
    prefers: tuple[str, ...] = ()  # a mentee's preferred mentors, most wanted first
    joined: dt.date | None = None
    confirmed: dt.date | None = None
    links: tuple[tuple[str, str], ...] = ()
    github: str = ""  # GitHub user name (public), only for @-mentions in nudges
    public_email: str = ""  # set only when contact.public is true
    plain_hidden_email: bool = False  # contact.email without public: true (its value is not kept)
    sealed_contact: bool = False  # contact.sealed is set (the block is not kept)
    #: A digest of the sealed block's armor (hub/sealing.py `fingerprint`), so `diff` sees
    #: a block replaced; "" without one. Never published.
    sealed_digest: str = ""
    body: str = ""
    lang: str = ""  # ISO 639-1 code of the text; "" = the hub's language

    @property
    def is_mentor(self) -> bool:
        return "mentor" in self.roles

    @property
    def is_mentee(self) -> bool:
        return "mentee" in self.roles

    @property
    def is_peer(self) -> bool:
        return "peer" in self.roles

    @property
    def takes_mentees(self) -> bool:
        """Not `closed` nor `paused`: the availabilities that are never suggested nor counted."""
        return self.availability not in ("closed", "paused")

    def is_stale(self, today: dt.date, stale_after_days: int) -> bool:
        """A mentor not confirmed within the window "may be inactive"; no date is not stale."""
        return self.confirmed is not None and (today - self.confirmed).days > stale_after_days


@dataclass(frozen=True)
class Resource:
    id: str
    source: Source
    title: str
    kind: str
    summary: str
    topics: tuple[str, ...]
    audience: tuple[str, ...] = ()
    level: str = ""
    url: str = ""
    authors: tuple[str, ...] = ()  # person ids or plain names
    updated: dt.date | None = None
    body: str = ""
    lang: str = ""  # ISO 639-1 code of the text; "" = the hub's language


@dataclass(frozen=True)
class Session:
    id: str
    source: Source
    title: str
    date: dt.date
    format: str
    facilitators: tuple[str, ...]
    topics: tuple[str, ...]
    group: str = ""
    participants: tuple[str, ...] = ()
    attendance: int = 0
    duration: int | None = None  # minutes
    feedback_responses: int = 0
    satisfaction: float | None = None
    resources: tuple[str, ...] = ()
    body: str = ""
    lang: str = ""  # ISO 639-1 code of the text; "" = the hub's language


@dataclass(frozen=True)
class Story:
    id: str
    source: Source
    title: str
    date: dt.date
    summary: str
    outcomes: tuple[str, ...]
    mentee: str = ""
    mentors: tuple[str, ...] = ()
    group: str = ""
    skills: tuple[str, ...] = ()
    confidence_before: int | None = None
    confidence_after: int | None = None
    quote: str = ""
    rating: int | None = None  # 1-5, survey data: published only in small-group-safe aggregates
    reviewer: str = ""  # plain name of the person quoted, when they have no profile
    body: str = ""
    lang: str = ""  # ISO 639-1 code of the text; "" = the hub's language


@dataclass(frozen=True)
class FreePage:
    """A free-form page (content/index.md, content/pages/**.md), validated like a record."""

    src_uri: str  # relative to content/: index.md, pages/about.md
    source: Source
    title: str
    description: str = ""
    lang: str = ""
    body: str = ""


@dataclass(frozen=True)
class Hub:
    """Every published record, keyed and sorted by id, plus derived lookups."""

    skills: dict[str, Skill] = field(default_factory=dict)
    people: dict[str, Person] = field(default_factory=dict)
    resources: dict[str, Resource] = field(default_factory=dict)
    sessions: dict[str, Session] = field(default_factory=dict)
    stories: dict[str, Story] = field(default_factory=dict)
    pages: dict[str, FreePage] = field(default_factory=dict)  # src_uri → page

    @property
    def record_count(self) -> int:
        return len(self.people) + len(self.resources) + len(self.sessions) + len(self.stories)

    def in_language(self, lang: str, first: str) -> Hub:
        """The hub as one language's tree shows it: skill labels and descriptions in `lang`."""
        if not any(s.labels or s.descriptions for s in self.skills.values()):
            return self
        return replace(self, skills={k: s.in_language(lang, first) for k, s in self.skills.items()})

    def mentors(self) -> Iterator[Person]:
        return (p for p in self.people.values() if p.is_mentor)

    def mentees(self) -> Iterator[Person]:
        return (p for p in self.people.values() if p.is_mentee)

    def peers(self) -> Iterator[Person]:
        return (p for p in self.people.values() if p.is_peer)

    @cached_property
    def mentees_of(self) -> dict[str, tuple[str, ...]]:
        """Mentor id → ids of mentees who list them (active pairs)."""
        result: dict[str, list[str]] = {}
        for mentee in self.mentees():
            for mentor_id in mentee.mentors:
                result.setdefault(mentor_id, []).append(mentee.id)
        return {k: tuple(sorted(v)) for k, v in sorted(result.items())}

    def free_capacity(self, mentor: Person) -> int:
        return max(0, mentor.capacity - len(self.mentees_of.get(mentor.id, ())))

    def sessions_newest_first(self) -> list[Session]:
        return sorted(self.sessions.values(), key=lambda s: (s.date, s.id), reverse=True)

    def stories_newest_first(self) -> list[Story]:
        return sorted(self.stories.values(), key=lambda s: (s.date, s.id), reverse=True)
