"""Cycle benchmark: relationship records on a big hub, against the rest of the build.

    python benchmarks/bench_cycle.py                        # 20k records, 5,000 relationships
    python benchmarks/bench_cycle.py --records 1000 --relationships 300 --no-build

Generates a hub (generate_hub.py, into benchmarks/out/cycle-<N>/), then writes
`--relationships` encrypted relationship records with about six check-ins each
(~30,000 for 5,000) to its records/, encrypted like `mentorhub pair` does to the
demo's DEMO-ONLY keys (the generated hub copies the demo's mkdocs.yml, demo: true).
Then it times, best of a few runs, each in this process:

* decrypt: opening every record with the build key (pyrage), nothing else;
* validate: the strict YAML reader and the checks, on the decrypted texts;
* lifecycle: every figure of kpi.json's "lifecycle" (settled cut-off, Kaplan–Meier,
  suppression) and the Impact page section with its chart;
* attention: the organizer's list (`mentorhub attention` without printing);

and, as the baseline from the same run, loading the hub (`mentorhub check`'s work) and
one full `mkdocs build --strict` of the project in a child process (skip it with
--no-build). Figures are noisy on a shared machine: compare ratios from one run.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import subprocess
import sys
import time
from pathlib import Path

import pyrage
from bench_kpis import best_of
from generate_hub import AS_OF, generate

from mentorhub.cycle.attention import attention
from mentorhub.cycle.demo import DEMO_BUILD_PUBLIC, DEMO_BUILD_SECRET, DEMO_ORGANIZER_PUBLIC
from mentorhub.cycle.lifecycle import compute_lifecycle
from mentorhub.cycle.models import PARTIES, REASONS, STATUSES, Checkin, Closure, Relationship
from mentorhub.cycle.settings import CycleSettings
from mentorhub.cycle.storage import identity_from_text, read_records, record_files, write_record
from mentorhub.cycle.validate import parse_record
from mentorhub.hub.loader import load_hub
from mentorhub.impact.lifecycle_section import with_lifecycle
from mentorhub.site.render import Page, RenderOptions, SiteRenderer

HERE = Path(__file__).resolve().parent


def write_relationships(project: Path, mentees: list[str], mentors: list[str], count: int) -> int:
    """`count` records with about six check-ins each; returns the number of check-ins."""
    rng = random.Random(22)
    folder = project / "records"
    for old in record_files(folder):
        old.unlink()
    checkins = 0
    for index in range(count):
        started = AS_OF - dt.timedelta(days=rng.randint(10, 1000))
        ended = started + dt.timedelta(days=rng.randint(20, 500)) if rng.random() < 0.6 else None
        if ended and ended > AS_OF:
            ended = None
        end = ended or AS_OF
        dates, day = [], started + dt.timedelta(days=rng.randint(5, 12))
        while day <= end and len(dates) < 10:
            dates.append(day)
            day += dt.timedelta(days=rng.randint(14, 75))
        checkins += len(dates)
        write_record(folder, Relationship(
            id=f"{index:08x}", path="", mentee=rng.choice(mentees), mentor=rng.choice(mentors),
            started=started, planned_end=started + dt.timedelta(days=365),
            ended=ended, closure=Closure(rng.choice(REASONS), rng.choice(PARTIES[:4])) if ended else None,
            checkins=tuple(Checkin(d, rng.choice(PARTIES[:3]), rng.choice(STATUSES),
                                   "weekly calls" if rng.random() < 0.3 else "") for d in dates),
        ), [DEMO_ORGANIZER_PUBLIC, DEMO_BUILD_PUBLIC])
    return checkins


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=20_000, help="hub size (content records)")
    parser.add_argument("--relationships", type=int, default=5_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-build", action="store_true", help="skip the full mkdocs build baseline")
    args = parser.parse_args(argv)

    project = HERE / "out" / f"cycle-{args.records}"
    if not (project / "content" / "skills.yml").is_file():
        generate(project, args.records)
    load_time, loaded = best_of(1, lambda: load_hub(project / "content", display_root=project))
    hub = loaded.hub
    mentees = sorted(p.id for p in hub.mentees())
    mentors = sorted(p.id for p in hub.mentors())
    start = time.perf_counter()
    checkins = write_relationships(project, mentees, mentors, args.relationships)
    encrypt_time = time.perf_counter() - start

    identities = identity_from_text(DEMO_BUILD_SECRET, "demo")
    files = record_files(project / "records")
    decrypt_time, texts = best_of(args.runs, lambda: [
        (p, bytes(pyrage.decrypt(p.read_bytes(), identities)).decode("utf-8")) for p in files])
    validate_time, parsed = best_of(args.runs, lambda: [
        parse_record(text, path=f"records/{p.name}", record_id=p.stem) for p, text in texts])
    assert all(not problems for _, problems in parsed)
    records = read_records(project / "records", identities, project)
    assert not records.problems and len(records.relationships) == args.relationships
    joined = {p.id: p.joined for p in hub.people.values() if p.joined}
    settings = CycleSettings(demo=True, build_key=DEMO_BUILD_PUBLIC)
    renderer = SiteRenderer(hub, RenderOptions(today=AS_OF))
    page = Page("impact/index.md", "Impact", "")

    def lifecycle() -> str:
        life = compute_lifecycle(records.relationships, joined, settings, as_of=AS_OF, min_records=5)
        return with_lifecycle(page, renderer, life, "").markdown

    lifecycle_time, _ = best_of(args.runs, lifecycle)
    attention_time, items = best_of(args.runs, lambda: attention(hub, records.relationships, settings,
                                                                 AS_OF, 365))
    build_time = None
    if not args.no_build:
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1795305600"}
        start = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q"], cwd=project,
                              env=env, capture_output=True, text=True, check=False)
        build_time = time.perf_counter() - start
        if done.returncode:
            print(done.stderr[-2000:], file=sys.stderr)
            return 1
    cycle = decrypt_time + validate_time + lifecycle_time
    print(f"hub: {args.records:,} records ({len(hub.people):,} people); {len(files):,} relationships, "
          f"{checkins:,} check-ins; {len(items):,} attention items")
    print(f"{'step':<52}{'seconds':>10}")
    rows = [("writing the records (encrypting, once)", encrypt_time),
            ("decrypt every record (build key)", decrypt_time),
            ("validate every record", validate_time),
            ("lifecycle figures + Impact section", lifecycle_time),
            ("attention list", attention_time),
            ("= the build's share (decrypt+validate+lifecycle)", cycle),
            ("baseline: load and validate the hub (check)", load_time)]
    if build_time is not None:
        rows.append(("baseline: full mkdocs build --strict", build_time))
    for label, seconds in rows:
        print(f"{label:<52}{seconds:>10.2f}")
    print(f"cycle share / loading the hub: {cycle / load_time:.2f}")
    if build_time is not None:
        print(f"cycle share / full build: {cycle / build_time:.3f} (the rest of the build: "
              f"{build_time - cycle:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
