"""Build benchmark: how long a hub of 1k, 5k and 20k records takes to check and build.

    python benchmarks/bench_build.py                 # 1k, 5k and 20k records
    python benchmarks/bench_build.py --quick         # 1k only
    python benchmarks/bench_build.py --sizes 5000 --profile

For each size it generates a hub (generate_hub.py) into benchmarks/out/build-<N>/,
then measures, each in a fresh child process:

* `mentorhub check` — wall and CPU time, best of three;
* `mkdocs build` of the project with all its plugins — wall time and the child's
  peak RSS (from wait4), plus the time spent inside our plugins' event handlers
  (plugin_timer.py, injected as a hook into a copy of the config);
* the baseline: the very same pages and assets, saved as plain files by
  baseline_pages.py and built with the same theme and config but without our
  plugins — so "overhead" is what our plugins add to MkDocs + Material;
* the built site: HTML pages, pages per second, the largest page, pages > 500 KB.

It prints a table, checks the targets (set for the 20k hub on a 2-core machine)
and writes everything to benchmarks/out/results.json. Timings on a shared
machine are noisy: compare figures from the same run.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from generate_hub import AS_OF, generate

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
OUT = HERE / "out"
TIMED_CONFIG = "mkdocs.timed.yml"
DEFAULT_SIZES = (1_000, 5_000, 20_000)
CHECK_RUNS = 3  # a check takes seconds: always keep the best of three

#: Targets for the 20k-record hub on this 2-core machine (issue 2, item 10).
MAX_OVERHEAD = 0.15
MAX_CHECK_SECONDS = 3.0
MAX_PAGE_BYTES = 500 * 1024
MAX_RSS_BYTES = 2 * 1024**3
TARGET_SIZE = 20_000


@dataclass
class Run:
    """One child process: wall time, peak RSS and exit status."""

    seconds: float
    cpu_seconds: float  # user + system, this child and the children it waited for
    peak_rss_bytes: int
    returncode: int
    log: str


@dataclass
class Result:
    records: int
    counts: dict[str, int] = field(default_factory=dict)
    generate_seconds: float = 0.0
    check_seconds: float = 0.0
    check_cpu_seconds: float = 0.0
    repeats: int = 1
    build_seconds: float = 0.0
    build_cpu_seconds: float = 0.0
    build_seconds_in_process: float | None = None
    build_peak_rss_mb: float = 0.0
    python_peak_rss_mb: float = 0.0  # the MkDocs process alone
    children_peak_rss_mb: float = 0.0  # the largest program it ran (Pagefind)
    plugins_seconds: float = 0.0
    plugins_cpu_seconds: float = 0.0
    plugins_share: float = 0.0
    by_plugin: dict[str, Any] = field(default_factory=dict)
    baseline_seconds: float | None = None
    baseline_cpu_seconds: float | None = None
    baseline_peak_rss_mb: float | None = None
    overhead: float | None = None
    overhead_cpu: float | None = None
    html_pages: int = 0
    pages_per_second: float = 0.0
    largest_page: str = ""
    largest_page_kb: float = 0.0
    pages_over_500kb: int = 0
    targets: dict[str, bool] = field(default_factory=dict)
    # --before DIR: the same hub checked and built with an older package, in the same run.
    before_check_cpu_seconds: float | None = None
    before_build_seconds: float | None = None
    before_build_cpu_seconds: float | None = None
    before_plugins_seconds: float | None = None  # its plugins timed the same way (plugin_timer.py)
    before_peak_rss_mb: float | None = None


def run_child(args: Sequence[str], cwd: Path, log: Path, env: dict[str, str] | None = None) -> Run:
    """Run a child to completion; wait4 gives this child's own peak RSS (and its children's)."""
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1",
                   "SOURCE_DATE_EPOCH": str(_epoch(AS_OF)), **(env or {})}
    with log.open("wb") as output:
        start = time.perf_counter()
        child = subprocess.Popen(list(args), cwd=cwd, env=environment, stdout=output,
                                 stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    # ru_maxrss is in KiB on Linux (bytes on macOS).
    rss = usage.ru_maxrss * (1 if sys.platform == "darwin" else 1024)
    return Run(seconds, usage.ru_utime + usage.ru_stime, rss, child.returncode, str(log))


def _epoch(day: dt.date) -> int:
    return int(dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC).timestamp())


def _require(run: Run, what: str) -> None:
    if run.returncode != 0:
        tail = Path(run.log).read_text(encoding="utf-8", errors="replace")[-3000:]
        raise SystemExit(f"{what} failed (exit {run.returncode}); see {run.log}:\n{tail}")


def _mentorhub() -> list[str]:
    script = Path(sys.executable).with_name("mentorhub")
    return [str(script)] if script.exists() else [sys.executable, "-m", "mentorhub.commands.cli"]


def write_timed_config(project: Path) -> Path:
    """mkdocs.yml plus the timing hook (after the project's own hooks)."""
    from mkdocs.utils.yaml import yaml_load

    with (project / "mkdocs.yml").open("rb") as handle:
        raw = yaml_load(handle)
    hooks = [*raw.get("hooks", []), str(HERE / "plugin_timer.py")]
    path = project / TIMED_CONFIG
    path.write_text("INHERIT: mkdocs.yml\nhooks:\n" + "".join(f"  - {json.dumps(h)}\n" for h in hooks),
                    encoding="utf-8")
    return path


def site_pages(site: Path) -> tuple[int, str, int, int]:
    """HTML page count, the largest page (path, bytes) and how many exceed the limit."""
    count, largest, largest_size, over = 0, "", 0, 0
    for page in site.rglob("*.html"):
        size = page.stat().st_size
        count += 1
        over += size > MAX_PAGE_BYTES
        if size > largest_size or (size == largest_size and str(page) < largest):
            largest, largest_size = page.relative_to(site).as_posix(), size
    return count, largest, largest_size, over


def bench(records: int, *, seed: int, baseline: bool, profile: bool, repeat: int,
          before: Path | None = None) -> Result:
    # Its own folder: other benchmarks reuse benchmarks/out/hub-<N>/ and may run meanwhile.
    project = OUT / f"build-{records}"
    result = Result(records, repeats=repeat)
    python = sys.executable
    step(f"{records} records: generating")
    start = time.perf_counter()
    generate(project, records, seed)
    result.generate_seconds = time.perf_counter() - start
    result.counts = json.loads((project / ".mentorhub-benchmark.json").read_text())["counts"]

    step(f"{records} records: mentorhub check (best of {CHECK_RUNS})")
    checks = [run_child([*_mentorhub(), "check", "--project", str(project)], project,
                        project / "check.log") for _ in range(CHECK_RUNS)]
    for check in checks:
        _require(check, "mentorhub check")
    result.check_seconds = min(c.seconds for c in checks)
    result.check_cpu_seconds = min(c.cpu_seconds for c in checks)
    # The older package shadows the installed one through PYTHONPATH (its plugins/ folder).
    old_env = {"PYTHONPATH": str(before)} if before else {}
    if before:
        step(f"{records} records: mentorhub check with the package in {before}")
        old_checks = [run_child([python, "-m", "mentorhub.commands.cli", "check", "--project", str(project)],
                                project, project / "check-before.log", old_env) for _ in range(CHECK_RUNS)]
        result.before_check_cpu_seconds = min(c.cpu_seconds for c in old_checks)

    if baseline:
        step(f"{records} records: saving the same pages for the baseline")
        _require(run_child([python, str(HERE / "baseline_pages.py"), str(project)], project,
                           project / "baseline-pages.log"), "baseline_pages.py")
    # Builds with and without our plugins alternate, and the fastest of each counts,
    # so a burst of load from other work on the machine hits both sides alike.
    timed_config = write_timed_config(project)
    builds: list[tuple[Run, dict[str, Any]]] = []
    bases: list[Run] = []
    olds: list[tuple[Run, dict[str, Any]]] = []
    for attempt in range(1, repeat + 1):
        if before:
            step(f"{records} records: mkdocs build with the package in {before} ({attempt}/{repeat})")
            # Timed like ours (same hook, same overhead), so both shares are comparable.
            old_timings = project / f"plugin-timings-before-{attempt}.json"
            old = run_child([python, "-m", "mkdocs", "build", "-f", str(timed_config)], project,
                            project / "build-before.log",
                            {**old_env, "MENTORHUB_BENCH_TIMINGS": str(old_timings)})
            _require(old, "mkdocs build (before)")
            olds.append((old, json.loads(old_timings.read_text(encoding="utf-8"))))
        step(f"{records} records: mkdocs build with our plugins ({attempt}/{repeat})")
        timings = project / f"plugin-timings-{attempt}.json"
        build = run_child([python, "-m", "mkdocs", "build", "-f", str(timed_config)], project,
                          project / "build.log", {"MENTORHUB_BENCH_TIMINGS": str(timings)})
        _require(build, "mkdocs build")
        builds.append((build, json.loads(timings.read_text(encoding="utf-8"))))
        if baseline:
            step(f"{records} records: mkdocs build without our plugins ({attempt}/{repeat})")
            base = run_child([python, "-m", "mkdocs", "build", "-f", "mkdocs.baseline.yml"],
                             project, project / "baseline-build.log")
            _require(base, "baseline mkdocs build")
            bases.append(base)

    build, report = min(builds, key=lambda pair: pair[0].seconds)
    result.build_seconds = build.seconds
    result.build_cpu_seconds = min(b.cpu_seconds for b, _ in builds)
    result.build_seconds_in_process = report["build_seconds_in_process"]
    result.build_peak_rss_mb = max(b.peak_rss_bytes for b, _ in builds) / 1024**2
    result.python_peak_rss_mb = max(r["python_peak_rss_mb"] for _, r in builds)
    result.children_peak_rss_mb = max(r["children_peak_rss_mb"] for _, r in builds)
    result.plugins_seconds = report["plugins_seconds"]
    result.plugins_cpu_seconds = min(r["plugins_cpu_seconds"] for _, r in builds)
    result.plugins_share = result.plugins_seconds / build.seconds
    result.by_plugin = report["by_plugin"]
    pages, largest, size, over = site_pages(project / "site")
    result.html_pages = pages
    result.pages_per_second = pages / build.seconds
    result.largest_page, result.largest_page_kb, result.pages_over_500kb = largest, size / 1024, over
    if olds:
        old, old_report = min(olds, key=lambda pair: pair[0].seconds)
        result.before_build_seconds = old.seconds
        result.before_build_cpu_seconds = min(run.cpu_seconds for run, _ in olds)
        result.before_plugins_seconds = old_report["plugins_seconds"]
        result.before_peak_rss_mb = max(run.peak_rss_bytes for run, _ in olds) / 1024**2
    if bases:
        base = min(bases, key=lambda run: run.seconds)
        result.baseline_seconds = base.seconds
        result.baseline_cpu_seconds = min(b.cpu_seconds for b in bases)
        result.baseline_peak_rss_mb = max(b.peak_rss_bytes for b in bases) / 1024**2
        result.overhead = (build.seconds - base.seconds) / base.seconds
        result.overhead_cpu = ((result.build_cpu_seconds - result.baseline_cpu_seconds)
                               / result.baseline_cpu_seconds)

    result.targets = {
        "check_under_3s": result.check_seconds < MAX_CHECK_SECONDS,
        "no_page_over_500kb": result.pages_over_500kb == 0,
        "rss_under_2gb": result.build_peak_rss_mb * 1024**2 < MAX_RSS_BYTES,
    }
    if result.overhead is not None:
        result.targets["overhead_at_most_15pct"] = result.overhead <= MAX_OVERHEAD
    if profile:
        step(f"{records} records: profiling the build (cProfile)")
        profile_build(project)
    return result


def profile_build(project: Path) -> None:
    """Build once under cProfile and print where mentorhub code spends its time."""
    stats_file = project / "build.prof"
    run = run_child([sys.executable, "-m", "cProfile", "-o", str(stats_file), "-m", "mkdocs",
                     "build", "-f", "mkdocs.yml"], project, project / "profile-build.log")
    _require(run, "profiled mkdocs build")
    import pstats

    stats = pstats.Stats(str(stats_file))
    print(f"\nProfile of the build ({run.seconds:.1f} s under cProfile), mentorhub functions "
          "by cumulative time:")
    stats.sort_stats("cumulative").print_stats(r"mentorhub", 25)
    print("All functions by own time:")
    stats.sort_stats("tottime").print_stats(20)


def step(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message} …", file=sys.stderr, flush=True)


def _fmt(value: float | None, pattern: str) -> str:
    return "–" if value is None else format(value, pattern)


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{value:+.0%}"


def table(results: list[Result]) -> str:
    header = ("records", "pages", "check s (CPU)", "build s (CPU)", "CPU ms/page", "our plugins s",
              "baseline s (CPU)", "overhead", "CPU overhead", "pages/s", "peak RSS MB", "largest page",
              ">500KB")
    rows = [header]
    for r in results:
        rows.append((
            f"{r.records:,}", f"{r.html_pages:,}", f"{r.check_seconds:.2f} ({r.check_cpu_seconds:.2f})",
            f"{r.build_seconds:.1f} ({r.build_cpu_seconds:.1f})",
            f"{1000 * r.build_cpu_seconds / max(1, r.html_pages):.1f}",
            f"{r.plugins_seconds:.1f} ({r.plugins_share:.0%})",
            f"{_fmt(r.baseline_seconds, '.1f')} ({_fmt(r.baseline_cpu_seconds, '.1f')})",
            _pct(r.overhead), _pct(r.overhead_cpu), f"{r.pages_per_second:.0f}",
            f"{r.build_peak_rss_mb:.0f}", f"{r.largest_page_kb:.0f} KB {r.largest_page}",
            str(r.pages_over_500kb),
        ))
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)) for row in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    for r in results:
        if r.before_build_cpu_seconds is not None and r.before_check_cpu_seconds is not None:
            lines.append(f"{r.records:,} records, the older package in the same run: check CPU "
                         f"{r.before_check_cpu_seconds:.2f} s (now {r.check_cpu_seconds:.2f}), build "
                         f"{r.before_build_seconds:.1f} s, CPU {r.before_build_cpu_seconds:.1f} s = "
                         f"{1000 * r.before_build_cpu_seconds / max(1, r.html_pages):.1f} ms/page "
                         f"(now {r.build_cpu_seconds:.1f} s); our plugins "
                         f"{_fmt(r.before_plugins_seconds, '.1f')} s "
                         f"({100 * (r.before_plugins_seconds or 0) / (r.before_build_seconds or 1):.0f}%), "
                         f"peak RSS {_fmt(r.before_peak_rss_mb, '.0f')} MB")
    return "\n".join(lines)


def plugin_breakdown(result: Result) -> str:
    lines = [f"{result.records:,} records: peak RSS {result.build_peak_rss_mb:.0f} MB = max(MkDocs "
             f"process {result.python_peak_rss_mb:.0f} MB, largest subprocess "
             f"{result.children_peak_rss_mb:.0f} MB); baseline build "
             f"{_fmt(result.baseline_peak_rss_mb, '.0f')} MB.",
             f"Time in our plugins (wall), {result.records:,} records:"]
    for name, data in result.by_plugin.items():
        events = ", ".join(f"on_{event} {info['seconds']:.2f} s" for event, info in
                           sorted(data["events"].items(), key=lambda e: -e[1]["seconds"])
                           if info["seconds"] >= 0.01)
        lines.append(f"  {name}: {data['seconds']:.2f} s, CPU {data.get('cpu_seconds', 0):.2f} s"
                     f" ({events or 'negligible'})")
    return "\n".join(lines)


def verdicts(results: list[Result]) -> str:
    names = {
        "overhead_at_most_15pct": "our plugins add at most 15 % to the build",
        "check_under_3s": "`mentorhub check` under 3 s",
        "no_page_over_500kb": "no HTML page over 500 KB",
        "rss_under_2gb": "peak RSS under 2 GB",
    }
    lines = []
    for r in results:
        scope = "target size" if r.records == TARGET_SIZE else "targets are set for 20k"
        checks = ", ".join(f"{names[k]}: {'PASS' if ok else 'MISS'}" for k, ok in r.targets.items())
        lines.append(f"{r.records:,} records ({scope}): {checks}")
    return "\n".join(lines)


def machine() -> dict[str, Any]:
    return {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "load_average": os.getloadavg(),
        "commit": subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, text=True,
                                 capture_output=True, check=False).stdout.strip(),
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Benchmark checking and building generated hubs.")
    parser.add_argument("--sizes", default=",".join(map(str, DEFAULT_SIZES)),
                        help="comma-separated record counts (default 1000,5000,20000)")
    parser.add_argument("--quick", action="store_true", help="1000 records only")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--no-baseline", action="store_true",
                        help="skip the build without our plugins (no overhead figure)")
    parser.add_argument("--repeat", type=int, default=1,
                        help="build each way N times, alternating, and keep the fastest (default 1)")
    parser.add_argument("--before", type=Path, default=None,
                        help="also check and build with an older package: a folder holding its "
                             "mentorhub/ (git archive <commit> plugins | tar -x -C DIR; pass DIR/plugins)")
    parser.add_argument("--profile", action="store_true",
                        help="also build once under cProfile and print the hot spots")
    args = parser.parse_args(argv)
    sizes = [1_000] if args.quick else [int(s) for s in args.sizes.split(",") if s.strip()]
    OUT.mkdir(parents=True, exist_ok=True)
    info = machine()
    results = [bench(n, seed=args.seed, baseline=not args.no_baseline, profile=args.profile,
                     repeat=max(1, args.repeat), before=args.before) for n in sizes]
    info["load_average_after"] = os.getloadavg()
    print()
    print(table(results))
    print()
    for result in results:
        print(plugin_breakdown(result))
    print()
    print(verdicts(results))
    (OUT / "results.json").write_text(
        json.dumps({"machine": info, "results": [asdict(r) for r in results]}, indent=2) + "\n",
        encoding="utf-8")
    print(f"\nWrote {OUT / 'results.json'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
