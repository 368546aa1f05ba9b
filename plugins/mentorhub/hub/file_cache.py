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
        try:
            status = os.stat(path)
            stamp = (status.st_size, status.st_mtime_ns)
        except OSError:
            self._entries.pop(path, None)
            self.misses += 1
            return make()  # reports the error the way a fresh read does
        entry = self._entries.get(path)
        if entry is not None and entry[0] == stamp and entry[1] == context:
            self.hits += 1
            return entry[2]
        value = make()
        self._entries[path] = (stamp, context, value)
        self.misses += 1
        return value

    def forget_others(self, keep: set[Path]) -> None:
        """Drop entries of files that no longer exist (renamed or deleted)."""
        for path in [p for p in self._entries if p not in keep]:
            del self._entries[path]
