"""The `mentorhub` command line: check and new."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from mentorhub.commands.cli import main
from mentorhub.hub.loader import load_hub

from conftest import SHOWCASE, write_project


def run_cli(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "mentorhub.commands.cli", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, check=False, timeout=120)


def test_check_passes_on_the_demo() -> None:
    result = run_cli("check", cwd=SHOWCASE)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("OK: ")


def test_check_lists_every_problem_and_exits_1(tmp_path: Path) -> None:
    project = write_project(tmp_path, {
        "content/people/a.md": "---\nname: A\nroles: [peer]\nlanguages: [xx]\nconsent: true\n---\n",
        "content/people/b.md": "---\nname: B\nroles: [peer]\nlanguages: [en]\nconsent: no\n---\n",
    })
    result = run_cli("check", cwd=project)
    assert result.returncode == 1
    assert "content/people/a.md:4: languages: 'xx' is not an ISO 639-1 language code" in result.stderr
    assert "content/people/b.md:5: consent: expected true or false, got 'no'" in result.stderr
    assert "\n2 problems found." in result.stderr
    assert "Traceback" not in result.stderr


def test_check_prints_github_annotations_in_actions(tmp_path: Path) -> None:
    project = write_project(tmp_path, {
        "content/people/a.md": "---\nname: A\nroles: [peer]\nlanguages: [xx]\nconsent: true\n---\n",
    })
    import os

    result = run_cli("check", cwd=project, env={**os.environ, "GITHUB_ACTIONS": "true"})
    assert result.returncode == 1
    assert result.stdout.startswith("::error file=content/people/a.md,line=4,title=languages::")


@pytest.mark.parametrize("kind", ["person", "resource", "story", "session"])
def test_new_writes_a_well_formed_file(kind: str, tmp_path: Path) -> None:
    project = write_project(tmp_path, {})
    assert main(["new", kind, "Zoë Example Title", "--project", str(project)]) == 0
    written = list((project / "content").rglob("*.md"))
    assert len(written) == 1
    result = load_hub(project / "content", display_root=project)
    # Well-formed, but not publishable until the contributor answers: only FILL IN lines fail.
    assert result.problems and {p.message for p in result.problems} == {"fill in this field"}
    if kind == "session":
        assert written[0].name.endswith("-zoe-example-title.md")
    else:
        assert written[0].name == "zoe-example-title.md"


def test_new_refuses_to_overwrite(tmp_path: Path) -> None:
    project = write_project(tmp_path, {})
    assert main(["new", "person", "Ana", "--project", str(project)]) == 0
    assert main(["new", "person", "Ana", "--project", str(project)]) == 1


def test_check_imports_only_what_it_needs() -> None:
    """`check` runs before every pull request: no rendering, matching or KPI imports."""
    code = (
        "import sys\nfrom mentorhub.commands.cli import main\n"
        f"assert main(['check', '--project', {str(SHOWCASE)!r}]) == 0\n"
        "heavy = [m for m in ('mentorhub.site.render', 'mentorhub.matching', 'mentorhub.impact.kpis',"
        " 'jinja2')"
        " if m in sys.modules]\nassert heavy == [], heavy\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=False, timeout=120)
    assert result.returncode == 0, result.stderr


def test_one_problem_reads_in_the_singular(tmp_path: Path) -> None:
    project = write_project(tmp_path, {
        "content/people/a.md": "---\nname: A\nroles: [peer]\nlanguages: [xx]\nconsent: true\n---\n",
    })
    result = run_cli("check", cwd=project)
    assert result.returncode == 1
    assert result.stderr.rstrip().endswith("\n1 problem found.")


def test_check_counts_read_in_the_singular_and_plural(tmp_path: Path) -> None:
    project = write_project(tmp_path, {
        "content/people/a.md": "---\nname: A\nroles: [peer]\nlanguages: [en]\nconsent: true\n---\n",
    })
    result = run_cli("check", cwd=project)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "OK: 1 person, 0 resources, 0 sessions, 0 stories, 3 skills."
