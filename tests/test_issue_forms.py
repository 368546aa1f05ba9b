"""Issue forms for what is not a pull request: in this repository and in new hubs."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
import yaml

from mentorhub.commands.cli import main

from test_workflows import REPO, WORKFLOWS, tool

FORMS = ("remove-profile.yml", "report-profile.yml", "suggest-resource.yml")
FOLDERS = {
    "repository": REPO / ".github" / "ISSUE_TEMPLATE",
    "scaffold": REPO / "plugins" / "mentorhub" / "scaffold" / "dot-github" / "ISSUE_TEMPLATE",
}


@pytest.fixture(scope="module")
def new_hub(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("hub")
    assert main(["init", str(root), "--no-input", "--name", "Hub", "--repository", "o/hub",
                 "--engine", "mentorhub"]) == 0
    return root / ".github" / "ISSUE_TEMPLATE"


def _folders(new_hub: Path) -> list[Path]:
    return [FOLDERS["repository"], new_hub]


@pytest.mark.parametrize("name", FORMS)
def test_each_form_parses_and_has_what_github_needs(name: str, new_hub: Path) -> None:
    for folder in _folders(new_hub):
        form = yaml.safe_load((folder / name).read_text(encoding="utf-8"))
        assert {"name", "description", "body"} <= form.keys()
        ids = [item["id"] for item in form["body"] if item["type"] != "markdown"]
        assert len(ids) == len(set(ids))
        assert any(item.get("validations", {}).get("required") for item in form["body"])


def test_the_forms_pass_githubs_schema_offline(new_hub: Path) -> None:
    for folder in _folders(new_hub):
        forms = [str(folder / name) for name in FORMS]
        for schema, paths in (("vendor.github-issue-forms", forms),
                              ("vendor.github-issue-config", [str(folder / "config.yml")])):
            result = subprocess.run([tool("check-jsonschema"), "--builtin-schema", schema, *paths],
                                    capture_output=True, text=True, timeout=120, check=False)
            assert result.returncode == 0, result.stdout + result.stderr


def test_the_schema_check_would_fail_on_a_broken_form(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yml"
    broken.write_text("name: x\nbody:\n  - type: input\n", encoding="utf-8")  # no description, label
    result = subprocess.run([tool("check-jsonschema"), "--builtin-schema", "vendor.github-issue-forms",
                             str(broken)], capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode != 0


def test_report_form_has_the_profile_field_the_profile_link_fills(new_hub: Path) -> None:
    form = yaml.safe_load((FOLDERS["repository"] / "report-profile.yml").read_text(encoding="utf-8"))
    assert "profile" in [item.get("id") for item in form["body"]]


def test_new_hub_forms_match_the_repositorys(new_hub: Path) -> None:
    for name in FORMS:
        assert (new_hub / name).read_bytes() == (FOLDERS["repository"] / name).read_bytes()


def test_no_workflow_turns_issues_into_commits() -> None:
    for path in sorted(WORKFLOWS.glob("*.yml")):
        workflow = yaml.safe_load(path.read_text(encoding="utf-8"))
        triggers = workflow.get(True, workflow.get("on", {}))  # YAML 1.1 reads `on` as true
        names = triggers if isinstance(triggers, list | str) else list(triggers or {})
        assert "issues" not in names and "issue_comment" not in names, path.name
