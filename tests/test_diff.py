"""`mentorhub diff BASE_REF`: records, KPI deltas and suggestion changes between two revisions."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import textwrap
from collections.abc import Mapping, Sequence
from pathlib import Path

import pytest

from mentorhub.changes import compare, escape, to_markdown
from mentorhub.commands.cli import main
from mentorhub.hub.loader import load_hub
from mentorhub.hub.models import Hub

from conftest import write_project

CONFIG = """\
site_name: Diff hub
docs_dir: content
theme:
  name: material
plugins:
  - mentorhub:
      stale_after_days: 365
  - mentorhub-kpi:
      min_responses: 5
"""

BASE = {
    "content/people/mentor-mo.md": """\
        ---
        name: Mo Mentor
        roles: [mentor]
        languages: [en]
        offers: [python, public-speaking]
        capacity: 2
        consent: true
        ---
        """,
    "content/people/mentee-mia.md": """\
        ---
        name: Mia Mentee
        roles: [mentee]
        languages: [en]
        seeks: [grant-writing]
        consent: true
        ---
        """,
    "content/resources/guide.md": """\
        ---
        title: A guide
        kind: guide
        summary: Version one.
        topics: [python]
        url: https://example.org/guide
        ---
        """,
    "content/stories/old-story.md": """\
        ---
        title: An old story
        date: 2026-01-01
        summary: It happened.
        outcomes: [other]
        ---
        """,
}

MATCHING = importlib.util.find_spec("mentorhub.matching") is not None


def git(project: Path, *args: str) -> str:
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    done = subprocess.run(
        ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", *args],
        cwd=project, env=env, capture_output=True, text=True, check=True,
    )
    return done.stdout


def write(project: Path, relative: str, text: str) -> None:
    path = project / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    project = write_project(tmp_path / "hub", BASE, CONFIG)
    git(project, "init", "-q")
    git(project, "add", ".")
    git(project, "commit", "-q", "-m", "base")
    return project


def change(project: Path) -> None:
    """A typical pull request: a new mentee, an edited resource, a removed story, a broken file."""
    write(project, "content/people/mentee-max.md", """\
        ---
        name: Max <img src=x> **Mentee** | pipe
        roles: [mentee]
        languages: [en]
        seeks: [python]
        consent: true
        ---
        """)
    guide = project / "content/resources/guide.md"
    guide.write_text(guide.read_text(encoding="utf-8").replace("Version one.", "Version two."),
                     encoding="utf-8")
    (project / "content/stories/old-story.md").unlink()
    write(project, "content/people/broken.md", "---\nname: Broken\n---\n")


def run_diff(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["diff", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_diff_against_the_work_tree(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    change(repo)
    code, out, _ = run_diff(capsys, "HEAD", "--project", str(repo))
    assert code == 0
    assert "| people | 1 | 0 | 0 |" in out
    assert "| resources | 0 | 1 | 0 |" in out
    assert "| stories | 0 | 0 | 1 |" in out
    assert "- **Added** people: `mentee-max` (Max &lt;img src\\=x&gt; \\*\\*Mentee\\*\\* \\| pipe)" in out
    assert "- **Changed** resources: `guide` (A guide)" in out
    assert "- **Removed** stories: `old-story` (An old story)" in out
    assert "- **Not published (content problem)** people: `broken`" in out
    assert "content problems: files with a problem" in out and "content/people/broken.md" in out
    assert "| mentees | 1 | 2 | +1 |" in out
    assert "| unpaired mentees | 1 | 2 | +1 |" in out
    assert "| stories | 1 | 0 | -1 |" in out
    assert "| Python | 1 → 1 | 0 → 1 | -1 → +0 |" in out
    assert "<img" not in out
    if MATCHING:
        assert "pipe (`mentee-max`): gains Mo Mentor (`mentor-mo`)" in out
    else:
        assert "Not available: this installation has no matching module." in out


def test_diff_between_two_revisions_ignores_the_work_tree(repo: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    change(repo)
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "change")
    (repo / "content/people/mentor-mo.md").unlink()  # uncommitted: must not count
    code, out, _ = run_diff(capsys, "HEAD~1", "--head", "HEAD", "--project", str(repo))
    assert code == 0
    assert "| people | 1 | 0 | 0 |" in out
    assert "mentor-mo" not in out.split("### KPIs")[0]


def test_moving_a_file_into_a_subfolder_is_no_change(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "content/stories/2026").mkdir()
    (repo / "content/stories/old-story.md").rename(repo / "content/stories/2026/old-story.md")
    code, out, _ = run_diff(capsys, "HEAD", "--project", str(repo))
    assert code == 0
    assert "No record added, changed or removed." in out
    assert "No KPI changes." in out


def test_a_new_hub_compared_with_a_revision_without_content(tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    project = tmp_path / "hub"
    project.mkdir()
    git(project, "init", "-q")
    (project / "README.md").write_text("hub\n", encoding="utf-8")
    git(project, "add", ".")
    git(project, "commit", "-q", "-m", "empty")
    write_project(project, BASE, CONFIG)
    code, out, _ = run_diff(capsys, "HEAD", "--project", str(project))
    assert code == 0
    assert "| people | 2 | 0 | 0 |" in out
    assert "| skills | 3 | 0 | 0 |" in out


def test_bad_revisions_and_non_repositories_are_errors_not_tracebacks(
    repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run_diff(capsys, "no-such-branch", "--project", str(repo))
    assert code == 2 and out == ""
    assert "'no-such-branch' is not a revision" in err
    elsewhere = write_project(tmp_path / "plain", BASE, CONFIG)
    code, out, err = run_diff(capsys, "HEAD", "--project", str(elsewhere))
    assert code == 2 and out == ""
    assert err.startswith("mentorhub diff: ")


def test_suggestion_changes_are_listed_per_mentee(tmp_path: Path) -> None:
    """With any suggestion function: who gains and who loses a suggested mentor."""
    before = load_hub(write_project(tmp_path / "a", BASE) / "content")
    after_files = {**BASE, "content/people/mentor-gia.md": """\
        ---
        name: Gia Grants
        roles: [mentor]
        languages: [en]
        offers: [grant-writing]
        consent: true
        ---
        """}
    after_files["content/people/mentor-mo.md"] = after_files["content/people/mentor-mo.md"].replace(
        "capacity: 2", "availability: closed")
    after = load_hub(write_project(tmp_path / "b", after_files) / "content")

    def by_skill(hub: Hub) -> Mapping[str, Sequence[str]]:
        return {
            mentee.id: sorted(m.id for m in hub.mentors()
                              if m.availability != "closed" and set(m.offers) & set(mentee.seeks))
            for mentee in hub.mentees()
        }

    def no_kpis(hub: Hub) -> Mapping[str, object]:
        return {}

    impact = compare(before, after, no_kpis, by_skill)
    assert [(c.mentee, c.gained, c.lost, c.paired) for c in impact.suggestions or ()] == [
        ("mentee-mia", ("mentor-gia",), (), ()),
    ]
    text = to_markdown(impact, "main", "2026-11-22")
    assert "- Mia Mentee (`mentee-mia`): gains Gia Grants (`mentor-gia`)" in text
    assert "- **Changed** people: `mentor-mo` (Mo Mentor)" in text


def test_a_mentee_just_paired_with_a_suggested_mentor_does_not_lose_them(tmp_path: Path) -> None:
    """Pairing Mia with Gia removes Gia from Mia's suggestions: reported as a pairing, not a loss."""
    gia = """\
        ---
        name: Gia Grants
        roles: [mentor]
        languages: [en]
        offers: [grant-writing]
        consent: true
        ---
        """
    unpaired = {**BASE, "content/people/mentor-gia.md": gia}
    before = load_hub(write_project(tmp_path / "a", unpaired) / "content")
    paired = dict(unpaired)
    paired["content/people/mentee-mia.md"] = paired["content/people/mentee-mia.md"].replace(
        "consent: true", "mentors: [mentor-gia]\n        consent: true")
    after = load_hub(write_project(tmp_path / "b", paired) / "content")

    def unpaired_by_skill(hub: Hub) -> Mapping[str, Sequence[str]]:
        return {mentee.id: sorted(m.id for m in hub.mentors()
                                  if set(m.offers) & set(mentee.seeks) and m.id not in mentee.mentors)
                for mentee in hub.mentees()}

    impact = compare(before, after, lambda hub: {}, unpaired_by_skill)
    assert [(c.mentee, c.gained, c.lost, c.paired) for c in impact.suggestions or ()] == [
        ("mentee-mia", (), (), ("mentor-gia",)),
    ]
    text = to_markdown(impact, "HEAD~1", "2026-11-22")
    assert "- Mia Mentee (`mentee-mia`): now paired with Gia Grants (`mentor-gia`)" in text
    assert "loses" not in text


def test_escape_makes_markdown_and_html_inert() -> None:
    assert escape("a <b> & [link](x) `code` | *em*") == (
        "a &lt;b&gt; &amp; \\[link\\]\\(x\\) \\`code\\` \\| \\*em\\*"
    )
    assert escape("two\nlines") == "two lines"


def test_free_page_changes_are_listed(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A reviewer sees a changed home page or a new free page, not just records."""
    write(repo, "content/index.md", "---\ntitle: Welcome\n---\nHello.\n")
    write(repo, "content/pages/about.md", "---\ntitle: About us\n---\nWho we are.\n")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "pages")
    write(repo, "content/index.md", "---\ntitle: Welcome\n---\nHello again.\n")
    write(repo, "content/pages/faq.md", "---\ntitle: Questions [x](y)\n---\nAsk.\n")
    write(repo, "content/pages/about.md", "---\ntitle: About us\ncolour: red\n---\nWho we are.\n")
    code, out, _ = run_diff(capsys, "HEAD", "--project", str(repo))
    assert code == 0
    assert "| pages | 1 | 1 | 0 |" in out
    assert "- **Added** pages: `pages/faq.md` (Questions \\[x\\]\\(y\\))" in out
    assert "- **Changed** pages: `index.md` (Welcome)" in out
    assert "- **Not published (content problem)** pages: `pages/about.md`" in out


def _with_sealed(project: Path, person_id: str, email: str | None) -> None:
    """Give `person_id` a sealed contact for `email` (None: take it away)."""
    import pyrage
    from pyrage import x25519

    from mentorhub.hub.sealing import contact_payload

    path = project / f"content/people/{person_id}.md"
    text = path.read_text(encoding="utf-8").split("contact:")[0].rstrip("-\n") + "\n"
    if email is not None:
        key = x25519.Identity.generate().to_public()
        block = pyrage.encrypt(contact_payload(person_id, email), [key], armored=True).decode()
        text += "contact:\n  sealed: |\n" + "".join(f"    {line}\n" for line in block.splitlines())
    path.write_text(text + "---\n", encoding="utf-8")


def test_sealed_contact_changes_are_listed_per_person(repo: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    """Swapping someone's sealed email passed review as "No record added, changed or removed"."""
    _with_sealed(repo, "mentor-mo", "mo@example.org")
    _with_sealed(repo, "mentee-mia", "mia@example.org")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "sealed")
    _with_sealed(repo, "mentor-mo", "attacker@example.org")  # same person, other block
    _with_sealed(repo, "mentee-mia", None)
    code, out, _ = run_diff(capsys, "HEAD", "--project", str(repo))
    assert code == 0
    assert "- **Changed** people: `mentee-mia` (Mia Mentee), `mentor-mo` (Mo Mentor)" in out
    assert "### Sealed contacts" in out and "ask them or an organizer to confirm it" in out
    assert "- `mentor-mo`: sealed contact replaced" in out
    assert "- `mentee-mia`: sealed contact removed" in out
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "swap")
    _with_sealed(repo, "mentee-mia", "mia@example.org")
    assert "- `mentee-mia`: sealed contact added" in run_diff(capsys, "HEAD", "--project", str(repo))[1]
    assert "BEGIN AGE" not in out and "attacker" not in out
