"""Which event handlers a build has: ours are pure functions of the page, others may keep state.

Work moved out of MkDocs' page loop (page_writers.py writes pages in forked processes,
the search mirror copies what each page turned out to be) is only right when no other
plugin or hook could see or change a page there: these say so.
"""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig

_PACKAGE = "mentorhub."


def all_ours(config: MkDocsConfig, *events: str) -> bool:
    """Every handler of these events belongs to this package."""
    handlers: dict[str, list[Any]] = config.plugins.events
    return all(getattr(handler, "__module__", "").startswith(_PACKAGE)
               for event in events for handler in handlers[event])


def is_last(config: MkDocsConfig, event: str, handler: object) -> bool:
    """`handler` runs after every other handler of `event`."""
    handlers: list[Any] = config.plugins.events[event]
    return bool(handlers) and handlers[-1] == handler


def ours_before(config: MkDocsConfig, event: str, handler: object) -> bool:
    """Every handler of `event` that runs before `handler` belongs to this package."""
    handlers: list[Any] = config.plugins.events[event]
    earlier = handlers[:handlers.index(handler)] if handler in handlers else handlers
    return all(getattr(h, "__module__", "").startswith(_PACKAGE) for h in earlier)
