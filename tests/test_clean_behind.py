"""`mkdocs build` over a previous build (mkdocs/clean_behind.py): the old files go, in the background."""

from __future__ import annotations

from pathlib import Path

from mentorhub.mkdocs.clean_behind import TRASH_PREFIX, CleanBehind

from conftest import MENTOR_MO, run_mkdocs, write_project


def _old_site(site: Path) -> None:
    (site / "people" / "gone").mkdir(parents=True)
    (site / "people" / "gone" / "index.html").write_text("old page", encoding="utf-8")
    (site / "stale.html").write_text("old", encoding="utf-8")
    (site / ".git").mkdir()
    (site / ".git" / "HEAD").write_text("ref: refs/heads/gh-pages\n", encoding="utf-8")


def test_the_old_entries_are_moved_aside_at_once_and_deleted_by_wait(tmp_path: Path) -> None:
    site = tmp_path / "site"
    _old_site(site)
    (site / f"{TRASH_PREFIX}1").mkdir()  # left by a build that was killed
    (site / f"{TRASH_PREFIX}1" / "x.html").write_text("older", encoding="utf-8")
    cleaner = CleanBehind()
    cleaner.start(site)
    # MkDocs' cleaning, which runs next, finds only what it leaves alone (hidden entries).
    assert sorted(p.name for p in site.iterdir() if not p.name.startswith(TRASH_PREFIX)) == [".git"]
    cleaner.wait()
    assert sorted(p.name for p in site.iterdir()) == [".git"]
    assert (site / ".git" / "HEAD").is_file()


def test_nothing_to_move_starts_nothing(tmp_path: Path) -> None:
    cleaner = CleanBehind()
    cleaner.start(tmp_path / "missing")
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / ".nojekyll").write_text("", encoding="utf-8")
    cleaner.start(tmp_path / "site")
    assert cleaner._process is None
    cleaner.wait()
    assert [p.name for p in (tmp_path / "site").iterdir()] == [".nojekyll"]


def test_a_build_over_an_old_site_leaves_only_the_new_site_and_hidden_entries(tmp_path: Path) -> None:
    project = write_project(tmp_path, {"content/people/mo.md": MENTOR_MO})
    _old_site(project / "site")
    result = run_mkdocs(project, "--strict")
    assert result.returncode == 0, result.stderr
    site = project / "site"
    assert (site / "people" / "mo" / "index.html").is_file()
    assert not (site / "people" / "gone").exists() and not (site / "stale.html").exists()
    assert (site / ".git" / "HEAD").is_file()
    assert not [p for p in site.iterdir() if p.name.startswith(TRASH_PREFIX)]
