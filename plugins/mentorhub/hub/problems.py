"""Content problems: what is wrong, where, and how to fix it."""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from .printable import one_line

#: Looks a message up in the hub's catalog (`gettext`); None: the English source text.
Translate = Callable[[str], str]


class Msg(str):
    """A problem's message or hint: the English text, remembering its source and values.

    `Msg("%(value)s is not a known time zone", value=quote(zone))` is the string
    "'Sevilla' is not a known time zone" everywhere a string is expected (sorting, tests,
    logs), and `translated()` looks its source up in the catalog and fills in the same
    values, so `check` speaks the hub's language (docs/guide/languages.md). `Msg(...)` marks the
    source for `scripts/i18n.sh`; a value that is itself a `Msg` is translated too.
    """

    source: str
    values: dict[str, Any]

    def __new__(cls, source: str, /, **values: Any) -> Msg:
        self = super().__new__(cls, source % values if values else source)
        self.source = source
        self.values = values
        return self


def N_(source: str) -> str:
    """Marks a message source kept in a table for `scripts/i18n.sh`; `Msg(table[key], …)` uses it."""
    return source


def translated(text: str, translate: Translate | None) -> str:
    """`text` in the catalog's language when it is a `Msg` the catalog knows; else as it is."""
    if translate is None or not isinstance(text, Msg):
        return str(text)
    words = translate(text.source)
    if not text.values:
        return words
    try:
        return words % {k: translated(v, translate) if isinstance(v, Msg) else v
                        for k, v in text.values.items()}
    except (KeyError, ValueError, TypeError):  # a broken translation: the English stays readable
        return str(text)


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the content, located at a file and line."""

    path: str
    line: int
    field: str
    message: str
    hint: str = ""
    #: "error" (the file is not published) or "warning" (published; probably a mistake).
    severity: str = "error"

    def __str__(self) -> str:
        return self.text()

    def text(self, translate: Translate | None = None) -> str:
        """`path:line: field: message (hint)`; message and hint translated by `translate`.

        The prefix never changes with the language: editors and CI annotations parse it."""
        # Parts can echo contributor text (a key, a file name): one_line keeps the
        # problem on one line and keeps escape sequences out of terminals and logs.
        message, hint = translated(self.message, translate), translated(self.hint, translate)
        text = f"{one_line(self.path)}:{self.line}: {one_line(self.field)}: {one_line(message)}"
        return f"{text} ({one_line(hint)})" if hint else text

    def as_github_annotation(self, translate: Translate | None = None) -> str:
        """The problem as a GitHub Actions workflow command, shown on the changed line."""
        message = f"{one_line(self.field)}: {one_line(translated(self.message, translate))}"
        if self.hint:
            message += f" ({one_line(translated(self.hint, translate))})"
        return (
            f"::{self.severity} file={_escape_property(one_line(self.path))},line={self.line},"
            f"title={_escape_property(one_line(self.field))}::{_escape_data(message)}"
        )


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def did_you_mean(value: str, candidates: Iterable[str]) -> str:
    """A 'did you mean …' hint naming the nearest candidates, or '' if none is close.

    Remembered per value and candidate list: a hub with thousands of skills and the
    same unknown value in many files pays for one comparison, not one per file. A value
    longer than any id gets no hint (comparing it costs its length times each candidate's).
    """
    if len(value) > _LONGEST_GUESS:
        return ""
    listed = tuple(candidates)
    if len(_SHARED) > 64:
        _SHARED.clear()
    # One shared copy of each candidate list, so the cache holds it once, not per value.
    return _did_you_mean(value.lower(), _SHARED.setdefault(listed, listed))


_LONGEST_GUESS = 100
_SHARED: dict[tuple[str, ...], tuple[str, ...]] = {}


@lru_cache(maxsize=2048)
def _did_you_mean(value: str, candidates: tuple[str, ...]) -> str:
    close = difflib.get_close_matches(value, sorted(candidates), n=3, cutoff=0.6)
    if not close:
        return ""
    return suggestion(close)


def suggestion(choices: Iterable[str]) -> Msg:
    """'did you mean 'a' or 'b'?', in the hub's language where it is shown."""
    return Msg("did you mean %(choices)s?", choices=_either(f"'{c}'" for c in choices))


def _either(choices: Iterable[str]) -> str | Msg:
    """'a', 'a' or 'b', 'a' or 'b' or 'c': "or" in the hub's language."""
    found = list(choices)
    return found[0] if len(found) == 1 else Msg("%(first)s or %(second)s",
                                                 first=_either(found[:-1]), second=found[-1])


def format_problems(problems: Iterable[Problem], *, github: bool = False,
                    translate: Translate | None = None) -> str:
    """All problems, one per line, sorted by file and line (in `translate`'s language)."""
    ordered = sorted(problems)
    if github:
        return "\n".join(p.as_github_annotation(translate) for p in ordered)
    return "\n".join(p.text(translate) for p in ordered)
