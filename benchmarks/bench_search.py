"""Search benchmark: Pagefind indexing time, and the bytes a reader's first search downloads.

    python benchmarks/bench_search.py                  # the 20k-record hub
    python benchmarks/bench_search.py --records 1000   # a quick run
    python benchmarks/bench_search.py --reuse          # skip generating and building

It generates a hub (generate_hub.py) into benchmarks/out/search-<N>/, builds it with
`mkdocs build` (every plugin of the repository's mkdocs.yml), then:

* indexing: the time the plugin reported for Pagefind plus the stable reordering,
  and the same step run again on its own (best of `--repeats`), with the size of
  the index;
* first search: serves the site on 127.0.0.1, opens the search page in a fresh
  headless Chromium (empty cache), types a query and waits for the results, and
  adds up every file fetched from /pagefind/ (entry, library, worker, WebAssembly,
  metadata, index chunks, filter chunks, result fragments), per query;
* first "Find a mentor": the same for the finder page, which lists mentors by
  filters before anything is typed, then narrows them by a language.

Target (issue 5): a first search on the 20k hub fetches under 300 KB. Figures go
to stdout and to benchmarks/out/search-results.json. Chromium is Debian's
(`apt-get install chromium`) or the one in MENTORHUB_CHROMIUM.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import http.server
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from generate_hub import AS_OF, generate

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
TARGET_BYTES = 300 * 1024
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync",
]


def epoch(date: dt.date) -> int:
    return int(dt.datetime(date.year, date.month, date.day, tzinfo=dt.UTC).timestamp())


def build(project: Path) -> tuple[float, float | None]:
    """`mkdocs build`; returns wall seconds and the indexing seconds the plugin logged."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": str(epoch(AS_OF))}
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build"], cwd=project, env=env,
                            capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        sys.exit(f"mkdocs build failed:\n{result.stderr[-4000:]}")
    logged = re.search(r"Pagefind indexed \d+ pages .* in ([\d.]+) s", result.stderr)
    return seconds, float(logged.group(1)) if logged else None


def reindex(site: Path, repeats: int) -> tuple[float, Any]:
    """Index the built site again, on its own: best wall time of `repeats` runs."""
    from mentorhub.search.index import build_index
    from mentorhub.search.meta import UNINDEXED

    best, summary = float("inf"), None
    for _ in range(repeats):
        started = time.perf_counter()
        summary = build_index(site, exclude_selectors=UNINDEXED)  # as the plugin does
        best = min(best, time.perf_counter() - started)
    return best, summary


def bundle_sizes(site: Path) -> dict[str, int]:
    bundle = site / "pagefind"
    sizes: Counter[str] = Counter()
    for path in bundle.rglob("*"):
        if path.is_file():
            sizes[_kind(path.relative_to(bundle).as_posix())] += path.stat().st_size
    return dict(sorted(sizes.items()))


def _kind(name: str) -> str:
    """Group a bundle file by what it is for the browser."""
    if name.startswith("fragment/"):
        return "fragments (results)"
    if name.startswith("index/"):
        return "word index chunks"
    if name.startswith("filter/"):
        return "filter chunks"
    if name.endswith(".pf_meta"):
        return "metadata"
    if name.startswith("wasm."):
        return "WebAssembly"
    if name in ("pagefind.js", "pagefind-worker.js", "pagefind-entry.json"):
        return "library + entry"
    return "other (UI kits, unused)"


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # no access log
        pass


@contextmanager
def serve(directory: Path) -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_Quiet, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def chromium() -> str:
    for candidate in (os.environ.get("MENTORHUB_CHROMIUM"), "/usr/bin/chromium",
                      shutil.which("chromium")):
        if candidate and Path(candidate).is_file():
            return candidate
    sys.exit("Chromium is needed to measure downloads: apt-get install chromium "
             "(or set MENTORHUB_CHROMIUM)")


class Downloads:
    """Files a page fetched from /pagefind/, sized from the files served."""

    def __init__(self, site: Path) -> None:
        self.site = site
        self.files: dict[str, int] = {}

    def record(self, url: str) -> None:
        path = unquote(urlsplit(url).path)
        if path.startswith("/pagefind/") and path not in self.files:
            file = self.site / path.lstrip("/")
            self.files[path] = file.stat().st_size if file.is_file() else 0

    def total(self) -> int:
        return sum(self.files.values())

    def by_kind(self) -> dict[str, int]:
        kinds: Counter[str] = Counter()
        for path, size in self.files.items():
            kinds[_kind(path.removeprefix("/pagefind/"))] += size
        return dict(sorted(kinds.items()))


def settle(page: Any) -> None:
    page.wait_for_selector(".mh-finder:not([aria-busy])")
    page.wait_for_function("document.querySelector('.mh-finder__status').textContent !== ''")
    page.wait_for_load_state("networkidle")


def measure_downloads(site: Path, queries: Sequence[str], language: str) -> dict[str, Any]:
    from playwright.sync_api import sync_playwright

    results: dict[str, Any] = {"search": {}, "find_a_mentor": {}}
    with serve(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium(), args=CHROMIUM_ARGS)
        try:
            for query in queries:
                context = browser.new_context()  # empty cache: a reader's first search
                page = context.new_page()
                downloads = Downloads(site)
                page.on("requestfinished", lambda r, d=downloads: d.record(r.url))
                page.goto(base + "/search/")
                settle(page)
                before = downloads.total()  # nothing is fetched before the first query
                started = time.perf_counter()
                page.fill("#mh-q", query)
                page.wait_for_function(
                    "document.querySelector('.mh-finder__status').textContent.includes('\u201c')")
                settle(page)
                results["search"][query] = {
                    "bytes": downloads.total(), "before_typing": before,
                    "seconds": round(time.perf_counter() - started, 2),
                    "results": page.inner_text(".mh-finder__status"),
                    "by_kind": downloads.by_kind(), "files": len(downloads.files),
                }
                context.close()
            context = browser.new_context()
            page = context.new_page()
            downloads = Downloads(site)
            page.on("requestfinished", lambda r, d=downloads: d.record(r.url))
            started = time.perf_counter()
            page.goto(base + "/find/")
            settle(page)
            first = {"bytes": downloads.total(), "seconds": round(time.perf_counter() - started, 2),
                     "results": page.inner_text(".mh-finder__status"),
                     "by_kind": downloads.by_kind(), "files": len(downloads.files)}
            page.select_option("#mh-f-language", language)
            page.wait_for_url("**Language=*")
            settle(page)
            results["find_a_mentor"] = {
                "first_load": first,
                "after_language_filter": {"language": language, "bytes": downloads.total(),
                                          "results": page.inner_text(".mh-finder__status")},
            }
            context.close()
        finally:
            browser.close()
    return results


def pick_queries(project: Path) -> tuple[list[str], str]:
    """From the generated hub: a word on most pages, the most and a middling offered
    skill's name, and a person's full name; and a mid-sized language to filter by."""
    from mentorhub.hub.languages import LANGUAGES
    from mentorhub.hub.loader import load_hub

    hub = load_hub(project / "content", display_root=project).hub
    offered = Counter(s for p in hub.mentors() for s in p.offers)
    ranked_skills = sorted(offered, key=lambda s: (-offered[s], s))
    common = hub.skills[ranked_skills[0]].label
    middling = hub.skills[ranked_skills[len(ranked_skills) // 2]].label
    person = sorted(hub.people.values(), key=lambda p: p.id)[len(hub.people) // 2].name
    spoken = Counter(c for p in hub.mentors() for c in p.languages)
    ranked = sorted(spoken, key=lambda c: (-spoken[c], c))
    language = LANGUAGES[ranked[min(3, len(ranked) - 1)]]
    return ["mentor", common, middling, person], language


def kb(value: int) -> str:
    return f"{value / 1024:,.1f} KB"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--records", type=int, default=20_000, help="hub size (default 20000)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeats", type=int, default=2, help="stand-alone indexing runs")
    parser.add_argument("--reuse", action="store_true",
                        help="reuse benchmarks/out/search-<N>/site from an earlier run")
    args = parser.parse_args(argv)

    project = OUT / f"search-{args.records}"
    site = project / "site"
    build_seconds = plugin_index_seconds = None
    if not (args.reuse and (site / "pagefind" / "pagefind-entry.json").is_file()):
        print(f"Generating a {args.records:,}-record hub in {project} …", flush=True)
        generate(project, args.records, args.seed)
        print("Building it (mkdocs build, all plugins) …", flush=True)
        build_seconds, plugin_index_seconds = build(project)
    print("Indexing again on its own …", flush=True)
    index_seconds, summary = reindex(site, args.repeats)
    pages = sum(1 for _ in site.rglob("*.html"))
    sizes = bundle_sizes(site)
    queries, language = pick_queries(project)
    print("Measuring first searches in headless Chromium …", flush=True)
    downloads = measure_downloads(site, queries, language)

    report = {
        "machine": {"python": platform.python_version(), "platform": platform.platform(),
                    "cpus": os.cpu_count(), "load_average": list(os.getloadavg()),
                    "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds")},
        "records": args.records, "html_pages": pages,
        "indexed_pages": summary.pages if summary else None,
        "words": summary.words if summary else None,
        "build_seconds": build_seconds, "index_seconds_in_build": plugin_index_seconds,
        "index_seconds_alone": round(index_seconds, 2),
        "bundle_bytes": sizes, "downloads": downloads, "target_bytes": TARGET_BYTES,
    }
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "search-results.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")

    print(f"\nSearch on a {args.records:,}-record hub ({pages:,} HTML pages, "
          f"{report['indexed_pages']:,} indexed, {report['words']:,} words)")
    if build_seconds is not None:
        print(f"  mkdocs build, all plugins:     {build_seconds:8.1f} s")
    if plugin_index_seconds is not None:
        print(f"  indexing inside the build:     {plugin_index_seconds:8.1f} s")
    print(f"  indexing on its own (best):    {index_seconds:8.1f} s")
    print(f"  index on disk:                 {kb(sum(sizes.values())):>12}")
    for kind, size in sizes.items():
        print(f"    {kind:<28} {kb(size):>12}")
    worst = 0
    for query, figures in downloads["search"].items():
        worst = max(worst, figures["bytes"])
        print(f"  first search {query!r}: {kb(figures['bytes'])} in {figures['files']} files, "
              f"{figures['seconds']} s — {figures['results']}")
        for kind, size in figures["by_kind"].items():
            print(f"    {kind:<28} {kb(size):>12}")
    mentor = downloads["find_a_mentor"]
    print(f"  first Find a mentor (no query): {kb(mentor['first_load']['bytes'])} in "
          f"{mentor['first_load']['files']} files — {mentor['first_load']['results']}")
    for kind, size in mentor["first_load"]["by_kind"].items():
        print(f"    {kind:<28} {kb(size):>12}")
    after = mentor["after_language_filter"]
    print(f"  … then Language = {after['language']}: {kb(after['bytes'])} in all — {after['results']}")
    verdict = "meets" if worst < TARGET_BYTES else "MISSES"
    print(f"\nLargest first search: {kb(worst)}; {verdict} the target of {kb(TARGET_BYTES)}.")
    print(f"Results written to {OUT / 'search-results.json'}")
    return 0 if worst < TARGET_BYTES else 1


if __name__ == "__main__":
    sys.exit(main())
