"""What person photos add to a build: the same hub with and without a photo each.

    .venv/bin/python benchmarks/bench_photos.py [--people 1000] [--repeat 1] [--size 1024]
                                                [--before OTHER/plugins]

Generates a hub (benchmarks/generate_hub.py) with about `--people` people, draws a
distinct `--size`-pixel JPEG portrait for every one (mentorhub.images.faces; a phone
photo is larger, but decoding is a small part of the cost next to resizing and
encoding), and builds, in the same run and on the same machine:

* the baseline: the hub without `photo:` fields (initials everywhere);
* with photos, cold: an empty `.cache/`, so every photo is decoded, resized and encoded;
* with photos, warm: the cache from the cold build (what CI and `serve` see after the
  first build).

It prints wall time per build (best of `--repeat`), the ratio to the baseline, the CPU
time of the build and every process it started (steadier than wall time on a shared
machine), and the bytes of photos published. The issue's budget: photos add at most 20 %.
`--before` also builds the photo hub (cold and warm) with another checkout's engine (its
`plugins/` folder, e.g. from `git archive main plugins`), to compare in the same run.
"""

from __future__ import annotations

import argparse
import gzip
import os
import re
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

import generate_hub

from mentorhub.images.faces import draw_face

#: People are this share of the generator's records (see generate_hub.py).
PEOPLE_SHARE = 0.55


def add_photos(project: Path, size: int) -> int:
    people = sorted((project / "content" / "people").rglob("*.md"))
    folder = project / "content" / "media" / "people"
    folder.mkdir(parents=True, exist_ok=True)
    for path in people:
        (folder / f"{path.stem}.jpg").write_bytes(draw_face(path.stem, size))
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("\nname: ", f"\nphoto: media/people/{path.stem}.jpg\nname: ", 1),
                        encoding="utf-8")
    return len(people)


def build(project: Path, engine: Path | None = None) -> tuple[float, float]:
    """One `mkdocs build` into an empty site/: (wall seconds, CPU seconds of it and its
    processes). MkDocs first deletes an old site file by file: seconds on a slow disk, and
    the same for every variant, so not timed."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1795305600"}
    if engine is not None:  # ahead of the installed (editable) package
        env["PYTHONPATH"] = os.pathsep.join(filter(None, (str(engine.resolve()), env.get("PYTHONPATH"))))
    shutil.rmtree(project / "site", ignore_errors=True)
    cpu_before = _children_cpu()
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet"], cwd=project,
                          env=env, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - start
    if done.returncode:
        sys.exit(f"build of {project} failed:\n{done.stderr[-3000:]}")
    return seconds, _children_cpu() - cpu_before


def _children_cpu() -> float:
    """User + system CPU of every finished child process (and theirs: photo encoders)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def page_weight(site: Path, page: Path) -> int:
    """Bytes of a page with every stylesheet, script and image it names, as GitHub Pages
    sends them (text gzipped): an upper bound, since lazy photos below the fold wait."""
    html = page.read_text(encoding="utf-8")
    total = len(gzip.compress(html.encode(), 6))
    seen: set[Path] = set()
    for ref in re.findall(r'(?:href|src)="([^"#?]+)', html):
        if "://" in ref or not ref.endswith((".css", ".js", ".webp")):
            continue
        file = (page.parent / ref).resolve()
        if file in seen or not file.is_file() or not file.is_relative_to(site.resolve()):
            continue
        seen.add(file)
        data = file.read_bytes()
        total += len(data) if file.suffix == ".webp" else len(gzip.compress(data, 6))
    return total


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--people", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=1, help="builds per variant; the best is shown")
    parser.add_argument("--size", type=int, default=1024, help="pixels a side of each source photo")
    parser.add_argument("--before", type=Path, help="another engine's plugins/ folder to compare with")
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "out" / "photos")
    args = parser.parse_args()
    shutil.rmtree(args.out, ignore_errors=True)
    records = round(args.people / PEOPLE_SHARE)
    plain = generate_hub.generate(args.out / "plain", records, seed=1)
    faces = args.out / "faces"
    shutil.copytree(plain, faces)
    start = time.perf_counter()
    people = add_photos(faces, args.size)
    drawn = time.perf_counter() - start
    print(f"hub: {records} records, {people} people with a {args.size}x{args.size} JPEG each "
          f"(drawn in {drawn:.1f} s, not counted)")
    baseline, cold, warm, cold_before, warm_before = [], [], [], [], []
    for _ in range(max(1, args.repeat)):
        baseline.append(build(plain))
        if args.before is not None:
            shutil.rmtree(faces / ".cache", ignore_errors=True)
            cold_before.append(build(faces, args.before))
            warm_before.append(build(faces, args.before))
        shutil.rmtree(faces / ".cache", ignore_errors=True)
        cold.append(build(faces))
        warm.append(build(faces))
    published = sum(p.stat().st_size for p in (faces / "site" / "assets" / "mentorhub" / "photos").iterdir())
    base, base_cpu = min(t for t, _ in baseline), min(c for _, c in baseline)
    print(f"{'build':<28}{'seconds':>9}{'vs baseline':>13}{'CPU s':>9}{'vs baseline':>13}")
    print(f"{'baseline (no photos)':<28}{base:>9.1f}{'':>13}{base_cpu:>9.1f}")
    variants = [("before: photos, cold cache", cold_before), ("before: photos, warm cache", warm_before),
                ("photos, cold cache", cold), ("photos, warm cache", warm)]
    for name, runs in ((name, runs) for name, runs in variants if runs):
        best, cpu = min(t for t, _ in runs), min(c for _, c in runs)
        print(f"{name:<28}{best:>9.1f}{(best / base - 1) * 100:>+12.1f}%"
              f"{cpu:>9.1f}{(cpu / base_cpu - 1) * 100:>+12.1f}%")
    each = published / max(people, 1) / 1024
    print(f"photos published: {published / 1024:.0f} KiB ({each:.1f} KiB a person, two sizes)")
    site = faces / "site"
    someone = sorted(p for p in (site / "people").iterdir() if (p / "index.html").is_file()
                     and p.name not in ("mentors", "mentees", "peers", "page"))[0]
    for name, page, budget in (("people directory page 1", site / "people" / "mentors" / "index.html", 150),
                               ("a profile", someone / "index.html", 100)):
        weight = page_weight(site, page)
        print(f"{name}, every photo loaded: {weight / 1024:.0f} KiB (budget {budget} KiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
