"""Shared test helpers: small sites written on the fly, and the demo hub built once."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parent.parent
#: The engine's rich fixture hub: a frozen copy of the demo as of December 2026 (people,
#: resources, sessions, stories, drafts, private fields). Engine tests read this, never
#: the repository's own content/, which any hub may replace (tests/test_smoke_demo.py).
SHOWCASE = REPO / "tests" / "fixtures" / "showcase"
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

#: Two valid people that small test hubs build on.
MENTOR_MO = """\
---
name: Mo Mentor
roles: [mentor]
languages: [en]
offers: [python]
consent: true
---
"""

#: A mentor with room for two and the mentee she mentors (KPI fixtures).
MIA_MENTOR = """\
---
name: Mia Mentor
roles: [mentor]
languages: [en]
offers: [python]
capacity: 2
consent: true
joined: 2026-10-01
---
"""
TEA_MENTEE = """\
---
name: Tea Mentee
roles: [mentee]
languages: [en]
seeks: [python, grant-writing]
mentors: [mia]
consent: true
---
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


def copy_demo(destination: Path, source_root: Path = SHOWCASE) -> Path:
    """A copy of a hub (config, content, overrides, hooks, records; the showcase by default) to build."""
    destination.mkdir(parents=True, exist_ok=True)
    for name in ("mkdocs.yml", "content", "overrides", "hooks", "records"):
        source = source_root / name
        if source.is_dir():
            shutil.copytree(source, destination / name, symlinks=True)
        elif source.exists():
            shutil.copy2(source, destination / name)
    return destination


#: The engine's own small hub (every record type and plugin); tests build copies of it.
FIXTURE_HUB = REPO / "tests" / "fixtures" / "hub"


def copy_fixture_hub(destination: Path) -> Path:
    """A fresh copy of tests/fixtures/hub to build or change."""
    shutil.copytree(FIXTURE_HUB, destination, dirs_exist_ok=True,
                    ignore=shutil.ignore_patterns("site", "reports"))
    return destination


@pytest.fixture(scope="session")
def fixture_hub_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture hub, built once per session with `--strict`; returns the project folder."""
    project = copy_fixture_hub(tmp_path_factory.mktemp("fixture-hub"))
    result = run_mkdocs(project, "--strict")
    assert result.returncode == 0, result.stderr
    return project


@pytest.fixture(scope="session")
def demo_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The showcase hub (tests/fixtures/showcase), built once per session with `--strict`."""
    project = copy_demo(tmp_path_factory.mktemp("demo"))
    result = run_mkdocs(project, "--strict")
    assert result.returncode == 0, result.stderr
    return project


@pytest.fixture(scope="session")
def demo_site(demo_build: Path) -> Path:
    """The built showcase site folder."""
    return demo_build / "site"


# -- browser tests (tests/test_browser*.py; helpers in browser_support.py) -------------------


@pytest.fixture(scope="session")
def demo_url(demo_site: Path) -> Iterator[str]:
    """The built demo site, served on 127.0.0.1 for the length of the session."""
    from browser_support import serve, site_mount

    with serve(demo_site, site_mount(demo_site.parent)) as url:
        yield url


@pytest.fixture(scope="session")
def chromium() -> Iterator[Any]:
    """Headless Debian Chromium through Playwright; skips (fails in CI) when unavailable."""
    from browser_support import CHROMIUM_ARGS, chromium_path, require

    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        require(False, "Playwright is not installed (pip install -e '.[test]')")
    executable = chromium_path()
    require(executable is not None, "Chromium is not installed (apt-get install chromium)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def browser_page(chromium: Any, demo_url: str) -> Iterator[Any]:
    """A fresh page that fails the test on any console error or non-localhost request."""
    from urllib.parse import urlsplit

    context = chromium.new_context()
    page = context.new_page()
    page.set_default_timeout(15_000)
    errors: list[str] = []
    foreign: list[str] = []
    page.on("console", lambda m: errors.append(f"console.{m.type}: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(f"uncaught: {e}"))
    # The console's "Failed to load resource" does not say which: record the URL too.
    page.on("response", lambda r: errors.append(f"HTTP {r.status}: {r.url}") if r.status >= 400 else None)
    page.on("request", lambda r: None if urlsplit(r.url).hostname in ("127.0.0.1", None)
            or r.url.startswith(("data:", "blob:")) else foreign.append(r.url))
    yield page
    context.close()
    assert not errors, f"console errors: {errors}"
    assert not foreign, f"requests to hosts other than localhost: {foreign}"
