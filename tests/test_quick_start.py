"""The README's quick start tells the truth: its commands, markers and files exist, and
`-m "not browser"` really leaves out every test that needs Chromium."""

from __future__ import annotations

import re
import shlex
import tomllib

from conftest import REPO


def quick_start() -> str:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    return readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]


def commands() -> list[list[str]]:
    blocks = re.findall(r"```sh\n(.*?)```", quick_start(), re.S)
    lines = [line for block in blocks for line in block.splitlines() if line.strip()]
    return [shlex.split(line, comments=True) for line in lines]


def test_the_quick_start_runs_scripts_that_exist_with_markers_pytest_knows() -> None:
    markers = {m.split(":")[0] for m in tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
               ["tool"]["pytest"]["ini_options"]["markers"]}
    found = commands()
    assert ["scripts/build.sh"] in found and ["scripts/test.sh"] in found
    for words in found:
        assert (REPO / words[0]).is_file(), words
        for n, word in enumerate(words):
            if word == "-m":
                named = set(re.findall(r"\w+", words[n + 1])) - {"not", "and", "or"}
                assert named <= markers, words
            elif word.startswith("tests/"):
                assert (REPO / word).is_file(), words


def test_not_browser_leaves_out_every_test_that_needs_chromium() -> None:
    checked = []
    for path in sorted((REPO / "tests").glob("test_*.py")):
        text = path.read_text(encoding="utf-8")
        if re.search(r"def test_\w+\([^)]*\b(chromium|browser_page)\b", text, re.S):
            assert re.search(r"pytestmark = \[?[^\n]*pytest\.mark\.browser", text), path.name
            checked.append(path.name)
    assert len(checked) >= 5, checked  # the browser test files were found


def test_the_quick_start_says_what_the_scripts_do() -> None:
    text = " ".join(quick_start().split())
    test_script = (REPO / "scripts/test.sh").read_text(encoding="utf-8")
    assert "apt-get install" in test_script and "chromium" in test_script  # as root, as the README says
    assert "installs both with `apt-get`" in text and "skipped and pytest's summary says why" in text
    assert "about 10 minutes" in text and "2-core" in text
    build = (REPO / "scripts/build.sh").read_text(encoding="utf-8")
    assert "scripts/setup.sh\n" in build  # which skips pip when the stamp is fresh (test_setup_script.py)
    assert "MENTORHUB_REINSTALL=1" in text
