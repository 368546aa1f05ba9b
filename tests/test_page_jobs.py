"""Generated pages rendered on several cores (site/page_jobs.py) are those of a serial run."""

from __future__ import annotations

import logging
import os
import threading
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest
from build_support import count_splits

from mentorhub import forked
from mentorhub.hub.loader import load_hub
from mentorhub.hub.models import Person
from mentorhub.site import body_cache, page_jobs
from mentorhub.site.render import Page, PageContext, RenderOptions, SiteRenderer

from conftest import MENTOR_MO, write_project

needs_fork = pytest.mark.skipif(not hasattr(os, "fork"), reason="no os.fork here")
FIXTURE_HUB = Path(__file__).parent / "fixtures" / "hub" / "content"
AS_OF = __import__("datetime").date(2026, 11, 22)


@pytest.fixture
def two_jobs(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Share among two processes even on one core, and even a small hub; counts the splits."""
    monkeypatch.setattr(page_jobs, "MIN_JOBS", 0)
    return count_splits(monkeypatch)


def _renderer(sections: list | None = None) -> SiteRenderer:  # type: ignore[type-arg]
    result = load_hub(FIXTURE_HUB)
    assert not result.problems
    return SiteRenderer(result.hub, RenderOptions(today=AS_OF), profile_sections=sections or [])


def _pid_section(person: Person, ctx: PageContext) -> str:
    return f"<p>{person.id}</p>"


@needs_fork
def test_parallel_pages_are_the_serial_pages_in_the_same_order(
        two_jobs: list[int], monkeypatch: pytest.MonkeyPatch) -> None:
    parallel = _renderer([_pid_section]).pages()
    assert two_jobs == [2]
    monkeypatch.setattr(forked, "available_jobs", lambda: 1)
    serial = _renderer([_pid_section]).pages()
    assert [p.src_uri for p in parallel] == [p.src_uri for p in serial]
    assert parallel == serial
    assert all(isinstance(p, Page) for p in parallel)


@needs_fork
def test_children_share_the_profiles_after_the_first_of_each_kind_is_rendered_here(
        two_jobs: list[int], tmp_path: Path) -> None:
    parent = os.getpid()
    seen_here: list[str] = []
    warm: list[int] = []

    def section(person: Person, ctx: PageContext) -> str:
        if os.getpid() == parent:
            seen_here.append(person.id)  # a child's list is its own
        return ""

    project = write_project(tmp_path, {f"content/people/mo-{n}.md": MENTOR_MO for n in range(6)})
    result = load_hub(project / "content")
    renderer = SiteRenderer(result.hub, RenderOptions(today=AS_OF), profile_sections=[section])
    jobs = renderer.page_jobs()
    pages = page_jobs.render_pages(jobs, warm=lambda: warm.append(os.getpid()))
    assert warm == [parent] and two_jobs == [2]
    assert len(pages) == len(jobs)
    # The first profile warms up here; the other five are dealt out in turn.
    assert seen_here[0] == "mo-0" and 2 <= len(seen_here) <= 4


@needs_fork
def test_bodies_rendered_by_children_are_kept_here_while_serving(
        two_jobs: list[int], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(body_cache, "_kept", {})
    pages = _renderer().pages()
    kept = body_cache._kept
    assert kept is not None
    # Every profile's body, wherever it was rendered, is now kept in this process.
    renderer = _renderer()
    bodies = {(p.body, f"people/{p.id}.md") for p in renderer.hub.people.values() if p.body}
    assert bodies <= {(text, page) for text, page, _ in kept}
    assert pages


@needs_fork
def test_a_fork_while_photos_encode_in_other_processes_is_safe(two_jobs: list[int]) -> None:
    """The photos' ProcessPoolExecutor and cache-writing thread run while pages render."""
    stop = threading.Event()
    busy = threading.Thread(target=lambda: stop.wait(30), daemon=True)
    busy.start()
    with ProcessPoolExecutor(max_workers=1) as pool:
        future = pool.submit(sum, range(10_000_000))
        pages = _renderer([_pid_section]).pages()
        assert future.result() == sum(range(10_000_000))
    stop.set()
    assert two_jobs == [2] and pages


WARNING_HOOK = """\
import logging
import os

log = logging.getLogger("mkdocs.hooks.test_page_jobs")


def on_config(config):
    def section(person, ctx):
        log.warning(f"{person.id}: rendered in {os.getpid()}")
        return ""
    config.plugins["mentorhub"].profile_sections.append(section)
    return config
"""


@needs_fork
def test_a_warning_logged_while_a_child_renders_still_fails_strict(
        two_jobs: list[int], tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort

    people = {f"content/people/mo-{n}.md": MENTOR_MO.replace("Mo Mentor", f"Mo {n}") for n in range(6)}
    project = write_project(tmp_path, {**people, "hooks/warn.py": WARNING_HOOK},
                            config="site_name: x\ndocs_dir: content\ntheme: {name: material, font: false}\n"
                                   "plugins:\n  - mentorhub:\n      as_of: '2026-11-22'\n"
                                   "hooks:\n  - hooks/warn.py\n")
    config = load_config(str(project / "mkdocs.yml"), strict=True, site_dir=str(tmp_path / "site"))
    with caplog.at_level(logging.WARNING), pytest.raises(Abort):
        build(config)
    assert two_jobs == [2]
    pids = {int(r.getMessage().rsplit(" ", 1)[1]) for r in caplog.records
            if "rendered in" in r.getMessage()}
    assert len([r for r in caplog.records if "rendered in" in r.getMessage()]) == 6
    assert os.getpid() in pids and len(pids) == 2  # a child's warnings reached this process
