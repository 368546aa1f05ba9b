"""The mentorhub-search plugin in real builds of small sites with the Material theme."""

from __future__ import annotations

import filecmp
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from pagefind_support import fragments

from conftest import EPOCH, run_mkdocs, write_project

pytestmark = pytest.mark.build

CONFIG = """\
site_name: Search test
docs_dir: content
theme:
  name: material
  font: false
plugins:
  - mentorhub
  - mentorhub-search
"""

FILES = {
    "content/people/ana-lima.md": """\
        ---
        name: Ana Lima
        roles: [mentor]
        languages: [pt, en]
        offers: [python]
        formats: [one-on-one, peer-circle]
        consent: true
        ---
        Ana teaches Python to librarians in Recife.
        """,
    "content/people/bo-berg.md": """\
        ---
        name: Bo Berg
        roles: [mentee]
        languages: [sv]
        seeks: [python]
        consent: true
        ---
        Bo wants to automate the archive.
        """,
    "content/resources/grant-kit.md": """\
        ---
        title: Grant kit
        kind: toolkit
        summary: Templates for a first grant proposal.
        topics: [grant-writing]
        level: beginner
        updated: 2026-03-01
        ---
        Start with the budget narrative.
        """,
    # a free page (docs/guide/content.md): indexed like the records
    "content/pages/about.md": "---\ntitle: About this hub\n---\nRun by volunteers from the zebrafish lab.\n",
}


def build(root: Path, config: str = CONFIG, *args: str) -> Path:
    project = write_project(root, FILES, config=config)
    result = run_mkdocs(project, "--strict", *args)
    assert result.returncode == 0, result.stderr
    return project / "site"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(tmp_path_factory.mktemp("search"))


def page(site: Path, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


def test_index_holds_records_and_own_pages(site: Path) -> None:
    indexed = {f["url"]: f for f in fragments(site)}
    assert set(indexed) == {
        "/people/ana-lima/", "/people/bo-berg/", "/resources/grant-kit/", "/pages/about/",
        "/skills/python/", "/skills/public-speaking/", "/skills/grant-writing/",
    }
    assert indexed["/pages/about/"]["meta"]["type"] == "Page"
    assert "zebrafish" in indexed["/pages/about/"]["content"]
    assert indexed["/people/ana-lima/"]["filters"]["Language"] == ["English", "Portuguese"]
    assert indexed["/people/ana-lima/"]["filters"]["Format"] == ["One-on-one", "Peer circle"]
    assert indexed["/resources/grant-kit/"]["filters"]["Kind"] == ["Toolkit"]


def test_exactly_the_content_area_is_marked_for_indexing(site: Path) -> None:
    for path in ("people/ana-lima/index.html", "resources/grant-kit/index.html", "pages/about/index.html"):
        text = page(site, path)
        assert text.count("data-pagefind-body") == 1, path
        # The marker sits inside Material's article, after the theme's chrome.
        assert text.index('class="md-content__inner') < text.index("data-pagefind-body"), path
    for path in ("index.html", "people/index.html", "people/mentors/index.html",
                 "search/index.html", "find/index.html", "find/resources/index.html"):
        assert "data-pagefind-body" not in page(site, path), path


def test_header_search_replaces_materials(site: Path) -> None:
    home = page(site, "index.html")
    form = re.search(r'<form class="mh-header-search" role="search" action="([^"]+)" method="get">', home)
    assert form and form.group(1) == "search/"
    assert 'name="q"' in home
    profile = page(site, "people/ana-lima/index.html")
    assert 'action="../../search/"' in profile
    # Material's built-in search is not on the page, nor its index on disk.
    assert 'data-md-component="search"' not in home
    assert not (site / "search" / "search_index.json").exists()
    # The plugin's script and styles are on every page, served by the site itself.
    assert 'src="assets/mentorhub/search.js"' in home
    assert (site / "assets/mentorhub/search.js").is_file()
    assert (site / "assets/mentorhub/search.css").is_file()


def test_finder_pages_have_a_form_and_a_static_fallback(site: Path) -> None:
    finder = page(site, "find/index.html")
    assert "data-mh-finder" in finder
    assert """data-mh-base='{"Availability": {"any": ["Open to mentees"]}}'""" in finder
    assert '<form class="mh-finder__form" role="search" aria-label="Find a mentor" hidden>' in finder
    # Options come from the hub: Ana's languages, not Bo's (a mentee).
    assert '<option value="Portuguese">Portuguese</option>' in finder
    assert "Swedish" not in finder
    assert '<a href="../people/mentors/">All mentors</a>' in finder
    resources = page(site, "find/resources/index.html")
    assert '<option value="Toolkit">Toolkit</option>' in resources
    assert '<option value="date:desc">Newest first</option>' in resources
    search = page(site, "search/index.html")
    assert 'data-mh-list-all="false"' in search
    assert "More filters" in search


def test_the_search_plugin_needs_the_hub_plugin_first(tmp_path: Path) -> None:
    missing = write_project(tmp_path / "a", FILES, config=CONFIG.replace("  - mentorhub\n", ""))
    result = run_mkdocs(missing)
    assert result.returncode != 0
    assert "the 'mentorhub-search' plugin needs the 'mentorhub' plugin" in result.stderr
    swapped = CONFIG.replace("  - mentorhub\n  - mentorhub-search\n", "  - mentorhub-search\n  - mentorhub\n")
    result = run_mkdocs(write_project(tmp_path / "b", FILES, config=swapped))
    assert result.returncode != 0
    assert "list the 'mentorhub' plugin before 'mentorhub-search'" in result.stderr
    assert "Traceback" not in result.stderr


def test_keeping_materials_search_too_is_a_warning(tmp_path: Path) -> None:
    project = write_project(tmp_path, FILES, config=CONFIG + "  - search\n")
    result = run_mkdocs(project, "--strict")
    assert result.returncode != 0
    assert "Material's search plugin builds a second, unfiltered index: remove '- search'" \
        in result.stderr


def test_exclude_selectors(tmp_path: Path) -> None:
    config = CONFIG.replace("  - mentorhub-search\n",
                            "  - mentorhub-search:\n      exclude_selectors: ['.mh-body']\n")
    site = build(tmp_path, config)
    ana = next(f for f in fragments(site) if f["url"] == "/people/ana-lima/")
    assert "Recife" not in ana["content"]
    assert "Ana Lima" in ana["content"]


def test_index_is_rebuilt_not_accumulated(tmp_path: Path) -> None:
    """A second build into the same folder (as `serve` does) leaves no stale fragment."""
    project = write_project(tmp_path, FILES, config=CONFIG)
    assert run_mkdocs(project, "--strict").returncode == 0
    names = {p.name for p in (project / "site/pagefind/fragment").iterdir()}
    (project / "content/pages/about.md").write_text("---\ntitle: About\n---\nNow about the octopus lab.\n",
                                                    encoding="utf-8")
    assert run_mkdocs(project, "--dirty").returncode == 0  # --strict refuses dirty builds
    about = [f for f in fragments(project / "site") if f["url"] == "/pages/about/"]
    assert len(about) == 1 and "octopus" in about[0]["content"]
    assert not any("zebrafish" in f["content"] for f in fragments(project / "site"))
    # Fragments are named by a tag of the whole bundle: one change renames them all, so
    # no browser can combine a cached fragment with the new index.
    new_names = {p.name for p in (project / "site/pagefind/fragment").iterdir()}
    assert len(new_names) == len(names) and not names & new_names


def test_fragments_are_named_by_bundle_tag_and_page_number(site: Path) -> None:
    import cbor2
    from pagefind_support import decompress

    bundle = site / "pagefind"
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    meta_hash = entry["languages"]["en"]["hash"]
    meta = cbor2.loads(decompress(bundle / f"pagefind.{meta_hash}.pf_meta"))
    names = [name for name, _words in meta[1]]
    tag = names[0][3:11]
    assert names == [f"en_{tag}{n:x}" for n in range(len(names))]
    assert sorted(f"{name}.pf_fragment" for name in names) == sorted(
        p.name for p in (bundle / "fragment").iterdir())
    assert [name for name, _ in meta[3]] == sorted(name for name, _ in meta[3])  # filters


def test_same_content_gives_a_byte_identical_index(site: Path, tmp_path: Path) -> None:
    again = build(tmp_path)
    first = sorted(p.relative_to(site) for p in (site / "pagefind").rglob("*") if p.is_file())
    second = sorted(p.relative_to(again) for p in (again / "pagefind").rglob("*") if p.is_file())
    assert first == second
    _, mismatch, errors = filecmp.cmpfiles(site, again, first, shallow=False)
    assert mismatch == [] and errors == []


def test_use_directory_urls_false(tmp_path: Path) -> None:
    site = build(tmp_path, CONFIG + "use_directory_urls: false\n")
    home = page(site, "index.html")
    assert 'action="search/index.html"' in home
    assert (site / "find/resources/index.html").is_file()
    assert "/people/ana-lima.html" in {f["url"] for f in fragments(site)}


def test_build_index_takes_a_relative_site_folder(site: Path, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    from mentorhub.search.index import build_index

    copy = tmp_path / "copy"
    shutil.copytree(site, copy)
    monkeypatch.chdir(tmp_path)
    summary = build_index(Path("copy"))
    assert summary.pages == 7
    assert summary.filters > 5
    assert (copy / "pagefind" / "pagefind-entry.json").is_file()


def test_a_site_without_pages_to_index_is_a_clear_error(tmp_path: Path) -> None:
    from mentorhub.search.index import PagefindError, build_index

    (tmp_path / "index.html").write_text("<html><body></body></html>", encoding="utf-8")
    with pytest.raises(PagefindError, match="Pagefind failed"):
        build_index(tmp_path)


def test_serve_builds_the_index_too(tmp_path: Path) -> None:
    project = write_project(tmp_path, FILES, config=CONFIG)
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = int(sock.getsockname()[1])
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--no-livereload", "-a", f"127.0.0.1:{port}"],
        cwd=project, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        start_new_session=True,
    )
    try:
        entry: dict[str, object] = {}
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline and not entry:
            time.sleep(0.5)
            try:
                url = f"http://127.0.0.1:{port}/pagefind/pagefind-entry.json"
                with urllib.request.urlopen(url, timeout=5) as response:
                    entry = json.loads(response.read())
            except (OSError, ValueError):
                continue
        assert entry.get("version") == "1.5.2"
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        output, _ = server.communicate(timeout=30)
    # serve indexes in the background and says so in its one line per rebuild (preview.py)
    assert "search index refreshing in the background" in output


def test_each_indexed_page_starts_with_its_invisible_listing_words(site: Path) -> None:
    from mentorhub.search.meta import LIST_ALL, list_word

    for fragment in fragments(site):
        assert fragment["content"].split()[:2] == [LIST_ALL, list_word(fragment["meta"]["type"])]
    profile = page(site, "people/ana-lima/index.html")
    assert (f'<span class="mh-visually-hidden" aria-hidden="true">{LIST_ALL} '
            f'{list_word("Person")}</span>') in profile
    assert 'data-mh-list-word="mhfindperson"' in page(site, "find/index.html")
    assert 'data-mh-list-word="mhfindresource"' in page(site, "find/resources/index.html")


def test_pagefind_runs_with_one_allocator_arena_unless_told_so(monkeypatch: pytest.MonkeyPatch) -> None:
    """A lower peak memory, the same index (the byte-identical tests above run with it)."""
    from mentorhub.search.index import MALLOC_CONF, MALLOC_VARIABLE, pagefind_environment

    monkeypatch.delenv(MALLOC_VARIABLE, raising=False)
    assert pagefind_environment()[MALLOC_VARIABLE] == MALLOC_CONF == "narenas:1"
    monkeypatch.setenv(MALLOC_VARIABLE, "narenas:2")
    assert pagefind_environment()[MALLOC_VARIABLE] == "narenas:2"
