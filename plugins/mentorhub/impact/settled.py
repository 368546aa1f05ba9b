"""Settled responses: which responses a published mean may rest on, so that two builds cannot be differenced.

A mean published in one build and again in the next gives away the mean of the
responses added in between: one new session with one response, and anyone who
sees both figures (the site before and after, or `mentorhub diff`) can work out
that single rating exactly. Suppressing small figures within one build does not
help, because the *change* is the small figure.

The rule (documented in docs/guide/impact.md, "Figures that cannot be differenced"):

1. Responses come in **blocks** that cannot be split: a session's `feedback`
   (`responses` ratings summarised by one mean), a story's confidence (one), a
   future survey's record.
2. Blocks are put in a fixed order taken from the content: by date, ties by id.
3. Within each **cell** (the finest breakdown any figure is published for, e.g.
   the group, with "no group" a cell of its own), the ordered blocks are cut
   greedily into **atoms**: a run of consecutive blocks holding at least
   `min_responses` responses together. The blocks after the last cut are
   *pending*: they count nowhere until enough further responses close an atom.
4. Every published mean (a cell, a union of cells such as the whole hub) is taken
   over whole settled atoms only.

Why nothing can be worked out: every published sum is a sum over a union of
atoms, and atoms are disjoint, so any combination of published figures (in one
build or across builds) is a combination of atom sums; a set of responses that can
be isolated is therefore a union of atoms, which holds at least `min_responses`
responses. Across builds the atoms stay the same while content is added after
what is already counted (a new session dated later than the cell's counted ones,
or a report `as_of` a later date): the greedy cut over a sequence does not change
when the sequence grows at its end, so a figure either keeps its value or moves
because at least `min_responses` new responses closed a new atom. A change that
rewrites the counted past (a back-dated session, an edited or removed rating, a
draft published among counted blocks) re-cuts the atoms; content alone cannot
rule that out (no function of the content can: docs/guide/impact.md), so reviewers
treat such a change like any edit of private data.

Pure and generic: any later figure (e.g. lifecycle KPIs) reuses :func:`settle_cells`
with its own blocks and cells.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

T = TypeVar("T")
C = TypeVar("C", bound=Hashable)


@dataclass(frozen=True)
class Tally:
    """Responses behind a mean and the sum of what they said."""

    responses: int = 0
    total: float = 0.0

    def __add__(self, other: Tally) -> Tally:
        return Tally(self.responses + other.responses, self.total + other.total)

    @property
    def mean(self) -> float | None:
        return self.total / self.responses if self.responses else None


def settled_count(blocks: Sequence[Tally], min_responses: int) -> int:
    """How many leading blocks form complete atoms (runs of at least `min_responses` responses).

    Greedy from the start, so appending blocks never moves an earlier cut.
    """
    if min_responses < 1:
        raise ValueError("min_responses must be at least 1")
    settled = 0
    pending = 0
    for index, block in enumerate(blocks):
        pending += block.responses
        if pending >= min_responses:
            settled = index + 1
            pending = 0
    return settled


def atoms(blocks: Sequence[Tally], min_responses: int) -> list[Tally]:
    """The settled atoms of an ordered cell, each the sum of its blocks (pending blocks left out)."""
    cut: list[Tally] = []
    current = Tally()
    for block in blocks[:settled_count(blocks, min_responses)]:
        current += block
        if current.responses >= min_responses:
            cut.append(current)
            current = Tally()
    return cut


def settle(blocks: Sequence[Tally], min_responses: int) -> Tally:
    """The sum over the settled atoms of one cell whose blocks are already in order."""
    return sum(blocks[:settled_count(blocks, min_responses)], Tally())


def settle_cells(items: Iterable[T], *, cell: Callable[[T], C], tally: Callable[[T], Tally],
                 order: Callable[[T], Any], min_responses: int) -> dict[C, Tally]:
    """Settled tally of each cell: its items (blocks) by `order`, cut into atoms.

    Items whose tally has no responses are left out (they are not blocks). A cell
    with nothing settled maps to an empty tally. The hub-wide figure is the sum of
    the cells' settled tallies, never a separate cut over all items, or it could be
    differenced against the cells.
    """
    ordered: dict[C, list[Tally]] = {}
    for item in sorted(items, key=order):
        block = tally(item)
        if block.responses:
            ordered.setdefault(cell(item), []).append(block)
    return {key: settle(blocks, min_responses) for key, blocks in ordered.items()}
