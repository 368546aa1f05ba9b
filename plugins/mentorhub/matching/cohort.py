"""A whole-cohort proposal for organizers: each unpaired mentee with at most one mentor.

Objective (default, `max-pairs`): pair **as many** unpaired mentees as the hard rules
and the mentors' free places allow; among those, honour the most **preferences**
(`prefers:`, a first choice weighing more than a second); among those, take one with
the **greatest total score**. It is computed exactly (`graph.best_assignment`: one slot
per free place, LAPJVsp in scipy). Guarantee: no proposal under the same rules pairs
more mentees, and none that pairs as many has a higher total score; a mentee left
out is left out because every way of pairing them would leave someone else unpaired.

Option `stable-grown`: the stable matching (the greedy in `allocate`, which both
sides' common score makes the unique mentee-proposing deferred-acceptance result),
then grown by augmenting paths (`graph.augment`) until it is maximum: everyone the
stable matching pairs stays paired (maybe with another mentor), and as many as
possible are added. Same number of pairs as `max-pairs`, often a lower total score.
"""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from dataclasses import dataclass
from typing import Any

import numpy as np

from .allocate import allocate
from .context import MatchContext
from .explain import (
    ALREADY,
    BLOCKED,
    NO_LANGUAGE,
    NO_OFFER,
    TAKEN,
    UNAVAILABLE,
    Explainer,
    Explanation,
)
from .features import SCALE
from .graph import augment, best_assignment
from .preferences import preference_values

MAX_PAIRS = "max-pairs"
STABLE_GROWN = "stable-grown"
OBJECTIVES = (MAX_PAIRS, STABLE_GROWN)

#: What each objective maximised, as cohort-summary.json and the build log word it.
OBJECTIVE_WORDS = {
    MAX_PAIRS: "the most unpaired mentees paired, then preferences, then the greatest total score",
    STABLE_GROWN: "the stable matching, grown by augmenting paths to the most mentees paired",
}

#: Why mentees were left, as the summary words it.
LEFT_WORDS = {
    NO_OFFER: "no mentor offers what they seek",
    NO_LANGUAGE: "no mentor who offers it shares a language",
    ALREADY: "already with every mentor who fits",
    BLOCKED: "the organizers set aside every mentor who fits",
    UNAVAILABLE: "every mentor who fits is full, closed or may be inactive",
    TAKEN: "every mentor who fits is full, and pairing them would leave another mentee unpaired",
}


@dataclass(frozen=True)
class CohortPair:
    mentee: str
    mentor: str
    score: float


@dataclass(frozen=True)
class Cohort:
    pairs: tuple[CohortPair, ...]  # sorted by mentee id
    left: dict[str, Explanation]  # unpaired mentees the proposal could not pair, and why
    unpaired: int  # mentees without a current mentor before the proposal
    objective: str = MAX_PAIRS


def propose_cohort(ctx: MatchContext, explainer: Explainer | None = None) -> Cohort:
    explainer = explainer or Explainer(ctx)
    graph = ctx.mentor_graph
    objective = ctx.options.cohort_objective
    unpaired = np.array([not m.mentors for m in ctx.mentees], dtype=bool)
    room = np.array([ctx.hub.free_capacity(m) for m in graph.mentors], dtype=np.int64)
    mentor_of = np.full(len(ctx.mentees), -1, dtype=np.int64)
    # Pinned pairs (content/matching.yml) first, when the rules and a free place allow.
    index = {m.id: i for i, m in enumerate(ctx.mentees)}
    position = {m.id: j for j, m in enumerate(graph.mentors)}
    open_ = unpaired.copy()
    for mentee_id, mentor_id in ctx.options.pinned:
        i, j = index.get(mentee_id), position.get(mentor_id)
        if i is not None and j is not None and open_[i] and room[j] > 0 and graph.edges.has(i, j):
            mentor_of[i] = j
            room[j] -= 1
            open_[i] = False
    edges = graph.edges.subset(open_)
    if objective == STABLE_GROWN:
        seekers = np.flatnonzero(open_)
        pool = graph.pool.fresh()
        left_room = [int(r) for r in room]
        taken = allocate(pool, [graph.queries[i] for i in seekers], 1, left_room)
        for seeker, keys in zip(seekers.tolist(), taken, strict=True):
            if keys:
                mentor_of[seeker] = pool.person_at(keys[0])
        mentor_of, _ = augment(edges, len(ctx.mentees), mentor_of, open_,
                               np.array(left_room, dtype=np.int64))
    else:
        # Most pairs first (best_assignment's own bonus), then preferences honoured
        # (first choices weigh most), then the total score: each step outweighs every
        # total the next can reach.
        wanted = preference_values(ctx, edges)
        most = SCALE * len(np.unique(edges.seeker)) + 1  # above any total score
        try:
            chosen = best_assignment(edges, wanted * most + edges.points, room)
        except ValueError:  # too large to be exact in float64: preferences, then pairs only
            chosen = best_assignment(edges, wanted, room)
        mentor_of[edges.seeker[chosen]] = edges.candidate[chosen]
    pairs = []
    left: dict[str, Explanation] = {}
    for i, mentee in enumerate(ctx.mentees):
        if not unpaired[i]:
            continue
        if mentor_of[i] >= 0:
            mentor = graph.mentors[int(mentor_of[i])]
            points = graph.edges.points_of(i, int(mentor_of[i]))
            pairs.append(CohortPair(mentee.id, mentor.id, points / SCALE))
        else:
            left[mentee.id] = explainer.no_mentor(mentee, TAKEN)
    return Cohort(tuple(pairs), left, int(unpaired.sum()), objective)


def cohort_records(cohort: Cohort) -> list[dict[str, str | float]]:
    """The contract's shape: [{"mentee", "mentor", "score"}, …]."""
    return [{"mentee": p.mentee, "mentor": p.mentor, "score": p.score} for p in cohort.pairs]


def cohort_json(cohort: Cohort) -> str:
    return json.dumps(cohort_records(cohort), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def cohort_csv(cohort: Cohort) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["mentee", "mentor", "score"])
    for pair in cohort.pairs:
        writer.writerow([pair.mentee, pair.mentor, f"{pair.score:.3f}"])
    return out.getvalue()


def cohort_summary(cohort: Cohort, *, detail: int = 20) -> list[str]:
    """Lines for a terminal or a build log: how many paired, how many left and why."""
    paired, left = len(cohort.pairs), len(cohort.left)
    lines = [f"Cohort proposal ({OBJECTIVE_WORDS[cohort.objective]}): {paired} of {cohort.unpaired} unpaired "
             f"{'mentee' if cohort.unpaired == 1 else 'mentees'} paired, {left} left."]
    if left:
        kinds = Counter(e.kind for e in cohort.left.values())
        lines.append("Left: " + "; ".join(f"{n} — {LEFT_WORDS.get(kind, kind)}"
                                          for kind, n in sorted(kinds.items())) + ".")
        for mentee, why in list(sorted(cohort.left.items()))[:detail]:
            lines.append(f"  {mentee}: {why.text}")
        if left > detail:
            lines.append(f"  … and {left - detail} more (see `mentorhub match`).")
    return lines


def cohort_summary_document(cohort: Cohort) -> dict[str, Any]:
    """`reports/cohort-summary.json`: what the proposal maximised and who was left, and why."""
    return {
        "objective": cohort.objective,
        "objective_words": OBJECTIVE_WORDS[cohort.objective],
        "unpaired_before": cohort.unpaired,
        "paired": len(cohort.pairs),
        "unpaired": [{"mentee": mentee, "kind": why.kind, "reason": why.text}
                     for mentee, why in sorted(cohort.left.items())],
    }


def cohort_summary_json(cohort: Cohort) -> str:
    return json.dumps(cohort_summary_document(cohort), indent=2, sort_keys=True,
                      ensure_ascii=False) + "\n"
