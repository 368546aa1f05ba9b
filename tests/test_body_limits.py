"""Bodies are bounded and blamed at check time; what passes renders in time linear in its size.

A 1.3 KB body of nested list markers crashed `mkdocs build` with a RecursionError that
named no file; 32 KB of nested brackets took the build from seconds to minutes. Each
shape is now a problem on its line, and the build refuses that one file like any
invalid record. `benchmarks/bench_bad_shapes.py` prints the figures.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest

from mentorhub.hub.body_shape import (
    MAX_BRACKETS,
    MAX_DEFINITIONS,
    MAX_HTML_DEPTH,
    MAX_NESTING,
    MAX_SPLITS_PER_BLOCK,
    body_shape_problems,
)
from mentorhub.site.sanitize import render_body

from conftest import copy_fixture_hub, run_mkdocs

#: The shapes that cost the square of their size, or recursed once per level, on main.
BAD_SHAPES: dict[str, Callable[[int], str]] = {
    "list markers": lambda n: "- " * n + "x",
    "quote markers": lambda n: "> " * n + "x",
    "indented lists": lambda n: "".join(" " * (4 * (i % 40)) + "- x\n" for i in range(n)),
    "nested brackets": lambda n: "[" * n + "x" + "]" * n,
    "open brackets": lambda n: "[a " * n,
    "image brackets": lambda n: "![" * n + "x" + "]" * n,
    "nested divs": lambda n: "<div>" * n + "x",
    "nested spans": lambda n: "<span>" * n + "x",
    "setext headings": lambda n: "a\n=\n" * n,
    "atx headings": lambda n: "# a\n" * n,
    "rules": lambda n: "***\n" * n,
    "definition list": lambda n: "term\n: definition\n" * n,
    "abbreviations": lambda n: "x\n\n" + "".join(f"*[A{i}]: a\n" for i in range(n)),
    "footnotes": lambda n: "".join(f"[^{i}]: x\n" for i in range(n)),
}


@pytest.mark.parametrize("shape", BAD_SHAPES.values(), ids=BAD_SHAPES.keys())
def test_each_bad_shape_is_a_problem_found_in_linear_time(shape: Callable[[int], str]) -> None:
    small, large = shape(200), shape(20_000)
    assert body_shape_problems(small), "the limit is lower than 200 of anything"
    timings = []
    for body in (small, large):
        start = time.process_time()
        problems = body_shape_problems(body)
        timings.append(time.process_time() - start)
        assert len(problems) == 1
    assert timings[1] <= 100 * timings[0] * 3 + 0.05, timings


def at_the_limits(blocks: int) -> str:
    """The worst body that passes: every limit reached, in many paragraphs."""
    block = ("[" * MAX_BRACKETS + "x" + "]" * MAX_BRACKETS + " " + "<span>" * MAX_HTML_DEPTH
             + "y" + "</span>" * MAX_HTML_DEPTH + "\n" + "# h\n" * MAX_SPLITS_PER_BLOCK + "\n"
             + "- " * MAX_NESTING + "z\n\n")
    definitions = "".join(f"*[A{i}]: a\n" for i in range(MAX_DEFINITIONS))
    return block * blocks + "\n" + definitions


def test_a_body_at_the_limits_renders_in_linear_time() -> None:
    small, large = at_the_limits(10), at_the_limits(80)
    assert body_shape_problems(small) == [] and body_shape_problems(large) == []
    timings = []
    for body in (small, large):
        render_body(body)  # warm up
        start = time.process_time()
        render_body(body)
        timings.append(time.process_time() - start)
    assert timings[1] <= 8 * timings[0] * 3 + 0.05, timings


def test_ordinary_markdown_is_within_the_limits() -> None:
    body = ("## Notes\n\n- a\n  - b\n    - c\n\n> quoted [link](https://example.org) and [x][ref]\n\n"
            "| a | b |\n|---|---|\n| 1 | 2 |\n\n<details><summary>More</summary>\n\nText\n\n"
            "</details>\n\n<https://example.org> `a[0][1]` \\[not a link\n\n[ref]: https://example.org\n")
    assert body_shape_problems(body) == []


def test_the_build_refuses_the_one_file_and_names_it(tmp_path: Path) -> None:
    """Before: `mkdocs build` died with a 2,500-line RecursionError naming no file."""
    project = copy_fixture_hub(tmp_path / "hub")
    person = project / "content/people/olga-open.md"
    text = person.read_text(encoding="utf-8")
    person.write_text(text.rstrip("\n") + "\n\n" + "- " * 700 + "x\n", encoding="utf-8")
    line = text.rstrip("\n").count("\n") + 3
    result = run_mkdocs(project, "--strict")
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert f"content/people/olga-open.md:{line}: body: lists or quotes nest more than" in output
    assert "Traceback" not in output and "RecursionError" not in output
