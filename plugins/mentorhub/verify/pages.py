"""Reading a built site's HTML: every link and anchor resolves, every page has a title and `lang`."""

from __future__ import annotations

import posixpath
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote

from ..hub.browser_urls import resolve
from .problem import SiteProblem

#: Attributes whose value is one URL a reader's browser follows or loads.
_URL_ATTRIBUTES = frozenset({"href", "src", "poster"})
#: Attributes a browser loads by itself, without a click: they must never leave the site.
_LOADED = frozenset({"src", "poster"})
#: `<link rel>` values whose `href` the browser fetches as the page loads.
_LOADED_LINKS = frozenset({"stylesheet", "icon", "preload", "modulepreload", "prefetch",
                           "preconnect", "dns-prefetch", "manifest", "apple-touch-icon",
                           "mask-icon"})


@dataclass
class PageFacts:
    """What the checks need from one HTML page."""

    urls: list[str] = field(default_factory=list)
    #: The subset a browser loads by itself (images, scripts, stylesheets, icons …).
    loads: set[str] = field(default_factory=set)
    ids: set[str] = field(default_factory=set)
    title: str = ""
    lang: str = ""


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.facts = PageFacts()
        self._in_title = False
        self._seen_title = False
        self._svg_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        rel = set(str(dict(attrs).get("rel") or "").lower().split()) if tag == "link" else set()
        for name, value in attrs:
            if value is None:
                continue
            if name == "srcset":
                candidates = [c.split()[0] for c in value.split(",") if c.split()]
                self.facts.urls += candidates
                self.facts.loads.update(candidates)
            elif name in _URL_ATTRIBUTES:
                self.facts.urls.append(value)
                if name in _LOADED or (name == "href" and rel & _LOADED_LINKS):
                    self.facts.loads.add(value)
            elif name == "id" or (name == "name" and tag == "a"):
                self.facts.ids.add(value)
            elif name == "lang" and tag == "html":
                self.facts.lang = value.strip()
        # Only the document's own <title>: inline SVG charts carry <title>s of their own.
        self._svg_depth += tag == "svg"
        self._in_title = tag == "title" and not self._seen_title and not self._svg_depth

    def handle_endtag(self, tag: str) -> None:
        if tag == "svg" and self._svg_depth:
            self._svg_depth -= 1
        if tag == "title" and self._in_title:
            self._in_title = False
            self._seen_title = True

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.facts.title += data


def read_page(path: Path) -> PageFacts:
    collector = _Collector()
    collector.feed(path.read_text(encoding="utf-8", errors="replace"))
    collector.close()
    return collector.facts


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def page_problems(site: Path, pages: dict[str, PageFacts]) -> Iterator[SiteProblem]:
    """A page without a title or without `<html lang>`."""
    for name, facts in pages.items():
        if not facts.title.strip():
            yield SiteProblem(name, "the page has no <title>")
        if not facts.lang:
            yield SiteProblem(name, "the page has no lang attribute on <html>")


def link_problems(site: Path, pages: dict[str, PageFacts], base_path: str = "/") -> Iterator[SiteProblem]:
    """Every internal link (href/src) leads to a file in the site, and its #anchor exists there.

    Root-absolute links (`/hub/people/`, as MkDocs writes them in 404.html) are read
    against `base_path`, the path of the hub's `site_url`.
    """
    for name, facts in pages.items():
        here = posixpath.dirname(name)
        for url in _unique(facts.urls):
            problem = _check_link(site, pages, name, here, url, base_path)
            if problem:
                yield SiteProblem(name, problem)


def _unique(urls: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(urls))


def _check_link(site: Path, pages: dict[str, PageFacts], name: str, here: str, url: str,
                base_path: str) -> str | None:
    """Where `url` leads from page `name`, read as a browser reads it (hub/browser_urls.py):
    a crafted spelling (`/\\host`, a tab, `%2e%2e`) cannot pass for a page of the site."""
    seen = resolve(url, base_path + name)
    if not seen.protocol:
        return f"link '{url}' is not a URL a browser can read"
    if not seen.on_site:
        if seen.protocol not in ("http:", "https:"):
            return None  # mailto:, tel:, data: … lead nowhere on the web
        if url in pages[name].loads:
            return f"'{url}' is loaded from another site ({seen.host}): readers' browsers would call it"
        if not seen.absolute:
            return f"link '{url}' looks local but a browser reads it as another site ({seen.host})"
        return None  # a link to another site, written as one
    path = unquote(seen.path)
    if not path.startswith(base_path):
        if url.strip().startswith("/"):
            return f"link '{url}' leaves the site's path {base_path}"
        return f"link '{url}' points outside the site"
    target = posixpath.normpath(path[len(base_path):] or ".")
    fragment = unquote(seen.fragment.removeprefix("#"))
    page = _resolve(site, target)
    if page is None:
        return f"link '{url}' leads to no file ({target})"
    if fragment and page in pages and fragment not in pages[page].ids:
        if page == name:
            return f"link '{url}': no element with id '{fragment}' on this page"
        return f"link '{url}': no element with id '{fragment}' on {page}"
    return None


def _resolve(site: Path, target: str) -> str | None:
    """The file a URL path serves, relative to the site: itself, or its folder's index.html."""
    candidate = site / target
    if target != "." and candidate.is_file():
        return target
    index = candidate / "index.html"
    if index.is_file():
        return posixpath.normpath(posixpath.join(target, "index.html"))
    return None
