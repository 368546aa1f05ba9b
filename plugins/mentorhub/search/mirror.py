"""What Pagefind reads in a large build: each page without the theme's header and navigation.

Pagefind indexes only the element marked `data-pagefind-body`, but it parses every
page whole. On a 20,000-record hub Material's header, navigation and sidebars before
that element are most of the 750 MB it reads. So while the pages are written, each
one is also written without that stretch into a folder outside the site (the mirror),
and Pagefind indexes the mirror into the site's bundle. The bundle is the one the
site itself gives, up to the pages' numbering (tests/test_search_mirror.py):

* only the stretch between `<body>` and the indexed element is dropped, and only
  when it holds nothing Pagefind reads outside that element: `data-pagefind-*`
  attributes, or an `<h1>` or `<img>` (its default title and image). The head
  (the page's language) and everything after the element stay;
* before indexing, the mirror is made to hold exactly the site's HTML files. HTML
  written outside the page loop (404.html, copied files) is copied in whole, and
  a page no longer in the site is removed;
* every page's folder and file are created before any page is written, one after
  another in a fixed order, because Pagefind numbers pages in the order the file
  system lists them: pages written by several processes at once would otherwise be
  numbered in the order of the processes' race. (The order differs from the one
  Pagefind finds in the site itself, so page numbers in the bundle differ from a
  build without the mirror; what each page says, and so every search, is the same.)

The mirror lives in a RAM-backed folder (`/dev/shm` on Linux) with room to spare, and
only there: on the benchmark machine's disk, creating a file took ~0.4 ms (20,000 of
them: 8 s, more than Pagefind saves), in `/dev/shm` 15 µs. Without such a folder
Pagefind reads the site as before. A background process deletes the mirror after
indexing; the build does not wait for it. No MkDocs imports.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Sequence
from pathlib import Path

from ..deleting import delete_in_background

#: Where mirrors are made (a tmpfs on Linux; missing elsewhere).
RAM_FOLDER = Path("/dev/shm")
#: Room asked for each page, twice over: more than a typical generated page (~30 KB).
BYTES_PER_PAGE = 64 * 1024
_BODY_MARK = "data-pagefind-body"
#: What Pagefind reads outside the indexed element (see the module's docstring).
_READ_ANYWHERE = ("data-pagefind", "<h1", "<img")


def search_part(html: str) -> str:
    """The page as Pagefind needs it: without what lies between `<body>` and the indexed element."""
    mark = html.find(_BODY_MARK)
    if mark < 0:
        return html
    start = html.rfind("<", 0, mark)
    body = html.find("<body")
    if body < 0 or start < body:
        return html
    body_end = html.find(">", body)
    if body_end < 0 or body_end >= start:
        return html
    if any(token in html[body_end + 1:start] for token in _READ_ANYWHERE):
        return html
    return html[:body_end + 1] + html[start:]


class SearchMirror:
    """The mirror of one build: `start`, `add` each page, `complete`, then `discard`."""

    def __init__(self) -> None:
        self.root: Path | None = None

    def start(self, pages: Sequence[str]) -> bool:
        """A new mirror, with an empty file for each of `pages` (paths in the site, with /).

        False (and no mirror) without a RAM-backed folder with room for it.
        """
        self.discard()
        ram = ram_folder(len(pages))
        if ram is None:
            return False
        try:
            self.root = root = Path(tempfile.mkdtemp(prefix="mentorhub-search-", dir=ram))
        except OSError:
            return False
        # Reversed: tmpfs (Linux) lists a folder newest first, so Pagefind meets the pages in
        # path order; any file system lists the same creation order the same way each time.
        for page in sorted(pages, reverse=True):
            target = root / page
            target.parent.mkdir(parents=True, exist_ok=True)
            target.touch()
        return True

    def add(self, page: str, html: str) -> None:
        """The page at `page` (as written to the site) was written with this HTML."""
        if self.root is None or not html.strip():  # MkDocs writes no empty page
            return
        target = self.root / page
        target.parent.mkdir(parents=True, exist_ok=True)  # (made by start() for every page)
        # Encoded as MkDocs encodes the page itself.
        target.write_bytes(search_part(html).encode("utf-8", errors="xmlcharrefreplace"))

    def complete(self, site_dir: Path, bundle_dir: str) -> Path | None:
        """Make the mirror hold what `site_dir` holds for Pagefind; its folder, or None without one."""
        root = self.root
        if root is None:
            return None
        in_site = _html_files(site_dir, bundle_dir)
        for path in _html_files(root, bundle_dir) - in_site:
            (root / path).unlink()  # a page the site no longer has
        for path in sorted(in_site):
            target = root / path
            if not target.exists() or target.stat().st_size == 0:  # written outside the page loop
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(site_dir / path, target)
        return root

    def discard(self) -> None:
        """Delete the mirror in the background, not waited for (see the module's docstring)."""
        root, self.root = self.root, None
        if root is not None:
            delete_in_background(root, detach=True)


def ram_folder(pages: int) -> Path | None:
    """RAM_FOLDER, if it is there, writable and has room for a mirror of `pages` pages."""
    try:
        stats = os.statvfs(RAM_FOLDER)
    except (OSError, AttributeError):  # no such folder; no statvfs (Windows)
        return None
    room = stats.f_bavail * stats.f_frsize
    if not os.access(RAM_FOLDER, os.W_OK) or room < 2 * pages * BYTES_PER_PAGE:
        return None
    return RAM_FOLDER


def _html_files(root: Path, bundle_dir: str) -> set[str]:
    """Every `*.html` under `root` (what Pagefind's default glob finds), but its own bundle's."""
    found: set[str] = set()
    for folder, dirs, names in os.walk(root):
        if folder == str(root) and bundle_dir in dirs:
            dirs.remove(bundle_dir)
        relative = os.path.relpath(folder, root)
        for name in names:
            if name.endswith(".html"):
                found.add(name if relative == "." else f"{relative}/{name}".replace(os.sep, "/"))
    return found
