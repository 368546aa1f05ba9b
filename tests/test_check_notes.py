"""`mentorhub check` tells a stale mentor what to do; the public profile only says "may be inactive"."""

from __future__ import annotations

from pathlib import Path

import pytest

from mentorhub.commands.cli import main

from conftest import MENTOR_MO, write_project

STALE = MENTOR_MO.replace("consent: true\n", "consent: true\nconfirmed: 2025-01-10\n")
FRESH = MENTOR_MO.replace("consent: true\n", "consent: true\nconfirmed: 2026-11-01\n")


def config(options: str) -> str:
    return f"site_name: Notes\ndocs_dir: content\nplugins:\n  - mentorhub:\n{options}"


def check(project: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(["check", "--project", str(project)])
    out, err = capsys.readouterr()
    return code, out, err


def test_a_stale_mentor_gets_a_note_with_the_line_to_update(tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    project = write_project(tmp_path, {"content/people/mo.md": STALE, "content/people/fay.md": FRESH},
                            config=config("      as_of: '2026-11-22'\n"))
    code, out, err = check(project, capsys)
    assert code == 0 and err == ""
    assert out.startswith("OK: ")
    notes = [line for line in out.splitlines() if ": note: " in line]
    assert notes == [
        "content/people/mo.md:7: confirmed: note: last confirmed 2025-01-10, more than 365 days "
        "ago, so the profile reads \"may be inactive\" and gets no suggestions (check it is "
        "current, then set confirmed: to today's date)"
    ]


def test_the_window_comes_from_mkdocs_yml(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = write_project(tmp_path, {"content/people/mo.md": STALE},
                            config=config("      as_of: '2026-11-22'\n      stale_after_days: 1000\n"))
    code, out, _ = check(project, capsys)
    assert code == 0 and "note:" not in out


def test_no_notes_when_nobody_is_stale(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = write_project(tmp_path, {"content/people/fay.md": FRESH},
                            config=config("      as_of: '2026-11-22'\n"))
    code, out, _ = check(project, capsys)
    assert code == 0 and out.count("\n") == 1
