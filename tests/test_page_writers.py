"""`mkdocs build` writes its pages on every core (mkdocs/page_writers.py): the same site, byte for byte."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from build_support import build_here, count_splits, fresh_plugin_instances, tree_differences
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig

from mentorhub import forked
from mentorhub.mkdocs import page_writers

from conftest import EPOCH, copy_demo

needs_fork = pytest.mark.skipif(not hasattr(os, "fork"), reason="no os.fork here")

#: A plugin-like handler that is not ours: its state would not come back from a child.
FOREIGN_HOOK = """\
seen = []


def on_post_page(output, page, config):
    seen.append(page.file.src_uri)
    return output
"""


@pytest.fixture
def splits(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Two processes even on one core and on a small site; records each split's size."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    monkeypatch.setattr(page_writers, "MIN_PAGES", 0)
    return count_splits(monkeypatch)


@pytest.fixture
def fresh_plugins() -> Iterator[None]:
    with fresh_plugin_instances():
        yield


@needs_fork
def test_pages_written_by_two_processes_are_the_pages_mkdocs_writes_alone(
        splits: list[int], fresh_plugins: None, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    project = copy_demo(tmp_path / "hub")
    with caplog.at_level(logging.INFO):
        config = build_here(project, tmp_path / "shared")
    writers = config.plugins["mentorhub"].writers  # type: ignore[attr-defined]
    pages = [p.file.src_uri for p in config.plugins["mentorhub"].nav.pages]  # type: ignore[attr-defined]
    assert splits == [2]
    assert len(writers.written) > 100 and set(pages) <= writers.written
    assert not [r for r in caplog.records if r.getMessage().startswith("Page skipped")]

    monkeypatch.setattr(forked, "available_jobs", lambda: 1)
    build_here(project, tmp_path / "alone")
    assert splits == [2]  # MkDocs' own loop wrote every page
    assert tree_differences(tmp_path / "shared", tmp_path / "alone") == []


@needs_fork
def test_a_handler_that_is_not_ours_leaves_the_pages_to_mkdocs(
        splits: list[int], fresh_plugins: None, tmp_path: Path) -> None:
    project = copy_demo(tmp_path / "hub")
    (project / "hooks" / "foreign.py").write_text(FOREIGN_HOOK, encoding="utf-8")
    config_file = project / "mkdocs.yml"
    text = config_file.read_text(encoding="utf-8")
    assert "\nhooks:\n" in text
    config_file.write_text(text.replace("\nhooks:\n", "\nhooks:\n  - hooks/foreign.py\n"), encoding="utf-8")
    config = build_here(project, tmp_path / "site")
    assert splits == []
    assert not config.plugins["mentorhub"].writers.written  # type: ignore[attr-defined]
    page = (tmp_path / "site" / "people" / "index.html").read_text(encoding="utf-8")
    assert "<!doctype html>" in page and 'id="mh-content"' in page


def test_only_known_engines_with_the_known_parameters_are_used(fresh_plugins: None, tmp_path: Path) -> None:
    project = copy_demo(tmp_path / "hub")
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    from mkdocs.commands import build as mkdocs_build
    assert page_writers.engine_build_page(config) is mkdocs_build._build_page

    class Elsewhere(MkDocsConfig):
        pass

    Elsewhere.__module__ = "otherdocs.config"
    assert page_writers.engine_build_page(Elsewhere()) is None


@needs_fork
def test_every_language_tree_is_written_as_mkdocs_writes_it(
        splits: list[int], fresh_plugins: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = copy_demo(tmp_path / "hub")
    config_file = project / "mkdocs.yml"
    text = config_file.read_text(encoding="utf-8")
    config_file.write_text(text.replace("  - mentorhub:\n", "  - mentorhub:\n      languages: [en, fr]\n", 1),
                           encoding="utf-8")
    build_here(project, tmp_path / "shared")
    assert splits == [2, 2]  # the root tree and the French one
    assert (tmp_path / "shared" / "fr" / "people" / "index.html").is_file()
    monkeypatch.setattr(forked, "available_jobs", lambda: 1)
    build_here(project, tmp_path / "alone")
    assert tree_differences(tmp_path / "shared", tmp_path / "alone") == []
