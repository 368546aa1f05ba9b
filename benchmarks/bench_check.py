"""`mentorhub check` alone: CPU time on a generated hub, against an older package in the same run.

    python benchmarks/bench_check.py                       # 20k records, 5 runs
    python benchmarks/bench_check.py --records 5000 --runs 3
    python benchmarks/bench_check.py --before DIR/plugins  # git archive <commit> plugins | tar -x -C DIR

bench_build.py measures check too, but always builds as well (minutes at 20k). This one
generates (or reuses) benchmarks/out/check-<N>/ and runs `check` N times; with
`--before` it alternates the current package with the older one (which shadows it
through PYTHONPATH), so a burst of load from other work hits both sides alike. It prints
the best and median CPU time (user + system) and wall time of each side, and their ratio.

`check` shares its first pass with a forked child (mentorhub.forked): the CPU time counts
every process (wait4 counts the children a process waited for), and each run also reports,
from inside the checking process, its own CPU time (what the wall time waits for on an
idle machine) and its own peak RSS next to the largest child's.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from bench_build import OUT, Run, run_child, step
from generate_hub import MARKER, generate

#: Runs `mentorhub check` and writes, as it exits, what getrusage says of this process and
#: of the children it waited for (the forked ones sharing the work).
_MEASURED = """
import json, os, resource, sys
from mentorhub.commands.cli import main
try:
    code = main(sys.argv[1:])
finally:
    own, kids = (resource.getrusage(w) for w in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
    with open(os.environ["MENTORHUB_BENCH_RUSAGE"], "w", encoding="utf-8") as out:
        json.dump({"cpu": own.ru_utime + own.ru_stime, "rss_kib": own.ru_maxrss,
                   "children_cpu": kids.ru_utime + kids.ru_stime, "children_rss_kib": kids.ru_maxrss}, out)
sys.exit(code)
"""


@dataclass
class Check:
    """One `check`: the whole (wait4: every process) and the checking process alone."""

    run: Run
    own_cpu_seconds: float
    own_rss_bytes: int
    children_cpu_seconds: float
    children_rss_bytes: int  # the largest child's peak


def _checks(project: Path, runs: int, before: Path | None) -> dict[str, list[Check]]:
    sides: dict[str, list[Check]] = {"now": []}
    if before:
        sides["before"] = []
    with tempfile.TemporaryDirectory(prefix="bench-check-") as temp:
        usage = Path(temp) / "rusage.json"
        for attempt in range(1, runs + 1):
            for side, found in sides.items():
                step(f"check ({side}) {attempt}/{runs}")
                env = {"MENTORHUB_BENCH_RUSAGE": str(usage)}
                if side == "before":
                    env["PYTHONPATH"] = str(before)
                run = run_child([sys.executable, "-c", _MEASURED, "check", "--project", str(project)],
                                project, project / f"check-{side}.log", env)
                if run.returncode != 0:  # a check that finds problems is not a benchmark
                    raise SystemExit(f"mentorhub check ({side}) exited {run.returncode}; see {run.log}")
                own = json.loads(usage.read_text(encoding="utf-8"))
                kib = 1 if sys.platform == "darwin" else 1024  # ru_maxrss: KiB on Linux
                found.append(Check(run, own["cpu"], own["rss_kib"] * kib, own["children_cpu"],
                                   own["children_rss_kib"] * kib))
    return sides


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Benchmark `mentorhub check` on a generated hub.")
    parser.add_argument("--records", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--before", type=Path, default=None,
                        help="an older package's plugins/ folder, checked in the same run")
    args = parser.parse_args(argv)
    project = OUT / f"check-{args.records}"
    marker = project / MARKER
    manifest = json.loads(marker.read_text(encoding="utf-8")) if marker.is_file() else {}
    reuse = manifest.get("records") == args.records and manifest.get("seed") == args.seed
    if not reuse:
        step(f"generating {args.records} records")
        generate(project, args.records, args.seed)
    sides = _checks(project, max(1, args.runs), args.before)
    print(f"\n`mentorhub check`, {args.records:,} records, {args.runs} alternating runs (seconds):")
    best: dict[str, float] = {}
    walls: dict[str, float] = {}
    owns: dict[str, float] = {}
    for side, found in sides.items():
        cpu = [c.run.cpu_seconds for c in found]
        wall = [c.run.seconds for c in found]
        own = [c.own_cpu_seconds for c in found]
        children = [c.children_cpu_seconds for c in found]
        best[side], walls[side], owns[side] = min(cpu), min(wall), min(own)
        print(f"  {side:6}  CPU (every process) best {min(cpu):.2f}, median {statistics.median(cpu):.2f}; "
              f"wall best {min(wall):.2f}, median {statistics.median(wall):.2f}")
        print(f"  {'':6}  the checking process: CPU best {min(own):.2f}, median {statistics.median(own):.2f}"
              f", peak RSS {max(c.own_rss_bytes for c in found) / 2**20:.0f} MB; forked children: CPU "
              f"median {statistics.median(children):.2f}, peak RSS "
              f"{max(c.children_rss_bytes for c in found) / 2**20:.0f} MB")
    if "before" in best:
        print(f"  ratios now/before (best): CPU {best['now'] / best['before']:.2f}, checking process's "
              f"CPU {owns['now'] / owns['before']:.2f}, wall {walls['now'] / walls['before']:.2f}")
    print(f"  load average (1, 5, 15 min) at the end: {', '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
