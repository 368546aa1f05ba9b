"""Material's navigation, tabs, header and page settings, rendered once per folder, not per page.

Material renders `partials/nav.html` (the whole site navigation, through the macros in
`nav-item.html`) and `partials/tabs.html` for every page: about half of its page
template's time, ~15 % of a generated hub's build, for markup that is the same on most
pages; the header (all but the page's title) and the `config` block (the settings
Material's scripts read) are the same too. That markup reads the page in two ways
only: which navigation items are active (the page's own entry, its sections, the
page's table of contents in its entry), and links made relative to the page's URL
(the `url` filter: `get_relative_url(target, page.url)`; `base_url` likewise).

For a page outside the navigation (profiles, sessions, skill pages, listing pages after
the first: `InclusionLevel.NOT_IN_NAV`), nothing is active, and a link to a target T is
the same from every page in the same folder, unless T lies under the page's own URL
(then it would be `./x/` from this page, `../p/x/` from a sibling). So the markup is
kept by (partial, folder of the page's URL) and reused for a page when:

* the page is not in the navigation and has no parent section (nothing is active);
* no link target the cached markup was rendered with lies under the page's URL
  (every target passed to the `url` filter while rendering it is recorded);
* the navigation holds only MkDocs' own pages, sections and links (a blog plugin's
  views list pages the navigation does not);
* the templates a partial includes (`nav-item.html`, `logo.html`, `palette.html`, …)
  are Material's own or this package's: an override before Material's templates (an
  organizer's `custom_dir`) could read the page, so then that partial is not cached.
  An override of `partials/nav.html`, `tabs.html`, `header.html` or `base.html` itself
  replaces this package's wrapper (`custom_dir` comes first), so it is rendered for
  every page as it always was.

The wrappers: `theme/partials/nav.html` and `tabs.html` include Material's original
(named "mentorhub-below/partials/…": looked up only in the theme folders after this
package's) inside `{% call mentorhub_shell("nav") %}`; `theme/partials/header.html`
wraps the parts before and after the title; `theme/base.html` extends Material's and
wraps its `config` block.

Anything else is rendered as usual. The cache belongs to one Jinja environment, i.e.
one build (MkDocs makes a new environment per build, each language tree included),
so no build or language ever sees another's markup.
"""

from __future__ import annotations

import importlib.util
import os
import posixpath
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PrefixLoader, pass_context
from jinja2.runtime import Context
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.nav import Link, Navigation, Section
from mkdocs.structure.pages import Page

#: Templates named "mentorhub-below/…" are looked up only in the theme folders after the
#: package's own, so the wrappers in theme/partials/ can include what they wrap.
BELOW = "mentorhub-below"
#: Each cached partial and the templates it includes, directly or not: one of them
#: overridden before Material's own templates could read the page, so then that
#: partial is not cached. The wrappers themselves (theme/partials/nav.html, tabs.html,
#: header.html, theme/base.html) are named too: an override of one replaces it anyway.
PARTIALS: dict[str, tuple[str, ...]] = {
    "nav": ("partials/nav.html", "partials/nav-item.html", "partials/logo.html",
            "partials/source.html", "partials/toc.html", "partials/toc-item.html"),
    "tabs": ("partials/tabs.html", "partials/tabs-item.html"),
    "header-start": ("partials/header.html", "partials/logo.html"),
    "header-end": ("partials/header.html", "partials/palette.html", "partials/javascripts/palette.html",
                   "partials/alternate.html", "partials/mentorhub-search.html", "partials/source.html",
                   "partials/tabs.html", "partials/tabs-item.html"),
    "config": ("base.html",),
}
#: Read by all of them: Material's words (`lang.t`) and icons.
_EVERYWHERE = ("partials/language.html", ".icons")


class ShellCache:
    """One build's cached partials: `mentorhub_shell` in the theme's templates."""

    def __init__(self, enabled: frozenset[str]) -> None:
        self.enabled = enabled  # the partials this build caches
        # key → (markup, every leading run of path components of the link targets in it)
        self._markup: dict[tuple[Any, ...], tuple[str, frozenset[tuple[str, ...]]]] = {}
        self._recording: list[str] | None = None
        self._nav: Navigation | None = None
        self._nav_pages: frozenset[int] = frozenset()  # id() of every page in the navigation
        self._plain_nav = False
        self.hits = 0

    def __repr__(self) -> str:  # stable: preview.py digests the environment's mentorhub_ globals
        return "ShellCache()"

    @pass_context
    def render(self, context: Context, partial: str, caller: Callable[[], str]) -> str:
        """`{% call mentorhub_shell("nav") %}…{% endcall %}`: the body's markup, cached when it can be."""
        found = self._key(context, partial)
        if found is None:
            return caller()
        key, own = found
        cached = self._markup.get(key)
        if cached is not None and own not in cached[1]:
            self.hits += 1
            if self._recording is not None:  # a cached partial inside one being rendered
                self._recording.extend("/".join(prefix) for prefix in cached[1])
            return cached[0]
        outer, self._recording = self._recording, []
        try:
            markup = caller()
            targets = self._recording
        finally:
            self._recording = outer
        if outer is not None:
            outer.extend(targets)
        prefixes = _prefixes(targets)
        if cached is None and own not in prefixes:
            self._markup[key] = (markup, prefixes)
        return markup

    def attach(self, env: Environment) -> None:
        """Offer `mentorhub_shell` to the templates and learn each link target the `url` filter makes."""
        url = env.filters.get("url")
        if url is None:
            self.enabled = frozenset()
        else:
            @pass_context
            def recording_url(context: Context, value: Any) -> Any:
                self.record(str(value))
                return url(context, value)

            env.filters["url"] = recording_url
        env.globals["mentorhub_shell"] = self.render

    def record(self, target: str) -> None:
        """Called by the `url` filter: a link target of the partial being rendered."""
        if self._recording is not None:
            self._recording.append(target)

    def _key(self, context: Context, partial: str) -> tuple[tuple[Any, ...], tuple[str, ...]] | None:
        """The cache key for this page, and the path no link target may lie under; None: not cached."""
        page = context.get("page")
        nav = context.get("nav")
        if partial not in self.enabled or not isinstance(page, Page) \
                or not isinstance(nav, Navigation) or page.parent is not None:
            return None
        if nav is not self._nav:  # a new build (the cache holds the old nav: no id is reused)
            self._markup.clear()
            self._nav = nav
            self._nav_pages = frozenset(map(id, nav.pages))
            self._plain_nav = _plain(nav.items)
        if not self._plain_nav or id(page) in self._nav_pages:
            return None
        features = context.get("features")
        try:
            features_key = tuple(features) if features else ()
            hash(features_key)
        except TypeError:
            return None
        # get_relative_url(target, page.url) measures from these components: the last one
        # of `page.url` is dropped first when it names a file ("people/ana.html").
        url = page.url
        folder, _, basename = url.rpartition("/")
        if "." in basename:  # every page of the folder measures from the same components
            parts = _parts(folder)
            return (partial, features_key, "file", tuple(parts)), ()
        # A link from page p to a target not under p depends only on p's folder (and so
        # its depth); a target under p would be "x/" from p and "../p/x/" from a sibling.
        parts = _parts(url)
        return (partial, features_key, "folder", tuple(parts[:-1])), tuple(parts)


def install(env: Environment, config: MkDocsConfig, theme_dir: Path) -> ShellCache:
    """Give the theme's templates `mentorhub_shell` and the "mentorhub-below/" names."""
    dirs = [str(d) for d in config.theme.dirs]
    ours = _index(dirs, theme_dir)
    below = dirs[ours + 1:] if ours is not None else []
    if env.loader is not None:
        env.loader = ChoiceLoader([env.loader, PrefixLoader({BELOW: FileSystemLoader(below)})])
    cache = ShellCache(_unchanged_partials(dirs, ours) if ours is not None else frozenset())
    cache.attach(env)
    return cache


def _unchanged_partials(dirs: list[str], ours: int) -> frozenset[str]:
    """The partials whose every template comes from Material or from this package."""
    material = _material_templates()
    at = _index(dirs, material) if material else None
    if at is None:
        return frozenset()
    others = [folder for i, folder in enumerate(dirs[:at]) if i != ours]  # custom_dir, other plugins'

    def overridden(name: str) -> bool:
        return any(os.path.exists(os.path.join(folder, name)) for folder in others)

    if any(overridden(name) for name in _EVERYWHERE):
        return frozenset()
    return frozenset(partial for partial, names in PARTIALS.items() if not any(map(overridden, names)))


def _material_templates() -> Path | None:
    try:
        spec = importlib.util.find_spec("material.templates")
    except ImportError:  # pragma: no cover - the hub's theme is Material
        return None
    return Path(spec.origin).parent if spec is not None and spec.origin else None


def _index(dirs: list[str], folder: Path) -> int | None:
    wanted = os.path.realpath(folder)
    return next((i for i, d in enumerate(dirs) if os.path.realpath(d) == wanted), None)


def _plain(items: Iterable[Any]) -> bool:
    """True when the navigation holds only MkDocs' own pages, sections and links."""
    for item in items:
        if type(item) not in (Page, Section, Link):
            return False
        if isinstance(item, Section) and not _plain(item.children):
            return False
    return True


def _parts(path: str) -> list[str]:
    path = posixpath.normpath("/" + path)[1:]
    return path.split("/") if path else []


def _prefixes(targets: Iterable[str]) -> frozenset[tuple[str, ...]]:
    """Every leading run of path components of every link target (absolute ones included:
    harmless, they never match a page's path)."""
    found: set[tuple[str, ...]] = set()
    for target in targets:
        parts = _parts(target.replace("\\", "/") or ".")
        found.update(tuple(parts[:n]) for n in range(1, len(parts) + 1))
    return frozenset(found)
