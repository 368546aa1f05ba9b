"""Preview benchmark: from saving a file to `mkdocs serve` serving the changed page.

    python benchmarks/bench_serve.py                  # 1k and 5k records
    python benchmarks/bench_serve.py --sizes 1000
    python benchmarks/bench_serve.py --sizes '' --project tests/fixtures/showcase

For each size it generates a hub (generate_hub.py) into benchmarks/out/serve-<N>/ and,
in the same run:

* builds it once with `mkdocs build` (wall and CPU time: what every save cost before
  the incremental preview);
* starts a real `mkdocs serve` twice: with the incremental preview, and with
  MENTORHUB_FULL_REBUILD=1 (MkDocs' own full rebuild on every save, the baseline;
  with `--before DIR`, the older package in DIR serves that side instead, and also
  serves once more with its own incremental preview, "before");
* in each, edits a person's headline, a resource's summary and a skill's label in
  content/skills.yml, one at a time, and measures the time from the save to the
  changed page answering with the new words (polled every 20 ms), plus the server's
  CPU time over that rebuild (steadier than wall time on a shared machine).

Figures are printed as a table and written to benchmarks/out/serve-results.json.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import asdict, dataclass, field
from pathlib import Path

from generate_hub import generate

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
TIMEOUT = 600.0


@dataclass
class Edit:
    what: str
    seconds: float
    cpu_seconds: float
    log: str = ""


@dataclass
class Result:
    records: int
    label: str = ""  # --project: the project's folder name
    build_seconds: float = 0.0
    build_cpu_seconds: float = 0.0
    startup_seconds: dict[str, float] = field(default_factory=dict)
    edits: dict[str, list[Edit]] = field(default_factory=dict)  # mode → edits


def _port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return str(response.read().decode("utf-8", "replace"))
    except (urllib.error.URLError, OSError):
        return ""


def _cpu(pid: int) -> float:
    """User + system CPU seconds of a live process and its waited-for children (/proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    ticks = os.sysconf("SC_CLK_TCK")
    return sum(int(fields[i]) for i in (11, 12, 13, 14)) / ticks


def _first(folder: Path, field_start: str) -> Path | None:
    """The first record file (by name) that has the field to edit."""
    texts = ((path, path.read_text(encoding="utf-8")) for path in sorted(folder.glob("*.md")))
    return next((path for path, text in texts
                 if f"\n{field_start}" in text and "\ndraft: true" not in text), None)


def _edits(project: Path, round_: str) -> list[tuple[str, Path, str, str, str, str]]:
    """(what, file, old line start, new text, words to wait for, page path) for each edit."""
    people = project / "content" / "people"
    person_field = "headline: " if _first(people, "headline: ") else "name: "  # small fixture hubs
    person = _first(people, person_field)
    resource = _first(project / "content" / "resources", "summary: ")
    assert person is not None and resource is not None, "needs a person and a resource with a summary"
    skills = project / "content" / "skills.yml"
    skill = re.search(r"^([a-z0-9-]+):\n  label: (.+)$", skills.read_text(), re.M)
    assert skill is not None
    return [
        # Each edit's words are its own (a person's name also shows on the resources they
        # wrote) and short: three rounds edit the same headline, which has a length limit.
        ("person", person, person_field, f"Ed-{round_[:4]}-p ", f"Ed-{round_[:4]}-p",
         f"people/{person.stem}/"),
        ("resource", resource, "summary: ", f"Ed-{round_[:4]}-r ", f"Ed-{round_[:4]}-r",
         f"resources/{resource.stem}/"),
        ("skills.yml", skills, f"  label: {skill.group(2)}", f"  label: {skill.group(2)} {round_}",
         f"{skill.group(2)} {round_}", f"skills/{skill.group(1)}/"),
    ]


def _apply(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    if old.startswith("  label: "):
        text = text.replace(old, new, 1)
    else:  # insert after the field name, quoting kept: `headline: "Edited X …"`
        text = re.sub(rf"^{re.escape(old)}(\"?)", lambda m: f"{old}{m.group(1)}{new}", text,
                      count=1, flags=re.M)
    path.write_text(text, encoding="utf-8")


def serve_round(project: Path, mode: str, result: Result, before: Path | None = None) -> None:
    port = _port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1795305600"}
    if mode == "full rebuild":
        env["MENTORHUB_FULL_REBUILD"] = "1"
    if before and mode != "incremental":  # the older package shadows the installed one
        env["PYTHONPATH"] = str(before)
    log_path = project / f"serve-{mode.replace(' ', '-')}.log"
    with log_path.open("w") as log:
        started = time.perf_counter()
        server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
                                  cwd=project, env=env, stdout=log, stderr=subprocess.STDOUT,
                                  start_new_session=True)
        try:
            base = ""
            while not base or "</html>" not in _get(base):
                if time.perf_counter() - started > TIMEOUT or server.poll() is not None:
                    raise SystemExit(f"serve did not start; see {log_path}")
                time.sleep(0.2)
                # The address includes site_url's path (e.g. /mentorhub/).
                found = re.search(r"Serving on (http://\S+)", log_path.read_text(errors="replace"))
                base = found.group(1).rstrip("/") + "/" if found else ""
            result.startup_seconds[mode] = time.perf_counter() - started
            time.sleep(1.0)  # let the watcher settle
            edits = []
            for what, path, old, new, marker, page in _edits(project, mode.split()[0]):
                cpu_before = _cpu(server.pid)
                start = time.perf_counter()
                _apply(path, old, new)
                while marker not in _get(base + page):
                    if time.perf_counter() - start > TIMEOUT:
                        raise SystemExit(f"{page} never showed {marker!r}; see {log_path}")
                    time.sleep(0.02)
                seconds = time.perf_counter() - start
                time.sleep(0.5)  # the rebuild's last writes
                edits.append(Edit(what, seconds, _cpu(server.pid) - cpu_before))
                print(f"  {mode:13} {what:10} {seconds:6.2f} s", flush=True)
            result.edits[mode] = edits
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=60)


def bench(records: int, seed: int, before: Path | None = None) -> Result:
    project = OUT / f"serve-{records}"
    print(f"{records} records: generating", flush=True)
    generate(project, records, seed)
    return measure(project, Result(records), before)


def bench_project(source: Path, before: Path | None = None) -> Result:
    """A copy of an existing project (e.g. tests/fixtures/showcase), edited the same way."""
    project = OUT / f"serve-{source.resolve().name}"
    if project.exists():
        shutil.rmtree(project)
    shutil.copytree(source, project, ignore=shutil.ignore_patterns("site", ".cache", "__pycache__"))
    records = sum(1 for _ in (project / "content").glob("*/*.md"))
    return measure(project, Result(records, label=source.resolve().name), before)


def measure(project: Path, result: Result, before: Path | None) -> Result:
    records = result.label or result.records
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1795305600"}
    print(f"{records} records: mkdocs build", flush=True)
    start = time.perf_counter()
    build = subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "-q"], cwd=project, env=env)
    _, status, usage = os.wait4(build.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit("mkdocs build failed")
    result.build_seconds = time.perf_counter() - start
    result.build_cpu_seconds = usage.ru_utime + usage.ru_stime
    # With --before, the older package's own preview too ("before"), between the two.
    for mode in ("incremental", "before", "full rebuild") if before else ("incremental", "full rebuild"):
        print(f"{records} records: mkdocs serve ({mode})", flush=True)
        serve_round(project, mode, result, before)
    return result


def report(results: list[Result]) -> None:
    before = any("before" in r.edits for r in results)
    extra = " | before" if before else ""
    print(f"\n| records | full build s (CPU) | edit | save → page served, s: incremental{extra} "
          f"| full rebuild | rebuild CPU s: incremental{extra} | full rebuild |")
    print("|---|---|---|---|---|---|---|" + ("---|---|" if before else ""))
    for r in results:
        for index, edit in enumerate(r.edits["incremental"]):
            full = r.edits["full rebuild"][index]
            old = r.edits["before"][index] if before else None
            name = r.label or format(r.records, ",")
            print(f"| {name} | {r.build_seconds:.1f} ({r.build_cpu_seconds:.1f}) | {edit.what} "
                  f"| {edit.seconds:.2f}" + (f" | {old.seconds:.2f}" if old else "")
                  + f" | {full.seconds:.2f} | {edit.cpu_seconds:.2f}"
                  + (f" | {old.cpu_seconds:.2f}" if old else "") + f" | {full.cpu_seconds:.2f} |")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,5000", help="record counts (default 1000,5000)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--before", type=Path, default=None,
                        help="also serve incrementally with an older package, and run the full-rebuild "
                             "side with it (a folder holding its "
                             "mentorhub/: git archive <commit> plugins | tar -x -C DIR; pass DIR/plugins)")
    parser.add_argument("--project", type=Path, action="append", default=[],
                        help="also (or, with --sizes '', only) an existing project, copied to "
                             "benchmarks/out/serve-<name>/ (e.g. tests/fixtures/showcase); repeatable")
    args = parser.parse_args()
    results = [bench(int(size), args.seed, args.before) for size in args.sizes.split(",") if size]
    results += [bench_project(project, args.before) for project in args.project]
    report(results)
    OUT.mkdir(exist_ok=True)
    (OUT / "serve-results.json").write_text(
        json.dumps([asdict(r) for r in results], indent=2, default=str), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
