"""The GitHub workflows: audited by zizmor, valid against GitHub's schema, least privilege.

Each check is also run on a deliberately bad workflow, so a tool that silently
stopped finding anything would fail here instead of passing vacuously.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

REPO = Path(__file__).resolve().parent.parent
WORKFLOWS = REPO / ".github" / "workflows"
BIN = Path(sys.executable).parent
PINNED = re.compile(r"[^@\s]+@[0-9a-f]{40}\Z")
VERSION_COMMENT = re.compile(r"#\s*v\d+(\.\d+)*\b")

BAD_WORKFLOW = """\
on: pull_request_target
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          ref: ${{ github.event.pull_request.head.sha }}
      - run: echo "${{ github.event.pull_request.title }}"
"""


def workflow_files() -> list[Path]:
    files = sorted([*WORKFLOWS.glob("*.yml"), *WORKFLOWS.glob("*.yaml")])
    assert files, "no workflows found"
    return files


def load(path: Path) -> dict[Any, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def triggers(workflow: dict[Any, Any]) -> dict[str, Any]:
    # PyYAML (YAML 1.1) reads the key `on` as True.
    on = workflow.get("on", workflow.get(True))
    if isinstance(on, str):
        return {on: None}
    if isinstance(on, list):
        return dict.fromkeys(on)
    assert isinstance(on, dict)
    return on


def unpinned_uses(text: str) -> list[str]:
    """Every `uses:` line that is not pinned to a full commit SHA with a version comment."""
    bad = []
    for number, line in enumerate(text.splitlines(), 1):
        match = re.match(r"\s*(?:-\s*)?uses:\s*(\S+)(.*)", line)
        if not match:
            continue
        target, rest = match.groups()
        target = target.strip("'\"")
        if target.startswith("./"):
            continue  # a local action or reusable workflow from this repository
        if not PINNED.match(target) or not VERSION_COMMENT.search(rest):
            bad.append(f"line {number}: {line.strip()}")
    return bad


def tool(name: str) -> str:
    path = BIN / name
    assert path.exists(), f"{name} is missing: run scripts/setup.sh --test"
    return str(path)


def zizmor(target: Path) -> tuple[int, list[dict[str, Any]]]:
    result = subprocess.run(
        [tool("zizmor"), "--offline", "--no-progress", "--format", "json", str(target)],
        capture_output=True, text=True, timeout=120, check=False,
    )
    findings = json.loads(result.stdout or "[]")
    return result.returncode, findings


# -- tools -------------------------------------------------------------------------------


def test_zizmor_offline_reports_nothing() -> None:
    code, findings = zizmor(WORKFLOWS)
    assert findings == [], json.dumps(findings, indent=2)[:4000]
    assert code == 0


def test_zizmor_offline_reports_nothing_on_dependabot_and_pre_commit() -> None:
    for target in (REPO / ".github" / "dependabot.yml", REPO / ".pre-commit-config.yaml"):
        code, findings = zizmor(target)
        assert findings == [], json.dumps(findings, indent=2)[:4000]
        assert code == 0


def test_zizmor_catches_a_dangerous_workflow(tmp_path: Path) -> None:
    (tmp_path / "bad.yml").write_text(BAD_WORKFLOW, encoding="utf-8")
    code, findings = zizmor(tmp_path / "bad.yml")
    found = {finding["ident"] for finding in findings}
    assert {"dangerous-triggers", "template-injection", "unpinned-uses", "artipacked"} <= found
    assert code != 0


@pytest.mark.parametrize("path", workflow_files(), ids=lambda p: p.name)
@pytest.mark.parametrize("schema", ["vendor.github-workflows", "custom.github-workflows-require-timeout"])
def test_workflow_matches_githubs_schema(path: Path, schema: str) -> None:
    result = subprocess.run(
        [tool("check-jsonschema"), "--builtin-schema", schema, str(path)],
        capture_output=True, text=True, timeout=120, check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_dependabot_keeps_the_action_pins_current() -> None:
    path = REPO / ".github" / "dependabot.yml"
    result = subprocess.run(
        [tool("check-jsonschema"), "--builtin-schema", "vendor.dependabot", str(path)],
        capture_output=True, text=True, timeout=120, check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    ecosystems = [u["package-ecosystem"] for u in load(path)["updates"]]
    assert "github-actions" in ecosystems


def test_schema_check_rejects_a_broken_workflow(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  build:\n    steps: not-a-list\n", encoding="utf-8")
    result = subprocess.run(
        [tool("check-jsonschema"), "--builtin-schema", "vendor.github-workflows", str(broken)],
        capture_output=True, text=True, timeout=120, check=False,
    )
    assert result.returncode != 0


# -- pinning -----------------------------------------------------------------------------


@pytest.mark.parametrize("path", workflow_files(), ids=lambda p: p.name)
def test_every_action_is_pinned_to_a_commit_sha(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert "uses:" in text
    assert unpinned_uses(text) == []


def test_pin_check_flags_tags_branches_and_short_shas() -> None:
    text = (
        "      - uses: actions/checkout@v4\n"
        "      - uses: actions/checkout@main # v4.2.2\n"
        "      - uses: actions/checkout@11bd719 # v4.2.2\n"
        "      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683\n"
        "      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2\n"
        "    uses: ./.github/workflows/reusable.yml\n"
    )
    assert [line.split(":")[0] for line in unpinned_uses(text)] == [
        "line 1", "line 2", "line 3", "line 4",
    ]


# -- least privilege and hygiene -----------------------------------------------------------


@pytest.mark.parametrize("path", workflow_files(), ids=lambda p: p.name)
def test_least_privilege(path: Path) -> None:
    workflow = load(path)
    assert workflow.get("permissions") == {}, "start from no permissions at the top"
    assert "pull_request_target" not in triggers(workflow)
    assert "workflow_run" not in triggers(workflow)
    for name, job in workflow["jobs"].items():
        permissions = job.get("permissions")
        assert isinstance(permissions, dict), f"job {name} must say which permissions it needs"
        uses = " ".join(str(step.get("uses", "")) for step in job.get("steps", []))
        if "actions/deploy-pages@" in uses:
            assert permissions == {"pages": "write", "id-token": "write"}
        elif "mentorhub nudges" in " ".join(str(step.get("run", "")) for step in job.get("steps", [])):
            assert permissions == {"contents": "read", "issues": "write"}  # the one issue it keeps
        else:
            assert permissions == {"contents": "read"}, f"job {name}: {permissions}"


@pytest.mark.parametrize("path", workflow_files(), ids=lambda p: p.name)
def test_checkouts_do_not_keep_credentials(path: Path) -> None:
    workflow = load(path)
    checkouts = [
        step for job in workflow["jobs"].values() for step in job.get("steps", [])
        if str(step.get("uses", "")).startswith("actions/checkout@")
    ]
    assert checkouts
    assert all(step.get("with", {}).get("persist-credentials") is False for step in checkouts)


@pytest.mark.parametrize("path", workflow_files(), ids=lambda p: p.name)
def test_builds_are_reproducible_and_cached(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    if "mkdocs build" in text:  # the nudges job builds nothing, and counts from today
        assert 'SOURCE_DATE_EPOCH=$(git log -1 --format=%ct)' in text
    workflow = load(path)
    for job in workflow["jobs"].values():
        for step in job.get("steps", []):
            if str(step.get("uses", "")).startswith("actions/setup-python@"):
                assert step["with"]["cache"] == "pip"
    for command in re.findall(r"(scripts/\S+\.sh)", text):
        assert (REPO / command).is_file(), f"{path.name} runs {command}, which does not exist"


def test_pull_requests_check_build_test_and_summarise() -> None:
    workflow = load(WORKFLOWS / "pr.yml")
    assert set(triggers(workflow)) == {"pull_request"}
    (job,) = workflow["jobs"].values()
    runs = "\n".join(str(step.get("run", "")) for step in job["steps"])
    assert "mentorhub check" in runs
    assert "mkdocs build --strict" in runs
    assert "scripts/test.sh" in runs
    assert re.search(r"mentorhub diff \S+ >> \"\$GITHUB_STEP_SUMMARY\"", runs)
    uploaded = {
        step["with"]["path"].rstrip("/") for step in job["steps"]
        if str(step.get("uses", "")).startswith("actions/upload-artifact@")
    }
    assert uploaded == {"site", "reports"}  # reports: gated, see below


def test_main_builds_once_then_deploys() -> None:
    workflow = load(WORKFLOWS / "deploy.yml")
    assert triggers(workflow)["push"] == {"branches": ["main"]}
    assert workflow["concurrency"]["group"]
    assert workflow["concurrency"]["cancel-in-progress"] is False
    jobs = workflow["jobs"]
    assert set(jobs) == {"build", "deploy"}
    assert jobs["deploy"]["needs"] == "build"
    build_uses = [str(step.get("uses", "")) for step in jobs["build"]["steps"]]
    assert any(u.startswith("actions/upload-pages-artifact@") for u in build_uses)
    assert [str(step.get("uses", "")).split("@")[0] for step in jobs["deploy"]["steps"]] == [
        "actions/deploy-pages"
    ]
    assert jobs["deploy"]["environment"]["name"] == "github-pages"
    runs = "\n".join(str(step.get("run", "")) for step in jobs["build"]["steps"])
    assert "mkdocs build --strict" in runs


# -- organizer reports ---------------------------------------------------------------------

REPORTS_GATE = "vars.MENTORHUB_UPLOAD_REPORTS == 'true' && github.event.repository.private"


def report_uploads(workflow: dict[Any, Any]) -> list[dict[str, Any]]:
    """Every step that uploads something under reports/ as a workflow artifact."""
    return [
        step for job in workflow["jobs"].values() for step in job.get("steps", [])
        if str(step.get("uses", "")).startswith("actions/upload-artifact@")
        and any(str(line).strip().startswith("reports")
                for line in str(step.get("with", {}).get("path", "")).splitlines())
    ]


def unguarded_report_uploads(workflow: dict[Any, Any]) -> list[str]:
    """Report uploads that would run on a public repository, or without the organizers' opt-in."""
    return [str(step.get("name", step["uses"])) for step in report_uploads(workflow)
            if REPORTS_GATE not in str(step.get("if", ""))]


@pytest.mark.parametrize("path", workflow_files(), ids=lambda p: p.name)
def test_reports_are_uploaded_only_by_an_opted_in_private_repository(path: Path) -> None:
    """Artifacts of a public repository can be downloaded by anyone signed in to GitHub."""
    assert unguarded_report_uploads(load(path)) == []


def test_report_upload_check_flags_an_unconditional_upload() -> None:
    step = {"uses": "actions/upload-artifact@" + "0" * 40, "with": {"path": "reports/"}}
    cancelled = {**step, "if": "${{ !cancelled() }}"}
    gated = {**step, "if": "${{ !cancelled() && " + REPORTS_GATE + " }}"}
    workflow = {"jobs": {"build": {"steps": [step, cancelled, gated]}}}
    assert len(unguarded_report_uploads(workflow)) == 2


def test_privacy_docs_say_what_is_public() -> None:
    text = (REPO / "docs" / "guide" / "privacy.md").read_text(encoding="utf-8")
    for public in ("kpi.json", "matches.json", "feeds", "search index", "CI logs",
                   "job summaries", "every file in `content/`", "MENTORHUB_UPLOAD_REPORTS"):
        assert public in text


# -- nudges --------------------------------------------------------------------------------

NUDGES_WORKFLOWS = [WORKFLOWS / "nudges.yml",
                    REPO / "plugins/mentorhub/scaffold/dot-github/workflows/nudges.yml"]
#: Stands in for the GitHub CLI: logs its arguments, and answers `issue list` with $OPEN.
FAKE_GH = """#!/bin/sh
echo "$*" >> "$GH_LOG"
case "$1 $2" in "issue list") printf '%s' "$OPEN" ;; esac
"""


def issue_step(path: Path) -> str:
    (job,) = load(path)["jobs"].values()
    (step,) = [s for s in job["steps"] if "gh issue" in str(s.get("run", ""))]
    assert step["env"] == {"GH_TOKEN": "${{ github.token }}", "GH_REPO": "${{ github.repository }}"}
    return str(step["run"])


@pytest.mark.parametrize("path", NUDGES_WORKFLOWS, ids=["demo", "init"])
def test_nudges_run_weekly_with_no_secret(path: Path) -> None:
    workflow = load(path)
    on = triggers(workflow)
    assert set(on) == {"schedule", "workflow_dispatch"}
    assert on["schedule"] == [{"cron": "23 7 * * 1"}]  # Mondays
    text = path.read_text(encoding="utf-8")
    assert "secrets." not in text
    (job,) = workflow["jobs"].values()
    runs = [str(step.get("run", "")) for step in job["steps"]]
    assert any("mentorhub nudges --format markdown" in run and "--output nudges.md" in run for run in runs)


@pytest.mark.parametrize("path", NUDGES_WORKFLOWS, ids=["demo", "init"])
@pytest.mark.parametrize(("body", "open_issue", "expected"), [
    ("- someone\n", "", ["issue create --title Profiles to confirm --body-file nudges.md"]),
    ("- someone\n", "12", ["issue edit 12 --title Profiles to confirm --body-file nudges.md"]),
    ("", "12", ["issue close 12 --comment Every profile is confirmed and no mentee is waiting."]),
    ("", "", []),
], ids=["open", "update", "close", "nothing"])
def test_nudges_keep_one_issue(tmp_path: Path, path: Path, body: str, open_issue: str,
                               expected: list[str]) -> None:
    """The workflow's shell step, run with a stand-in `gh`: open, update or close one issue."""
    calls = run_issue_step(tmp_path, path, body, open_issue, "Profiles to confirm\n",
                           "Every profile is confirmed and no mentee is waiting.\n")
    assert calls[0].startswith("issue list --state open --author app/github-actions ")
    assert calls[1:] == expected


@pytest.mark.parametrize("path", NUDGES_WORKFLOWS, ids=["demo", "init"])
@pytest.mark.parametrize(("body", "open_issue", "expected"), [
    ("- alguien\n", "", ["issue create --title Perfiles por confirmar --body-file nudges.md"]),
    # an issue opened in English before (or in another language): renamed as it is updated
    ("- alguien\n", "12", ["issue edit 12 --title Perfiles por confirmar --body-file nudges.md"]),
    ("", "12", ["issue close 12 --comment Todos los perfiles están confirmados."]),
], ids=["open", "update", "close"])
def test_nudges_title_and_closing_comment_come_from_the_command(
        tmp_path: Path, path: Path, body: str, open_issue: str, expected: list[str]) -> None:
    """The title and the closing words are the hub's language's, as `mentorhub nudges` wrote them."""
    calls = run_issue_step(tmp_path, path, body, open_issue, "Perfiles por confirmar\n",
                           "Todos los perfiles están confirmados.\n")
    assert calls[1:] == expected
    (job,) = load(path)["jobs"].values()
    (run,) = [str(s["run"]) for s in job["steps"] if "nudges --format" in str(s.get("run", ""))]
    assert "--title-output nudges-title.txt --closing-output nudges-closing.txt" in run


@pytest.mark.skipif(shutil.which("jq") is None, reason="needs jq")
@pytest.mark.parametrize("path", NUDGES_WORKFLOWS, ids=["demo", "init"])
def test_nudges_find_their_issue_by_the_marker_line_whatever_its_title(path: Path) -> None:
    """`gh --jq` picks the issue whose body starts with the hidden marker line, not by title
    (which is in the hub's language); the author filter (the Actions bot) is gh's own."""
    from mentorhub.nudges import MARKER, MARKER_START

    (jq,) = re.findall(r"--jq '([^']+)'", issue_step(path))
    issues = [{"number": 3, "body": "Profiles to confirm\n" + MARKER},  # quoting it is not enough
              {"number": 5, "body": MARKER_START + " escrito por `mentorhub nudges` -->\n\n### Perfiles"},
              {"number": 8, "body": MARKER + "\n"}]
    found = subprocess.run(["jq", "-r", jq], input=json.dumps(issues), capture_output=True, text=True,
                           check=True, timeout=30).stdout
    assert found.strip() == "5"
    none = subprocess.run(["jq", "-r", jq], input=json.dumps(issues[:1]), capture_output=True, text=True,
                          check=True, timeout=30).stdout
    assert none.strip() == ""


def run_issue_step(tmp_path: Path, path: Path, body: str, open_issue: str, title: str,
                   closing: str) -> list[str]:
    """Run the issue step with a stand-in `gh`, after the files `mentorhub nudges` writes."""
    (tmp_path / "bin").mkdir()
    gh = tmp_path / "bin" / "gh"
    gh.write_text(FAKE_GH, encoding="utf-8")
    gh.chmod(0o755)
    (tmp_path / "nudges.md").write_text(body, encoding="utf-8")
    (tmp_path / "nudges-title.txt").write_text(title, encoding="utf-8")
    (tmp_path / "nudges-closing.txt").write_text(closing, encoding="utf-8")
    log = tmp_path / "gh.log"
    env = {"PATH": f"{tmp_path / 'bin'}:/usr/bin:/bin", "GH_LOG": str(log), "OPEN": open_issue}
    subprocess.run(["bash", "-e", "-c", issue_step(path)], cwd=tmp_path, env=env, check=True, timeout=30)
    return log.read_text(encoding="utf-8").splitlines()


# -- the built site is shared only once verified ----------------------------------------------

SCAFFOLD_WORKFLOWS = REPO / "plugins" / "mentorhub" / "scaffold" / "dot-github" / "workflows"


def unverified_site_uploads(workflow: dict[Any, Any]) -> list[str]:
    """Steps that upload `site/` (an artifact, or Pages) without a passed `mentorhub verify`.

    A step without `if:` runs only when every earlier step succeeded; one with an `if:`
    (such as `!cancelled()`) must name the verify step's outcome, since after a failed
    verify the site may hold what verify found leaking.
    """
    bad = []
    for job_name, job in workflow["jobs"].items():
        steps = job.get("steps", [])
        for index, step in enumerate(steps):
            uses = str(step.get("uses", ""))
            path = str(step.get("with", {}).get("path", "")).strip().rstrip("/")
            if not (uses.startswith("actions/upload-pages-artifact@")
                    or (uses.startswith("actions/upload-artifact@") and path == "site")):
                continue
            verify = [s for s in steps[:index] if "mentorhub verify" in str(s.get("run", ""))]
            condition = str(step.get("if", ""))
            if not verify or (condition and not any(
                    f"steps.{s.get('id')}.outcome == 'success'" in condition for s in verify)):
                bad.append(f"{job_name}: {step.get('name', uses)}")
    return bad


@pytest.mark.parametrize("path", [*workflow_files(), *sorted(SCAFFOLD_WORKFLOWS.glob("*.yml"))],
                         ids=lambda p: str(p.relative_to(REPO)))
def test_no_site_is_uploaded_unless_verify_passed(path: Path) -> None:
    # `init` fills the scaffold's %%placeholders%% (the hub's words); any text will do here.
    text = re.sub(r"%%\w+%%", "placeholder", path.read_text(encoding="utf-8"))
    workflow = yaml.safe_load(text)
    assert unverified_site_uploads(workflow) == []


def test_unverified_upload_check_flags_missing_or_bypassed_verify() -> None:
    upload = {"uses": "actions/upload-artifact@" + "0" * 40, "with": {"path": "site/"}}
    verify = {"id": "verify", "run": ".venv/bin/mentorhub verify site"}
    assert unverified_site_uploads({"jobs": {"j": {"steps": [upload]}}}) == ["j: " + upload["uses"]]
    bypassed = {**upload, "if": "${{ !cancelled() }}"}
    assert len(unverified_site_uploads({"jobs": {"j": {"steps": [verify, bypassed]}}})) == 1
    gated = {**upload, "if": "${{ !cancelled() && steps.verify.outcome == 'success' }}"}
    assert unverified_site_uploads({"jobs": {"j": {"steps": [verify, gated]}}}) == []
    assert unverified_site_uploads({"jobs": {"j": {"steps": [verify, upload]}}}) == []
