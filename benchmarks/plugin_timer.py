"""A MkDocs hook that times every event handler of our own plugins during a build.

bench_build.py adds this file to `hooks:` in a copy of the benchmark project's
config. On startup (before any other handler runs) it wraps each registered event
handler that belongs to the mentorhub package, or to a project hook, in a timer;
on shutdown it writes the totals to the JSON file named by the environment
variable MENTORHUB_BENCH_TIMINGS. MkDocs calls handlers one after another, so the
sum over handlers is the time spent inside our code, including whatever it calls
(Jinja, Markdown, nh3, Pagefind), and excluding MkDocs' and Material's own work.
Both wall time and CPU time are kept: on a shared machine CPU time is steadier.
"""

from __future__ import annotations

import functools
import json
import os
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files

ENV_VAR = "MENTORHUB_BENCH_TIMINGS"
OUR_PACKAGE = "mentorhub"

_seconds: dict[str, dict[str, float]] = {}
_cpu: dict[str, dict[str, float]] = {}
_calls: dict[str, dict[str, int]] = {}
_state: dict[str, Any] = {"started": 0.0, "pages": 0, "config": None}


def is_ours(plugin: object) -> bool:
    """A plugin from the mentorhub package, or a project hook (but not this timer)."""
    if isinstance(plugin, ModuleType):
        return Path(getattr(plugin, "__file__", "") or "").resolve() != Path(__file__).resolve()
    return type(plugin).__module__.split(".")[0] == OUR_PACKAGE


def _cpu_now() -> float:
    """CPU seconds of this process plus of children it has waited for (e.g. Pagefind)."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def _timed(method: Callable[..., Any], plugin: str, event: str) -> Callable[..., Any]:
    seconds = _seconds.setdefault(plugin, {})
    cpu = _cpu.setdefault(plugin, {})
    calls = _calls.setdefault(plugin, {})
    seconds.setdefault(event, 0.0)
    cpu.setdefault(event, 0.0)
    calls.setdefault(event, 0)

    @functools.wraps(method)  # the plugins still see their own handler underneath (handlers.py)
    def timed(*args: Any, **kwargs: Any) -> Any:
        start, start_cpu = time.perf_counter(), _cpu_now()
        try:
            return method(*args, **kwargs)
        finally:
            seconds[event] += time.perf_counter() - start
            cpu[event] += _cpu_now() - start_cpu
            calls[event] += 1

    timed.mkdocs_priority = getattr(method, "mkdocs_priority", 0)  # type: ignore[attr-defined]
    return timed


def _wrap_all(config: MkDocsConfig) -> None:
    collection = config.plugins
    ours = {name for name, plugin in collection.items() if is_ours(plugin)}
    for event, methods in collection.events.items():
        for index, method in enumerate(methods):
            name = collection._event_origins.get(method)
            if name is not None and name in ours:
                wrapper = _timed(method, name, event)
                methods[index] = wrapper
                # MkDocs names the plugin behind the running handler from this map
                # (File.generated_by relies on it), so the wrapper keeps the name.
                collection._event_origins[wrapper] = name


@event_priority(1_000_000)
def on_config(config: MkDocsConfig) -> None:
    # on_startup has no config argument, so wrapping happens here, before any
    # other on_config handler; our on_startup handlers only record the command.
    if _state["config"] is None:
        _state["config"] = config
        _state["started"] = time.perf_counter()
        _wrap_all(config)


@event_priority(-1_000_000)
def on_files(files: Files, /, *, config: MkDocsConfig) -> None:
    _state["pages"] = len(files.documentation_pages())


@event_priority(-1_000_000)
def on_post_build(*, config: MkDocsConfig) -> None:
    _state["build_seconds"] = time.perf_counter() - _state["started"]


@event_priority(-1_000_000)
def on_shutdown() -> None:
    target = os.environ.get(ENV_VAR)
    if not target:
        return
    scale = 1 if sys.platform == "darwin" else 1024  # ru_maxrss: bytes on macOS, KiB on Linux
    report = {
        # Peak memory of the MkDocs process itself, and of the largest program it ran
        # (Pagefind); the benchmark's own figure is the larger of the two.
        "python_peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale / 2**20,
        "children_peak_rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * scale / 2**20,
        "plugins_seconds": sum(sum(events.values()) for events in _seconds.values()),
        "plugins_cpu_seconds": sum(sum(events.values()) for events in _cpu.values()),
        "build_seconds_in_process": _state.get("build_seconds"),
        "documentation_pages": _state["pages"],
        "by_plugin": {
            name: {
                "seconds": round(sum(events.values()), 4),
                "cpu_seconds": round(sum(_cpu[name].values()), 4),
                "events": {
                    event: {"seconds": round(seconds, 4), "cpu_seconds": round(_cpu[name][event], 4),
                            "calls": _calls[name][event]}
                    for event, seconds in sorted(events.items()) if _calls[name][event]
                },
            }
            for name, events in sorted(_seconds.items())
        },
    }
    Path(target).write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
