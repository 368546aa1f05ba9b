"""Where each generated page lives, and relative links between pages.

Links are computed here rather than left to Markdown, because record pages are
written as HTML blocks; a test walks the built site to prove every link resolves.
"""

from __future__ import annotations

import posixpath
import re
import unicodedata
from functools import lru_cache


def dest_path(src_uri: str, *, directory_urls: bool = True) -> str:
    """The output file of a page, as MkDocs computes it (`people/ana.md` → `people/ana/index.html`)."""
    stem, _ = posixpath.splitext(src_uri)
    if not directory_urls:
        return stem + ".html"
    if posixpath.basename(stem) in ("index", "README"):
        return posixpath.join(posixpath.dirname(stem), "index.html")
    return stem + "/index.html"


@lru_cache(maxsize=1 << 16)
def _dest(src_uri: str, directory_urls: bool) -> str:
    return dest_path(src_uri, directory_urls=directory_urls)


def _relpath(path: str, start: str) -> str:
    """posixpath.relpath for relative paths without '..'.

    posixpath.relpath makes both paths absolute with os.getcwd() on every call; a
    20k-record hub computes some 300,000 links, and that alone cost seconds.
    """
    if ".." in path or ".." in start:
        return posixpath.relpath(path, start)
    start_parts = [part for part in start.split("/") if part and part != "."]
    path_parts = [part for part in path.split("/") if part and part != "."]
    common = 0
    for a, b in zip(start_parts, path_parts, strict=False):
        if a != b:
            break
        common += 1
    return "/".join([".."] * (len(start_parts) - common) + path_parts[common:]) or "."


def relative_url(from_src: str, to_src: str, *, directory_urls: bool = True) -> str:
    """A link from one page to another, relative so the site works under any base path."""
    source = _dest(from_src, directory_urls)
    target = _dest(to_src, directory_urls)
    rel = _relpath(target, posixpath.dirname(source) or ".")
    if directory_urls:
        if rel == "index.html":
            return "./"
        if rel.endswith("/index.html"):
            return rel[: -len("index.html")]
    return rel


def relative_file_url(from_src: str, path: str, *, directory_urls: bool = True) -> str:
    """A link from a page to a file of the site that is not a page (a feed, a JSON file)."""
    source = dest_path(from_src, directory_urls=directory_urls)
    return posixpath.relpath(path, posixpath.dirname(source) or ".")


def slugify(text: str) -> str:
    """A URL-safe, lowercase slug ('Grant Writing Lab' → 'grant-writing-lab')."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug or "group"


def unique_slugs(names: list[str]) -> dict[str, str]:
    """A distinct slug for each name, in the order given (`-2`, `-3` on collision)."""
    taken: set[str] = set()
    result: dict[str, str] = {}
    for name in names:
        base = slugify(name)
        slug, n = base, 2
        while slug in taken:
            slug, n = f"{base}-{n}", n + 1
        taken.add(slug)
        result[name] = slug
    return result
