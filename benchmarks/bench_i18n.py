"""What translation costs: the same generated hub built in English and in Spanish.

    python benchmarks/bench_i18n.py                       # 5,000 records, English and Spanish
    python benchmarks/bench_i18n.py --size 20000 --repeat 2
    python benchmarks/bench_i18n.py --before /tmp/before  # and the engine before i18n

It also builds the hub in two languages at once (`languages: [en, es]`: English at the
root, Spanish under /es/) and reports that build's time and the size of its site.

`--before DIR` builds the hub once more with an older copy of the package (a folder
holding `plugins/mentorhub`, e.g. `git archive <commit> plugins | tar -x -C DIR`), put
first on PYTHONPATH, so "before" and "after" are the same content, config and machine.
Builds alternate (before, en, es, before, en, es …) and the fastest of each is kept, as
bench_build.py does on a shared machine. Prints a table and writes
benchmarks/out/i18n-results.json.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from bench_build import OUT, Run, run_child
from generate_hub import generate


def _config_in(project: Path, lang: str) -> str:
    """A copy of the project's mkdocs.yml whose theme.language is `lang`."""
    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    if "  language: en\n" not in text:
        raise SystemExit("the generated mkdocs.yml has no 'language: en' under theme")
    name = f"mkdocs.{lang}.yml"
    (project / name).write_text(text.replace("  language: en\n", f"  language: {lang}\n"),
                                encoding="utf-8")
    return name


def _two_language_config(project: Path) -> str:
    """A copy of the project's mkdocs.yml publishing English and Spanish trees."""
    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    if "  - mentorhub:\n" not in text:
        raise SystemExit("the generated mkdocs.yml has no '- mentorhub:' plugin entry")
    name = "mkdocs.en-es.yml"
    two = text.replace("  - mentorhub:\n", "  - mentorhub:\n      languages: [en, es]\n", 1)
    (project / name).write_text(two, encoding="utf-8")
    return name


def _site_bytes(site: Path) -> int:
    return sum(p.stat().st_size for p in site.rglob("*") if p.is_file())


def _build(project: Path, config: str, label: str, pythonpath: str = "") -> Run:
    env = {"PYTHONPATH": pythonpath} if pythonpath else {}
    run = run_child([sys.executable, "-m", "mkdocs", "build", "-f", config], project,
                    OUT / f"i18n-{label}.log", env)
    if run.returncode != 0:
        raise SystemExit(f"{label} build failed (exit {run.returncode}); see {run.log}")
    return run


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--size", type=int, default=5_000, help="records in the generated hub")
    parser.add_argument("--repeat", type=int, default=1, help="builds of each variant (keep the fastest)")
    parser.add_argument("--before", type=Path, help="a folder with plugins/mentorhub from before i18n")
    parser.add_argument("--no-two-languages", action="store_true", help="skip the en+es build")
    args = parser.parse_args(argv)

    OUT.mkdir(parents=True, exist_ok=True)
    project = generate(OUT / f"i18n-{args.size}", args.size)
    variants: list[tuple[str, str, str]] = []  # (label, config, PYTHONPATH)
    if args.before:
        plugins = (args.before / "plugins").resolve()
        if not (plugins / "mentorhub").is_dir():
            raise SystemExit(f"{plugins}/mentorhub not found")
        variants.append(("before (en)", "mkdocs.yml", str(plugins)))
    variants += [("en", _config_in(project, "en"), ""), ("es", _config_in(project, "es"), "")]
    if not args.no_two_languages:
        variants.append(("en+es", _two_language_config(project), ""))

    best: dict[str, Run] = {}
    sizes: dict[str, int] = {}
    for _ in range(max(1, args.repeat)):
        for label, config, pythonpath in variants:
            run = _build(project, config, label.split()[0], pythonpath)
            sizes[label] = _site_bytes(project / "site")
            if label not in best or run.seconds < best[label].seconds:
                best[label] = run
            print(f"  {label:12} {run.seconds:7.1f} s  {run.peak_rss_bytes / 2**20:6.0f} MB", flush=True)

    reference = best.get("before (en)") or best["en"]
    pages = sum(1 for _ in (project / "site").rglob("*.html"))
    print(f"\n{args.size:,} records, {pages:,} HTML pages, fastest of {args.repeat}:")
    print(f"{'build':12} {'seconds':>8} {'vs ' + ('before' if args.before else 'en'):>10} {'peak MB':>8} "
          f"{'site MB':>8}")
    for label, run in best.items():
        change = (run.seconds / reference.seconds - 1) * 100
        print(f"{label:12} {run.seconds:8.1f} {change:+9.1f}% {run.peak_rss_bytes / 2**20:8.0f} "
              f"{sizes[label] / 2**20:8.1f}")
    results = {
        "records": args.size, "pages": pages, "repeat": args.repeat,
        "load_average": os.getloadavg(),
        "builds": {label: {"seconds": round(r.seconds, 2), "peak_rss": r.peak_rss_bytes,
                           "site_bytes": sizes[label]}
                   for label, r in best.items()},
    }
    (OUT / "i18n-results.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
