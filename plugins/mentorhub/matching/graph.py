"""Exact whole-graph steps: every feasible pair as arrays, a maximum flow, a best assignment.

The greedy in `allocate` is fast and explainable but can leave people out: a mentor
taken by a mentee who had other options is gone for a mentee who had none. These
steps close that gap exactly, with scipy's compiled graph algorithms (hand-written
augmenting paths in Python take minutes on a 20k-record hub; these take a second):

* `feasible_edges` lists every (seeker, candidate) pair that meets the hard rules,
  with its points, from the pool's inverted index (set work in C, never all pairs);
* `augment` grows a partial one-each assignment to a maximum one (Dinic's maximum
  flow on the residual graph), never dropping anyone already covered;
* `best_assignment` finds, among assignments that cover the most seekers, one of
  the greatest total weight (LAPJVsp on the bipartite graph with one slot per free
  place and a private "unpaired" slot per seeker).
"""

from __future__ import annotations

from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

import numpy as np
import numpy.typing as npt
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import maximum_flow, min_weight_full_bipartite_matching

from ..hub.models import Person
from .pool import Pool, Query

Ints = npt.NDArray[np.int64]
#: Whole-number weights stay exact in float64 (LAPJVsp's type) below this.
EXACT_LIMIT = 2**52


@dataclass(frozen=True)
class Edges:
    """Feasible pairs sorted by (seeker, candidate): positions in the seekers' list and the pool."""

    seeker: Ints
    candidate: Ints
    points: Ints
    candidates: int  # pool size

    def subset(self, keep: npt.NDArray[np.bool_]) -> Edges:
        """Only the pairs of the seekers where `keep` (indexed by seeker) is true."""
        mask = keep[self.seeker]
        return Edges(self.seeker[mask], self.candidate[mask], self.points[mask], self.candidates)

    @cached_property
    def codes(self) -> Ints:
        """seeker * candidates + candidate: sorted, so a pair is found by binary search."""
        return self.seeker * self.candidates + self.candidate

    @cached_property
    def ranked(self) -> Ints:
        """Edge indices by seeker, then each seeker's candidates best first (points, then id)."""
        if not len(self.seeker):
            return np.zeros(0, dtype=np.int64)
        c_bits = max(1, self.candidates.bit_length())
        p_bits = max(1, int(self.points.max()).bit_length())
        s_bits = max(1, int(self.seeker.max()).bit_length())
        if c_bits + p_bits + s_bits > 62:
            return np.lexsort((self.candidate, -self.points, self.seeker))
        # One integer key sorts faster than three: (seeker, -points, candidate) packed.
        top = (1 << p_bits) - 1
        key = (self.seeker << (p_bits + c_bits)) | ((top - self.points) << c_bits) | self.candidate
        return np.argsort(key)

    def find(self, seekers: Ints, candidates: Ints) -> Ints:
        """Edge indices of the given (seeker, candidate) pairs, which must be edges."""
        return np.searchsorted(self.codes, seekers * self.candidates + candidates)

    def has(self, seeker: int, candidate: int) -> bool:
        code = seeker * self.candidates + candidate
        i = int(np.searchsorted(self.codes, code))
        return i < len(self.codes) and int(self.codes[i]) == code

    def points_of(self, seeker: int, candidate: int) -> int:
        i = int(np.searchsorted(self.codes, seeker * self.candidates + candidate))
        return int(self.points[i])


@dataclass(frozen=True)
class MentorGraph:
    """Available mentors (by id), their pool, every mentee's query and every feasible pair."""

    mentors: list[Person]
    pool: Pool  # never removed from: allocation works on `pool.fresh()` copies
    queries: list[Query]  # one per mentee, in the context's mentee order
    edges: Edges


def feasible_edges(pool: Pool, queries: Sequence[Query]) -> Edges:
    """Every pair sharing a skill and a language, minus each query's exclusions, with its points.

    All at once with sparse products (done in C): seekers × skills times skills ×
    candidates gives, per pair, the *mask* of the seeker's skills the candidate
    covers (bit k for the seeker's k-th skill), exactly as the pool's classes do;
    the points per distinct (seeker, mask) come from the pool's own `_bonus`, and
    the place points from its tables, so every figure equals the pool's.
    """
    n, m = len(queries), len(pool.people)
    skill_ids = {skill: k for k, skill in enumerate(sorted(pool.all_by_skill))}
    rows, cols, bits = [], [], []
    for i, query in enumerate(queries):
        for bit, skill in enumerate(query.skills):
            if skill in skill_ids:
                rows.append(i)
                cols.append(skill_ids[skill])
                bits.append(1 << bit)
    if not rows or not m or max(len(q.skills) for q in queries) > 52:
        return _edges_one_by_one(pool, queries)
    seeks = csr_matrix((np.array(bits, dtype=np.int64), (rows, cols)), shape=(n, len(skill_ids)))
    o_rows = [skill_ids[s] for s, members in sorted(pool.all_by_skill.items()) for _ in members]
    o_cols = [j for _, members in sorted(pool.all_by_skill.items()) for j in sorted(members)]
    offers = csr_matrix((np.ones(len(o_rows), dtype=np.int64), (o_rows, o_cols)), shape=(len(skill_ids), m))
    product = seeks @ offers
    product.sort_indices()  # row-major, columns ascending: pairs come out sorted
    product = product.tocoo()
    seeker, candidate = product.row.astype(np.int64), product.col.astype(np.int64)
    mask = product.data.astype(np.int64)
    # A shared language: languages as bits (in words of 63, for hubs with many languages).
    code_of = {c: k for k, c in enumerate(sorted({c for q in queries for c in q.languages}
                                               | set(pool.by_language)))}
    words = (len(code_of) + 62) // 63
    spoken = [[0] * words for _ in range(n)]
    for i, query in enumerate(queries):
        for code in query.languages:
            word, bit = divmod(code_of[code], 63)
            spoken[i][word] |= 1 << bit
    speaking = [[0] * words for _ in range(m)]
    for code, members in pool.by_language.items():
        word, bit = divmod(code_of[code], 63)
        for j in members:
            speaking[j][word] |= 1 << bit
    spoken_by = np.array(spoken, dtype=np.int64).reshape(n, words)
    speaks = np.array(speaking, dtype=np.int64).reshape(m, words)
    keep = ((spoken_by[seeker] & speaks[candidate]) != 0).any(axis=1)
    banned = [(i, j) for i, q in enumerate(queries) for j in q.exclude]
    if banned:
        pair = seeker * m + candidate  # ascending: the product's rows and columns are sorted
        out = np.array([i * m + j for i, j in banned], dtype=np.int64)
        at = np.searchsorted(pair, out)
        hit = at < len(pair)
        hit[hit] = pair[at[hit]] == out[hit]
        keep[at[hit]] = False
    seeker, candidate, mask = seeker[keep], candidate[keep], mask[keep]
    # Skill points for every mask of each seeker's skills (2^skills each: a few per seeker),
    # from the pool's own arithmetic; a pair looks its mask up.
    sizes = np.array([1 << len(q.skills) for q in queries], dtype=np.int64)
    if int(sizes.max()) > 1 << 12:
        return _edges_one_by_one(pool, queries)
    base = np.concatenate([[0], np.cumsum(sizes)[:-1]])
    bonus = np.array([pool._bonus(q, b) // pool.stride for q in queries for b in range(1 << len(q.skills))],
                     dtype=np.int64)
    # Place points: one row per seeker profile (time zone, formats), looked up per pair.
    profile_of: dict[tuple[int | None, int], int] = {}
    profile = np.array([profile_of.setdefault((q.offset, q.formats), len(profile_of)) for q in queries],
                       dtype=np.int64)
    tables = np.stack([np.frombuffer(pool.place_table(o, f), dtype=np.int64) // pool.stride
                       for o, f in profile_of])
    points = bonus[base[seeker] + mask] + tables[profile[seeker], candidate]
    return Edges(seeker, candidate, points, m)


def _edges_one_by_one(pool: Pool, queries: Sequence[Query]) -> Edges:
    """The same pairs through the pool, query by query (tiny hubs, or a seeker with > 52 skills)."""
    keys: array[int] = array("q")
    counts = np.zeros(len(queries), dtype=np.int64)
    for n, query in enumerate(queries):
        before = len(keys)
        pool.all_keys(query, keys)
        counts[n] = len(keys) - before
    raw = np.frombuffer(keys, dtype=np.int64) if keys else np.zeros(0, dtype=np.int64)
    seeker = np.repeat(np.arange(len(queries), dtype=np.int64), counts)
    candidate = pool.stride - 1 - raw % pool.stride
    points = raw // pool.stride
    order = np.lexsort((candidate, seeker))
    return Edges(seeker[order], candidate[order], points[order].copy(), len(pool.people))


def stable_first(edges: Edges, seekers: int, active: npt.NDArray[np.bool_],
                 room: Ints) -> tuple[Ints, Ints]:
    """One candidate per active seeker (see `stable_fill`): (candidate or -1, room left)."""
    quota = active.astype(np.int64)
    chosen, left = stable_fill(edges, quota, room)
    assigned = np.full(seekers, -1, dtype=np.int64)
    assigned[edges.seeker[chosen]] = edges.candidate[chosen]
    return assigned, left


def stable_fill(edges: Edges, quota: Ints, room: Ints,
                skip: npt.NDArray[np.bool_] | None = None) -> tuple[npt.NDArray[np.bool_], Ints]:
    """The greedy "best pair first" with `quota` per seeker and `room` per candidate, vectorised.

    Pairs are ranked by one order (points high first, then seeker id, then candidate
    id) on both sides, so the greedy's result is the unique stable matching, which
    seeker-proposing deferred acceptance finds: here in rounds of numpy sorts, every
    seeker short of its quota proposing to its next-best candidates and every
    candidate keeping its best `room` proposals so far. Edges where `skip` is true are
    left out. Returns (per edge: chosen, room left per candidate).
    """
    keep = (quota[edges.seeker] > 0) & (room[edges.candidate] > 0)
    if skip is not None:
        keep &= ~skip
    index = edges.ranked[keep[edges.ranked]]  # each seeker's candidates, best first
    chosen = np.zeros(len(edges.seeker), dtype=bool)
    if not len(index):
        return chosen, room.copy()
    seeker, candidate, points = edges.seeker[index], edges.candidate[index], edges.points[index]
    ids = np.arange(len(quota))
    start, end = np.searchsorted(seeker, ids), np.searchsorted(seeker, ids, side="right")
    nxt = start.copy()
    held = np.zeros(0, dtype=np.int64)  # positions (in the ranked arrays) of the pairs held
    holding = np.zeros(len(quota), dtype=np.int64)
    short = np.flatnonzero(start < end)
    while len(short):
        want = np.minimum(quota[short] - holding[short], end[short] - nxt[short])
        within = np.arange(int(want.sum())) - np.repeat(np.cumsum(want) - want, want)
        proposals = np.repeat(nxt[short], want) + within
        nxt[short] += want
        edge = np.concatenate([held, proposals])
        by = np.lexsort((seeker[edge], -points[edge], candidate[edge]))  # per candidate, best first
        edge = edge[by]
        group = candidate[edge]
        rank = np.arange(len(group)) - np.searchsorted(group, group)
        kept = rank < room[group]
        held = edge[kept]
        holding = np.bincount(seeker[held], minlength=len(quota))
        out = np.unique(seeker[edge[~kept]])
        short = out[(nxt[out] < end[out]) & (holding[out] < quota[out])]
    chosen[index[held]] = True
    left = room - np.bincount(candidate[held], minlength=len(room))
    return chosen, left


def augment(edges: Edges, seekers: int, assigned: Ints, active: npt.NDArray[np.bool_],
            room: Ints) -> tuple[Ints, Ints]:
    """A maximum one-each assignment grown from `assigned` (candidate per seeker, -1 for none).

    Only `active` seekers may be newly covered; everyone covered stays covered (an
    augmenting path may move them to another candidate, never drop them), and no
    candidate takes more than `room` more. Returns (assigned, room) after the flow.
    """
    assigned, room = assigned.copy(), room.copy()
    open_seekers = np.flatnonzero(active & (assigned < 0))
    if not len(open_seekers) or not len(edges.seeker):
        return assigned, room
    n, m = seekers, edges.candidates
    source, sink = n + m, n + m + 1
    holds = assigned[edges.seeker] == edges.candidate
    with_room = np.flatnonzero(room > 0)
    # Residual graph of the current assignment: an assigned pair can be undone (candidate
    # → seeker), any other pair taken (seeker → candidate), a candidate with room ends a path.
    tails = np.concatenate([np.full(len(open_seekers), source),
                            np.where(holds, n + edges.candidate, edges.seeker), n + with_room])
    heads = np.concatenate([open_seekers, np.where(holds, edges.seeker, n + edges.candidate),
                            np.full(len(with_room), sink)])
    caps = np.concatenate([np.ones(len(open_seekers) + len(edges.seeker), dtype=np.int32),
                           room[with_room].astype(np.int32)])
    graph = csr_matrix((caps, (tails, heads)), shape=(n + m + 2, n + m + 2))
    result = maximum_flow(graph, source, sink)
    if result.flow_value == 0:
        return assigned, room
    flow = result.flow.tocoo()
    used = flow.data > 0
    rows, cols = flow.row[used].astype(np.int64), flow.col[used].astype(np.int64)
    dropped = (rows >= n) & (rows < n + m) & (cols < n)
    assigned[cols[dropped]] = -1
    taken = (rows < n) & (cols >= n) & (cols < n + m)
    assigned[rows[taken]] = cols[taken] - n
    ends = (rows >= n) & (rows < n + m) & (cols == sink)
    np.subtract.at(room, rows[ends] - n, flow.data[used][ends].astype(np.int64))
    return assigned, room


def best_assignment(edges: Edges, weights: Ints, room: Ints) -> Ints:
    """Per edge, whether it is chosen: each seeker at most once, each candidate at most `room`.

    Among assignments covering the most seekers, one of the greatest total `weights`
    (each > 0): a pair is worth `bonus + weight` with bonus above any total weight, and
    every seeker may instead take a private slot worth 1 ("unpaired"), so a full
    matching always exists and the solver's optimum is lexicographic.
    """
    chosen = np.zeros(len(edges.seeker), dtype=bool)
    if not len(edges.seeker):
        return chosen
    rows_of, row = np.unique(edges.seeker, return_inverse=True)
    n_rows = len(rows_of)
    degree = np.bincount(edges.candidate, minlength=edges.candidates)
    places = np.minimum(room, degree)  # more places than candidates can never be used
    first_slot = np.concatenate([[0], np.cumsum(places)[:-1]])
    slots = int(places.sum())
    copies = places[edges.candidate]
    edge_of = np.repeat(np.arange(len(edges.seeker)), copies)
    within = np.arange(len(edge_of)) - np.repeat(np.cumsum(copies) - copies, copies)
    bonus = int(weights.max()) * n_rows + 1
    if (bonus + int(weights.max())) * n_rows >= EXACT_LIMIT:
        raise ValueError("too many mentees for an exact assignment in float64")
    values = np.concatenate([(weights[edge_of] + bonus + 1).astype(np.float64), np.ones(n_rows)])
    rows = np.concatenate([row[edge_of], np.arange(n_rows)])
    cols = np.concatenate([first_slot[edges.candidate[edge_of]] + within, slots + np.arange(n_rows)])
    matrix = csr_matrix((values, (rows, cols)), shape=(n_rows, slots + n_rows))
    matched_rows, matched_cols = min_weight_full_bipartite_matching(matrix, maximize=True)
    real = matched_cols < slots
    owner = np.repeat(np.arange(edges.candidates), places)
    pair_seeker = rows_of[matched_rows[real]]
    pair_candidate = owner[matched_cols[real]]
    chosen[edges.find(pair_seeker, pair_candidate)] = True
    return chosen
