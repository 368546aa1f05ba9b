"""Ranking candidates for one seeker through an inverted index, never a loop over all pairs.

The pool holds candidates (mentors, or peers) indexed by skill and by language.
For a seeker it splits the candidates who share a skill into classes by *which*
of the seeker's skills they cover (intersections of index sets, done in C):
everyone in a class gets the same skill points, so within a class only the
time-zone and format ("place") points differ, and those depend only on the
seeker's UTC offset and formats. Small classes are ranked directly; a large class
(a popular skill) is walked in an order cached per (skill, offset, formats) and
shared by every seeker with that profile, stopping after the few it needs.

Rankings are integer *keys*: `points * stride + (stride - 1 - position)`, so a larger
key means a higher score, then the smaller id (positions follow id order).
"""

from __future__ import annotations

import heapq
from array import array
from collections.abc import Callable, Iterable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..hub.models import Person
from .features import NO_OFFSET, Scorer, format_mask, place_points

_EMPTY: frozenset[int] = frozenset()
#: Classes up to this size are ranked directly; larger ones are walked in a cached order.
SMALL_CLASS = 64
#: Beyond this many matching skills, classes could explode combinatorially: rank one by one.
MAX_CLASS_SKILLS = 8


@dataclass(frozen=True)
class Query:
    """A seeker, reduced to what ranking needs."""

    skills: tuple[str, ...]  # what they look for, in their order, without repeats
    rarities: tuple[float, ...]  # the weight of each skill
    languages: tuple[str, ...]
    offset: int | None  # UTC offset in minutes on the build date
    formats: int  # format bit mask
    exclude: frozenset[int] = _EMPTY  # pool positions never to return (themselves, current mentors)


class Pool:
    """Candidates sorted by id; `position` is their index in that order."""

    def __init__(self, people: Sequence[Person], skills_of: Callable[[Person], Iterable[str]],
                 scorer: Scorer, offsets: Sequence[int | None], *,
                 include_unrelated: bool = False) -> None:
        self.people = list(people)
        self.position = {p.id: i for i, p in enumerate(self.people)}
        self.scorer = scorer
        self.stride = 1 << max(1, len(self.people).bit_length())
        # Candidates who share no skill may still be ranked (peers), on place points alone.
        self.include_unrelated = include_unrelated
        self._skills = [tuple(dict.fromkeys(skills_of(p))) for p in self.people]
        self._attrs = [(offsets[i], format_mask(p.formats)) for i, p in enumerate(self.people)]
        self._offsets = np.array([NO_OFFSET if o is None else o for o in offsets], dtype=np.int64)
        self._formats = np.array([f for _, f in self._attrs], dtype=np.int64)
        self.by_skill: dict[str, set[int]] = {}
        by_language: dict[str, set[int]] = {}
        for i, person in enumerate(self.people):
            for skill in self._skills[i]:
                self.by_skill.setdefault(skill, set()).add(i)
            for code in person.languages:
                by_language.setdefault(code, set()).add(i)
        self.by_language = {k: frozenset(v) for k, v in by_language.items()}
        # Who offers what before any removal: whole-graph solvers (cohort, exposure flow)
        # need every feasible pair, including mentors the greedy has since filled.
        self.all_by_skill = {k: frozenset(v) for k, v in self.by_skill.items()}
        self._allowed: dict[tuple[str, ...], frozenset[int]] = {}
        self._tables: dict[tuple[int | None, int], array[int]] = {}
        # (skill, seeker offset, seeker formats) → [that skill's candidates' keys, best first;
        # index of the first one not yet removed]
        self._orders: dict[tuple[str, int | None, int], list[Any]] = {}

    def fresh(self) -> Pool:
        """The same candidates with nobody removed, sharing the cached place tables."""
        copy = object.__new__(Pool)
        copy.__dict__.update(self.__dict__)
        copy.by_skill = {k: set(v) for k, v in self.all_by_skill.items()}
        copy._orders = {}
        return copy

    # -- keys ------------------------------------------------------------------------------

    def points(self, key: int) -> int:
        return key // self.stride

    def person_at(self, key: int) -> int:
        return self.stride - 1 - key % self.stride

    # -- changes ---------------------------------------------------------------------------

    def remove(self, position: int) -> None:
        """Never rank this candidate again (e.g. a mentor whose room ran out)."""
        for skill in self._skills[position]:
            self.by_skill[skill].discard(position)

    # -- ranking ---------------------------------------------------------------------------

    def speakers(self, languages: Iterable[str]) -> frozenset[int]:
        """Candidates who speak at least one of `languages` (cached per language set)."""
        codes = tuple(sorted(set(languages)))
        found = self._allowed.get(codes)
        if found is None:
            if len(codes) == 1:
                found = self.by_language.get(codes[0], _EMPTY)
            else:
                found = frozenset().union(*(self.by_language.get(c, _EMPTY) for c in codes))
            self._allowed[codes] = found
        return found

    def place_table(self, offset: int | None, formats: int) -> array[int]:
        """Per candidate: place points (time zone + formats) as a key, for one seeker profile."""
        table = self._tables.get((offset, formats))
        if table is None:
            points = place_points(self.scorer, offset, formats, self._offsets, self._formats)
            keys = points * self.stride + (self.stride - 1 - np.arange(len(points), dtype=np.int64))
            table = array("q")
            table.frombytes(keys.astype(np.int64).tobytes())
            self._tables[(offset, formats)] = table
        return table

    def top(self, query: Query, limit: int, exclude: Iterable[int] = ()) -> list[int]:
        """The `limit` best keys for this seeker, best first."""
        banned = query.exclude.union(exclude) if exclude else query.exclude
        allowed = self.speakers(query.languages)
        table = self.place_table(query.offset, query.formats)
        want = limit + len(banned)  # fetch extra, then drop the banned: cheaper than copying sets
        present = [(bit, skill, members) for bit, skill in enumerate(query.skills)
                   if (members := self.by_skill.get(skill))]
        if len(present) > MAX_CLASS_SKILLS:
            keys = self._rank_each(query, present, allowed, table, want)
        else:
            keys = self._rank_classes(query, present, allowed, table, want)
        if self.include_unrelated:
            keys.sort(reverse=True)
            best_place = self.scorer.timezone + self.scorer.formats
            if len(keys) < want or self.points(keys[want - 1]) <= best_place:
                keys.extend(self._unrelated(query, table, [m for _, _, m in present], allowed, want))
        keys.sort(reverse=True)
        if banned:
            keys = [k for k in keys if self.person_at(k) not in banned]
        return keys[:limit]

    def all_keys(self, query: Query, into: array[int] | None = None) -> array[int]:
        """Every candidate who shares a skill and a language (removed ones too), unsorted.

        For exact solvers that need the whole feasible graph; the set work is done in
        C, one class of candidates (same covered skills) at a time.
        """
        keys = array("q") if into is None else into
        present = [(bit, skill, offering) for bit, skill in enumerate(query.skills)
                   if (offering := self.all_by_skill.get(skill))]
        if not present:
            return keys
        allowed = self.speakers(query.languages)
        table = self.place_table(query.offset, query.formats)
        banned = query.exclude
        if len(present) > MAX_CLASS_SKILLS:
            masks: dict[int, int] = {}
            for bit, _, members in present:
                for i in members.intersection(allowed):
                    masks[i] = masks.get(i, 0) | 1 << bit
            for i, mask in masks.items():
                if i not in banned:
                    keys.append(table[i] + self._bonus(query, mask))
        else:
            for mask, group, _ in _intersections(present):
                chosen = allowed.intersection(group)
                others = [m for bit, _, m in present if not mask >> bit & 1]
                if others:
                    chosen = chosen.difference(*others)
                if banned:
                    chosen = chosen.difference(banned)
                bonus = self._bonus(query, mask)
                keys.extend(table[i] + bonus for i in chosen)
        return keys

    def _bonus(self, query: Query, mask: int) -> int:
        """Skill points, as a key offset, for covering the skills in `mask`."""
        shared = [rarity for bit, rarity in enumerate(query.rarities) if mask >> bit & 1]
        return self.scorer.skill_points(shared) * self.stride

    def _rank_classes(self, query: Query, present: list[tuple[int, str, set[int]]],
                      allowed: frozenset[int], table: array[int], want: int) -> list[int]:
        """Best keys per class of candidates covering exactly the same skills."""
        keys: list[int] = []
        for mask, members, walk_skill in _intersections(present):
            others = [m for bit, _, m in present if not mask >> bit & 1]
            bonus = self._bonus(query, mask)
            if len(members) <= SMALL_CLASS:
                chosen = allowed.intersection(members)
                if others:
                    chosen = chosen.difference(*others)
                found = sorted(map(table.__getitem__, chosen), reverse=True)[:want]
            else:
                found = self._walk(walk_skill, query, table, members, others, allowed, want)
            keys.extend(k + bonus for k in found)
        return keys

    def _walk(self, skill: str, query: Query, table: array[int], members: AbstractSet[int],
              others: list[set[int]], allowed: frozenset[int], want: int) -> list[int]:
        """The first `want` class members in this skill's cached order for the seeker's profile."""
        cache_key = (skill, query.offset, query.formats)
        entry = self._orders.get(cache_key)
        if entry is None:
            order = array("q", sorted(map(table.__getitem__, self.by_skill[skill]), reverse=True))
            entry = self._orders[cache_key] = [order, 0]
        order, start = entry
        stride, current = self.stride, self.by_skill[skill]
        while start < len(order) and stride - 1 - order[start] % stride not in current:
            start += 1  # candidates removed for good: skip them once, not on every walk
        entry[1] = start
        other = others[0] if len(others) == 1 else None
        found: list[int] = []
        for n in range(start, len(order)):
            key = order[n]
            i = stride - 1 - key % stride
            if i not in members or i not in allowed:
                continue
            if other is not None:
                if i in other:
                    continue
            elif others and any(i in o for o in others):
                continue
            found.append(key)
            if len(found) >= want:
                break
        return found

    def _unrelated(self, query: Query, table: array[int], covered: list[set[int]],
                   allowed: frozenset[int], want: int) -> list[int]:
        """The best candidates who share no skill: ranked on place points alone."""
        if len(allowed) <= 4 * SMALL_CLASS:
            rest = allowed.difference(*covered) if covered else allowed
            return heapq.nlargest(want, map(table.__getitem__, rest))
        # Many speakers (everyone speaks English): walk everyone in an order cached per
        # seeker profile and stop early, instead of ranking thousands on every call.
        cache_key = ("", query.offset, query.formats)
        entry = self._orders.get(cache_key)
        if entry is None:
            entry = self._orders[cache_key] = [array("q", sorted(table, reverse=True)), 0]
        stride = self.stride
        found: list[int] = []
        for key in entry[0]:
            i = stride - 1 - key % stride
            if i in allowed and not any(i in members for members in covered):
                found.append(key)
                if len(found) >= want:
                    break
        return found

    def _rank_each(self, query: Query, present: list[tuple[int, str, set[int]]],
                   allowed: frozenset[int], table: array[int], want: int) -> list[int]:
        """Candidate by candidate: for seekers listing very many skills, where classes explode."""
        masks: dict[int, int] = {}
        for bit, _, members in present:
            for i in members:
                if i in allowed:
                    masks[i] = masks.get(i, 0) | 1 << bit
        bonuses: dict[int, int] = {}
        keys = []
        for i, mask in masks.items():
            bonus = bonuses.get(mask)
            if bonus is None:
                bonus = bonuses[mask] = self._bonus(query, mask)
            keys.append(table[i] + bonus)
        return heapq.nlargest(want, keys)


def _intersections(present: Sequence[tuple[int, str, AbstractSet[int]]],
                   ) -> list[tuple[int, AbstractSet[int], str]]:
    """(mask, candidates offering every skill in mask, the smallest such skill), level by level.

    Only non-empty intersections are extended, so the work follows the data: a seeker
    with three skills rarely has more than a handful of classes.
    """
    result = [(1 << bit, members, skill) for bit, skill, members in present]
    sizes = {skill: len(members) for _, skill, members in present}
    frontier = result
    while frontier:
        grown = []
        for mask, members, smallest in frontier:
            for bit, skill, more in present:
                if bit < mask.bit_length():
                    continue
                both = members & more
                if both:
                    grown.append((mask | 1 << bit, both, min(smallest, skill, key=lambda s: (sizes[s], s))))
        result.extend(grown)
        frontier = grown
    return result
