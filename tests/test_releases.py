"""Releases: the version, CHANGELOG.md, the pin `init` writes, and `init --check`'s changelog."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

import mentorhub
import mentorhub.releases as releases
from mentorhub.commands import init as init_command
from mentorhub.commands.cli import main
from mentorhub.releases import Installed, changelog_text, parse_changelog, pinned_version, releases_between
from mentorhub.releases.changelog import changelog_in_metadata
from mentorhub.releases.installed import requirement_for

from conftest import REPO

SECTIONS = {"Added", "Changed", "Deprecated", "Removed", "Fixed", "Security", "Upgrading"}
COMMIT = "a" * 40
FAKE_CHANGELOG = """# Changelog

## [Unreleased]

## [0.4.0] - 2027-03-01

### Added

- Four.

## [0.3.0] - 2027-02-01

### Upgrading

- Add `- mentorhub-three` under `plugins:`.

## [0.2.0] - 2027-01-01

### Fixed

- Two.

## [0.1.0] - 2026-12-06

### Added

- One.

[0.1.0]: https://example.org/v0.1.0
"""


# -- the version and the changelog ----------------------------------------------------------


def test_one_version_everywhere_and_it_is_the_newest_release() -> None:
    version = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    assert mentorhub.__version__ == version
    releases = parse_changelog((REPO / "CHANGELOG.md").read_text(encoding="utf-8"))
    assert releases[0].name == "Unreleased"
    assert releases[1].name == version and re.fullmatch(r"\d{4}-\d{2}-\d{2}", releases[1].date)


def test_the_changelog_keeps_a_changelog() -> None:
    text = (REPO / "CHANGELOG.md").read_text(encoding="utf-8")
    assert text.startswith("# Changelog\n")
    releases = parse_changelog(text)
    versions = [r.key for r in releases[1:]]
    assert versions == sorted(versions, reverse=True), "newest first"
    for release in releases:
        assert set(re.findall(r"^### (.+)$", release.text, re.MULTILINE)) <= SECTIONS, release.name
        assert f"[{release.name}]: https://" in text  # each heading links its diff or tag


def test_version_prints_the_version_and_where_it_came_from(capsys: pytest.CaptureFixture[str],
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(releases, "installed_engine",
                        lambda: Installed("0.1.0", f"mentorhub @ git+https://github.com/o/mentorhub@{COMMIT}"))
    with pytest.raises(SystemExit) as exited:
        main(["--version"])
    assert exited.value.code == 0
    assert capsys.readouterr().out == f"mentorhub 0.1.0 (git+https://github.com/o/mentorhub@{COMMIT})\n"


# -- what init pins -------------------------------------------------------------------------


@pytest.mark.parametrize(("direct_url", "requirement", "warns"), [
    (None, "mentorhub==0.1.0", False),  # from an index: the version is there
    ({"url": "https://github.com/o/mentorhub.git", "vcs_info": {"vcs": "git", "commit_id": COMMIT,
                                                                "requested_revision": "v0.1.0"}},
     f"mentorhub @ git+https://github.com/o/mentorhub.git@{COMMIT}", False),
    ({"url": "https://example.org/mentorhub-0.1.0-py3-none-any.whl",
      "archive_info": {"hashes": {"sha256": "b" * 64}}},
     f"mentorhub @ https://example.org/mentorhub-0.1.0-py3-none-any.whl#sha256={'b' * 64}", False),
    ({"url": "file:///home/me/mentorhub", "dir_info": {"editable": True}},
     "mentorhub @ file:///home/me/mentorhub", True),
    ({"url": "file:///tmp/mentorhub-0.1.0-py3-none-any.whl", "archive_info": {}},
     "mentorhub @ file:///tmp/mentorhub-0.1.0-py3-none-any.whl", True),
    ({"url": "https://hg.example.org/mentorhub", "vcs_info": {"vcs": "hg"}}, "", True),
], ids=["index", "git", "wheel-url", "folder", "local-wheel", "vcs-no-commit"])
def test_the_pin_is_what_pip_installed(direct_url: dict[str, object] | None, requirement: str,
                                       warns: bool) -> None:
    installed = requirement_for("0.1.0", direct_url)
    assert installed.requirement == requirement
    assert bool(installed.warning) == warns
    assert "==" not in installed.requirement or direct_url is None  # never a version by name otherwise


def test_init_writes_the_installed_pin_and_its_version(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    folder = Installed("0.1.0", "mentorhub @ file:///home/me/mentorhub", "installed from a folder")
    monkeypatch.setattr(init_command, "installed_engine", lambda: folder)
    assert main(["init", str(tmp_path / "hub"), "--no-input"]) == 0
    text = (tmp_path / "hub/requirements.txt").read_text(encoding="utf-8")
    assert text.endswith("# mentorhub version: 0.1.0   (`mentorhub init --check` reads it; keep it with "
                         "the pin)\nmentorhub @ file:///home/me/mentorhub\n")
    assert "warning: installed from a folder" in capsys.readouterr().err


@pytest.mark.parametrize(("text", "version"), [
    ("mentorhub==0.2.0\n", "0.2.0"),
    ("mentorhub @ git+https://github.com/o/mentorhub@v0.3.1\n", "0.3.1"),
    ("mentorhub @ https://x.org/releases/download/v1.0.0/mentorhub-1.0.0-py3-none-any.whl\n", "1.0.0"),
    (f"# mentorhub version: 0.2.0 (a note)\nmentorhub @ git+https://x.org/mentorhub@{COMMIT}\n", "0.2.0"),
    (f"mentorhub @ git+https://github.com/o/mentorhub@{COMMIT}\n", None),
    ("#   mentorhub @ git+https://github.com/<owner>/mentorhub@v9.9.9\n", None),  # a comment
])
def test_the_pinned_version_is_read_from_requirements(text: str, version: str | None) -> None:
    assert pinned_version(text) == version


# -- init --check: what changed since the pin -----------------------------------------------


def test_releases_between_a_pin_and_the_engine() -> None:
    releases = parse_changelog(FAKE_CHANGELOG)
    assert [r.name for r in releases_between(releases, "0.1.0", "0.3.0")] == ["0.3.0", "0.2.0"]
    assert releases_between(releases, "0.3.0", "0.3.0") == []
    assert releases[-1].text == "### Added\n\n- One."  # the link list is not part of a release


@pytest.fixture()
def pinned_hub(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "hub"
    assert main(["init", str(root), "--no-input", "--engine",
                 "mentorhub @ git+https://github.com/o/mentorhub@v0.1.0"]) == 0
    monkeypatch.setattr(init_command, "installed_engine",
                        lambda: Installed("0.3.0", f"mentorhub @ git+https://github.com/o/mentorhub@{COMMIT}"))
    monkeypatch.setattr(init_command, "changelog_text", lambda: FAKE_CHANGELOG)
    return root


def test_init_check_prints_the_changes_since_the_pin(pinned_hub: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert main(["init", "--check", str(pinned_hub)]) == 0
    out = capsys.readouterr().out
    assert "What changed since the hub's pin (0.1.0) up to the installed engine (0.3.0 (git+" in out
    assert "## 0.3.0 (2027-02-01)\n\n### Upgrading\n\n- Add `- mentorhub-three` under `plugins:`." in out
    assert "## 0.2.0 (2027-01-01)" in out
    assert "Four." not in out and "One." not in out and "Unreleased" not in out
    assert main(["init", "--check", str(pinned_hub), "--since", "0.2.0"]) == 0
    assert "## 0.2.0" not in capsys.readouterr().out


def test_init_check_is_quiet_when_the_hub_pins_this_engine(pinned_hub: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    requirements = pinned_hub / "requirements.txt"
    requirements.write_text(requirements.read_text(encoding="utf-8").replace(
        "@v0.1.0", f"@{COMMIT}"), encoding="utf-8")
    capsys.readouterr()
    assert main(["init", "--check", str(pinned_hub)]) == 0
    assert "What changed" not in capsys.readouterr().out


# -- from an installed wheel ----------------------------------------------------------------


def test_the_changelog_of_this_checkout_is_read() -> None:
    assert changelog_text() == (REPO / "CHANGELOG.md").read_text(encoding="utf-8")


@pytest.mark.build
def test_an_installed_wheel_carries_its_changelog(tmp_path: Path) -> None:
    """Built and installed like a hub installs it: the changelog comes from the metadata."""
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--wheel-dir",
                    str(tmp_path / "dist"), str(REPO)], check=True, timeout=600, capture_output=True)
    (wheel,) = (tmp_path / "dist").glob("mentorhub-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        (name,) = [n for n in archive.namelist() if n.endswith(".dist-info/METADATA")]
        metadata = archive.read(name).decode("utf-8")
    changelog = (REPO / "CHANGELOG.md").read_text(encoding="utf-8")
    assert changelog_in_metadata(metadata).strip() == changelog.strip()
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(target),
                    str(wheel)], check=True, timeout=600, capture_output=True)
    code = ("import mentorhub.releases as r; from pathlib import Path; "
            "assert Path(r.__file__).is_relative_to(Path(__import__('sys').argv[1])); "
            "print(r.changelog_text(), end='')")
    result = subprocess.run([sys.executable, "-c", code, str(target)], env={"PYTHONPATH": str(target)},
                            capture_output=True, text=True, timeout=120, check=True)
    assert result.stdout.strip() == changelog.strip()
