"""Render a hub's generated pages on every core (mentorhub.forked), in the order of a serial run.

Rendering a page is pure Python (Jinja, the bodies' Markdown, matching's sections), so
on a large hub the page jobs are shared with forked copies of this process:

* before anything is shared, the first job of each kind (a template; for profiles, also
  the person's roles) is rendered here: templates get compiled and whatever the
  renderer, the hub or a feature plugin computes lazily on first use (matching's
  result, its per-circle lookups, `Hub.mentees_of`) is computed once, here, and the
  children inherit it instead of each computing it again;
* the other jobs are dealt out in turn (job 1 to process 1, job 2 to process 2, …):
  neighbouring jobs cost about the same (profiles follow profiles), so each process
  gets a balanced share however the pages are mixed;
* each page is put back at its own index, so the list is exactly the serial one;
  children send back only the small `Page` records (and, while `serve` keeps rendered
  bodies, the bodies they rendered, so the next rebuild finds them here);
* what rendering leaves behind that later code reads is computed before the fork
  (above) or lives only in caches that change speed, not output: the renderer's
  fields are set in its constructor and never written by rendering.

Small hubs are rendered here, one job after another: a fork and the results' trip
through a pipe cost more than they save below `MIN_JOBS` pages.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from .. import forked
from . import body_cache

if TYPE_CHECKING:
    from .page_memo import Handover, PageMemo
    from .render import Page

#: Fewer page jobs than this are rendered in this process alone (measured on a busy
#: 2-core machine: at ~270 pages a fork only broke even; pickling 600 pages' results
#: costs ~10 ms, under 2 % of rendering them).
MIN_JOBS = 300


@dataclass(frozen=True)
class PageJob:
    """One page to render: `kind` groups jobs that take the same paths through the code."""

    kind: str
    render: Callable[[], Page]


def render_pages(jobs: Sequence[PageJob], warm: Callable[[], None] | None = None,
                 memo: PageMemo | None = None) -> list[Page]:
    """The jobs' pages in order, rendered here or shared among `forked.available_jobs()` processes
    (what children add to `serve`'s `memo` is kept here too)."""
    processes = forked.available_jobs()
    if processes <= 1 or len(jobs) < MIN_JOBS:
        return [job.render() for job in jobs]
    if warm is not None:
        warm()
    pages: list[Page | None] = [None] * len(jobs)
    kinds: set[str] = set()
    for index, job in enumerate(jobs):  # the first of each kind, here: see the module's docstring
        if job.kind not in kinds:
            kinds.add(job.kind)
            pages[index] = job.render()
    rest = [index for index, page in enumerate(pages) if page is None]
    shares = [rest[k::processes] for k in range(processes)]
    done = forked.run_split([partial(_render_share, jobs, share, memo) for share in shares])
    for share, (rendered, bodies, kept, pid) in zip(shares, done, strict=True):
        body_cache.keep(bodies)
        if memo is not None and kept is not None and pid != os.getpid():  # a child's, not this process's own
            memo.take(kept)
        for index, page in zip(share, rendered, strict=True):
            pages[index] = page
    return [page for page in pages if page is not None]


def _render_share(jobs: Sequence[PageJob], share: list[int], memo: PageMemo | None
                  ) -> tuple[list[Page], list[body_cache.Entry], Handover | None, int]:
    """Render the jobs at `share`; also the bodies this rendered and kept (none in `build`),
    and what it added to and reused from `serve`'s memo of pages (page_memo.py), and which
    process it ran in (run_split may run a share in this one)."""
    before, mark = body_cache.count(), memo.mark() if memo else None
    pages = [jobs[index].render() for index in share]
    return pages, body_cache.since(before), memo.handover(mark) if memo and mark else None, os.getpid()
