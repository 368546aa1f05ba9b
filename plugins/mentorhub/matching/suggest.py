"""Suggested mentors for every mentee, under the hard rules and the fair-exposure cap.

Handed out in four steps, each within what is left of every mentor's cap
(max(exposure_min, exposure_per_place × free places) lists):

1. **The cohort's mentor first**: a mentee the cohort proposal pairs sees that
   mentor among their suggestions (the cap is never below the free places the
   cohort uses, so this always fits); then each mentee's preferred mentors
   (`prefers:`) who fit and have room, everyone's first choice before anyone's second.
2. **A first mentor for everyone who can have one, unpaired mentees first**: the
   greedy (best score first) gives each mentee without a current mentor their best
   mentor with room; augmenting paths (`graph.augment`, a maximum flow) then cover
   every such mentee any assignment could; then the same for mentees who already
   have a mentor, never uncovering anyone. The result covers as many mentees as a
   maximum flow under the caps can (with the cohort's pairs held fixed).
3. **The rest of the list**: the greedy fills each list up to `top_k`, mentees
   without a mentor first, then the others.

The greedy ("best pair first": score, then mentee id, then mentor id) runs as
deferred acceptance in numpy rounds (`graph.stable_fill`), which gives the same
pairs, since both sides rank pairs by that one order.
4. Each list is shown best score first, ties by mentor id.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from .context import MatchContext
from .explain import EXPOSURE, Explainer, Explanation
from .features import SCALE
from .graph import augment, stable_fill, stable_first
from .reasons import mentee_reasons, mentor_reasons

if TYPE_CHECKING:
    from .cohort import Cohort


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


def suggest_mentors(ctx: MatchContext, explainer: Explainer | None = None,
                    cohort: Cohort | None = None) -> MentorSuggestions:
    """Top-k mentors per mentee; each mentor in at most `exposure_cap(free places)` lists."""
    from .cohort import propose_cohort  # the cohort module builds on this one's results

    explainer = explainer or Explainer(ctx)
    hub, graph = ctx.hub, ctx.mentor_graph
    mentors, edges = graph.mentors, graph.edges
    position = graph.pool.position
    n = len(ctx.mentees)
    room = np.array([ctx.options.exposure_cap(hub.free_capacity(m)) for m in mentors], dtype=np.int64)
    given: list[list[int]] = [[] for _ in range(n)]  # mentor positions per mentee

    # 1. The cohort's pairs.
    cohort = cohort if cohort is not None else propose_cohort(ctx, explainer)
    index = {m.id: i for i, m in enumerate(ctx.mentees)}
    fixed = np.zeros(n, dtype=bool)
    for pair in cohort.pairs:
        i, j = index[pair.mentee], position[pair.mentor]
        given[i].append(j)
        fixed[i] = True
        room[j] -= 1

    # 1b. Preferred mentors next, first choices of everyone before second choices.
    top_k = ctx.options.top_k
    for rank in range(max((len(m.prefers) for m in ctx.mentees), default=0)):
        for i, mentee in enumerate(ctx.mentees):
            wanted = list(dict.fromkeys(mentee.prefers))
            if rank >= len(wanted) or len(given[i]) >= top_k or wanted[rank] not in position:
                continue
            j = position[wanted[rank]]
            if room[j] > 0 and j not in given[i] and edges.has(i, j):
                given[i].append(j)
                fixed[i] = True
                room[j] -= 1

    # 2. A first mentor for as many as a maximum flow allows, unpaired mentees first.
    unpaired = np.array([not m.mentors for m in ctx.mentees], dtype=bool)
    first = np.full(n, -1, dtype=np.int64)
    free = edges.subset(~fixed)
    for group in (unpaired & ~fixed, ~unpaired & ~fixed):
        # Their best mentor with room, best pairs first; the flow then covers everyone it can.
        best, room = stable_first(free, n, group, room)
        first[group] = best[group]
        first, room = augment(free, n, first, group | (first >= 0), room)
    for i in np.flatnonzero(first >= 0).tolist():
        given[i].append(int(first[i]))

    # 3. The rest of each list, unpaired mentees first.
    top_k = ctx.options.top_k
    given_rows = [i for i in range(n) for _ in given[i]]
    given_cols = [j for i in range(n) for j in given[i]]
    taken_edges = np.zeros(len(edges.seeker), dtype=bool)  # pairs already on a list
    if given_rows:
        taken_edges[edges.find(np.array(given_rows, dtype=np.int64),
                               np.array(given_cols, dtype=np.int64))] = True
    counts = np.array([len(g) for g in given], dtype=np.int64)
    for group in (unpaired, ~unpaired):
        quota = np.where(group, np.maximum(top_k - counts, 0), 0)
        chosen, room = stable_fill(edges, quota, room, skip=taken_edges)
        for i, j in zip(edges.seeker[chosen].tolist(), edges.candidate[chosen].tolist(), strict=True):
            given[i].append(j)

    # 4. Suggestions in words, best first.
    mentors_for: dict[str, tuple[Suggestion, ...]] = {}
    pairs: dict[str, list[tuple[int, str, Suggestion]]] = {}
    why_no_mentor: dict[str, Explanation] = {}
    for i, mentee in enumerate(ctx.mentees):
        found = []
        scored = sorted(((edges.points_of(i, j), j) for j in given[i]), key=lambda t: (-t[0], t[1]))
        for points, j in scored:
            mentor = mentors[j]
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
