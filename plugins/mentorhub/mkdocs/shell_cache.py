"""Material's navigation and tabs, rendered once per folder instead of once per page.

Material renders `partials/nav.html` (the whole site navigation, through the macros in
`nav-item.html`) and `partials/tabs.html` for every page: about half of its page
template's time, ~15 % of a generated hub's build, for markup that is the same on most
pages. The markup reads the page in two ways only: which items are active (the page's
own entry, its sections, the page's table of contents in its entry), and links made
relative to the page's URL by the `url` filter (`get_relative_url(target, page.url)`).

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
* the templates Material's partials include (`nav-item.html`, `logo.html`, icons, …)
  are Material's own: an override anywhere before Material's templates could read the
  page, so then nothing is cached. An override of `partials/nav.html` or `tabs.html`
  itself replaces the wrappers in `theme/partials/` (they come first), so it is
  rendered for every page as it always was.

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
#: The partials the wrappers in theme/partials/ stand for.
PARTIALS = frozenset({"nav", "tabs"})
#: What Material's nav.html and tabs.html include or import, directly or not.
_INCLUDED = ("partials/nav-item.html", "partials/tabs-item.html", "partials/logo.html",
             "partials/source.html", "partials/toc.html", "partials/toc-item.html",
             "partials/language.html", ".icons")


class ShellCache:
    """One build's cached partials: `mentorhub_shell` in the theme's templates."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
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
            self.enabled = False
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
        if not self.enabled or partial not in PARTIALS or not isinstance(page, Page) \
                or not isinstance(nav, Navigation) or page.parent is not None:
            return None
        if nav is not self._nav:
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
            return (partial, id(nav), features_key, "file", tuple(parts)), ()
        # A link from page p to a target not under p depends only on p's folder (and so
        # its depth); a target under p would be "x/" from p and "../p/x/" from a sibling.
        parts = _parts(url)
        return (partial, id(nav), features_key, "folder", tuple(parts[:-1])), tuple(parts)


def install(env: Environment, config: MkDocsConfig, theme_dir: Path) -> ShellCache:
    """Give the theme's templates `mentorhub_shell` and the "mentorhub-below/" names."""
    dirs = [str(d) for d in config.theme.dirs]
    ours = _index(dirs, theme_dir)
    below = dirs[ours + 1:] if ours is not None else []
    if env.loader is not None:
        env.loader = ChoiceLoader([env.loader, PrefixLoader({BELOW: FileSystemLoader(below)})])
    cache = ShellCache(enabled=ours is not None and _material_partials_unchanged(dirs))
    cache.attach(env)
    return cache


def _material_partials_unchanged(dirs: list[str]) -> bool:
    """True when every template Material's nav and tabs include comes from Material."""
    material = _material_templates()
    at = _index(dirs, material) if material else None
    if at is None:
        return False
    return not any(os.path.exists(os.path.join(folder, name)) for folder in dirs[:at] for name in _INCLUDED)


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
