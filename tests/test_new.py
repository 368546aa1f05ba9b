"""`mentorhub new`: safe ids from any title, and never a write through a symlink."""

from __future__ import annotations

from pathlib import Path

import pytest

from mentorhub.commands.cli import main
from mentorhub.commands.new_ids import MAX_ID_LENGTH, IdError, id_from_title
from mentorhub.hub.loader import load_hub

from conftest import write_project


def new(project: Path, *args: str) -> int:
    return main(["new", *args, "--project", str(project)])


def written(project: Path) -> list[str]:
    return sorted(p.relative_to(project / "content").as_posix()
                  for p in (project / "content").rglob("*.md"))


@pytest.mark.parametrize(("title", "expected"), [
    ("Zoë Example", "zoe-example"),
    ("José Álvarez-Núñez", "jose-alvarez-nunez"),
    ("Straße & Søren Œuvre", "strasse-soren-oeuvre"),
    ("Łukasz Dvořák", "lukasz-dvorak"),
    ("  Grant writing: 101!  ", "grant-writing-101"),
])
def test_latin_titles_are_transliterated(title: str, expected: str) -> None:
    assert id_from_title(title) == expected


@pytest.mark.parametrize("title", ["李雷", "Алия", "Алия Smith", "محمد", "🎉🎉", "!!!"])
def test_titles_without_a_safe_spelling_ask_for_an_id(title: str, tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    project = write_project(tmp_path, {})
    assert new(project, "person", title) == 1
    assert "--id" in capsys.readouterr().err
    assert written(project) == []  # not people/group.md, nor people/smith.md


def test_an_explicit_id_names_the_file(tmp_path: Path) -> None:
    project = write_project(tmp_path, {})
    assert new(project, "person", "李雷", "--id", "li-lei") == 0
    assert written(project) == ["people/li-lei.md"]
    assert "\nname: 李雷\n" in (project / "content/people/li-lei.md").read_text(encoding="utf-8")
    result = load_hub(project / "content", display_root=project)
    assert {p.message for p in result.problems} == {"fill in this field"}  # the placeholders only


@pytest.mark.parametrize("bad", ["Li Lei", "../escape", "a/b", "_x", "x" * (MAX_ID_LENGTH + 1), ""])
def test_a_bad_explicit_id_is_refused(bad: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = write_project(tmp_path, {})
    assert new(project, "person", "Li Lei", "--id", bad) == 1
    assert "mentorhub new: " in capsys.readouterr().err
    assert written(project) == []


def test_a_300_character_title_gives_a_shortened_id(tmp_path: Path) -> None:
    project = write_project(tmp_path, {})
    title = " ".join(["Mentoring"] * 30)  # 299 characters
    assert new(project, "session", title) == 0
    (name,) = written(project)
    assert len(Path(name).stem) <= MAX_ID_LENGTH
    assert Path(name).stem.endswith("-mentoring")  # cut at a word boundary
    assert new(project, "person", "x" * 300) == 0
    assert f"people/{'x' * MAX_ID_LENGTH}.md" in written(project)


@pytest.mark.parametrize(("kind", "title"), [("person", "Index"), ("person", "Mentors"),
                                             ("resource", "By topic"), ("story", "Page")])
def test_reserved_ids_are_refused_with_a_word(kind: str, title: str, tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    project = write_project(tmp_path, {})
    assert new(project, kind, title) == 1
    assert "reserved for a listing page" in capsys.readouterr().err
    assert written(project) == []


def test_refuses_to_write_through_a_dangling_symlink(tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    project = write_project(tmp_path / "hub", {"content/people/.keep": ""})
    target = tmp_path / "outside.md"
    (project / "content" / "people" / "ana.md").symlink_to(target)
    assert new(project, "person", "Ana") == 1
    assert "symbolic link" in capsys.readouterr().err
    assert not target.exists()


def test_refuses_to_write_into_a_symlinked_folder(tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    project = write_project(tmp_path / "hub", {})
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (project / "content" / "people").symlink_to(outside, target_is_directory=True)
    assert new(project, "person", "Ana") == 1
    assert "symbolic link" in capsys.readouterr().err
    assert list(outside.iterdir()) == []


def test_refuses_an_id_already_used_in_a_subfolder(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    project = write_project(tmp_path, {"content/people/2025/ana.md": "---\nname: Ana\n---\n"})
    assert new(project, "person", "Ana") == 1
    assert "already uses the id 'ana'" in capsys.readouterr().err


def test_a_failed_write_is_a_message_not_a_traceback(tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    project = write_project(tmp_path, {"content/people": "not a folder"})
    assert new(project, "person", "Ana") == 1
    assert "cannot write" in capsys.readouterr().err


def test_id_from_title_raises_id_error_only() -> None:
    with pytest.raises(IdError):
        id_from_title("\x00\u202e")
