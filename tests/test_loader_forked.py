"""load_hub's first pass shared with forked children gives exactly what one process gives.

Every validation case (tests/cases/validation) and the showcase hub with every case's
record files added are loaded twice: in one process, and split between three (the
threshold lowered so that a handful of files is shared). The LoadResults must be equal,
messages down to their catalog source and values, and `check` must print the same.
"""

from __future__ import annotations

import gc
import os
import shutil
from pathlib import Path
from typing import Any

import pytest
from test_validation_cases import case_files, lay_case, parse_case

from mentorhub import forked
from mentorhub.commands import check
from mentorhub.commands.cli import main
from mentorhub.hub import loader
from mentorhub.hub.loader import LoadResult, RecordCache, load_hub
from mentorhub.hub.problems import Problem

from conftest import MINIMAL_CONFIG, SHOWCASE, write_project

needs_fork = pytest.mark.skipif(not hasattr(os, "fork"), reason="no os.fork here")

RECORD_FOLDERS = ("content/people/", "content/resources/", "content/sessions/", "content/stories/")


def _jobs(monkeypatch: pytest.MonkeyPatch, jobs: int) -> tuple[list[int], list[int]]:
    """Run with `jobs` processes (forking whatever the size); returns the pids that parsed
    a share and the number of shares of each run_split."""
    monkeypatch.setattr(forked, "available_jobs", lambda: jobs)
    monkeypatch.setattr(loader, "FORK_BYTES", 0)
    pids: list[int] = []  # a child's append stays in the child: only this process's show
    shares: list[int] = []
    parse_run, run_split = loader._parse_run, forked.run_split

    def spy(*args: Any) -> Any:
        pids.append(os.getpid())
        return parse_run(*args)

    def split(tasks: Any) -> Any:
        shares.append(len(tasks))
        return run_split(tasks)

    monkeypatch.setattr(loader, "_parse_run", spy)
    monkeypatch.setattr(forked, "run_split", split)
    return pids, shares


def _messages(problems: list[Problem]) -> list[tuple[Any, ...]]:
    """What equality of Problems leaves out: the catalog source and values of each text."""
    return [(p.text(), getattr(p.message, "source", None), getattr(p.message, "values", None),
             getattr(p.hint, "source", None), getattr(p.hint, "values", None)) for p in problems]


def _same(serial: LoadResult, shared: LoadResult) -> None:
    assert shared.problems == serial.problems
    assert _messages(shared.problems) == _messages(serial.problems)
    assert shared.warnings == serial.warnings
    assert _messages(shared.warnings) == _messages(serial.warnings)
    assert shared.held == serial.held
    assert shared.drafts == serial.drafts
    assert shared.refused == serial.refused
    assert shared.media == serial.media
    assert shared.hub == serial.hub
    assert shared == serial


def _load_both(monkeypatch: pytest.MonkeyPatch, project: Path,
               **options: Any) -> tuple[LoadResult, LoadResult]:
    with monkeypatch.context() as patch:
        patch.setattr(forked, "available_jobs", lambda: 1)
        serial = load_hub(project / "content", display_root=project, **options)
    with monkeypatch.context() as patch:
        pids, shares = _jobs(patch, 3)
        shared = load_hub(project / "content", display_root=project, **options)
    assert len(shares) == 1 and shares[0] >= 2, "the files were shared"
    assert pids == [os.getpid()], "the first share is parsed here, the others in children"
    return serial, shared


@needs_fork
@pytest.mark.parametrize("path", case_files(), ids=lambda p: p.stem)
def test_every_validation_case_loads_the_same_shared(path: Path, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    lay_case(parse_case(path), tmp_path)
    serial, shared = _load_both(monkeypatch, tmp_path, check_drafts=path.stem.startswith("draft"))
    _same(serial, shared)


def _mixed_hub(root: Path) -> Path:
    """The showcase with every case's record files added (renamed apart), so one hub holds
    broken files of every kind next to good ones, stories narrowed by anonymity, drafts."""
    project = root / "hub"
    shutil.copytree(SHOWCASE, project, symlinks=True)
    for path in case_files():
        for relative, data in parse_case(path).files.items():
            if relative.startswith(RECORD_FOLDERS):
                folder, _, name = relative.rpartition("/")
                target = project / folder / f"{path.stem}-{name}"
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(data)
    return project


@needs_fork
def test_a_hub_with_every_kind_of_broken_file_loads_the_same_shared(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = _mixed_hub(tmp_path)
    serial, shared = _load_both(monkeypatch, project)
    assert serial.problems and serial.warnings and serial.drafts  # the hub holds all three
    _same(serial, shared)


@needs_fork
def test_a_broken_vocabulary_holds_the_same_files_back_shared(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = _mixed_hub(tmp_path)
    (project / "content" / "skills.yml").write_text("python: [unclosed\n", encoding="utf-8")
    serial, shared = _load_both(monkeypatch, project)
    assert serial.held
    _same(serial, shared)


@needs_fork
def test_the_preview_cache_keeps_what_children_parsed(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    project = _mixed_hub(tmp_path)
    content = project / "content"
    with monkeypatch.context() as patch:
        patch.setattr(forked, "available_jobs", lambda: 1)
        fresh = load_hub(content, display_root=project)
    cache = RecordCache()
    with monkeypatch.context() as patch:
        _, shares = _jobs(patch, 3)
        first = load_hub(content, display_root=project, cache=cache)
        files = cache.misses
        assert cache.hits == 0 and shares == [3]
        again = load_hub(content, display_root=project, cache=cache)
        assert (cache.hits, cache.misses) == (files, files)  # nothing parsed again
        person = sorted((content / "people").glob("*.md"))[0]
        person.write_text(person.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
        changed = load_hub(content, display_root=project, cache=cache)
        assert cache.misses == files + 1
        assert shares == [3]  # one file to read: not worth a fork whatever the threshold
    _same(fresh, first)
    _same(fresh, again)
    with monkeypatch.context() as patch:
        patch.setattr(forked, "available_jobs", lambda: 1)
        _same(load_hub(content, display_root=project), changed)


@needs_fork
def test_check_prints_the_same_shared(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    project = _mixed_hub(tmp_path)
    with monkeypatch.context() as patch:
        patch.setattr(forked, "available_jobs", lambda: 1)
        serial_code = main(["check", "--project", str(project)])
    serial = capsys.readouterr()
    with monkeypatch.context() as patch:
        _jobs(patch, 2)
        shared_code = main(["check", "--project", str(project)])
    shared = capsys.readouterr()
    assert serial_code == 1
    assert (shared_code, shared.out, shared.err) == (serial_code, serial.out, serial.err)


def test_shares_are_consecutive_and_about_even() -> None:
    assert loader._shares([1] * 10, 2) == [(0, 5), (5, 10)]
    assert loader._shares([10, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1], 2) == [(0, 1), (1, 11)]
    assert loader._shares([0, 0, 0], 2) == [(0, 1), (1, 3)]
    assert loader._shares([5, 5, 5], 3) == [(0, 1), (1, 2), (2, 3)]
    assert loader._shares([1, 1], 4) == [(0, 1), (1, 2)]  # never an empty share
    assert loader._shares([1] * 10, 2, first=1.5) == [(0, 6), (6, 10)]


def test_check_pauses_the_collector_while_it_runs_and_turns_it_on_again(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[bool] = []
    real_warnings = check.content_warnings

    def spy(*args: object, **kwargs: object) -> object:
        seen.append(gc.isenabled())  # after loading: the hub is held until check ends
        return real_warnings(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(check, "content_warnings", spy)
    project = write_project(tmp_path, {}, MINIMAL_CONFIG)
    assert gc.isenabled()
    assert main(["check", "--project", str(project)]) == 0
    assert seen == [False]
    assert gc.isenabled()
