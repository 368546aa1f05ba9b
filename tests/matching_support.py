"""Random hubs for matching property tests, and a naive reference that scores every pair.

The reference is deliberately the obvious O(mentees × mentors) loop straight from
the contract's rules, so the fast inverted-index implementation can be checked
against it on small hubs.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Iterable
from zoneinfo import ZoneInfo

from hypothesis import strategies as st

from mentorhub.hub.models import Hub, Person, Skill, Source
from mentorhub.hub.schema import AVAILABILITY, FORMATS
from mentorhub.matching import MatchOptions

TODAY = dt.date(2026, 11, 22)
SKILL_IDS = ("s0", "s1", "s2", "s3", "s4")
LANGS = ("en", "es", "fr")
# Whole, half and three-quarter hour offsets, both hemispheres' daylight saving, and no zone.
ZONES = ("", "UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata", "Asia/Kathmandu",
         "Pacific/Auckland", "America/Sao_Paulo", "Australia/Adelaide")


def skill_vocabulary() -> dict[str, Skill]:
    return {s: Skill(s, f"Skill {s[1:]}", "Test") for s in SKILL_IDS}


def person(person_id: str, roles: Iterable[str], **fields: object) -> Person:
    return Person(id=person_id, source=Source(f"content/people/{person_id}.md"), name=person_id.title(),
                  roles=tuple(roles), **fields)  # type: ignore[arg-type]


@st.composite
def hubs(draw: st.DrawFn, max_mentors: int = 6, max_mentees: int = 8, max_peers: int = 3) -> Hub:
    """A valid hub: mentors, mentees, people with both roles, and peers, with every variation
    the hard rules care about (closed, full, stale, no shared language, current mentors)."""
    def languages() -> tuple[str, ...]:
        return tuple(draw(st.lists(st.sampled_from(LANGS), min_size=1, max_size=2, unique=True)))

    def skills() -> tuple[str, ...]:
        return tuple(draw(st.lists(st.sampled_from(SKILL_IDS), min_size=1, max_size=3, unique=True)))

    def common() -> dict[str, object]:
        return {
            "languages": languages(),
            "timezone": draw(st.sampled_from(ZONES)),
            "formats": tuple(draw(st.lists(st.sampled_from(FORMATS), min_size=1, max_size=3,
                                           unique=True))),
            "confirmed": draw(st.one_of(st.none(), st.integers(0, 800).map(
                lambda days: TODAY - dt.timedelta(days=days)))),
        }

    n_mentors = draw(st.integers(0, max_mentors))
    n_both = draw(st.integers(0, 2))
    n_mentees = draw(st.integers(0, max_mentees))
    n_peers = draw(st.integers(0, max_peers))
    mentor_ids = [f"t{i}" for i in range(n_mentors)] + [f"d{i}" for i in range(n_both)]
    people: list[Person] = []
    for person_id in mentor_ids:
        roles = ("mentor", "mentee") if person_id.startswith("d") else ("mentor",)
        extra: dict[str, object] = {}
        if "mentee" in roles:
            extra["seeks"] = skills()
            extra["mentors"] = tuple(draw(st.lists(
                st.sampled_from([m for m in mentor_ids if m != person_id] or ["-"]),
                max_size=2, unique=True).map(lambda ids: [i for i in ids if i != "-"])))
        people.append(person(
            person_id, roles, offers=skills(), capacity=draw(st.integers(0, 3)),
            availability=draw(st.sampled_from(AVAILABILITY)), **common(), **extra))
    for i in range(n_mentees):
        current = draw(st.lists(st.sampled_from(mentor_ids), max_size=2, unique=True)) if mentor_ids else []
        people.append(person(f"m{i}", ("mentee",), seeks=skills(), mentors=tuple(current), **common()))
    for i in range(n_peers):
        people.append(person(f"p{i}", ("peer",), **common()))
    order = draw(st.permutations(people))  # the hub's insertion order must not matter
    return Hub(skills=skill_vocabulary(), people={p.id: p for p in order})


# -- the reference ------------------------------------------------------------------------------


def offset(zone: str, day: dt.date = TODAY) -> int | None:
    if not zone:
        return None
    moment = dt.datetime(day.year, day.month, day.day, 12, tzinfo=dt.UTC).astimezone(ZoneInfo(zone))
    delta = moment.utcoffset()
    assert delta is not None
    return int(delta.total_seconds()) // 60


def gap(a: Person, b: Person) -> int | None:
    x, y = offset(a.timezone), offset(b.timezone)
    if x is None or y is None:
        return None
    d = abs(x - y) % 1440
    return min(d, 1440 - d)


def mentors(hub: Hub) -> list[Person]:
    return sorted((p for p in hub.people.values() if p.is_mentor), key=lambda p: p.id)


def mentees(hub: Hub) -> list[Person]:
    return sorted((p for p in hub.people.values() if p.is_mentee), key=lambda p: p.id)


def free_places(hub: Hub, mentor: Person) -> int:
    taken = sum(1 for p in hub.people.values() if p.is_mentee and mentor.id in p.mentors)
    return max(0, mentor.capacity - taken)


def valid_pair(hub: Hub, options: MatchOptions, mentee: Person, mentor: Person) -> bool:
    """The contract's hard rules, word for word."""
    return (
        mentor.is_mentor and mentee.is_mentee and mentee.id != mentor.id
        and mentor.availability not in ("closed", "paused")  # never suggested
        and free_places(hub, mentor) > 0
        and bool(set(mentee.languages) & set(mentor.languages))
        and bool(set(mentee.seeks) & set(mentor.offers))
        and mentor.id not in mentee.mentors
        and not (mentor.confirmed is not None
                 and (options.today - mentor.confirmed).days > options.stale_after_days)
    )


def points(hub: Hub, options: MatchOptions, seeker: Person, other: Person,
           seeker_skills: tuple[str, ...], other_skills: Iterable[str],
           counts: Callable[[str], tuple[int, int]]) -> int:
    """Score in thousandths: shared skills by rarity + time-zone closeness + a shared format.

    Written from docs/matching.md: the skills part is 1 - the product of 1/(1 + rarity)
    over the shared skills, the formats part is all or nothing.
    """
    ws, wt, wf = options.weights.thousandths()
    theirs = set(other_skills)
    shared = []
    for skill in dict.fromkeys(seeker_skills):
        df, n = counts(skill)
        if skill in theirs:
            shared.append(math.log((1 + n) / (1 + df)) + 1.0)
    remaining = 1.0
    for rarity in sorted(shared):
        remaining /= 1.0 + rarity
    skill_points = round(ws * (1.0 - remaining))
    g = gap(seeker, other)
    tz_points = round(wt * 0.5) if g is None else round(wt * (720 - g) / 720)
    fmt_points = wf if set(seeker.formats) & set(other.formats) else 0
    return skill_points + tz_points + fmt_points


def mentor_points(hub: Hub, options: MatchOptions, mentee: Person, mentor: Person) -> int:
    everyone = mentors(hub)

    def counts(skill: str) -> tuple[int, int]:
        return sum(1 for m in everyone if skill in m.offers), len(everyone)

    return points(hub, options, mentee, mentor, mentee.seeks, mentor.offers, counts)


def greedy(pairs: list[tuple[int, str, str]], quota: int,
           room: dict[str, int]) -> dict[str, list[tuple[str, int]]]:
    """Pairs (points, mentee, mentor) in order of score, mentee id, mentor id; quota and room."""
    taken: dict[str, list[tuple[str, int]]] = {}
    left = dict(room)
    for pts, mentee, mentor in sorted(pairs, key=lambda p: (-p[0], p[1], p[2])):
        if len(taken.setdefault(mentee, [])) < quota and left[mentor] > 0:
            taken[mentee].append((mentor, pts))
            left[mentor] -= 1
    return taken


def reference_suggestions(hub: Hub, options: MatchOptions) -> dict[str, list[tuple[str, int]]]:
    pairs = [(mentor_points(hub, options, e, t), e.id, t.id)
             for e in mentees(hub) for t in mentors(hub) if valid_pair(hub, options, e, t)]
    room = {t.id: options.exposure_cap(free_places(hub, t)) for t in mentors(hub)}
    taken = greedy(pairs, options.top_k, room)
    return {e.id: taken.get(e.id, []) for e in mentees(hub)}


def cohort_pairs(hub: Hub, options: MatchOptions) -> list[tuple[int, str, str]]:
    return [(mentor_points(hub, options, e, t), e.id, t.id)
            for e in mentees(hub) if not e.mentors
            for t in mentors(hub) if valid_pair(hub, options, e, t)]


def deferred_acceptance(pairs: list[tuple[int, str, str]], room: dict[str, int]) -> dict[str, str]:
    """Textbook mentee-proposing deferred acceptance with capacities (hospitals/residents)."""
    score = {(e, t): p for p, e, t in pairs}
    prefs: dict[str, list[str]] = {}
    for _, e, t in sorted(pairs, key=lambda x: (-x[0], x[2])):
        prefs.setdefault(e, []).append(t)
    following = dict.fromkeys(prefs, 0)
    held: dict[str, list[str]] = {t: [] for t in room}
    free = sorted(prefs, reverse=True)
    while free:
        mentee = free.pop()
        if following[mentee] >= len(prefs[mentee]):
            continue
        mentor = prefs[mentee][following[mentee]]
        following[mentee] += 1
        held[mentor].append(mentee)
        if len(held[mentor]) > room[mentor]:
            worst = max(held[mentor], key=lambda e: (-score[(e, mentor)], e))
            held[mentor].remove(worst)
            free.append(worst)
    return {e: t for t, es in held.items() for e in es}


def blocking_pairs(pairs: list[tuple[int, str, str]], room: dict[str, int],
                   matching: dict[str, str]) -> list[tuple[str, str]]:
    """(mentee, mentor) pairs who would both rather be together than where they are."""
    score = {(e, t): p for p, e, t in pairs}

    def mentee_key(e: str, t: str) -> tuple[int, str]:
        return (-score[(e, t)], t)

    def mentor_key(t: str, e: str) -> tuple[int, str]:
        return (-score[(e, t)], e)

    holding: dict[str, list[str]] = {t: [] for t in room}
    for e, t in matching.items():
        holding[t].append(e)
    found = []
    for _, e, t in pairs:
        if matching.get(e) == t:
            continue
        mentee_wants = e not in matching or mentee_key(e, t) < mentee_key(e, matching[e])
        mentor_wants = len(holding[t]) < room[t] or any(
            mentor_key(t, e) < mentor_key(t, other) for other in holding[t])
        if mentee_wants and mentor_wants:
            found.append((e, t))
    return found


def max_matching(pairs: list[tuple[str, str]], room: dict[str, int],
                 seekers: list[str] | None = None) -> int:
    """Most seekers that can each get one candidate, candidate t taking at most room[t].

    Textbook augmenting paths (Ford–Fulkerson on the bipartite graph): an independent
    reference for the scipy flows, fine for the few dozen pairs of a test hub.
    """
    options: dict[str, list[str]] = {}
    for e, t in sorted(pairs):
        options.setdefault(e, []).append(t)
    holding: dict[str, list[str]] = {t: [] for t in room}

    def place(e: str, seen: set[str]) -> bool:
        for t in options.get(e, []):
            if t in seen:
                continue
            seen.add(t)
            if len(holding[t]) < room[t]:
                holding[t].append(e)
                return True
            for other in list(holding[t]):
                if place(other, seen):
                    holding[t].remove(other)
                    holding[t].append(e)
                    return True
        return False

    return sum(1 for e in (seekers if seekers is not None else sorted(options)) if place(e, set()))
