"""Import benchmark: `mentorhub import` of a large form export, next to `check` on the result.

    python benchmarks/bench_import.py                 # 20,000 rows, CSV and XLSX
    python benchmarks/bench_import.py --rows 2000
    python benchmarks/bench_import.py --before main   # also the import as of `main`, same run

For each format it writes a Google-Forms-shaped export of N people (question text as
headers, a Timestamp, multi-choice cells, language names, yes/no answers) under
benchmarks/out/import-<N>/, imports it into an empty hub (conversion, the check of a
copy of content/, writing), then times the baseline in the same run: loading the
result as `mentorhub check` does. Re-importing the same file (every row found again,
and unchanged: its file is read and compared, not rewritten) is timed too. The import's
own time is split into reading, converting (and rendering the files), its built-in check
of the result in memory, and writing. With `--before REF` the same files are first imported
by the code of git revision REF (its `plugins/`, exported to a temporary folder and run
in a subprocess), so a change is measured against its baseline in one run. Wall-clock
timings on a shared machine are noisy: compare the ratios, and the CPU seconds, which
other work disturbs less.
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from mentorhub.commands.new_ids import MAX_ID_LENGTH, id_from_title
from mentorhub.hub.loader import load_hub, load_vocabulary
from mentorhub.importer.mapping import read_mapping
from mentorhub.importer.run import Options, run_import
from mentorhub.importer.sources import read_table

HERE = Path(__file__).resolve().parent
SKILLS = {"python": "Python", "public-speaking": "Public speaking", "grant-writing": "Grant writing",
          "data-analysis": "Data analysis", "leadership": "Leadership", "fundraising": "Fundraising"}
LANGUAGES = ["English", "Spanish", "Portuguese", "French", "German", "Yoruba", "Hindi"]
HEADERS = ["Timestamp", "Full name", "I would like to join as", "Languages I can meet in",
           "I can mentor on", "I want to grow in", "How many mentees can you take at once?",
           "Tell us about yourself", "I agree that my profile is published on the hub"]
MAPPING = """\
record: person
language: en
consent: I agree that my profile is published on the hub
fields:
  name: Full name
  roles: I would like to join as
  languages: Languages I can meet in
  offers: I can mentor on
  seeks: I want to grow in
  capacity: How many mentees can you take at once?
  body: Tell us about yourself
  joined: Timestamp
defaults:
  languages: [en]
"""


def rows(count: int, seed: int = 21) -> list[list[object]]:
    rng = random.Random(seed)
    labels = list(SKILLS.values())
    result: list[list[object]] = []
    for index in range(count):
        mentor = rng.random() < 0.4
        result.append([
            f"{rng.randint(1, 12)}/{rng.randint(1, 28)}/2026 {rng.randint(8, 20)}:{rng.randint(10, 59)}:00",
            f"Person {index:05d} Example",
            "Mentor" if mentor else "Mentee",
            ", ".join(rng.sample(LANGUAGES, rng.randint(0, 2))),
            ", ".join(rng.sample(labels, 2)) if mentor else "",
            "" if mentor else ", ".join(rng.sample(labels, 2)),
            str(rng.randint(1, 3)) if mentor and rng.random() < 0.5 else "",
            f"Works on {rng.choice(labels).lower()} at a community project.",
            "Yes" if rng.random() < 0.97 else "No",
        ])
    return result


def write_sources(folder: Path, count: int) -> dict[str, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    data = rows(count)
    csv_path = folder / "responses.csv"
    with csv_path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADERS)
        writer.writerows(data)
    import openpyxl

    xlsx_path = folder / "responses.xlsx"
    # Not write-only mode: like Excel and Google Sheets, this writes the sheet's dimension
    # and shared strings. Without a dimension, openpyxl's reader parses the sheet twice.
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Form responses 1"
    sheet.append(HEADERS)
    for row in data:
        sheet.append(row)
    book.save(xlsx_path)
    (folder / "mapping.yml").write_text(MAPPING, encoding="utf-8")
    return {"csv": csv_path, "xlsx": xlsx_path}


def empty_hub(folder: Path) -> Path:
    if folder.exists():
        shutil.rmtree(folder)
    content = folder / "content"
    content.mkdir(parents=True)
    (content / "skills.yml").write_text("".join(
        f"{skill_id}:\n  label: {label}\n  category: Skills\n" for skill_id, label in SKILLS.items()))
    return folder


def timed_import(source: Path, project: Path,
                 mapping_path: Path) -> tuple[float, float, int, int, dict[str, float]]:
    cpu = time.process_time()
    start = time.perf_counter()
    table = read_table(source)
    read_s = time.perf_counter() - start
    mapping, problems = read_mapping(mapping_path, mapping_path.name, table.headers)
    assert mapping is not None, problems
    vocab, _ = load_vocabulary(project / "content", project)
    options = Options(make_id=lambda title: id_from_title(title, MAX_ID_LENGTH))
    report = run_import(source.name, table, mapping, project / "content", vocab, options)
    total_s = time.perf_counter() - start
    if report.blocked or (report.created + report.updated and not report.written):
        raise SystemExit(f"the import did not write: {report.blocked[:3]}")
    return read_s, total_s, report.created, report.updated + report.unchanged, {
        **report.seconds, "cpu": time.process_time() - cpu}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=20_000)
    parser.add_argument("--before", metavar="REF",
                        help="first run the same import with the code of git revision REF (e.g. main)")
    parser.add_argument("--label", default="this", help=argparse.SUPPRESS)  # set for --before's run
    parser.add_argument("--no-header", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    folder = HERE / "out" / f"import-{args.rows}"
    sources = write_sources(folder, args.rows)
    if not args.no_header:
        print(f"{'code':>12} {'format':>6} {'rows':>6} {'read s':>7} {'convert s':>9} {'own check s':>11} "
              f"{'write s':>7} {'import s':>9} {'re-import s':>11} {'check s (baseline)':>18} "
              f"{'import/check':>12} {'re-import/check':>15} {'CPU s import/check':>18}", flush=True)
    if args.before:
        _run_before(args.before, args.rows)
    for kind, source in sources.items():
        project = empty_hub(folder / f"hub-{kind}")
        read_s, import_s, created, _, parts = timed_import(source, project, folder / "mapping.yml")
        _, again_s, _, updated, _ = timed_import(source, project, folder / "mapping.yml")
        cpu, start = time.process_time(), time.perf_counter()
        result = load_hub(project / "content", display_root=project)
        check_s, check_cpu = time.perf_counter() - start, time.process_time() - cpu
        if result.problems:
            raise SystemExit(f"the imported hub fails check: {result.problems[:3]}")
        assert created == updated == len(result.hub.people)
        print(f"{args.label:>12} {kind:>6} {created:>6} {read_s:>7.2f} {parts['convert']:>9.2f} "
              f"{parts['check']:>11.2f} {parts['write']:>7.2f} {import_s:>9.2f} {again_s:>11.2f} "
              f"{check_s:>18.2f} {import_s / check_s:>12.1f} {again_s / check_s:>15.1f} "
              f"{parts['cpu']:>7.1f}/{check_cpu:<4.1f} = {parts['cpu'] / check_cpu:.1f}", flush=True)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{args.label:>12} peak memory: {peak_mb:.0f} MB", flush=True)
    return 0


def _run_before(ref: str, count: int) -> None:
    """This script, importing with the `plugins/` of git revision `ref` (ahead of ours on the path)."""
    with tempfile.TemporaryDirectory(prefix="bench-import-before-") as temp:
        archive = subprocess.run(["git", "-C", str(HERE.parent), "archive", ref, "plugins"],
                                 check=True, capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", temp], input=archive, check=True)
        env = {**os.environ, "PYTHONPATH": str(Path(temp) / "plugins")}
        subprocess.run([sys.executable, __file__, "--rows", str(count), "--label", f"before {ref}",
                        "--no-header"], env=env, check=True)


if __name__ == "__main__":
    sys.exit(main())
