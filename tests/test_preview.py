"""The incremental preview (`mkdocs serve`, mkdocs/preview.py) is byte-identical to a clean build.

One child process serves a copy of the fixture hub the way `mkdocs serve` does and,
after each step of edits, additions, renames and deletions of every record type and
of skills.yml (and a broken file, then its fix), compares the whole served folder,
search index included, with a build of the same content by fresh plugins.
"""

from __future__ import annotations

import filecmp
import gc
import json
import logging
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import EPOCH, REPO, copy_demo, copy_fixture_hub

PERSON = "content/people/mia-mentor.md"
NEW_RESOURCE = """\
---
title: Office hours checklist
kind: guide
summary: What to prepare before an office hour.
topics: [python]
url: https://example.org/checklist
---
"""
STEPS: list[list[dict[str, str]]] = [
    [],  # the first build
    [],  # nothing changed: nothing is rendered again
    [{"op": "edit", "path": PERSON, "old": "name: Mia Mentor", "new": "name: Mia Mentora"}],
    [{"op": "write", "path": "content/resources/office-hours-checklist.md", "text": NEW_RESOURCE}],
    [{"op": "rename", "path": "content/sessions/2026-10-05-python-office-hours.md",
      "to": "content/sessions/2026-10-06-python-office-hours.md"}],
    [{"op": "delete", "path": "content/stories/tea-first-script.md"}],
    [{"op": "edit", "path": "content/skills.yml", "old": "label: Grant writing",
      "new": "label: Grant proposals"}],
    [{"op": "edit", "path": "content/resources/grant-starter-kit.md", "old": "What is inside.",
      "new": "What is inside, and why."}],
    # A broken record is left out (serve shows the rest) and comes back when fixed.
    [{"op": "edit", "path": PERSON, "old": "roles: [mentor]", "new": "roles: [mentor"}],
    [{"op": "edit", "path": PERSON, "old": "roles: [mentor", "new": "roles: [mentor]"}],
    [{"op": "delete", "path": "content/people/uma-unpaired.md"}],
]


def _concrete(project: Path) -> list[list[dict[str, str]]]:
    """Edits become whole-file writes, computed from the files as they will be by then."""
    texts: dict[str, str] = {}
    steps = []
    for step in STEPS:
        changes = []
        for change in step:
            if change["op"] != "edit":
                changes.append(change)
                if change["op"] == "rename":
                    texts.pop(change["path"], None)
                continue
            path = change["path"]
            text = texts.get(path) or (project / path).read_text(encoding="utf-8")
            assert change["old"] in text, change
            texts[path] = text.replace(change["old"], change["new"], 1)
            changes.append({"op": "write", "path": path, "text": texts[path]})
        steps.append(changes)
    return steps


def _differences(served: Path, fresh: Path) -> list[str]:
    problems = []
    comparison = filecmp.dircmp(served, fresh)
    stack = [(comparison, "")]
    while stack:
        node, prefix = stack.pop()
        problems += [f"only served: {prefix}{name}" for name in node.left_only]
        problems += [f"only fresh: {prefix}{name}" for name in node.right_only]
        _, mismatch, errors = filecmp.cmpfiles(node.left, node.right, node.common_files, shallow=False)
        problems += [f"differs: {prefix}{name}" for name in mismatch + errors]
        stack += [(sub, f"{prefix}{name}/") for name, sub in node.subdirs.items()]
    return problems


@pytest.mark.parametrize("shared", [False, True], ids=["one-process", "pages-shared-with-a-child"])
def test_incremental_serve_matches_a_clean_build(tmp_path: Path, shared: bool) -> None:
    project = copy_fixture_hub(tmp_path / "hub")
    steps_file = tmp_path / "steps.json"
    steps_file.write_text(json.dumps(_concrete(project)), encoding="utf-8")
    out = tmp_path / "out"
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "NO_MKDOCS_2_WARNING": "1"}
    if shared:  # site/page_jobs.py: pages rendered by a forked child too, its bodies kept here
        env["MENTORHUB_TEST_SHARE_PAGES"] = "1"
    result = subprocess.run(
        [sys.executable, str(REPO / "tests" / "preview_support.py"), str(project), str(steps_file), str(out)],
        env=env, capture_output=True, text=True, timeout=900, check=False,
    )
    assert result.returncode == 0, result.stderr[-4000:]
    summaries = [json.loads(line)["summary"] for line in result.stdout.splitlines()]
    assert len(summaries) == len(STEPS)
    for number in range(len(STEPS)):
        assert _differences(out / f"{number}-served", out / f"{number}-fresh") == [], f"step {number}"
    first, unchanged, edited = summaries[0], summaries[1], summaries[2]
    assert first["rendered"] == first["pages"] and first["records_read"] > 5
    assert unchanged["rendered"] == 0 and unchanged["records_read"] == 0
    # Editing one name re-renders the pages that show it, not the whole site.
    assert 0 < edited["rendered"] < edited["pages"] and edited["records_read"] == 1
    # ... and generates again only what read something that changed (site/page_memo.py;
    # with pages shared with a child, the child's counts come back too).
    assert first["parts_kept"] == 0 and first["parts_generated"] > first["pages"] / 2
    # (Only parts whose context holds something that cannot be compared, such as the KPI
    # pages' number formatter, are made again each time.)
    assert unchanged["parts_generated"] < first["parts_generated"] / 10 < unchanged["parts_kept"]
    assert 0 < edited["parts_generated"] < first["parts_generated"] / 2
    # skills.yml: a record is read again only if a word it wrote changed meaning; the
    # fixture's records write skill ids, so a new label leaves them all as they were.
    assert summaries[6]["records_read"] == 0
    broken = result.stderr
    assert "content/people/mia-mentor.md" in broken and "content problem" in broken



def test_a_rebuild_does_not_repeat_the_notes_of_the_last_one(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    """Quiet logs: the anonymity notes come once per `serve`, and again only when they change."""
    from mkdocs.commands.build import build
    from mkdocs.config.defaults import MkDocsConfig
    from preview_support import SERVE_URL, config

    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    project = copy_demo(tmp_path / "hub")
    story = project / "content/stories/data-scholarship.md"
    plugins_option = dict(MkDocsConfig._schema)["plugins"]
    cached = dict(plugins_option.plugin_cache)
    plugins_option.plugin_cache.clear()
    said: list[list[str]] = []
    try:
        first = config(project, tmp_path / "served")
        first.plugins.on_startup(command="serve", dirty=False)
        for change in (None, "unchanged", "fewer notes"):
            if change == "fewer notes":
                story.unlink()
            caplog.clear()
            with caplog.at_level(logging.INFO):
                build(first if change is None else config(project, tmp_path / "served"), serve_url=SERVE_URL)
            said.append([r.getMessage() for r in caplog.records if r.levelno >= logging.INFO
                         and "told without a mentee" in r.getMessage()])
    finally:
        search = first.plugins["mentorhub-search"]
        if search.refresh is not None:  # type: ignore[attr-defined]
            search.refresh.wait()  # type: ignore[attr-defined]  # the last background index
        deadline = time.monotonic() + 5
        while not gc.isenabled() and time.monotonic() < deadline:  # the held-off collection ran
            time.sleep(0.01)
        plugins_option.plugin_cache.clear()
        plugins_option.plugin_cache.update(cached)
    assert any("data-scholarship.md" in line for line in said[0])
    assert said[1] == []  # the same notes: not said again
    assert said[2] and not any("data-scholarship.md" in line for line in said[2])  # changed: said
