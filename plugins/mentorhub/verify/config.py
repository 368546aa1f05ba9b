"""A hub's mkdocs.yml, read without MkDocs, and what the current engine expects to find in it.

A hub keeps its own mkdocs.yml while the engine it pins moves on; when a new engine
version brings a plugin or relies on an option, `mentorhub init --check` and
`mentorhub verify` name what is missing and the line to add.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from ..hub.site_config import HubConfig, read_config
from .problem import SiteProblem

__all__ = ["ENGINE_PLUGINS", "HubConfig", "config_problems", "read_config"]

#: The engine's plugins, in the order they must be listed (the core one first).
ENGINE_PLUGINS = ("mentorhub", "mentorhub-matching", "mentorhub-kpi", "mentorhub-feeds", "mentorhub-search")
_WHY = {
    "mentorhub": "loads and validates content/ and generates every page",
    "mentorhub-matching": "mentor suggestions, peer circles and matches.json",
    "mentorhub-kpi": "the Impact pages and kpi.json",
    "mentorhub-feeds": "Atom and JSON feeds of new records",
    "mentorhub-search": "the Pagefind search index and the finders",
}


def config_problems(config: HubConfig) -> Iterator[SiteProblem]:
    """What the engine expects of mkdocs.yml and it lacks, each with the line to add."""
    shown = config.path.name
    if not config.exists:
        yield SiteProblem(shown, "not found (run `mentorhub init` to start a hub)")
        return
    theme = config.data.get("theme")
    theme = theme if isinstance(theme, Mapping) else {"name": theme}
    if theme.get("name") != "material":
        yield SiteProblem(shown, "theme: the engine's templates need Material for MkDocs "
                                 "(add 'name: material' under 'theme:')")
    if theme.get("font") is not False:
        yield SiteProblem(shown, "theme: pages would load Google Fonts, a third-party request "
                                 "(add 'font: false' under 'theme:')")
    if not config.data.get("site_url"):
        yield SiteProblem(shown, "site_url: feeds and the sitemap need the hub's address "
                                 "(add 'site_url: https://<owner>.github.io/<repository>/')")
    if "search" in config.plugins:
        yield SiteProblem(shown, "plugins: '- search' must go: mentorhub-search replaces it "
                                 "(remove the line '  - search')")
    order = [name for name in config.plugins if name in ENGINE_PLUGINS]
    for name in ENGINE_PLUGINS:
        if name not in config.plugins:
            yield SiteProblem(shown, f"plugins: '{name}' is missing: {_WHY[name]} "
                                     f"(add '  - {name}' under 'plugins:')")
    if order and order[0] != "mentorhub" and "mentorhub" in order:
        yield SiteProblem(shown, "plugins: '- mentorhub' must come before the other mentorhub plugins "
                                 "(move it up)")


def config_suggestions(config: HubConfig) -> Iterator[str]:
    """Settings a hub can do without but readers miss, each with the lines to add."""
    if not config.exists or "mentorhub" not in config.plugins:
        return
    if not config.plugins["mentorhub"].get("organizers"):
        yield (f"{config.path.name}: plugins: mentorhub: no 'organizers': readers see no contact and "
               "cannot ask for an introduction (add under '- mentorhub:' e.g. "
               "'organizers: [{name: Hub organizers, email: you@example.org}]' and "
               "'introductions: {via: email}'; docs/guide/introductions.md)")
