"""A whole-cohort proposal for organizers: each unpaired mentee with at most one mentor.

The proposal is the **stable matching** with capacities (hospitals/residents):
every mentee ranks the mentors who meet the hard rules by score, every mentor
ranks those mentees by the same score (ties by id), and a mentor takes at most
its free places. Because both sides rank pairs by one score, mentee-proposing
deferred acceptance has a unique result, which the greedy in `allocate` computes
directly: take pairs from the highest score down, pair when the mentee is still
unpaired and the mentor still has a free place. Guarantee: no mentee and mentor
who are not paired together would both rather be (no blocking pair), and no
mentor gets more mentees than free places. It is not a maximum matching: a
mentee may be left unpaired whose mentor went to someone who fits it better.
"""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from dataclasses import dataclass

from .allocate import allocate
from .context import MatchContext
from .explain import (
    ALREADY,
    NO_LANGUAGE,
    NO_OFFER,
    TAKEN,
    UNAVAILABLE,
    Explainer,
    Explanation,
)
from .features import SCALE

#: Why mentees were left, as the summary words it.
LEFT_WORDS = {
    NO_OFFER: "no mentor offers what they seek",
    NO_LANGUAGE: "no mentor who offers it shares a language",
    ALREADY: "already with every mentor who fits",
    UNAVAILABLE: "every mentor who fits is full, closed or may be inactive",
    TAKEN: "the mentors who fit went to mentees who fit as well or better",
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


def propose_cohort(ctx: MatchContext, explainer: Explainer | None = None) -> Cohort:
    explainer = explainer or Explainer(ctx)
    mentors = ctx.available_mentors()
    pool = ctx.mentor_pool(mentors)
    mentees = [m for m in ctx.mentees if not m.mentors]
    queries = [ctx.mentee_query(m, pool) for m in mentees]
    room = [ctx.hub.free_capacity(m) for m in mentors]
    taken = allocate(pool, queries, 1, room)
    pairs = []
    left: dict[str, Explanation] = {}
    for mentee, keys in zip(mentees, taken, strict=True):
        if keys:
            mentor = mentors[pool.person_at(keys[0])]
            pairs.append(CohortPair(mentee.id, mentor.id, pool.points(keys[0]) / SCALE))
        else:
            left[mentee.id] = explainer.no_mentor(mentee, TAKEN)
    return Cohort(tuple(pairs), left, len(mentees))


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
    lines = [f"Cohort proposal (stable matching): {paired} of {cohort.unpaired} unpaired "
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
