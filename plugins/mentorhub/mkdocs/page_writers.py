"""`mkdocs build` writes its pages on every core.

After the `env` event MkDocs takes the pages one after another in one process: it
renders Material's template for the page, runs every plugin's `post_page` and writes
the file (about a quarter of a 20,000-record build, with the other core idle). Here,
at the end of `env`, the same MkDocs function (`_build_page`, so the output is the
output MkDocs writes) runs for every page, shared by forked copies of this process
(mentorhub.forked), each writing its own pages' files. MkDocs' loop then finds each
page done: its template is an empty one and the hub's `post_page` answers "", so
nothing is written twice.

Only where that is safe: `mkdocs build` (not `serve`, not `--dirty`), an engine whose
`_build_page` has the parameters this knows (MkDocs, ProperDocs), every `page_context`
and `post_page` handler one of ours (pure functions of the page: another plugin's could
keep state the children would not hand back), and no `env` handler after this one
(every global the templates read is set). Otherwise, and on small sites where a fork
costs more than it saves, MkDocs' loop does the work as usual.

As in site/page_jobs.py, the first page of each template and folder is rendered here
before the fork (templates compiled, the page shell of each folder cached once and
inherited), and the rest are dealt out in turn. A child that fails has its pages done
again here, so an error is raised and logged exactly as MkDocs' own loop would.
"""

from __future__ import annotations

import importlib
import inspect
import logging
import time
from collections.abc import Callable, Sequence
from functools import partial

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from .. import forked
from .handlers import all_ours, is_last, skipped_page
from .preview import UNCHANGED_TEMPLATE as EMPTY_TEMPLATE

log = get_plugin_logger(__name__)

#: Fewer pages than this are left to MkDocs' loop (as site/page_jobs.MIN_JOBS: a fork
#: and the warm-up only pay for themselves on a few hundred pages).
MIN_PAGES = 300
_PARAMETERS = ["page", "config", "doc_files", "nav", "env", "dirty", "excluded"]
#: Engines whose build module is known to this (ProperDocs is the maintained MkDocs fork).
_ENGINES = frozenset({"mkdocs", "properdocs"})

BuildPage = Callable[..., None]


class PageWriters:
    """Which pages this build has written already, for the hub's `post_page`."""

    def __init__(self) -> None:
        self.written: frozenset[str] = frozenset()  # src_uri of pages already on disk
        logging.getLogger("mkdocs.commands.build").addFilter(self._quiet_skips)
        logging.getLogger("properdocs.commands.build").addFilter(self._quiet_skips)

    def write_all(self, config: MkDocsConfig, files: Files, nav: Navigation | None,
                  env: Environment, last: dict[str, object]) -> None:
        """Write every page now, on every core, when it is safe (see the module's docstring).

        `last`: our handlers that must be the last of their event (`env`, `nav`), so the
        templates' globals and the navigation are the ones MkDocs' loop would use.
        """
        self.written = frozenset()
        build_page = engine_build_page(config)
        doc_files = files.documentation_pages()
        if (build_page is None or nav is None or len(doc_files) < MIN_PAGES
                or forked.available_jobs() <= 1 or not all_ours(config, "page_context", "post_page")
                or not all(is_last(config, event, handler) for event, handler in last.items())
                or len({file.abs_dest_path for file in doc_files}) < len(doc_files)):
            return  # (two pages on one path: MkDocs' order decides which one is kept)
        started = time.perf_counter()
        render = partial(_write, build_page, config, doc_files, nav, env)
        first: dict[tuple[str, str], int] = {}
        for index, file in enumerate(doc_files):
            assert file.page is not None
            first.setdefault((file.page.meta.get("template", ""), file.src_uri.split("/")[0]), index)
        warm = set(first.values())
        render(sorted(warm))  # see the module's docstring
        rest = [index for index in range(len(doc_files)) if index not in warm]
        processes = forked.available_jobs()
        forked.run_split([partial(render, rest[k::processes]) for k in range(processes)])
        for file in doc_files:
            assert file.page is not None
            file.page.meta["template"] = EMPTY_TEMPLATE  # (renders nothing)
        self.written = frozenset(file.src_uri for file in doc_files)
        log.debug(f"{len(doc_files)} pages written by {processes} processes "
                  f"in {time.perf_counter() - started:.1f} s")

    def _quiet_skips(self, record: logging.LogRecord) -> bool:
        """MkDocs says "Page skipped … empty output" for each page written already: not news."""
        return skipped_page(record) not in self.written


def engine_build_page(config: MkDocsConfig) -> BuildPage | None:
    """The running engine's `_build_page`, if it takes the parameters this passes."""
    engine = type(config).__module__.split(".")[0]
    if engine not in _ENGINES:
        return None
    try:
        build_page = getattr(importlib.import_module(f"{engine}.commands.build"), "_build_page", None)
    except ImportError:
        return None
    if not callable(build_page) or list(inspect.signature(build_page).parameters) != _PARAMETERS:
        return None
    return build_page  # type: ignore[no-any-return]


def _write(build_page: BuildPage, config: MkDocsConfig, doc_files: Sequence[File], nav: Navigation,
           env: Environment, indexes: Sequence[int]) -> None:
    for index in indexes:
        file = doc_files[index]
        page: Page | None = file.page
        assert page is not None
        build_page(page, config, doc_files, nav, env, False, excluded=file.inclusion.is_excluded())
