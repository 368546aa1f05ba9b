"""The live index (search/live.py): Pagefind fed page by page while MkDocs builds, as the CLI would index."""

from __future__ import annotations

import filecmp
import json
import shutil
from pathlib import Path

import cbor2
import pytest
from pagefind_support import decompress, fragments
from test_search_build import CONFIG, FILES

from mentorhub.search.index import PagefindError, build_index
from mentorhub.search.live import LIVE_VARIABLE, LiveIndex, search_part
from mentorhub.search.meta import UNINDEXED

from conftest import run_mkdocs, write_project

pytestmark = pytest.mark.build


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = write_project(tmp_path_factory.mktemp("live"), FILES, config=CONFIG)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(LIVE_VARIABLE, "1")
        patch.delenv("MENTORHUB_JOBS", raising=False)
        result = run_mkdocs(project, "--strict")
    assert result.returncode == 0, result.stderr
    assert "Pagefind indexed 7 pages (" in result.stderr and "after the last page" in result.stderr
    return project


def test_by_default_the_finished_site_is_indexed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(LIVE_VARIABLE, raising=False)
    result = run_mkdocs(write_project(tmp_path, FILES, config=CONFIG), "--strict")
    assert result.returncode == 0, result.stderr
    assert "Pagefind indexed 7 pages (" in result.stderr and " words, " in result.stderr
    assert "after the last page" not in result.stderr


def html_files(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))


def cli_order(site: Path, bundle: str) -> list[str]:
    """The pages of a bundle in Pagefind's page-number order, as paths in the site."""
    entry = json.loads((site / bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    meta_hash = entry["languages"]["en"]["hash"]
    meta = cbor2.loads(decompress(site / bundle / f"pagefind.{meta_hash}.pf_meta"))
    paths = []
    for name, _words in meta[1]:
        url = json.loads(decompress(site / bundle / "fragment" / f"{name}.pf_fragment"))["url"]
        paths.append(url.lstrip("/") + ("index.html" if url.endswith("/") else ""))
    return paths


def test_the_build_indexes_the_same_pages_as_the_cli(project: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(project / "site", site)
    build_index(site, exclude_selectors=UNINDEXED, bundle_dir="cli")
    live = {json.dumps(f, sort_keys=True) for f in fragments(site)}
    shutil.rmtree(site / "pagefind")
    (site / "cli").rename(site / "pagefind")
    assert live == {json.dumps(f, sort_keys=True) for f in fragments(site)}


def test_fed_in_the_clis_order_the_bundle_is_byte_identical(project: Path, tmp_path: Path) -> None:
    """The only difference from the CLI is the pages' numbering: the order they were fed in."""
    site = tmp_path / "site"
    shutil.copytree(project / "site", site)
    shutil.rmtree(site / "pagefind")
    build_index(site, exclude_selectors=UNINDEXED, bundle_dir="cli")
    order = cli_order(site, "cli")
    index = LiveIndex(site, exclude_selectors=UNINDEXED, bundle_dir="live")
    for path in order + [p for p in html_files(site) if p not in order]:
        index.add(path, (site / path).read_text(encoding="utf-8"))
    summary = index.finish()
    assert summary.pages == 7 and summary.filters > 5 and summary.words is None
    names = sorted(p.relative_to(site / "cli") for p in (site / "cli").rglob("*") if p.is_file())
    assert names == sorted(p.relative_to(site / "live") for p in (site / "live").rglob("*") if p.is_file())
    _, mismatch, errors = filecmp.cmpfiles(site / "cli", site / "live", names, shallow=False)
    assert mismatch == [] and errors == []


def test_pages_not_fed_or_changed_since_are_read_from_disk(project: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(project / "site", site)
    about = site / "pages/about/index.html"
    index = LiveIndex(site, exclude_selectors=UNINDEXED)
    index.add("pages/about/index.html", about.read_text(encoding="utf-8").replace("zebrafish", "octopus"))
    summary = index.finish()  # everything else: from disk
    assert summary.pages == 7
    (about_fragment,) = [f for f in fragments(site) if f["url"] == "/pages/about/"]
    assert "zebrafish" in about_fragment["content"] and "octopus" not in about_fragment["content"]


def test_a_page_deleted_after_it_was_fed_leaves_the_index(project: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(project / "site", site)
    about = site / "pages/about/index.html"
    index = LiveIndex(site, exclude_selectors=UNINDEXED)
    index.add("pages/about/index.html", about.read_text(encoding="utf-8"))
    about.unlink()
    assert index.finish().pages == 6  # indexed again by the CLI
    assert "/pages/about/" not in {f["url"] for f in fragments(site)}


def test_pagefind_failing_is_a_pagefind_error(project: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(project / "site", site)
    index = LiveIndex(site, executable=Path("/bin/false"))
    index.add("index.html", (site / "index.html").read_text(encoding="utf-8"))
    with pytest.raises(PagefindError, match="Pagefind failed"):
        index.finish(timeout=30)


def test_nothing_to_index_is_an_error(tmp_path: Path) -> None:
    index = LiveIndex(tmp_path)
    index.add("index.html", "<html><body></body></html>")
    (tmp_path / "index.html").write_text("<html><body></body></html>", encoding="utf-8")
    with pytest.raises(PagefindError, match="not able to build an index"):
        index.finish()


def test_abort_stops_the_service(tmp_path: Path) -> None:
    index = LiveIndex(tmp_path)
    index.add("index.html", "<html><body><p>x</p></body></html>")
    index.abort()
    index.abort()  # idempotent
    assert index._process is not None and index._process.poll() is not None


HEAD = '<html lang="en"><head><title>T</title></head><body class="b">'
NAV = '<header><a href="/">Hub</a></header><nav class="md-nav"><a href="/x/">X</a></nav>'
BODY = '<div data-pagefind-body>\n<h1>Ana</h1><p>Python</p></div><footer>f</footer></body></html>'


def test_search_part_drops_what_precedes_the_indexed_element() -> None:
    assert search_part(HEAD + NAV + BODY) == HEAD + BODY


@pytest.mark.parametrize("kept", ['<h1>Site</h1>', '<img src="logo.png" alt="">',
                                  '<span data-pagefind-filter="Type">Person</span>',
                                  '<meta data-pagefind-meta="image:/a.png">'])
def test_search_part_keeps_pages_whose_head_pagefind_reads(kept: str) -> None:
    html = HEAD + NAV + kept + BODY
    assert search_part(html) == html


@pytest.mark.parametrize("html", [HEAD + NAV + "<p>no body mark</p></body></html>",
                                  "<div data-pagefind-body><p>no body tag</p></div>",
                                  HEAD.replace("<body", "<main") + NAV + BODY])
def test_search_part_leaves_other_pages_alone(html: str) -> None:
    assert search_part(html) == html


def test_pagefind_runs_with_a_leaner_allocator_unless_told_otherwise(monkeypatch: pytest.MonkeyPatch) -> None:
    from mentorhub.search.index import MALLOC_CONF, MALLOC_VARIABLE, pagefind_environment

    monkeypatch.delenv(MALLOC_VARIABLE, raising=False)
    assert pagefind_environment()[MALLOC_VARIABLE] == MALLOC_CONF
    monkeypatch.setenv(MALLOC_VARIABLE, "narenas:2")
    assert pagefind_environment()[MALLOC_VARIABLE] == "narenas:2"
