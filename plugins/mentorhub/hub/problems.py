"""Content problems: what is wrong, where, and how to fix it."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from .printable import one_line


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
        # Parts can echo contributor text (a key, a file name): one_line keeps the
        # problem on one line and keeps escape sequences out of terminals and logs.
        text = f"{one_line(self.path)}:{self.line}: {one_line(self.field)}: {one_line(self.message)}"
        return f"{text} ({one_line(self.hint)})" if self.hint else text

    def as_github_annotation(self) -> str:
        """The problem as a GitHub Actions workflow command, shown on the changed line."""
        message = f"{one_line(self.field)}: {one_line(self.message)}"
        if self.hint:
            message += f" ({one_line(self.hint)})"
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
    return "did you mean " + " or ".join(f"'{c}'" for c in close) + "?"


def format_problems(problems: Iterable[Problem], *, github: bool = False) -> str:
    """All problems, one per line, sorted by file and line."""
    ordered = sorted(problems)
    if github:
        return "\n".join(p.as_github_annotation() for p in ordered)
    return "\n".join(str(p) for p in ordered)
