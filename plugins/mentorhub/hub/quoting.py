"""How a problem message shows a value it rejects: quoted, or only described.

Problems go to public CI logs and pull-request annotations, so a rejected value is
quoted only when it cannot be private: never under `contact` or `private` (see
:func:`unquoted`), never when it holds an email address or a phone number, and
always on one line, with control characters escaped and long values cut short.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from .pii import kind_of
from .printable import one_line

#: Longest value quoted in full; a longer one is cut (a 5,000-character value would
#: bury the problem, and the contributor has the file open anyway).
QUOTE_LIMIT = 60

_quoting: ContextVar[bool] = ContextVar("mentorhub_quoting", default=True)


@contextmanager
def unquoted() -> Iterator[None]:
    """Within this block, values are described ("a value"), never quoted."""
    token = _quoting.set(False)
    try:
        yield
    finally:
        _quoting.reset(token)


def private_kind(text: str) -> str | None:
    """What to say instead of `text` if it must not be quoted here, else None."""
    found = kind_of(text)
    if found:
        return found
    return None if _quoting.get() else "a value"


def quote(text: str) -> str:
    """`'text'` on one line, or what kind of value it is if it may be private."""
    hidden = private_kind(text)
    if hidden:
        return hidden
    shown = one_line(text)
    if len(shown) > QUOTE_LIMIT:
        shown = shown[: QUOTE_LIMIT - 1] + "…"
    return f"'{shown}'"


def label(key: str) -> str:
    """A map key as part of a problem's field name (`links.<key>`): one line, cut short,
    or a description if it holds an email address or a phone number."""
    kind = kind_of(key)
    if kind:
        return f"[{kind}]"
    shown = one_line(key)
    return shown if len(shown) <= QUOTE_LIMIT else shown[: QUOTE_LIMIT - 1] + "…"
