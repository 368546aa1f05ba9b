"""scripts/setup.sh runs pip only when it must (scripts/build.sh calls it before every build).

Run against a stand-in Python that logs what it is asked to do, so no package is installed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import REPO

FAKE_PYTHON = """#!/bin/sh
echo "$*" >> "$(dirname "$0")/../../python.log"
"""


@pytest.fixture()
def checkout(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    (root / "scripts").mkdir(parents=True)
    shutil.copy(REPO / "scripts/setup.sh", root / "scripts/setup.sh")
    (root / "pyproject.toml").write_text("[project]\nname = 'x'\n", encoding="utf-8")
    for name in ("python", "mentorhub"):  # an existing .venv with the editable install
        path = root / ".venv/bin" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(FAKE_PYTHON, encoding="utf-8")
        path.chmod(0o755)
    return root


def setup(root: Path, *args: str, **env: str) -> list[str]:
    """Run setup.sh; the pip commands it ran."""
    log = root / "python.log"
    log.unlink(missing_ok=True)
    subprocess.run(["bash", str(root / "scripts/setup.sh"), *args], check=True, timeout=60,
                   env={**os.environ, "PYTHON": str(root / ".venv/bin/python"), **env})
    ran = log.read_text(encoding="utf-8").splitlines() if log.exists() else []
    return [line for line in ran if "pip install" in line]


def test_pip_runs_once_then_only_when_pyproject_changes(checkout: Path) -> None:
    assert setup(checkout) == ["-m pip install --quiet --disable-pip-version-check --upgrade pip",
                               "-m pip install --quiet --disable-pip-version-check -e ."]
    assert setup(checkout) == []  # the second build.sh run: no pip at all
    stamp = checkout / ".venv/.mentorhub-installed"
    os.utime(checkout / "pyproject.toml", (stamp.stat().st_mtime + 5,) * 2)
    assert setup(checkout)[-1].endswith("-e .")  # new dependencies: install again
    assert setup(checkout, MENTORHUB_REINSTALL="1")[-1].endswith("-e .")


def test_a_test_install_covers_a_plain_one_but_not_the_reverse(checkout: Path) -> None:
    assert setup(checkout)[-1].endswith("-e .")
    assert setup(checkout, "--test")[-1].endswith("-e .[test]")
    assert setup(checkout, "--test") == []
    assert setup(checkout) == []


def test_a_missing_install_or_another_checkout_installs_again(checkout: Path, tmp_path: Path) -> None:
    setup(checkout)
    (checkout / ".venv/bin/mentorhub").unlink()
    assert setup(checkout)[-1].endswith("-e .")
    moved = tmp_path / "moved"
    checkout.rename(moved)  # the stamp names the old folder
    assert setup(moved)[-1].endswith("-e .")
