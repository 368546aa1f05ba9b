"""Facts about a hub that every matching step needs, computed once per build."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from functools import cached_property

from ..hub.models import Hub, Person, Skill
from .features import Scorer, format_mask, rarity, utc_offset_minutes
from .graph import MentorGraph, feasible_edges
from .options import MatchOptions
from .pool import Pool, Query

CLOSED, INACTIVE, FULL = "closed", "inactive", "full"


class MatchContext:
    """The hub, the options, and derived lookups: who offers what, who is available."""

    def __init__(self, hub: Hub, options: MatchOptions) -> None:
        self.hub = hub
        self.options = options
        self.scorer = Scorer(*options.weights.thousandths())
        self.mentors = sorted(hub.mentors(), key=lambda p: p.id)
        self.mentees = sorted(hub.mentees(), key=lambda p: p.id)
        #: skill → how many mentors offer it: all published mentors, as skill pages count them
        self.offered_by: Counter[str] = Counter(s for m in self.mentors for s in dict.fromkeys(m.offers))
        self.mentor_count = len(self.mentors)

    # -- people ----------------------------------------------------------------------------

    def offset(self, person: Person) -> int | None:
        return utc_offset_minutes(person.timezone, self.options.today)

    def unavailable(self, mentor: Person) -> str | None:
        """Why a mentor cannot be suggested right now (closed, inactive, full), or None."""
        if not mentor.takes_mentees:  # closed or paused
            return CLOSED
        if mentor.is_stale(self.options.today, self.options.stale_after_days):
            return INACTIVE
        if self.hub.free_capacity(mentor) <= 0:
            return FULL
        return None

    def available_mentors(self) -> list[Person]:
        return [m for m in self.mentors if self.unavailable(m) is None]

    def skill(self, skill_id: str) -> Skill:
        return self.hub.skills.get(skill_id) or Skill(skill_id, skill_id, "Other")

    def rarity(self, skill_id: str) -> float:
        return rarity(self.offered_by.get(skill_id, 0), self.mentor_count)

    # -- ranking ---------------------------------------------------------------------------

    def mentor_pool(self, mentors: list[Person]) -> Pool:
        return Pool(mentors, lambda p: p.offers, self.scorer, [self.offset(m) for m in mentors])

    @cached_property
    def blocked_for(self) -> dict[str, set[str]]:
        """Mentee id → mentors the organizers blocked for them (content/matching.yml)."""
        found: dict[str, set[str]] = {}
        for mentee, mentor in self.options.blocked:
            found.setdefault(mentee, set()).add(mentor)
        return found

    @cached_property
    def mentor_graph(self) -> MentorGraph:
        """Every feasible (mentee, available mentor) pair with its points, built once per build
        and shared by the suggestions and the cohort."""
        mentors = self.available_mentors()
        pool = self.mentor_pool(mentors)
        queries = [self.mentee_query(m, pool) for m in self.mentees]
        return MentorGraph(mentors, pool, queries, feasible_edges(pool, queries))

    def mentee_query(self, mentee: Person, pool: Pool) -> Query:
        skills = tuple(dict.fromkeys(mentee.seeks))
        never = (mentee.id, *mentee.mentors, *self.blocked_for.get(mentee.id, ()))
        exclude = [pool.position[i] for i in never if i in pool.position]
        return Query(
            skills=skills,
            rarities=tuple(self.rarity(s) for s in skills),
            languages=mentee.languages,
            offset=self.offset(mentee),
            formats=format_mask(mentee.formats),
            exclude=frozenset(exclude),
        )


def labels(ctx: MatchContext, skill_ids: Iterable[str]) -> list[str]:
    return [ctx.skill(s).label for s in skill_ids]
