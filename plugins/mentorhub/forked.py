"""Share CPU-bound work with forked copies of this process.

Building pages and checking files is pure Python, so threads would only take turns on
the GIL. A forked child starts with everything the parent has already loaded (the hub,
the renderer, the templates) for free; only its results travel back, pickled through a
pipe, so callers hand each child a task whose result is compact.

The rules that keep a parallel run indistinguishable from a serial one:

* results come back in task order;
* a child that fails in any way (an exception, a crash, a result that cannot be
  pickled) is not trusted: its task runs again here, so an error is raised exactly as a
  serial run raises it;
* what a child logs is captured and logged again here, in task order, after the
  parent's own task (which is the first): MkDocs counts warnings in this process for
  `--strict`, and the order of lines is that of a serial run.

`MENTORHUB_JOBS=1` turns it off (any number caps the processes, and is used as given
up to the cores); so do a missing `os.fork` (Windows), a single core, and a machine
whose cores are already busy (the tasks runnable at that moment).
"""

from __future__ import annotations

import gc
import logging
import os
import pickle
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar

T = TypeVar("T")

#: Caps the processes (1 = everything in this one).
JOBS_ENV = "MENTORHUB_JOBS"


def available_jobs() -> int:
    """How many processes may share work: MENTORHUB_JOBS, or this process's core plus the idle ones.

    A child only gains wall time on a core nobody else is using: on a machine whose
    cores are all busy (other builds, a test run), it adds the cost of forking and
    pickling and takes turns with this process.
    """
    if not hasattr(os, "fork"):
        return 1
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # macOS
        cores = os.cpu_count() or 1
    wanted = os.environ.get(JOBS_ENV, "").strip()
    if wanted.isdigit():
        return max(1, min(int(wanted), cores))
    return max(1, min(cores, cores - int(_busy_elsewhere() + 0.5)))


def _busy_elsewhere() -> float:
    """How many other tasks want a core now.

    Linux says how many are runnable at this moment (/proc/loadavg, this process
    included); the one-minute load average elsewhere, which lags: it still counts a
    build that ended seconds ago.
    """
    try:
        runnable = Path("/proc/loadavg").read_text(encoding="ascii").split()[3].split("/")[0]
        return max(0, int(runnable) - 1)
    except (OSError, ValueError, IndexError):
        pass
    try:
        return max(0.0, os.getloadavg()[0] - 1)
    except OSError:  # no load average either: assume the machine is ours
        return 0.0


@dataclass
class _Outcome(Generic[T]):
    result: T
    records: list[logging.LogRecord]


def run_split(tasks: Sequence[Callable[[], T]]) -> list[T]:
    """Run `tasks` and return their results in order.

    The first runs in this process; each other one in a forked child, at the same time.
    Pass as many tasks as `available_jobs()` allows, shaped so they cost about the same.
    """
    if len(tasks) <= 1 or available_jobs() <= 1:
        return [task() for task in tasks]
    # Objects that exist now are left out of the children's garbage collection: a
    # collection walks every object it tracks, and writing to their headers would copy
    # each memory page the child shares with this process (copy-on-write).
    gc.freeze()
    try:
        with warnings.catch_warnings():
            # Python 3.12+ warns on any fork of a process with threads. The build's other
            # threads (photos being saved, the photo pool's manager, serve's search
            # refresh) never render or write pages nor check files, so they hold none of
            # the locks a child needs (logging's are reset in the child by Python itself);
            # the child leaves by os._exit.
            warnings.filterwarnings("ignore", message=r".*use of fork\(\) may lead to deadlocks",
                                    category=DeprecationWarning)
            children = [_start(task) for task in tasks[1:]]
    finally:
        gc.unfreeze()
    try:
        results: list[T] = [tasks[0]()]
    except BaseException:
        for read_end, pid in children:
            os.close(read_end)  # a child still writing gets a broken pipe and exits
            os.waitpid(pid, 0)
        raise
    outcomes: list[_Outcome[T] | None] = [_finish(child) for child in children]
    for task, outcome in zip(tasks[1:], outcomes, strict=True):
        if outcome is None:
            results.append(task())  # the child failed: do it here, as a serial run would
            continue
        for record in outcome.records:
            logging.getLogger(record.name).handle(record)
        results.append(outcome.result)
    return results


def _start(task: Callable[[], T]) -> tuple[int, int]:
    """Fork a child that runs `task`; returns (read end of its pipe, its pid)."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid:
        os.close(write_end)
        return read_end, pid
    # The child. Nothing may escape into the parent's code: every path ends in _exit.
    code = 1
    try:
        os.close(read_end)
        records = _capture_logging()
        result = task()
        data = pickle.dumps(_Outcome(result, [_portable(r) for r in records]),
                            protocol=pickle.HIGHEST_PROTOCOL)
        with os.fdopen(write_end, "wb") as out:
            out.write(data)
        code = 0
    except BaseException:  # the parent runs the task again and sees the error
        pass
    finally:
        os._exit(code)  # no atexit handlers, no flushing the parent's buffers twice


def _finish(child: tuple[int, int]) -> _Outcome[T] | None:
    read_end, pid = child
    with os.fdopen(read_end, "rb") as pipe:
        data = pipe.read()
    _, status = os.waitpid(pid, 0)
    if not data or not os.WIFEXITED(status) or os.WEXITSTATUS(status) != 0:
        return None
    try:
        outcome = pickle.loads(data)  # our own child's bytes, never a file on disk
    except Exception:  # a damaged result: redo the task here
        return None
    return outcome if isinstance(outcome, _Outcome) else None


def _capture_logging() -> list[logging.LogRecord]:
    """In a child: keep every record a logger would hand to its handlers, and write none."""
    records: list[logging.LogRecord] = []

    def keep(self: logging.Logger, record: logging.LogRecord) -> None:
        records.append(record)

    logging.Logger.callHandlers = keep  # type: ignore[method-assign]  # this process only
    return records


def _portable(record: logging.LogRecord) -> logging.LogRecord:
    """A record that pickles: its message formatted, its exception as text."""
    record.msg = record.getMessage()
    record.args = None
    if record.exc_info:
        record.exc_text = logging.Formatter().formatException(record.exc_info)
        record.exc_info = None
    return record
