"""`mentorhub check` alone: CPU time on a generated hub, against an older package in the same run.

    python benchmarks/bench_check.py                       # 20k records, 5 runs
    python benchmarks/bench_check.py --records 5000 --runs 3
    python benchmarks/bench_check.py --before DIR/plugins  # git archive <commit> plugins | tar -x -C DIR

bench_build.py measures check too, but always builds as well (minutes at 20k). This one
generates (or reuses) benchmarks/out/check-<N>/ and runs `check` N times; with
`--before` it alternates the current package with the older one (which shadows it
through PYTHONPATH), so a burst of load from other work hits both sides alike. It prints
the best and median CPU time (user + system) and wall time of each side, and their ratio.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from collections.abc import Sequence
from pathlib import Path

from bench_build import OUT, Run, _mentorhub, run_child, step
from generate_hub import MARKER, generate


def _checks(project: Path, runs: int, before: Path | None) -> dict[str, list[Run]]:
    sides: dict[str, list[Run]] = {"now": []}
    if before:
        sides["before"] = []
    for attempt in range(1, runs + 1):
        for side, found in sides.items():
            step(f"check ({side}) {attempt}/{runs}")
            env = {"PYTHONPATH": str(before)} if side == "before" else None
            command = ([sys.executable, "-m", "mentorhub.commands.cli"] if side == "before"
                       else _mentorhub())
            run = run_child([*command, "check", "--project", str(project)], project,
                            project / f"check-{side}.log", env)
            if run.returncode != 0:  # a check that finds problems is not a benchmark
                raise SystemExit(f"mentorhub check ({side}) exited {run.returncode}; see {run.log}")
            found.append(run)
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
    for side, found in sides.items():
        cpu = [r.cpu_seconds for r in found]
        wall = [r.seconds for r in found]
        best[side] = min(cpu)
        print(f"  {side:6}  CPU best {min(cpu):.2f}, median {statistics.median(cpu):.2f}; "
              f"wall best {min(wall):.2f}; peak RSS {max(r.peak_rss_bytes for r in found) / 2**20:.0f} MB")
    if "before" in best:
        print(f"  CPU ratio (best): {best['now'] / best['before']:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
