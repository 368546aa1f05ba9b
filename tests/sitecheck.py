"""Helpers for asserting on a built site: reading pages, following links, finding text."""

from __future__ import annotations

import contextlib
import gzip
import html
import zlib
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote

from mentorhub.hub.site_config import read_config
from mentorhub.verify.pages import link_problems, read_page


class LinkCollector(HTMLParser):
    """Collects every URL-bearing attribute and the element tree facts tests care about."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.urls: list[str] = []
        self.ids: set[str] = set()
        self.start_tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.script_texts: list[str] = []
        self._in_script = False
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.start_tags.append((tag, attrs))
        for name, value in attrs:
            if name in ("href", "src") and value is not None:
                self.urls.append(value)
            if name == "id" and value:
                self.ids.add(value)
        self._in_script = tag == "script"
        self._in_title = tag == "title"

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False
        self._in_title = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.script_texts.append(data)
        if self._in_title:
            self.title += data


def parse(path: Path) -> LinkCollector:
    collector = LinkCollector()
    collector.feed(path.read_text(encoding="utf-8"))
    return collector


def html_pages(site: Path) -> Iterator[Path]:
    yield from sorted(site.rglob("*.html"))


def broken_links(site: Path) -> list[str]:
    """Every internal link (href/src) that points at no file or no anchor: `mentorhub verify`'s check.

    Root-absolute links are read against the `site_url` of the mkdocs.yml beside the site.
    """
    base_path = read_config(site.parent / "mkdocs.yml").base_path
    pages = {p.relative_to(site).as_posix(): read_page(p) for p in sorted(site.rglob("*.html"))}
    return [str(problem) for problem in link_problems(site, pages, base_path)]


def all_text(site: Path) -> Iterator[tuple[Path, str]]:
    """The text of every file in the site, decompressed and with entities decoded."""
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        data = path.read_bytes()
        if data[:2] == b"\x1f\x8b":
            data = gzip.decompress(data)
        else:
            with contextlib.suppress(zlib.error):
                data = zlib.decompress(data)
        text = data.decode("utf-8", errors="ignore")
        yield path, text
        unescaped = html.unescape(unquote(text))
        if unescaped != text:
            yield path, unescaped
