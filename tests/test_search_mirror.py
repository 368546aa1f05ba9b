"""Pagefind reads the search mirror in large builds (search/mirror.py): the same bundle as from the site."""

from __future__ import annotations

import gzip
import json
import os
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from build_support import build_here, fresh_plugin_instances, tree_differences

from mentorhub import forked
from mentorhub.mkdocs import page_writers, search_plugin
from mentorhub.search import index as search_index
from mentorhub.search import mirror as mirror_module
from mentorhub.search.mirror import SearchMirror, search_part

from conftest import EPOCH, copy_demo

PAGE = ('<html lang="en"><head><title>T</title></head><body class="x">'
        '<header>{shell}</header><nav>menu</nav>'
        '<article><div data-pagefind-body><h1>Name</h1><p>words</p></div></article>'
        '<footer>f</footer></body></html>')

#: Runs before the search plugin's post_build: it could rewrite pages the mirror holds.
needs_fork = pytest.mark.skipif(not hasattr(os, "fork"), reason="no os.fork here")

FOREIGN_POST_BUILD = """\
from mkdocs.plugins import event_priority


@event_priority(50)
def on_post_build(config):
    pass
"""


def test_the_stretch_before_the_indexed_element_is_dropped() -> None:
    page = PAGE.format(shell="Site")
    part = search_part(page)
    assert part == ('<html lang="en"><head><title>T</title></head><body class="x">'
                    '<div data-pagefind-body><h1>Name</h1><p>words</p></div></article>'
                    '<footer>f</footer></body></html>')


@pytest.mark.parametrize("shell", ['<img src="logo.png" alt="Logo">', "<h1>Site</h1>",
                                   '<span data-pagefind-filter="kind">x</span>'])
def test_a_page_whose_shell_holds_what_pagefind_reads_anywhere_is_kept_whole(shell: str) -> None:
    page = PAGE.format(shell=shell)
    assert search_part(page) == page


def test_a_page_without_an_indexed_element_is_kept_whole() -> None:
    page = "<html><body><nav>menu</nav><p>text</p></body></html>"
    assert search_part(page) == page


def test_the_mirror_ends_up_with_exactly_the_sites_html_files(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site = tmp_path / "site"
    for path in ("people/a/index.html", "people/b/index.html", "404.html", "pagefind/x.html"):
        (site / path).parent.mkdir(parents=True, exist_ok=True)
        (site / path).write_text(PAGE.format(shell="S"), encoding="utf-8")
    monkeypatch.setattr(mirror_module, "RAM_FOLDER", tmp_path)
    mirror = SearchMirror()
    assert mirror.start(["people/a/index.html", "people/b/index.html", "people/gone/index.html"])
    assert mirror.root is not None
    root = mirror.root
    assert sorted(p.name for p in (root / "people").iterdir()) == ["a", "b", "gone"]
    mirror.add("people/a/index.html", PAGE.format(shell="S"))
    mirror.add("people/gone/index.html", PAGE.format(shell="S"))  # a page since deleted from the site
    mirror.add("people/b/index.html", " \n")  # empty output: MkDocs writes nothing
    assert mirror.complete(site, "pagefind") == root
    found = sorted(str(p.relative_to(root)) for p in root.rglob("*.html"))
    assert found == ["404.html", "people/a/index.html", "people/b/index.html"]
    assert (root / "people/a/index.html").read_text(encoding="utf-8") == search_part(PAGE.format(shell="S"))
    assert (root / "404.html").read_text(encoding="utf-8") == PAGE.format(shell="S")  # copied whole
    mirror.discard()
    assert mirror.root is None


@pytest.fixture
def sources(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[list[Path | None]]:
    """Every build's Pagefind source folder (None: the site itself); mirrors from the first page on."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    ram = tmp_path / "ram"  # the same on every machine (/dev/shm may be missing or small)
    ram.mkdir()
    monkeypatch.setattr(mirror_module, "RAM_FOLDER", ram)
    monkeypatch.setattr(search_plugin, "MIRROR_PAGES", 0)
    seen: list[Path | None] = []
    build_index = search_index.build_index

    def spy(site_dir: Path, **kwargs: Any) -> search_index.IndexSummary:
        seen.append(kwargs.get("source_dir"))
        return build_index(site_dir, **kwargs)

    monkeypatch.setattr(search_plugin, "build_index", spy)
    with fresh_plugin_instances():
        yield seen


def _indexed_pages(site: Path) -> list[str]:
    """What the bundle says of each page (its fragment: URL, text, filters, meta, anchors), sorted."""
    fragments = []
    for path in (site / "pagefind" / "fragment").iterdir():
        data = gzip.decompress(path.read_bytes())
        assert data.startswith(b"pagefind_dcd")
        fragments.append(json.dumps(json.loads(data[len(b"pagefind_dcd"):]), sort_keys=True))
    return sorted(fragments)


@needs_fork
def test_a_build_indexed_from_the_mirror_indexes_what_the_site_says_and_is_the_same_on_any_cores(
        sources: list[Path | None], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = copy_demo(tmp_path / "hub")
    monkeypatch.setattr(page_writers, "MIN_PAGES", 0)
    monkeypatch.setattr(forked, "available_jobs", lambda: 2)
    build_here(project, tmp_path / "two")
    monkeypatch.setattr(forked, "available_jobs", lambda: 1)
    build_here(project, tmp_path / "one")
    monkeypatch.setattr(search_plugin, "MIRROR_PAGES", 10**9)
    build_here(project, tmp_path / "whole")
    assert len(sources) == 3 and sources[0] is not None and sources[1] is not None and sources[2] is None
    # Pages written by two processes or one, the mirror's order is the same: so is the site.
    assert tree_differences(tmp_path / "two", tmp_path / "one") == []
    # Against Pagefind reading the site itself: the same pages, saying the same; numbered in
    # another order where the two folders list their entries differently (tmpfs and ext4).
    assert _indexed_pages(tmp_path / "two") == _indexed_pages(tmp_path / "whole")
    assert len(_indexed_pages(tmp_path / "two")) > 100
    differing = tree_differences(tmp_path / "two", tmp_path / "whole")
    assert all(path.startswith("pagefind/") for path in differing)
    for mirror in sources[:2]:
        assert mirror is not None
        deadline = time.monotonic() + 30
        while mirror.exists() and time.monotonic() < deadline:  # deleted in the background
            time.sleep(0.05)
        assert not mirror.exists()


def test_without_a_ram_backed_folder_with_room_there_is_no_mirror(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(mirror_module, "RAM_FOLDER", tmp_path / "missing")
    assert mirror_module.ram_folder(10) is None
    assert SearchMirror().start(["index.html"]) is False
    monkeypatch.setattr(mirror_module, "RAM_FOLDER", tmp_path)
    assert mirror_module.ram_folder(10) == tmp_path
    assert mirror_module.ram_folder(10**12) is None  # no room for a trillion pages


def test_a_post_build_handler_that_is_not_ours_has_pagefind_read_the_site(
        sources: list[Path | None], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = copy_demo(tmp_path / "hub")
    (project / "hooks" / "late.py").write_text(FOREIGN_POST_BUILD, encoding="utf-8")
    config_file = project / "mkdocs.yml"
    text = config_file.read_text(encoding="utf-8")
    config_file.write_text(text.replace("\nhooks:\n", "\nhooks:\n  - hooks/late.py\n"), encoding="utf-8")
    build_here(project, tmp_path / "site")
    assert sources == [None]
    assert (tmp_path / "site" / "pagefind" / "pagefind-entry.json").is_file()
