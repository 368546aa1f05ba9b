"""Remember what was made from a file until the file changes (for `mkdocs serve`).

A preview rebuilds the hub on every save; re-reading and re-validating the other
19,999 records is most of that work. An entry is reused only while the file's size
and modification time (nanoseconds) are the same and the `context` it was made in
(e.g. the skills vocabulary a record was checked against) is equal: anything else
reads the file again, so a cached result is always the one a fresh read would give.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Hashable
from pathlib import Path
from typing import Generic, TypeVar

T = TypeVar("T")


class FileCache(Generic[T]):
    """Values made from files, by path, valid while (size, mtime, context) is unchanged."""

    def __init__(self) -> None:
        self._entries: dict[Path, tuple[tuple[int, int], Hashable, T]] = {}
        self.hits = 0
        self.misses = 0

    def get(self, path: Path, context: Hashable, make: Callable[[], T]) -> T:
        stamp, hit = self._lookup(path, context)
        if hit is not None:
            return hit[0]
        value = make()  # a file that cannot be stat'ed reports its error the way a fresh read does
        self.put(path, stamp, context, value)
        return value

    def find(self, path: Path, context: Hashable) -> tuple[tuple[int, int] | None, T | None]:
        """The file's stamp and its value when still valid (None when the file must be read).

        With :meth:`put`, the two halves of :meth:`get` for callers that make the missing
        values together (in other processes): the stamp is taken before the file is read.
        """
        stamp, hit = self._lookup(path, context)
        return stamp, (hit[0] if hit is not None else None)

    def _lookup(self, path: Path, context: Hashable) -> tuple[tuple[int, int] | None, tuple[T] | None]:
        """The file's (size, mtime) stamp, and its value (in a 1-tuple) if still valid."""
        try:
            status = os.stat(path)
        except OSError:
            self._entries.pop(path, None)
            self.misses += 1
            return None, None
        stamp = (status.st_size, status.st_mtime_ns)
        entry = self._entries.get(path)
        if entry is not None and entry[0] == stamp and entry[1] == context:
            self.hits += 1
            return stamp, (entry[2],)
        self.misses += 1
        return stamp, None

    def put(self, path: Path, stamp: tuple[int, int] | None, context: Hashable, value: T) -> None:
        """Remember `value`, made from the file as it was at `stamp` (from :meth:`find`)."""
        if stamp is not None:  # a file that could not be stat'ed is read again next time
            self._entries[path] = (stamp, context, value)

    def forget_others(self, keep: set[Path]) -> None:
        """Drop entries of files that no longer exist (renamed or deleted)."""
        for path in [p for p in self._entries if p not in keep]:
            del self._entries[path]
