"""Rendered bodies kept between the rebuilds of one `mkdocs serve`.

Turning contributors' Markdown into sanitized HTML is about a fifth of regenerating a
hub's pages, and a save changes one body. While `serve` runs (mkdocs/preview.py turns
this on), a body's HTML is kept by everything it depends on: the text, and the page it
is shown on (links from the content root are made relative to that page) with the
site's `use_directory_urls`. `mkdocs build` renders each body once and keeps nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import islice

_kept: dict[tuple[str, str, bool], str] | None = None


def keep_bodies() -> None:
    """Start keeping rendered bodies (for the life of the process)."""
    global _kept
    if _kept is None:
        _kept = {}


def rendered(text: str, page: str, directory_urls: bool, render: Callable[[], str]) -> str:
    """The body's HTML on `page`: kept, or made by `render` (and kept, while serving)."""
    if _kept is None:
        return render()
    key = (text, page, directory_urls)
    html = _kept.get(key)
    if html is None:
        html = _kept[key] = render()
    return html



#: One kept body: (text, page, use_directory_urls) → HTML.
Entry = tuple[tuple[str, str, bool], str]


def count() -> int:
    """How many bodies are kept (0 when not keeping)."""
    return len(_kept) if _kept is not None else 0


def since(before: int) -> list[Entry]:
    """The bodies kept after there were `before` (a forked child sends them to its parent)."""
    if _kept is None or len(_kept) <= before:
        return []
    return list(islice(_kept.items(), before, None))


def keep(entries: list[Entry]) -> None:
    """Keep bodies another process rendered (while keeping)."""
    if _kept is not None:
        _kept.update(entries)
