"""Which event handlers a build has: ours are pure functions of the page, others may keep state.

Work moved out of MkDocs' page loop (page_writers.py writes pages in forked processes,
the search mirror copies what each page turned out to be) is only right when no other
plugin or hook could see or change a page there: these say so.
"""

from __future__ import annotations

import inspect
import logging
from typing import Any

from mkdocs.config.defaults import MkDocsConfig

_PACKAGE = "mentorhub."


def all_ours(config: MkDocsConfig, *events: str) -> bool:
    """Every handler of these events belongs to this package."""
    return all(_ours(handler) for event in events for handler in _handlers(config, event))


def is_last(config: MkDocsConfig, event: str, handler: object) -> bool:
    """`handler` runs after every other handler of `event`."""
    handlers = _handlers(config, event)
    return bool(handlers) and handlers[-1] == handler


def ours_before(config: MkDocsConfig, event: str, handler: object) -> bool:
    """Every handler of `event` that runs before `handler` belongs to this package."""
    handlers = _handlers(config, event)
    earlier = handlers[:handlers.index(handler)] if handler in handlers else handlers
    return all(_ours(h) for h in earlier)


def _handlers(config: MkDocsConfig, event: str) -> list[Any]:
    """The event's handlers in the order MkDocs calls them, each without its decorators.

    A decorator made with functools.wraps (a timer, a tracer) leaves the handler's
    own module and identity underneath.
    """
    return [inspect.unwrap(handler) for handler in config.plugins.events[event]]


def _ours(handler: Any) -> bool:
    return str(getattr(handler, "__module__", "")).startswith(_PACKAGE)


def skipped_page(record: logging.LogRecord) -> str | None:
    """The page of MkDocs' "Page skipped: '<page>'. Generated empty output." line, or None.

    Pages written already (page_writers.py) or left as they are on disk (preview.py)
    come out of MkDocs' loop empty on purpose: their line is not news.
    """
    message = record.getMessage()
    return message.split("'")[1] if message.startswith("Page skipped: '") else None
