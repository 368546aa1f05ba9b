"""`mentorhub new`: FILL IN skeletons that fail `check` until filled, and the terminal questions."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from mentorhub.commands.cli import main
from mentorhub.hub.loader import load_hub

from conftest import MENTOR_MO, MINIMAL_SKILLS, write_project

HUB = {"content/skills.yml": MINIMAL_SKILLS, "content/people/mentor-mo.md": MENTOR_MO}


def answer(monkeypatch: pytest.MonkeyPatch, *answers: str) -> list[str]:
    """Feed `input()` these answers in order; what it was asked is returned (EOF after the last)."""
    asked: list[str] = []
    feed: Iterator[str] = iter(answers)

    def fake_input(prompt: str = "") -> str:
        asked.append(prompt)
        try:
            return next(feed)
        except StopIteration:
            raise EOFError from None

    monkeypatch.setattr("builtins.input", fake_input)
    return asked


def problems(project: Path) -> list[str]:
    return [str(p) for p in load_hub(project / "content", display_root=project).problems]


@pytest.mark.parametrize("kind", ["person", "resource", "session", "story"])
def test_a_skeleton_fails_check_with_fill_in_until_filled(kind: str, tmp_path: Path) -> None:
    project = write_project(tmp_path, HUB)
    assert main(["new", kind, "Something new", "--no-input", "--project", str(project)]) == 0
    found = problems(project)
    assert found and all(": fill in this field (" in line for line in found), found


def test_a_filled_skeleton_passes(tmp_path: Path) -> None:
    project = write_project(tmp_path, HUB)
    main(["new", "person", "Ana Filled", "--no-input", "--project", str(project)])
    path = project / "content/people/ana-filled.md"
    text = path.read_text(encoding="utf-8")
    for placeholder, value in [("roles: [FILL IN]", "roles: [mentee]"),
                               ("languages: [FILL IN]", "languages: [pt]"),
                               ("seeks: [FILL IN]", "seeks: [python]"),
                               ("timezone: FILL IN", "timezone: America/Sao_Paulo"),
                               ("consent: FILL IN", "consent: true")]:
        assert placeholder in text
        text = text.replace(placeholder, value)
    path.write_text(text, encoding="utf-8")
    assert [p.split(": ", 1)[1] for p in problems(project)] == [
        "body: fill in this field (replace it with your own words)"]  # the placeholder bio too
    bio = text.split("---\n")[-1]
    assert bio.startswith("\nFILL IN: A few sentences about you")
    path.write_text(text.replace(bio, "\nI teach maths in Porto.\n"), encoding="utf-8")
    assert problems(project) == []


def test_the_questions_write_a_profile_that_passes_check(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    project = write_project(tmp_path, HUB)
    answer(monkeypatch,
           "Ana Pérez",          # name
           "1,2",                # roles: mentor and mentee, by number
           "Spanish, Klingon",   # languages: one unknown …
           "Spanish, en",        # … asked again; a name and a code
           "python",             # offers (needed for a mentor)
           "1",                  # seeks: by number
           "", "", "",           # headline, pronouns, location skipped
           "Chicago",            # time zone by city
           "Atlantis",           # country: unknown …
           "united states",      # … asked again; an English name
           "https://example.org/me.jpg",  # photo: a link is refused …
           "",                   # … and the photo skipped (initials are shown)
           "", "", "",           # formats, capacity, availability skipped
           "nobody here",        # mentors: unknown …
           "Mo",                 # … asked again; a name
           "yes")                # consent
    assert main(["new", "person", "--interactive", "--project", str(project)]) == 0
    text = (project / "content/people/ana-perez.md").read_text(encoding="utf-8")
    assert "roles: [mentor, mentee]" in text and "languages: [es, en]" in text
    assert "timezone: America/Chicago" in text and "mentors: [mentor-mo]" in text
    assert "country: US" in text and "photo" not in text
    out = capsys.readouterr().out
    assert "'Atlantis' is not an ISO 3166-1 country code" in out
    assert "must be an image stored in the hub, not a link" in out
    assert "'Klingon' is not an ISO 639-1 language code" in out
    assert "nobody in the hub is called 'nobody here'" in out
    assert "passes `mentorhub check`" in out
    assert problems(project) == []


def test_a_session_is_named_by_the_date_answered(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = write_project(tmp_path, HUB)
    answer(monkeypatch, "Python circle", "2026-10-01", "2", "mentor-mo", "python", "", "", "", "", "")
    assert main(["new", "session", "--interactive", "--project", str(project)]) == 0
    assert (project / "content/sessions/2026-10-01-python-circle.md").is_file()
    assert problems(project) == []


def test_several_matching_time_zones_are_offered_by_number(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    project = write_project(tmp_path, HUB)
    answer(monkeypatch, "Pat Peer", "peer", "en", "", "", "", "America/Argentina", "1", "", "", "", "yes")
    assert main(["new", "person", "--interactive", "--project", str(project)]) == 0
    assert "timezone: America/Argentina/Buenos_Aires" in (
        project / "content/people/pat-peer.md").read_text(encoding="utf-8")
    assert "1. Buenos Aires (America/Argentina/Buenos_Aires)" in capsys.readouterr().out


@pytest.mark.parametrize("answers", [("Ana", "mentee", "en", "python", "", "", "", "", "", "", "", "", "no"),
                                     ("Ana", "mentee")])
def test_no_consent_or_no_more_answers_writes_nothing(
        answers: tuple[str, ...], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    project = write_project(tmp_path, HUB)
    answer(monkeypatch, *answers)
    assert main(["new", "person", "--interactive", "--project", str(project)]) == 1
    assert "nothing was written" in capsys.readouterr().err
    assert not (project / "content/people/ana.md").exists()


def test_without_a_terminal_or_title_it_says_what_to_do(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = write_project(tmp_path, HUB)
    assert main(["new", "person", "--no-input", "--project", str(project)]) == 1
    assert "give the name or title" in capsys.readouterr().err
