"""The small-group rule for relationship figures, in two functions the lead can unify
with the survey means' rule (impact/): which date the figures may describe, and which
cells of a breakdown may be published.

* :func:`settled_date`: published figures describe the records as of a cut-off that
  moves only once at least `min_records` new events (starts, closures, check-ins)
  stand behind it, decided by one pass over the content, so two consecutive builds
  differ by many records or not at all (nothing about one relationship is learnt by
  differencing them).
* :func:`withhold_counts`: a count under `min_records` is withheld (primary suppression),
  and more cells are withheld until what is hidden cannot be worked out from the total
  (complementary suppression), as `impact.kpis.withhold` does for means.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Hashable, Iterable, Mapping
from typing import TypeVar

K = TypeVar("K", bound=Hashable)


def settled_date(events: Iterable[dt.date], min_records: int, as_of: dt.date) -> dt.date | None:
    """The last date on which at least `min_records` events had gathered since the one before.

    None until the first `min_records` events: then nothing is published. Events after
    `as_of` are ignored (a report for an earlier date leaves them out).
    """
    per_day = Counter(day for day in events if day <= as_of)
    pending, cutoff = 0, None
    for day in sorted(per_day):
        pending += per_day[day]
        if pending >= min_records:
            cutoff, pending = day, 0
    return cutoff


def withhold_counts(cells: Mapping[K, int], total: int, min_records: int) -> dict[K, int | None]:
    """Each cell's count, or None where publishing it could reveal fewer than `min_records`.

    `total` is published beside the cells (it may cover more than them). Zero is
    published: it describes nobody. A cell of 1..min_records-1 is withheld; then,
    while the withheld cells add up to 1..min_records-1 (so a reader subtracting the
    published cells from the total would learn a small group), the smallest published
    non-zero cell (ties by key) is withheld too.
    """
    if total == 0:
        return dict.fromkeys(cells, 0)  # nothing to count: zeros describe nobody
    if total < min_records:  # (a negative total: the caller hides the whole breakdown)
        return dict.fromkeys(cells)
    published = {k for k, n in cells.items() if n == 0 or n >= min_records}
    while True:
        hidden = total - sum(cells[k] for k in published)
        if hidden == 0 or hidden >= min_records:
            break
        candidates = [k for k in published if cells[k] > 0]
        if not candidates:
            break
        published.remove(min(candidates, key=lambda k: (cells[k], str(k))))
    return {k: (n if k in published else None) for k, n in cells.items()}
