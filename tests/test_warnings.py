"""Warnings: published as they are, printed by `mentorhub check`, which still exits 0."""

from __future__ import annotations

from pathlib import Path

import pytest

from mentorhub.commands.cli import main

from conftest import MINIMAL_CONFIG, write_project

FILES = {
    "content/people/ana.md": """\
        ---
        name: Ana
        roles: [peer]
        languages: [en]
        joined: 2026-03-01
        confirmed: 2026-01-15
        consent: true
        ---
        """,
    "content/stories/next-year.md": """\
        ---
        title: A story from next year
        date: 2027-06-30
        summary: Typed the wrong year.
        outcomes: [other]
        ---
        """,
    "content/stories/last-year.md": """\
        ---
        title: A story from this year
        date: 2026-06-30
        summary: Fine.
        outcomes: [other]
        ---
        """,
}


def test_confirmed_before_joined_and_a_future_story_are_warnings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    config = MINIMAL_CONFIG.replace("  - mentorhub\n", "  - mentorhub:\n      as_of: '2026-11-22'\n")
    project = write_project(tmp_path, FILES, config)
    assert main(["check", "--project", str(project)]) == 0
    captured = capsys.readouterr()
    assert captured.err.splitlines()[:2] == [
        "content/people/ana.md:6: confirmed: 2026-01-15 is earlier than joined (2026-03-01) "
        "(a profile is confirmed on or after the day its person joined)",
        "content/stories/next-year.md:3: date: 2027-06-30 is in the future (the hub describes 2026-11-22) "
        "(a story tells what already happened: check the year)",
    ]
    assert "2 warnings: published as they are" in captured.err
    assert captured.out.startswith("OK: 1 person, 0 resources, 0 sessions, 2 stories")


def test_in_github_actions_they_are_warning_annotations(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795305600")  # 2026-11-22
    project = write_project(tmp_path, FILES)
    assert main(["check", "--project", str(project)]) == 0
    out = capsys.readouterr().out
    assert "::warning file=content/people/ana.md,line=6,title=confirmed::" in out
    assert "::warning file=content/stories/next-year.md,line=3,title=date::" in out
    assert "::error" not in out


PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 16


def test_root_links_to_missing_records_pages_and_images_are_warnings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    story = """\
        ---
        title: Links
        date: 2026-06-30
        summary: Some lead nowhere.
        outcomes: [other]
        ---
        ![Ana](/media/ana.png) and ![logo](/media/Logo.png)
        [Ana](/people/ana.md), [Bo](</people/bo.md>) and [about](/pages/about.md#team)
        [skill](/skills/pythn.md) · [real skill](/skills/python.md) · [directory](/people/)
        [find](/find/) · [web](https://example.org/x.md)
        <img src="/media/missing.gif" alt="">

        [ref]: /resources/nothing-here.md
        """
    project = write_project(tmp_path, {
        "content/people/ana.md": FILES["content/people/ana.md"].replace("        joined: 2026-03-01\n", ""),
        "content/stories/links.md": story,
        "content/pages/about.md": "---\ntitle: About\n---\nSee [the logo](/media/ana.png).\n",
    })
    (project / "content/media").mkdir()
    (project / "content/media/ana.png").write_bytes(PNG)
    assert main(["check", "--project", str(project)]) == 0
    err = capsys.readouterr().err
    assert [line for line in err.splitlines() if "links to" in line] == [
        "content/stories/links.md:7: body: links to /media/Logo.png, which is not in the hub "
        "(images go in content/media/; check the file name and its case)",
        "content/stories/links.md:8: body: links to /people/bo.md, which is not in the hub "
        "(link a record as /<folder>/<id>.md (the id is the file name); check the spelling)",
        "content/stories/links.md:9: body: links to /skills/pythn.md, which is not in the hub "
        "(link a record as /<folder>/<id>.md (the id is the file name); check the spelling)",
        "content/stories/links.md:11: body: links to /media/missing.gif, which is not in the hub "
        "(images go in content/media/; check the file name and its case)",
        "content/stories/links.md:13: body: links to /resources/nothing-here.md, which is not in "
        "the hub (link a record as /<folder>/<id>.md (the id is the file name); check the spelling)",
    ]
