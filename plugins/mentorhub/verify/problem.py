"""One thing wrong with a built site, as `path: problem`."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class SiteProblem:
    """`path` is relative to the site folder (or names mkdocs.yml / a content file)."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"
