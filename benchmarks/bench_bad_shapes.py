"""Size-doubling benchmark over the shapes a hostile contributor can send (issue 19).

    python benchmarks/bench_bad_shapes.py [--sizes 1000,2000,4000] [--baseline PATH]

For each shape and size it prints the CPU seconds of what a contributor's text costs:
the body shape check (`hub/body_shape.py`, run by `check` and the build), rendering a
body within the limits (`site/sanitize.py`), the phone scan (`hub/pii.py`), and a whole
`load_hub` with many unknown values against a large vocabulary ("did you mean"). The
last column is the time ratio to the previous size: about 2 for each doubling means
linear cost, about 4 means quadratic.

`--baseline PATH` (a checkout of the code before the change, e.g. `git worktree add
/tmp/base main`) runs the same figures with that package, in the same run, so the
before/after ratio is measured on the same loaded machine. Shapes the baseline would
crash on (RecursionError) or take minutes for are measured only at the smallest sizes.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

BODIES: dict[str, Callable[[int], str]] = {
    "nested brackets": lambda n: "[" * n + "x" + "]" * n,
    "open brackets": lambda n: "[a " * n,
    "nested spans": lambda n: "<span>" * n + "x",
    "nested divs": lambda n: "<div>" * n + "x",
    "setext headings in one paragraph": lambda n: "a\n=\n" * n,
    "rules in one paragraph": lambda n: "***\n" * n,
    "abbreviations": lambda n: "x\n\n" + "".join(f"*[A{i}]: a\n" for i in range(n)),
    "list markers": lambda n: "- " * n + "x",
    # What still renders: every limit reached in each paragraph (16 brackets, 32 spans,
    # 64 headings, 16 list levels), repeated; its render time must grow linearly.
    "all limits reached, per paragraph": lambda n: (
        "[" * 16 + "x" + "]" * 16 + " " + "<span>" * 32 + "y" + "</span>" * 32 + "\n"
        + "# h\n" * 64 + "\n" + "- " * 16 + "z\n\n") * max(n // 100, 1),
}
PHONES: dict[str, Callable[[int], str]] = {
    "table of dates and figures": lambda n: "\n".join(
        f"| 2026-{i % 12 + 1:02d}-{i % 28 + 1:02d} | {random.Random(i).randint(1000, 99999)} | "
        f"{i % 97}.{i % 89:02d} |" for i in range(n // 8)),
    "prose with one number": lambda n: "word " * n + "call +44 20 7946 0958",
}

CODE = r'''
import json, sys, time, random, tempfile
from pathlib import Path
from mentorhub.hub import pii
from mentorhub.site.sanitize import render_body
try:
    from mentorhub.hub.body_shape import body_shape_problems
except ImportError:
    body_shape_problems = None
from mentorhub.hub.loader import load_hub

kind, shape, text = json.loads(sys.stdin.read())
def cpu(work):
    start = time.process_time()
    try:
        work()
        note = ""
    except RecursionError:
        note = "RecursionError"
    return time.process_time() - start, note
if kind == "body":
    refused = bool(body_shape_problems and body_shape_problems(text))
    seconds, note = cpu(lambda: body_shape_problems(text)) if refused else cpu(lambda: render_body(text))
    print(json.dumps([seconds, note or ("refused at check" if refused else "rendered")]))
elif kind == "phone":
    print(json.dumps([*cpu(lambda: pii.find_pii(text))]))
else:
    n = int(text)
    root = Path(tempfile.mkdtemp())
    (root / "content/people").mkdir(parents=True)
    (root / "content/skills.yml").write_text("".join(
        f"skill-{i}: {{label: Skill {i}, category: Many}}\n" for i in range(3000)))
    for i in range(n):
        (root / f"content/people/p{i}.md").write_text(
            "---\nname: P\nroles: [mentee]\nlanguages: [en]\nseeks: [pyhton, data-scence]\n"
            "consent: true\n---\n")
    print(json.dumps([*cpu(lambda: load_hub(root / "content"))]))
'''


def measure(python_path: str, kind: str, shape: str, text: str) -> tuple[float, str]:
    done = subprocess.run([sys.executable, "-c", CODE], input=json.dumps([kind, shape, text]),
                          capture_output=True, text=True, timeout=900,
                          env={"PYTHONPATH": python_path, "PATH": "/usr/bin:/bin"})
    if done.returncode != 0:
        return float("nan"), done.stderr.strip().splitlines()[-1][:60] if done.stderr else "failed"
    seconds, note = json.loads(done.stdout)
    return seconds, note


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,2000,4000")
    parser.add_argument("--baseline", type=Path, help="a checkout of the code before the change")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    here = str(Path(__file__).resolve().parent.parent / "plugins")
    packages = [("this branch", here)]
    if args.baseline:
        packages.insert(0, ("baseline", str(args.baseline.resolve() / "plugins")))
    rows: list[tuple[str, str, Callable[[int], str]]] = [
        *(("body", name, make) for name, make in BODIES.items()),
        *(("phone", name, make) for name, make in PHONES.items()),
        ("suggest", "3,000 skills, 2 typos in n files", lambda n: str(n // 10)),
    ]
    print(f"{'code':12} {'kind':8} {'shape':36} {'size':>8} {'cpu s':>8} {'ratio':>6}  note")
    for label, path in packages:
        for kind, name, make in rows:
            previous = None
            for size in sizes:
                text = make(size)
                seconds, note = measure(path, kind, name, text)
                ratio = f"{seconds / previous:.1f}" if previous else ""
                shown = len(text) if kind != "suggest" else int(text)
                print(f"{label:12} {kind:8} {name:36} {shown:8} {seconds:8.3f} {ratio:>6}  {note}",
                      flush=True)
                previous = seconds if seconds > 0.001 else None
                if seconds > 60 or note == "RecursionError":
                    break  # the baseline's quadratic shapes: the smaller sizes tell enough
    return 0


if __name__ == "__main__":
    sys.exit(main())
