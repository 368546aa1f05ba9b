"""Shared test helpers: small sites written on the fly, and the demo hub built once."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Mapping
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
#: 2026-11-22T00:00:00Z: every test build describes the same day.
EPOCH = "1795305600"

MINIMAL_SKILLS = """\
python:
  label: Python
  category: Technology
  aliases: [py]
public-speaking:
  label: Public speaking
  category: Communication
  aliases: [presenting]
grant-writing:
  label: Grant writing
  category: Community
"""

MINIMAL_CONFIG = """\
site_name: Test hub
docs_dir: content
theme:
  name: material
  font: false
plugins:
  - mentorhub
"""


def write_project(root: Path, files: Mapping[str, str], config: str = MINIMAL_CONFIG) -> Path:
    """Write mkdocs.yml and `files` (paths relative to the project) under `root`."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    files = {"content/skills.yml": MINIMAL_SKILLS, **files}
    for relative, text in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return root


def run_mkdocs(project: Path, *args: str, epoch: str = EPOCH) -> subprocess.CompletedProcess[str]:
    """`mkdocs build` in `project`, as a user would run it."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": epoch, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", *args],
        cwd=project, env=env, capture_output=True, text=True, timeout=600, check=False,
    )


def copy_demo(destination: Path) -> Path:
    """A copy of the demo project (config, content, overrides, hooks) to build in isolation."""
    destination.mkdir(parents=True, exist_ok=True)
    for name in ("mkdocs.yml", "content", "overrides", "hooks"):
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, destination / name, symlinks=True)
        elif source.exists():
            shutil.copy2(source, destination / name)
    return destination


@pytest.fixture(scope="session")
def demo_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo hub, built once per test session with `--strict`; returns the project folder."""
    project = copy_demo(tmp_path_factory.mktemp("demo"))
    result = run_mkdocs(project, "--strict")
    assert result.returncode == 0, result.stderr
    return project


@pytest.fixture(scope="session")
def demo_site(demo_build: Path) -> Path:
    """The built demo site folder."""
    return demo_build / "site"
