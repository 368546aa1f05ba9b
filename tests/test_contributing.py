"""Contributor tooling: CONTRIBUTING.md examples are valid, the PR template, CODEOWNERS, pre-commit."""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from mentorhub.hub.loader import load_hub

from conftest import REPO, SHOWCASE

GUIDE = REPO / "CONTRIBUTING.md"
EXAMPLES = {
    "Add yourself": "people/your-name.md",
    "Share a resource": "resources/giving-feedback-that-lands.md",
    "Write up a session": "sessions/2026-11-05-salary-conversations.md",
    "Tell a story": "stories/a-first-conference-talk.md",
}


def guide_example(heading: str) -> str:
    match = re.search(rf"## {re.escape(heading)}\n.*?```markdown\n(.*?)```", GUIDE.read_text("utf-8"), re.S)
    assert match, f"no example under '## {heading}'"
    return match.group(1)


def test_contributing_examples_are_valid_files(tmp_path: Path) -> None:
    shutil.copytree(SHOWCASE / "content", tmp_path / "content")
    for heading, relative in EXAMPLES.items():
        (tmp_path / "content" / relative).write_text(guide_example(heading), encoding="utf-8")
    result = load_hub(tmp_path / "content", display_root=tmp_path)
    assert [str(p) for p in result.problems] == []
    hub = result.hub
    assert "your-name" in hub.people
    assert "giving-feedback-that-lands" in hub.resources
    assert "2026-11-05-salary-conversations" in hub.sessions
    assert hub.stories["a-first-conference-talk"].mentee == "mei-tanaka"


def test_contributing_covers_what_contributors_need() -> None:
    text = GUIDE.read_text(encoding="utf-8")
    for heading in ("## Add yourself", "## Share a resource", "## Write up a session", "## Tell a story",
                    "## What becomes public, and what never does", "## Asking for removal"):
        assert heading in text
    for promise in ("private:", "public: true", "draft: true", "reports/"):
        assert promise in text


def test_pull_request_template_has_a_checklist() -> None:
    text = (REPO / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    items = re.findall(r"^- \[ \] .+", text, re.M)
    assert len(items) >= 5
    assert any("mentorhub check" in item for item in items)
    assert any("consent" in item for item in items)


@pytest.mark.parametrize("template", [
    ".github/pull_request_template.md",
    "plugins/mentorhub/scaffold/dot-github/pull_request_template.md",  # what `init` writes
])
def test_reviewers_are_told_a_sealed_change_needs_confirmation(template: str) -> None:
    items = re.findall(r"^- \[ \] .+", (REPO / template).read_text(encoding="utf-8"), re.M)
    sealed = [item for item in items if "contact.sealed" in item]
    assert sealed and "someone else's" in sealed[0] and "organizer confirms" in sealed[0]


def test_codeowners_guard_every_build_affecting_path() -> None:
    rules = {}
    for line in (REPO / ".github" / "CODEOWNERS").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            pattern, *owners = line.split()
            assert owners and all(re.fullmatch(r"@[\w.-]+(/[\w.-]+)?", o) for o in owners), line
            rules[pattern] = owners
    for path in ("/mkdocs.yml", "/plugins/", "/hooks/", "/overrides/", "/.github/"):
        assert path in rules, f"{path} has no code owner"
    assert not any(p.startswith("/content") for p in rules), "content is reviewed by organizers"


def hooks() -> list[dict[str, object]]:
    config = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    (repo,) = config["repos"]
    assert repo["repo"] == "local"
    found: list[dict[str, object]] = repo["hooks"]
    return found


def hook(hook_id: str) -> dict[str, object]:
    return next(h for h in hooks() if h["id"] == hook_id)


def run_hook(entry: object, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(shlex.split(str(entry)), cwd=cwd, capture_output=True, text=True,
                          timeout=120, check=False)


def showcase_copy(tmp_path: Path) -> Path:
    """The showcase's content with the project's .venv, where the hook's entry runs."""
    shutil.copytree(SHOWCASE / "content", tmp_path / "content")
    (tmp_path / ".venv").symlink_to(REPO / ".venv")
    return tmp_path


def test_pre_commit_runs_mentorhub_check_on_content_changes(tmp_path: Path) -> None:
    check = hook("mentorhub-check")
    assert check["language"] == "system" and check["pass_filenames"] is False
    files = re.compile(str(check["files"]))
    assert files.search("content/people/ana.md") and files.search("content/skills.yml")
    assert not files.search("docs/guide/publishing.md")
    result = run_hook(check["entry"], showcase_copy(tmp_path))
    assert result.returncode == 0, result.stderr


def test_pre_commit_check_fails_on_a_bad_file(tmp_path: Path) -> None:
    showcase_copy(tmp_path)
    (tmp_path / "content" / "people" / "typo.md").write_text(
        "---\nname: Typo\nroles: [peer]\nlanguages: [en]\nconsent: true\nheadlin: oops\n---\n",
        encoding="utf-8",
    )
    result = run_hook(hook("mentorhub-check")["entry"], tmp_path)
    assert result.returncode == 1
    assert "content/people/typo.md:6: headlin: unknown field (did you mean 'headline'?)" in result.stderr


@pytest.mark.parametrize("hook_id", ["mentorhub-check", "mentorhub-schemas"])
def test_pre_commit_hooks_run_the_projects_own_tools(hook_id: str, tmp_path: Path) -> None:
    entry = shlex.split(str(hook(hook_id)["entry"]))
    assert (REPO / entry[0]).is_file()
    # The content check runs on the showcase, so the engine's tests never read content/.
    where = showcase_copy(tmp_path) if hook_id == "mentorhub-check" else REPO
    assert run_hook(hook(hook_id)["entry"], where).returncode == 0
