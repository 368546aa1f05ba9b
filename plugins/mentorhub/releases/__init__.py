"""Releases: which engine is installed, how a hub pins it, and what changed between two versions.

The version scheme and the changelog's shape are in docs/upgrading.md.
"""

from __future__ import annotations

from .changelog import Release, changelog_text, parse_changelog, releases_between
from .installed import Installed, installed_engine, pinned_version

__all__ = ["Installed", "Release", "changelog_text", "installed_engine", "parse_changelog",
           "pinned_version", "releases_between"]
