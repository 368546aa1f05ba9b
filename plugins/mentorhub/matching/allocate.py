"""Greedy allocation by descending score, with a quota per seeker and room per candidate.

Pairs are taken in one global order — score (high first), then seeker id, then
candidate id — and a pair is accepted when the seeker still wants more and the
candidate still has room. When both sides rank pairs by the same score this greedy
result *is* the stable matching that mentee-proposing deferred acceptance finds.

This lazy, pool-driven version ranks a few candidates per seeker at a time (no
whole graph needed); the cohort's `stable-grown` objective starts from it. The
suggestions use the vectorised equivalent on the whole feasible graph
(`graph.stable_fill`), which tests check against the same textbook greedy.

Each seeker's ranking is produced lazily in batches from the pool, and a candidate
whose room runs out leaves the pool, so the work follows the pairs actually looked at.
"""

from __future__ import annotations

import heapq
from collections.abc import Sequence

from .pool import Pool, Query

FIRST_BATCH = 6


def allocate(pool: Pool, queries: Sequence[Query], quota: int | Sequence[int],
             room: list[int]) -> list[list[int]]:
    """For each query, the keys of the candidates it is given, best first.

    `quota` is one number for everyone or one per query; `room` is used up in place.
    """
    quotas = [quota] * len(queries) if isinstance(quota, int) else list(quota)
    for position, places in enumerate(room):
        if places <= 0:
            pool.remove(position)
    taken: list[list[int]] = [[] for _ in queries]
    batches: list[list[int]] = []
    cursor = [0] * len(queries)
    sizes = [max(FIRST_BATCH, q + 2) for q in quotas]
    heap: list[tuple[int, int, int, int]] = []

    def advance(seeker: int) -> None:
        """Push the seeker's next candidate who still has room, fetching more if needed."""
        while True:
            batch = batches[seeker]
            i = cursor[seeker]
            while i < len(batch) and room[pool.person_at(batch[i])] <= 0:
                i += 1
            if i < len(batch):
                cursor[seeker] = i + 1
                key = batch[i]
                heapq.heappush(heap, (-pool.points(key), seeker, pool.person_at(key), key))
                return
            if len(batch) < sizes[seeker]:
                return  # the pool had no more for this seeker
            # Everyone fetched so far was taken or had no room; those left the pool (or
            # are excluded below), so the next batch starts right after them.
            sizes[seeker] *= 4
            given = [pool.person_at(k) for k in taken[seeker]]
            batches[seeker] = pool.top(queries[seeker], sizes[seeker], given)
            cursor[seeker] = 0

    for seeker, query in enumerate(queries):
        batches.append(pool.top(query, sizes[seeker]) if quotas[seeker] > 0 else [])
        if quotas[seeker] > 0:
            advance(seeker)
    while heap:
        _, seeker, candidate, key = heapq.heappop(heap)
        if room[candidate] > 0:
            taken[seeker].append(key)
            room[candidate] -= 1
            if room[candidate] == 0:
                pool.remove(candidate)
            if len(taken[seeker]) >= quotas[seeker]:
                continue
        advance(seeker)
    return taken
