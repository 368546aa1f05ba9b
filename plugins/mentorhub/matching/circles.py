"""Peer circles: small groups of mentees who share a goal, a language and nearby clocks.

Who joins: mentees who said they meet in groups or peer circles (`formats` has
`group` or `peer-circle`). Each mentee joins at most one circle. Skills are taken
fewest seekers first (then id), so rarer goals get their circles before popular
ones take their seekers; languages in order of how many of those mentees speak
them (then code); within a language, members are laid
out around the clock and cut into runs no more than `circle_max_hours_apart` wide,
then into circles of `circle_min`–`circle_max` people of as even a size as fits.
People without a time zone form circles among themselves.

Each circle gets a suggested facilitator when one exists: a mentor who offers the
skill, meets in groups, speaks the circle's language, is not closed and not
inactive, and not already proposed for `circle_max_per_facilitator` circles (default
2). Mentors with free places come first, then those facilitating fewer circles so
far, then the smallest time-zone gap, then id.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ..hub.models import Person
from .context import MatchContext
from .features import GROUP_FORMATS, MINUTES_PER_DAY, gap_minutes


@dataclass(frozen=True)
class Circle:
    id: str  # the skill id, with -2, -3 … for further circles on the same skill
    skill: str
    language: str
    members: tuple[str, ...]  # sorted by id
    facilitator: str | None
    spread: int | None  # minutes between the earliest and latest clock; None if a zone is unknown
    number: int = 1  # the circle's number among those on the same skill


def joins_circles(person: Person) -> bool:
    return person.is_mentee and bool(GROUP_FORMATS.intersection(person.formats))


def circle_sizes(count: int, low: int, high: int) -> list[int]:
    """Sizes within [low, high] for `count` people, as even as possible, using as many as fit."""
    if count < low:
        return []
    circles = -(-count // high)
    if circles * low > count:
        circles = count // low
        count = min(count, circles * high)
    base, extra = divmod(count, circles)
    return [base + 1] * extra + [base] * (circles - extra)


def propose_circles(ctx: MatchContext) -> tuple[Circle, ...]:
    candidates = [p for p in ctx.mentees if joins_circles(p)]
    seekers: dict[str, list[Person]] = {}
    for person in candidates:
        for skill in dict.fromkeys(person.seeks):
            seekers.setdefault(skill, []).append(person)
    leaders: dict[str, list[Person]] = {}  # skill → mentors who could facilitate it, by id
    for mentor in ctx.mentors:
        if (GROUP_FORMATS.intersection(mentor.formats) and mentor.takes_mentees
                and not mentor.is_stale(ctx.options.today, ctx.options.stale_after_days)):
            for skill in dict.fromkeys(mentor.offers):
                leaders.setdefault(skill, []).append(mentor)
    assigned: set[str] = set()
    facilitating: Counter[str] = Counter()
    made: list[Circle] = []
    # Fewest seekers first: a skill few mentees seek has no other chance to form a circle,
    # while the many who seek a popular skill can still fill circles of their own after.
    for skill in sorted(seekers, key=lambda s: (len(seekers[s]), s)):
        free = [p for p in seekers[skill] if p.id not in assigned]
        spoken = Counter(c for p in free for c in dict.fromkeys(p.languages))
        for language in sorted(spoken, key=lambda c: (-spoken[c], c)):
            group = [p for p in free if language in p.languages and p.id not in assigned]
            for members, spread, middle in _cut(ctx, group):
                number = sum(1 for c in made if c.skill == skill) + 1
                facilitator = _facilitator(ctx, leaders.get(skill, []), language, members,
                                           middle, facilitating)
                if facilitator:
                    facilitating[facilitator] += 1
                made.append(Circle(
                    id=skill if number == 1 else f"{skill}-{number}", skill=skill,
                    language=language, members=tuple(sorted(p.id for p in members)),
                    facilitator=facilitator, spread=spread, number=number,
                ))
                assigned.update(p.id for p in members)
    return tuple(sorted(made, key=lambda c: (ctx.skill(c.skill).label.lower(), c.skill, c.number)))


def _cut(ctx: MatchContext, group: list[Person]) -> list[tuple[list[Person], int | None, int | None]]:
    """Circles from one skill-and-language group: (members, spread, middle offset)."""
    options = ctx.options
    if len(group) < options.circle_min:
        return []
    known = sorted(((o, p.id, p) for p in group if (o := ctx.offset(p)) is not None),
                   key=lambda t: (t[0], t[1]))
    unknown = sorted((p for p in group if ctx.offset(p) is None), key=lambda p: p.id)
    result: list[tuple[list[Person], int | None, int | None]] = []
    start = 0
    for size in circle_sizes(len(unknown), options.circle_min, options.circle_max):
        result.append((unknown[start:start + size], None, None))
        start += size
    if len(known) < options.circle_min:
        return result
    # Unroll the clock at its widest empty stretch, so a circle may span midnight UTC.
    offsets = [o for o, _, _ in known]
    n = len(offsets)
    gaps = [offsets[i + 1] - offsets[i] for i in range(n - 1)]
    gaps.append(offsets[0] + MINUTES_PER_DAY - offsets[-1])
    cut = (max(range(n), key=lambda i: (gaps[i], i)) + 1) % n
    ring = known[cut:] + known[:cut]
    clock = [o + (MINUTES_PER_DAY if i >= n - cut else 0) for i, (o, _, _) in enumerate(ring)]
    window = round(options.circle_max_hours_apart * 60)
    i = 0
    while len(ring) - i >= options.circle_min:
        end = i
        while end + 1 < len(ring) and clock[end + 1] - clock[i] <= window:
            end += 1
        sizes = circle_sizes(end - i + 1, options.circle_min, options.circle_max)
        if not sizes:
            i += 1
            continue
        for size in sizes:
            members = [p for _, _, p in ring[i:i + size]]
            spread = clock[i + size - 1] - clock[i]
            middle = (clock[i] + spread // 2) % MINUTES_PER_DAY
            result.append((members, spread, middle))
            i += size
    return result


def _facilitator(ctx: MatchContext, leaders: list[Person], language: str, members: list[Person],
                 middle: int | None, facilitating: Counter[str]) -> str | None:
    member_ids = {p.id for p in members}
    best: tuple[int, int, int, str] | None = None
    for mentor in leaders:
        if language not in mentor.languages or mentor.id in member_ids:
            continue
        if facilitating[mentor.id] >= ctx.options.circle_max_per_facilitator:
            continue  # spread the load: nobody is proposed for more circles than the cap
        offset = ctx.offset(mentor)
        gap = 0 if middle is None else (MINUTES_PER_DAY if offset is None else gap_minutes(middle, offset))
        rank = (int(ctx.hub.free_capacity(mentor) == 0), facilitating[mentor.id], gap, mentor.id)
        if best is None or rank < best:
            best = rank
    return best[3] if best else None
