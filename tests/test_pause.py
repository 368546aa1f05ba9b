"""Opt-in auto-pause: `mentorhub check --pause-stale` with `pause_after_days` in mkdocs.yml."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from mentorhub.commands.cli import main
from mentorhub.hub.schema import AVAILABILITY
from mentorhub.nudges.pause import paused_text

from conftest import MINIMAL_CONFIG, write_project

TODAY = dt.date(2026, 12, 6)
NEEDS_PAUSED = pytest.mark.skipif(
    "paused" not in AVAILABILITY,
    reason="availability: paused comes with issue 21 (branch i21-import); runs once it is merged")
MENTOR = ("---\nname: {name}\nroles: [mentor]\nlanguages: [en]\noffers: [python]\nconsent: true\n"
          "{extra}---\nBio.\n")
PAUSED_LINE = "availability: paused  # set by mentorhub check --pause-stale on 2026-12-06"
OPTED_IN = MINIMAL_CONFIG.replace("  - mentorhub\n", "  - mentorhub:\n      as_of: '2026-12-06'\n"
                                  "      pause_after_days: 30\n")


def test_the_front_matter_gains_one_line_or_has_it_replaced() -> None:
    text = MENTOR.format(name="Mo", extra="availability: open  # busy\nconfirmed: 2025-01-01\n")
    paused = paused_text(text, TODAY)
    assert paused == text.replace("availability: open  # busy", PAUSED_LINE)
    missing = MENTOR.format(name="Mo", extra="confirmed: 2025-01-01\n")
    assert paused_text(missing, TODAY) == missing.replace(
        "confirmed: 2025-01-01\n---", f"confirmed: 2025-01-01\n{PAUSED_LINE}\n---")
    # A value on the next line, or a file without front matter: left to a person.
    assert paused_text(MENTOR.format(name="Mo", extra="availability:\n  open\n"), TODAY) is None
    assert paused_text("no front matter\n", TODAY) is None
    body_mentions = MENTOR.format(name="Mo", extra="") + "availability: open\n"  # in the body, not the key
    assert "availability: paused" in str(paused_text(body_mentions, TODAY)).split("---")[1]
    assert str(paused_text(body_mentions, TODAY)).endswith("Bio.\navailability: open\n")


def test_without_the_opt_in_nothing_is_written(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    files = {"content/people/mo.md": MENTOR.format(name="Mo", extra="confirmed: 2024-01-01\n")}
    root = write_project(tmp_path / "hub", files)
    before = (root / "content/people/mo.md").read_bytes()
    assert main(["check", "--project", str(root), "--pause-stale"]) == 2
    err = capsys.readouterr().err
    assert "pause_after_days" in err or "no 'availability: paused' yet" in err
    assert (root / "content/people/mo.md").read_bytes() == before


@NEEDS_PAUSED
def test_mentors_past_the_grace_period_are_paused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    files = {
        # 365 + 30 days before 2026-12-06 is 2025-11-06: Mo is past it, Lu within it.
        "content/people/mo.md": MENTOR.format(name="Mo", extra="confirmed: 2025-11-05\n"),
        "content/people/lu.md": MENTOR.format(name="Lu", extra="confirmed: 2025-11-07\n"),
        "content/people/cy.md": MENTOR.format(name="Cy", extra="confirmed: 2024-01-01\n"
                                                                "availability: closed\n"),
    }
    root = write_project(tmp_path / "hub", files, OPTED_IN)
    assert main(["check", "--project", str(root), "--pause-stale"]) == 0
    paused = [line for line in capsys.readouterr().out.splitlines() if "availability: paused (" in line]
    assert paused == ["content/people/mo.md: availability: paused (last confirmed 2025-11-05, "
                      "more than 365 + 30 days ago)"]
    assert "availability: paused" in (root / "content/people/mo.md").read_text(encoding="utf-8")
    assert "availability" not in (root / "content/people/lu.md").read_text(encoding="utf-8")
    assert main(["check", "--project", str(root), "--pause-stale"]) == 0  # already paused: nothing more
    assert "availability: paused (" not in capsys.readouterr().out


def test_mkdocs_accepts_the_option() -> None:
    from mentorhub.mkdocs.hub_plugin import HubPlugin

    errors, warnings = HubPlugin().load_config({"pause_after_days": 30})
    assert (errors, warnings) == ([], [])
    errors, _ = HubPlugin().load_config({"pause_after_days": "soon"})
    assert errors
