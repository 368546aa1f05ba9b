"""`mentorhub init`: a complete hub that checks, builds strictly and verifies; never overwrites."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from mentorhub.commands import scaffold
from mentorhub.commands.cli import main
from mentorhub.releases import installed
from mentorhub.site.build_date import build_date

from conftest import REPO, run_mkdocs
from test_workflows import tool, unpinned_uses, zizmor

EXPECTED_FILES = {
    ".github/CODEOWNERS", ".github/dependabot.yml", ".github/pull_request_template.md",
    ".github/ISSUE_TEMPLATE/config.yml", ".github/ISSUE_TEMPLATE/introduction.yml",
    ".github/ISSUE_TEMPLATE/remove-profile.yml", ".github/ISSUE_TEMPLATE/report-profile.yml",
    ".github/ISSUE_TEMPLATE/suggest-resource.yml",
    ".github/workflows/deploy.yml", ".github/workflows/nudges.yml", ".github/workflows/pr.yml", ".gitignore",
    ".pre-commit-config.yaml", "CONTRIBUTING.md", "README.md", "content/skills.yml",
    "hooks/contribute_links.py", "mkdocs.yml", "overrides/main.html", "requirements.txt",
}
FLAGS = ["--no-input", "--name", "Círculo de Mentoría", "--description", "Mentoring in Spanish and English.",
         "--repository", "circulo/hub", "--site-url", "https://circulo.github.io/hub/",
         "--language", "es", "--contact", "organizers@circulo.example",
         "--engine", "mentorhub @ git+https://github.com/example-org/mentorhub@v0.1.0"]


def init(*args: str) -> int:
    return main(["init", *args])


def files_in(root: Path) -> set[str]:
    return {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()}


@pytest.fixture(scope="module")
def empty_hub(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("init") / "hub"
    assert init(str(root), *FLAGS) == 0
    return root


def test_it_writes_every_file_of_a_hub(empty_hub: Path) -> None:
    assert files_in(empty_hub) == EXPECTED_FILES


def test_the_answers_reach_the_files(empty_hub: Path) -> None:
    config = yaml.safe_load((empty_hub / "mkdocs.yml").read_text(encoding="utf-8"))
    assert config["site_name"] == "Círculo de Mentoría"
    assert config["site_description"] == "Mentoring in Spanish and English."
    assert config["site_url"] == "https://circulo.github.io/hub/"
    assert config["edit_uri"] == "https://github.com/circulo/hub/edit/main/content/"
    assert config["theme"]["language"] == "es"
    assert [next(iter(p)) if isinstance(p, dict) else p for p in config["plugins"]] == [
        "mentorhub", "mentorhub-matching", "mentorhub-kpi", "mentorhub-feeds", "mentorhub-search"]
    readme = (empty_hub / "README.md").read_text(encoding="utf-8")
    assert "http://127.0.0.1:8000/hub/" in readme  # the preview follows site_url's path
    assert "organizers@circulo.example" in (empty_hub / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert "@circulo" in (empty_hub / ".github/CODEOWNERS").read_text(encoding="utf-8")
    requirements = (empty_hub / "requirements.txt").read_text(encoding="utf-8")
    assert "\nmentorhub @ git+https://github.com/example-org/mentorhub@v0.1.0\n" in requirements


def test_the_contact_becomes_the_organizers_and_introductions(empty_hub: Path) -> None:
    config = yaml.safe_load((empty_hub / "mkdocs.yml").read_text(encoding="utf-8"))
    assert config["plugins"][0] == {"mentorhub": {
        "organizers": [{"name": "Equipo organizador de Círculo de Mentoría",  # in the hub's language
                        "email": "organizers@circulo.example"}],
        "introductions": {"via": "email"}}}
    form = (empty_hub / ".github/ISSUE_TEMPLATE/introduction.yml").read_text(encoding="utf-8")
    spanish = REPO / "plugins/mentorhub/scaffold/lang/es/dot-github/ISSUE_TEMPLATE/introduction.yml"
    assert form == spanish.read_text(encoding="utf-8")


def test_a_contact_page_sends_introductions_to_the_issue_form(tmp_path: Path) -> None:
    flags = [*FLAGS[:FLAGS.index("--contact")], "--contact", "https://circulo.example/contact",
             *FLAGS[FLAGS.index("--contact") + 2:]]
    assert init(str(tmp_path / "hub"), *flags) == 0
    config = yaml.safe_load((tmp_path / "hub/mkdocs.yml").read_text(encoding="utf-8"))
    assert config["plugins"][0]["mentorhub"] == {
        "organizers": [{"name": "Equipo organizador de Círculo de Mentoría",
                        "url": "https://circulo.example/contact"}],
        "introductions": {"via": "issue"}}


def test_init_check_suggests_organizers(empty_hub: Path, tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    text = (empty_hub / "mkdocs.yml").read_text(encoding="utf-8")
    start = text.index("  - mentorhub:\n")
    end = text.index("  # Mentor suggestions")
    (tmp_path / "mkdocs.yml").write_text(text[:start] + "  - mentorhub\n" + text[end:], encoding="utf-8")
    assert init("--check", str(tmp_path)) == 0  # a suggestion, not a failure
    out = capsys.readouterr().out
    assert out.startswith("suggestion: mkdocs.yml: plugins: mentorhub: no 'organizers': readers see no "
                          "contact and cannot ask for an introduction")


def test_the_hook_is_a_thin_import_of_the_package(empty_hub: Path) -> None:
    code = (empty_hub / "hooks/contribute_links.py").read_text(encoding="utf-8")
    assert "from mentorhub.mkdocs.contribute_links import" in code
    assert len([line for line in code.splitlines() if line and not line.startswith(("#", " "))]) < 8


def test_init_check_finds_nothing_to_add(empty_hub: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert init("--check", str(empty_hub), "--since", "0.1.0") == 0
    out = capsys.readouterr().out  # the changelog's unreleased entries may follow (test_releases.py)
    assert out == "" or out.startswith("\nWhat changed since the hub's pin (0.1.0)")


def test_init_check_names_the_line_to_add(empty_hub: Path, tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    text = (empty_hub / "mkdocs.yml").read_text(encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(text.replace("  - mentorhub-kpi\n", ""), encoding="utf-8")
    assert init("--check", str(tmp_path)) == 1
    assert capsys.readouterr().out.splitlines() == [
        "mkdocs.yml: plugins: 'mentorhub-kpi' is missing: the Impact pages and kpi.json "
        "(add '  - mentorhub-kpi' under 'plugins:')"]


@pytest.mark.build
@pytest.mark.parametrize("example", [False, True], ids=["empty", "example"])
def test_the_hub_checks_builds_strictly_and_verifies(
    tmp_path: Path, example: bool, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "hub"
    assert init(str(root), *FLAGS, *(["--example"] if example else [])) == 0
    if example:
        assert files_in(root) - EXPECTED_FILES == {
            "content/people/alex-ejemplo.md", "content/resources/guia-primera-conversacion.md",
            f"content/sessions/{build_date().isoformat()}-circulo-de-bienvenida.md",
            "content/stories/una-primera-charla.md",
            "content/media/people/alex-ejemplo.jpg"}  # a drawn face (images/faces.py)
    capsys.readouterr()
    assert main(["check", "--project", str(root)]) == 0, capsys.readouterr().err
    result = run_mkdocs(root, "--strict")
    assert result.returncode == 0, result.stderr
    assert main(["verify", "--project", str(root)]) == 0, capsys.readouterr().out
    assert (root / "site/people/index.html").is_file()
    if example:
        profile = (root / "site/people/alex-ejemplo/index.html").read_text(encoding="utf-8")
        assert '<img class="mh-avatar"' in profile and ".webp" in profile  # the example has a face
        assert not list((root / "site").rglob("*.jpg"))  # re-encoded, never copied as it is


def test_it_refuses_to_overwrite_and_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "README.md").write_text("mine\n", encoding="utf-8")
    (tmp_path / "LICENSE").write_text("MIT\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert init("--here", "--no-input") == 1
    err = capsys.readouterr().err
    assert "  README.md\n" in err and "nothing was written" in err
    assert files_in(tmp_path) == {"README.md", "LICENSE"}
    assert (tmp_path / "README.md").read_text(encoding="utf-8") == "mine\n"
    (tmp_path / "README.md").unlink()
    assert init("--here", "--no-input") == 0  # beside unrelated files it is fine
    assert files_in(tmp_path) == EXPECTED_FILES | {"LICENSE"}


def test_a_folder_that_is_not_empty_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    assert init(str(tmp_path), "--no-input") == 1
    assert "is not empty; nothing was written" in capsys.readouterr().err
    assert files_in(tmp_path) == {"notes.txt"}


@pytest.mark.parametrize(("flag", "value", "message"), [
    ("--site-url", "http://example.org/", "site URL: 'http://example.org/' is not an https:// address"),
    ("--repository", "just-a-name", "repository: 'just-a-name' is not owner/name"),
    ("--language", "spanish", "UI language: 'spanish' is not an ISO 639-1 code"),
    ("--contact", "mail me", "contact: 'mail me' is not an email address or an https:// page"),
])
def test_bad_answers_are_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                 flag: str, value: str, message: str) -> None:
    assert init(str(tmp_path / "hub"), "--no-input", flag, value) == 2
    assert message in capsys.readouterr().err
    assert not (tmp_path / "hub").exists()


def test_in_a_terminal_it_asks_with_defaults(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    replies = io.StringIO("pt-BR\nHub de Lisboa\n\nlisboa/mentoring\n\n\n")  # the language first
    monkeypatch.setattr(sys, "stdin", replies)
    monkeypatch.setattr(replies, "isatty", lambda: True, raising=False)
    assert init(str(tmp_path / "lisboa")) == 0
    config = yaml.safe_load((tmp_path / "lisboa/mkdocs.yml").read_text(encoding="utf-8"))
    assert config["site_name"] == "Hub de Lisboa"
    assert config["site_description"] == "O hub de mentoria de Hub de Lisboa."  # in the hub's language
    assert config["site_url"] == "https://lisboa.github.io/mentoring/"
    assert config["theme"]["language"] == "pt-BR"


def test_the_engine_pin_follows_a_git_install(monkeypatch: pytest.MonkeyPatch) -> None:
    class Dist:
        version = "0.1.0"

        def read_text(self, name: str) -> str:
            return json.dumps({"url": "https://github.com/o/mentorhub.git",
                               "vcs_info": {"vcs": "git", "commit_id": "a" * 40}})

    monkeypatch.setattr(installed, "distribution", lambda name: Dist())
    assert installed.installed_engine().requirement == (
        f"mentorhub @ git+https://github.com/o/mentorhub.git@{'a' * 40}")


def test_the_hubs_workflows_are_hardened(empty_hub: Path) -> None:
    workflows = empty_hub / ".github/workflows"
    for path in sorted(workflows.glob("*.yml")):
        text = path.read_text(encoding="utf-8")
        workflow = yaml.safe_load(text)
        assert workflow["permissions"] == {}
        assert unpinned_uses(text) == []
        assert "upload-artifact" not in text  # organizer reports are never uploaded
        for step in (s for job in workflow["jobs"].values() for s in job["steps"]):
            if str(step.get("uses", "")).startswith("actions/checkout@"):
                assert step["with"]["persist-credentials"] is False
        result = subprocess.run([tool("check-jsonschema"), "--builtin-schema", "vendor.github-workflows",
                                 str(path)], capture_output=True, text=True, timeout=120, check=False)
        assert result.returncode == 0, result.stdout
    runs = " ".join(str(s.get("run", "")) for s in yaml.safe_load(
        (workflows / "pr.yml").read_text(encoding="utf-8"))["jobs"]["check"]["steps"])
    for command in ("mentorhub check", "mentorhub diff HEAD^1", "mkdocs build --strict", "mentorhub verify"):
        assert command in runs
    code, findings = zizmor(empty_hub / ".github")
    assert findings == [], json.dumps(findings, indent=2)[:3000]
    assert code == 0


def test_the_showcase_and_new_hubs_share_one_hook_file() -> None:
    """The hook is one import; the copies in the showcase and the scaffold must not drift."""
    from conftest import SHOWCASE

    scaffold_hook = Path(scaffold.__file__).parent.parent / "scaffold/hooks/contribute_links.py"
    assert (SHOWCASE / "hooks/contribute_links.py").read_bytes() == scaffold_hook.read_bytes()
