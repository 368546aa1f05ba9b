"""The one test that reads the repository's own hub (the demo in content/): it builds and verifies.

Every other test builds fixtures under tests/ (the fixture hub, the showcase, generated
and `mentorhub init` hubs), so the engine's suite passes whatever content/ holds;
scripts/test-without-demo.sh proves it by running the suite with content/ replaced by an
empty `mentorhub init` hub. Set MENTORHUB_SMOKE_HUB to a hub's folder to smoke-test
that hub instead of this repository's.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from mentorhub.commands.cli import main
from mentorhub.hub.site_config import read_config

from conftest import REPO, copy_demo, run_mkdocs

HUB = Path(os.environ.get("MENTORHUB_SMOKE_HUB") or REPO)
#: What only this module may read: the repository's hub, not the engine's fixtures.
HUB_PATHS = re.compile(r'REPO\s*/\s*"(content|mkdocs\.yml|overrides|hooks|records)\b')


@pytest.mark.build
def test_the_repositorys_hub_checks_builds_and_verifies(tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    project = copy_demo(tmp_path / "hub", source_root=HUB)
    assert main(["check", "--project", str(project)]) == 0, capsys.readouterr().err
    result = run_mkdocs(project, "--strict")
    assert result.returncode == 0, result.stderr
    assert main(["verify", "--project", str(project)]) == 0, capsys.readouterr().out


@pytest.mark.build
def test_the_demo_year_builds_the_lifecycle_section(tmp_path: Path) -> None:
    """The demo's relationship records (records/, DEMO-ONLY keys) open, validate and publish."""
    if not (HUB / "records").is_dir():
        pytest.skip("this hub keeps no relationship records")
    project = copy_demo(tmp_path / "hub", source_root=HUB)
    result = run_mkdocs(project, "--strict")
    assert result.returncode == 0, result.stderr
    lifecycle = json.loads((project / "site" / "kpi.json").read_text(encoding="utf-8"))["lifecycle"]
    assert lifecycle["published"] is True and lifecycle["relationships"]["started"] >= 20


def test_no_other_test_reads_the_repositorys_hub() -> None:
    here = Path(__file__)
    readers = [f"{path.name}:{number}: {line.strip()}"
               for path in sorted(here.parent.glob("*.py")) if path != here
               for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
               if HUB_PATHS.search(line)]
    assert readers == [], "use the fixtures under tests/ (conftest.SHOWCASE, FIXTURE_HUB) instead"


def test_the_readmes_preview_url_follows_site_url() -> None:
    """`mkdocs serve` serves under site_url's path: the README must send readers there."""
    config = read_config(REPO / "mkdocs.yml")
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    previews = re.findall(r"http://127\.0\.0\.1:8000[^\s>)`]*", readme)
    assert previews, "the README should say where the preview is"
    assert set(previews) == {f"http://127.0.0.1:8000{config.base_path}"}
