"""KPI benchmark: how long the figures, charts and Impact pages take on large hubs.

    python benchmarks/bench_kpis.py                  # 1k, 5k and 20k records
    python benchmarks/bench_kpis.py --sizes 20000

For each size it generates a hub with generate_hub.py (reused from
benchmarks/out/hub-<N>/ when already there), loads it once, then times, as the
best of a few runs: compute_kpis (every figure of kpi.json), recognise (the
Thanks page's credits), and rendering every Impact, per-group and Thanks page
with its charts. It prints a table with the size of kpi.json and of the largest
page. These are the KPI plugin's whole share of a build; MkDocs' own share is
measured by bench_build.py. Timings on a shared machine are noisy.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

from generate_hub import AS_OF, generate

from mentorhub.hub.loader import load_hub
from mentorhub.impact.kpis import compute_kpis, kpi_json_text
from mentorhub.impact.pages import ImpactPages
from mentorhub.impact.recognition import recognise
from mentorhub.site.render import RenderOptions, SiteRenderer

HERE = Path(__file__).resolve().parent
T = TypeVar("T")


def best_of(runs: int, work: Callable[[], T]) -> tuple[float, T]:
    """The fastest of `runs` timings (the least disturbed by other work on the machine)."""
    best, result = float("inf"), None
    for _ in range(runs):
        start = time.perf_counter()
        result = work()
        best = min(best, time.perf_counter() - start)
    assert result is not None
    return best, result


def measure(records: int, runs: int) -> dict[str, float | int]:
    project = HERE / "out" / f"hub-{records}"
    if not (project / "content" / "skills.yml").is_file():
        generate(project, records)
    loaded = load_hub(project / "content", display_root=project)
    if loaded.problems:
        raise SystemExit(f"the generated hub has {len(loaded.problems)} problems")
    hub = loaded.hub
    kpi_s, report = best_of(runs, lambda: compute_kpis(hub, AS_OF))
    thanks_s, thanks = best_of(runs, lambda: recognise(hub, AS_OF))
    renderer = SiteRenderer(hub, RenderOptions(today=AS_OF))
    pages_s, pages = best_of(runs, lambda: ImpactPages(renderer, report, thanks).pages())
    return {
        "records": hub.record_count,
        "groups": len(report.groups),
        "kpis_ms": kpi_s * 1000,
        "thanks_ms": thanks_s * 1000,
        "pages_ms": pages_s * 1000,
        "pages": len(pages),
        "kpi_json_kb": len(kpi_json_text(report).encode()) / 1024,
        "largest_page_kb": max(len(p.markdown.encode()) for p in pages) / 1024,
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 5_000, 20_000])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    header = (f"{'records':>8} {'groups':>6} {'kpis ms':>8} {'thanks ms':>9} {'pages ms':>9} "
              f"{'pages':>6} {'kpi.json KB':>11} {'largest page KB':>15}")
    print(header)
    for size in args.sizes:
        r = measure(size, args.runs)
        print(f"{r['records']:>8} {r['groups']:>6} {r['kpis_ms']:>8.1f} {r['thanks_ms']:>9.1f} "
              f"{r['pages_ms']:>9.1f} {r['pages']:>6} {r['kpi_json_kb']:>11.1f} "
              f"{r['largest_page_kb']:>15.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
