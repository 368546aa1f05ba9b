"""Suggested mentors for every mentee, under the hard rules and the fair-exposure cap."""

from __future__ import annotations

from dataclasses import dataclass

from .allocate import allocate
from .context import MatchContext
from .explain import EXPOSURE, Explainer, Explanation
from .features import SCALE
from .reasons import mentee_reasons, mentor_reasons


@dataclass(frozen=True)
class Suggestion:
    """Another person suggested to someone, with the score (0–1) and the reasons in words."""

    person: str
    score: float
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class MentorSuggestions:
    mentors_for: dict[str, tuple[Suggestion, ...]]  # mentee id → suggested mentors, best first
    mentees_for: dict[str, tuple[Suggestion, ...]]  # mentor id → mentees it is suggested to
    why_no_mentor: dict[str, Explanation]  # mentees with no suggestion
    why_no_mentee: dict[str, Explanation]  # mentors suggested to nobody


def suggest_mentors(ctx: MatchContext, explainer: Explainer | None = None) -> MentorSuggestions:
    """Top-k mentors per mentee; each mentor in at most `exposure_cap(free places)` lists."""
    explainer = explainer or Explainer(ctx)
    hub = ctx.hub
    mentors = ctx.available_mentors()
    pool = ctx.mentor_pool(mentors)
    queries = [ctx.mentee_query(m, pool) for m in ctx.mentees]
    room = [ctx.options.exposure_cap(hub.free_capacity(m)) for m in mentors]
    taken = allocate(pool, queries, ctx.options.top_k, room)

    mentors_for: dict[str, tuple[Suggestion, ...]] = {}
    pairs: dict[str, list[tuple[int, str, Suggestion]]] = {}
    why_no_mentor: dict[str, Explanation] = {}
    for mentee, keys in zip(ctx.mentees, taken, strict=True):
        found = []
        for key in keys:
            mentor = mentors[pool.person_at(key)]
            points = pool.points(key)
            found.append(Suggestion(mentor.id, points / SCALE, mentor_reasons(ctx, mentee, mentor)))
            pairs.setdefault(mentor.id, []).append(
                (-points, mentee.id, Suggestion(mentee.id, points / SCALE,
                                                 mentee_reasons(ctx, mentor, mentee))))
        mentors_for[mentee.id] = tuple(found)
        if not found:
            why_no_mentor[mentee.id] = explainer.no_mentor(mentee, EXPOSURE)

    mentees_for = {m.id: tuple(
        s for *_, s in sorted(pairs.get(m.id, []), key=lambda t: (t[0], t[1]))) for m in ctx.mentors}
    why_no_mentee = {m.id: explainer.no_mentee(m) for m in ctx.mentors if not mentees_for[m.id]}
    return MentorSuggestions(mentors_for, mentees_for, why_no_mentor, why_no_mentee)
