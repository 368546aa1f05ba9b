"""mentorhub.forked: work shared with forked children gives what a serial run gives."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import pytest

from mentorhub import forked
from mentorhub.forked import available_jobs, run_split

needs_fork = pytest.mark.skipif(not hasattr(os, "fork"), reason="no os.fork here")


@pytest.fixture(autouse=True)
def _two_jobs(monkeypatch: pytest.MonkeyPatch) -> None:
    # The tests must fork even on a one-core runner.
    monkeypatch.setattr(forked, "available_jobs", lambda: 3)


@needs_fork
def test_results_come_back_in_order_from_other_processes() -> None:
    parent = os.getpid()
    results = run_split([lambda: ("a", os.getpid()), lambda: ("b", os.getpid()),
                         lambda: ("c", os.getpid())])
    assert [name for name, _ in results] == ["a", "b", "c"]
    assert results[0][1] == parent
    assert results[1][1] != parent and results[2][1] != parent


@needs_fork
def test_a_failing_child_task_fails_here_as_in_a_serial_run() -> None:
    def boom() -> int:
        raise ValueError("bad record")

    with pytest.raises(ValueError, match="bad record"):
        run_split([lambda: 1, boom])


@needs_fork
def test_a_child_that_dies_has_its_task_done_here() -> None:
    parent = os.getpid()

    def dies_in_a_child() -> str:
        if os.getpid() != parent:
            os._exit(7)
        return "done here"

    assert run_split([lambda: "first", dies_in_a_child]) == ["first", "done here"]


@needs_fork
def test_an_unpicklable_result_is_computed_again_here() -> None:
    parent = os.getpid()

    def result() -> object:
        return (lambda: None) if os.getpid() != parent else "plain"

    assert run_split([lambda: 0, result]) == [0, "plain"]


@needs_fork
def test_a_parent_error_leaves_no_child_behind(monkeypatch: pytest.MonkeyPatch) -> None:
    real_fork = os.fork
    children: list[int] = []

    def fork() -> int:
        pid = real_fork()
        if pid:
            children.append(pid)
        return pid

    monkeypatch.setattr(os, "fork", fork)

    def parent_fails() -> bytes:
        raise RuntimeError("parent")

    with pytest.raises(RuntimeError, match="parent"):
        run_split([parent_fails, lambda: b"x" * 10_000_000])  # more than a pipe holds
    assert len(children) == 1
    with pytest.raises(ChildProcessError):
        os.waitpid(children[0], os.WNOHANG)  # already reaped: no zombie left behind


@needs_fork
def test_child_log_records_are_logged_here_in_task_order(caplog: pytest.LogCaptureFixture) -> None:
    log = logging.getLogger("mkdocs.plugins.mentorhub.test")

    def task(name: str) -> str:
        log.warning("warning from %s", name)
        return name

    with caplog.at_level(logging.INFO):
        assert run_split([lambda: task("a"), lambda: task("b"), lambda: task("c")]) == ["a", "b", "c"]
    assert [r.getMessage() for r in caplog.records] == [
        "warning from a", "warning from b", "warning from c"]
    assert all(r.levelno == logging.WARNING for r in caplog.records)


def test_one_job_runs_everything_here(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(forked, "available_jobs", lambda: 1)
    parent = os.getpid()
    assert run_split([os.getpid, os.getpid]) == [parent, parent]


def test_mentorhub_jobs_caps_the_processes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.undo()  # the real available_jobs
    monkeypatch.setenv("MENTORHUB_JOBS", "1")
    assert available_jobs() == 1
    monkeypatch.setenv("MENTORHUB_JOBS", "not a number")
    assert available_jobs() >= 1


def test_children_only_go_to_idle_cores(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.undo()  # the real available_jobs
    monkeypatch.delenv("MENTORHUB_JOBS", raising=False)
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1, 2, 3}, raising=False)
    for busy, jobs in ((0, 4), (0.4, 4), (1, 3), (1.6, 2), (3, 1), (12, 1)):
        monkeypatch.setattr(forked, "_busy_elsewhere", lambda busy=busy: busy)
        assert available_jobs() == jobs, busy
    monkeypatch.setenv("MENTORHUB_JOBS", "3")
    assert available_jobs() == 3  # an explicit number wins over the load


def test_busy_elsewhere_reads_the_runnable_tasks_then_the_load_average(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    loadavg = tmp_path / "loadavg"
    monkeypatch.setattr(forked, "Path", lambda _: loadavg)
    monkeypatch.setattr(os, "getloadavg", lambda: (2.5, 1.0, 1.0))
    loadavg.write_text("3.10 2.00 1.00 3/250 4242\n", encoding="ascii")
    assert forked._busy_elsewhere() == 2  # three runnable, one of them this process
    loadavg.write_text("0.10 0.20 0.30 1/250 4242\n", encoding="ascii")
    assert forked._busy_elsewhere() == 0
    loadavg.unlink()  # not Linux: the one-minute average, less this process
    assert forked._busy_elsewhere() == 1.5


@needs_fork
def test_children_leave_what_existed_at_the_fork_out_of_their_collections() -> None:
    import gc

    assert gc.get_freeze_count() == 0
    here, child = run_split([gc.get_freeze_count, gc.get_freeze_count])
    assert child > 1000  # the parent's objects: frozen in the child, never walked by its collector
    assert here == 0 and gc.get_freeze_count() == 0  # the parent collects as before
