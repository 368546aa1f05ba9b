"""Which feature plugin publishes which pages, so the core plugin can say one is missing.

Without `mentorhub-search`, a nav entry "Find a mentor: find/index.md" points at a page
nobody publishes: MkDocs logs one warning among many and builds a site with a dead
tab. The core plugin checks the nav once every plugin has added its pages, and stops
the build naming the plugin to add, as the feature plugins do when `mentorhub` itself
is missing (shared.find_hub_plugin).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from ..impact.pages import IMPACT_SRC, THANKS_SRC
from ..search.pages import FIND_MENTOR_SRC, FIND_RESOURCE_SRC, SEARCH_SRC

#: The folder (first path part) of each feature plugin's pages.
FOLDERS = {
    "mentorhub-search": {FIND_MENTOR_SRC.split("/")[0], SEARCH_SRC.split("/")[0],
                         FIND_RESOURCE_SRC.split("/")[0]},
    "mentorhub-kpi": {IMPACT_SRC.split("/")[0], THANKS_SRC.split("/")[0]},
    "mentorhub-matching": {"circles"},
}


def missing_plugin_problems(config: MkDocsConfig, files: Files) -> list[str]:
    """One sentence per nav entry whose page a feature plugin publishes, when that plugin is not listed."""
    problems = []
    for src in _nav_pages(config.nav or []):
        if files.get_file_from_path(src) is not None:
            continue
        folder = src.split("/")[0]
        for plugin, folders in FOLDERS.items():
            if folder in folders and plugin not in config.plugins:
                problems.append(f"the nav links to '{src}', a page of the '{plugin}' plugin, which "
                                f"is not in plugins: add '- {plugin}' to plugins in mkdocs.yml "
                                "(or remove the nav entry)")
    return problems


def _nav_pages(nav: Any) -> Iterator[str]:
    if isinstance(nav, str):
        if nav.endswith(".md"):
            yield nav
    elif isinstance(nav, dict):
        for value in nav.values():
            yield from _nav_pages(value)
    elif isinstance(nav, list):
        for item in nav:
            yield from _nav_pages(item)
