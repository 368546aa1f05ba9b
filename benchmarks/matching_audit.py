"""Exact references for the matching benchmark: what the hard rules allow, by max flow.

Independent of the matching package's allocation code: the feasible pairs are
rebuilt here from the contract's hard rules with plain set operations, and the
bounds come from scipy's maximum flow. `bench_matching.py` prints these next to
what the matching produces.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import maximum_flow

from mentorhub.hub.models import Hub, Person


@dataclass(frozen=True)
class Graph:
    """Feasible (mentee, mentor) pairs under the hard rules, by position in two id-sorted lists."""

    mentees: list[Person]
    mentors: list[Person]  # available: not closed, not stale, a free place
    edges: list[tuple[int, int]]


def feasible_graph(hub: Hub, today: dt.date, stale_after_days: int = 365,
                   mentees: Iterable[Person] | None = None) -> Graph:
    chosen = sorted(mentees if mentees is not None else hub.mentees(), key=lambda p: p.id)
    mentors = sorted((m for m in hub.mentors() if m.availability != "closed"
                      and not m.is_stale(today, stale_after_days) and hub.free_capacity(m) > 0),
                     key=lambda p: p.id)
    by_skill: dict[str, set[int]] = {}
    by_language: dict[str, set[int]] = {}
    for j, mentor in enumerate(mentors):
        for skill in mentor.offers:
            by_skill.setdefault(skill, set()).add(j)
        for code in mentor.languages:
            by_language.setdefault(code, set()).add(j)
    position = {m.id: j for j, m in enumerate(mentors)}
    edges = []
    for i, mentee in enumerate(chosen):
        offering = set().union(*(by_skill.get(s, set()) for s in mentee.seeks))
        speaking = set().union(*(by_language.get(c, set()) for c in mentee.languages))
        fit = offering & speaking
        fit.difference_update(position[x] for x in (mentee.id, *mentee.mentors) if x in position)
        edges.extend((i, j) for j in sorted(fit))
    return Graph(chosen, mentors, edges)


def max_flow_bound(graph: Graph, caps: Sequence[int]) -> int:
    """Most mentees who can each get one mentor, each mentor taking at most caps[j]."""
    if not graph.edges:
        return 0
    n_e, n_t = len(graph.mentees), len(graph.mentors)
    source, sink = n_e + n_t, n_e + n_t + 1
    rows = [source] * n_e + [i for i, _ in graph.edges] + [n_e + j for j in range(n_t)]
    cols = list(range(n_e)) + [n_e + j for _, j in graph.edges] + [sink] * n_t
    data = [1] * n_e + [1] * len(graph.edges) + list(caps)
    matrix = csr_matrix((np.array(data, dtype=np.int32), (rows, cols)), shape=(sink + 1, sink + 1))
    return int(maximum_flow(matrix, source, sink).flow_value)


def gini(values: Sequence[int]) -> float:
    """0 when every mentor is shown equally often, towards 1 when a few take every slot."""
    if not values or sum(values) == 0:
        return 0.0
    ordered = sorted(values)
    n = len(ordered)
    weighted = sum((i + 1) * v for i, v in enumerate(ordered))
    return (2 * weighted) / (n * sum(ordered)) - (n + 1) / n


def circle_coverage(hub: Hub, members: Iterable[str], min_size: int = 3) -> tuple[int, int]:
    """(placed, eligible): mentees who meet in groups and seek a skill >= min_size such mentees seek."""
    group = [p for p in hub.mentees() if {"group", "peer-circle"} & set(p.formats)]
    seekers = Counter(s for p in group for s in dict.fromkeys(p.seeks))
    eligible = {p.id for p in group if any(seekers[s] >= min_size for s in p.seeks)}
    return len(eligible & set(members)), len(eligible)
