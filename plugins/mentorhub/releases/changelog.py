"""CHANGELOG.md (Keep a Changelog), read from the installed package.

The changelog is shipped in the package's metadata: pyproject.toml makes the long
description README.md followed by CHANGELOG.md, so an installed wheel carries it. A
source checkout reads the file itself, which is always current.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, distribution
from pathlib import Path

_HEADING = re.compile(r"^## \[(?P<name>[^\]]+)\](?: - (?P<date>\d{4}-\d{2}-\d{2}))?\s*$", re.MULTILINE)
_TITLE = "# Changelog"
#: The changelog's own file in a source checkout: plugins/mentorhub/releases/ → the root.
_SOURCE_FILE = Path(__file__).resolve().parents[3] / "CHANGELOG.md"

UNRELEASED = "Unreleased"


@dataclass(frozen=True)
class Release:
    name: str  # "0.2.0" or "Unreleased"
    date: str  # YYYY-MM-DD, '' when unreleased
    text: str  # the Markdown under the heading (### Added, ### Upgrading …)

    @property
    def key(self) -> tuple[int, ...]:
        return version_key(self.name)


def version_key(version: str) -> tuple[int, ...]:
    """0.10.0 sorts after 0.9.1; the unreleased section after everything."""
    if version == UNRELEASED:
        return (1 << 30,)
    return tuple(int(part) for part in re.findall(r"\d+", version)[:3])


def changelog_text() -> str:
    """The changelog of the installed engine ('' if it cannot be found)."""
    if _SOURCE_FILE.is_file() and (_SOURCE_FILE.parent / "pyproject.toml").is_file():
        return _SOURCE_FILE.read_text(encoding="utf-8")
    try:
        return changelog_in_metadata(distribution("mentorhub").read_text("METADATA") or "")
    except PackageNotFoundError:
        return ""


def changelog_in_metadata(core_metadata: str) -> str:
    """The changelog part of a METADATA file: headers, a blank line, then README + changelog."""
    text = core_metadata.partition("\n\n")[2]
    start = text.find(_TITLE + "\n")
    return text[start:] if start >= 0 else ""


def parse_changelog(text: str) -> list[Release]:
    """Every release section, in file order (newest first in a Keep a Changelog file)."""
    headings = list(_HEADING.finditer(text))
    releases = []
    for n, heading in enumerate(headings):
        end = headings[n + 1].start() if n + 1 < len(headings) else len(text)
        body = text[heading.end():end]
        link_refs = re.search(r"^\[[^\]]+\]: ", body, re.MULTILINE)  # the link list at the end
        body = body[:link_refs.start()] if link_refs else body
        releases.append(Release(heading["name"], heading["date"] or "", body.strip()))
    return releases


def releases_between(releases: list[Release], pinned: str, installed: str) -> list[Release]:
    """Releases after `pinned` up to `installed`, newest first, and unreleased changes if any."""
    low, high = version_key(pinned), version_key(installed)
    return [r for r in releases
            if (r.name == UNRELEASED and r.text) or (r.name != UNRELEASED and low < r.key <= high)]
