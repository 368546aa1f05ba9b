"""The cycle end to end: `pair`, `checkin`, `attention`, `diff`, `verify` and real builds
of a small hub with its own keys (never the demo's)."""

from __future__ import annotations

import gzip
import html
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from pyrage import x25519

from mentorhub.commands.age_tools import AgeError, open_sealed, sealed_block
from mentorhub.commands.cli import main
from mentorhub.commands.verify_records import record_leak_problems
from mentorhub.cycle.storage import ENV_BUILD_KEY, read_records, record_files

from conftest import EPOCH, REPO, write_project

SCHEMA = REPO / "plugins/mentorhub/schemas/output/kpi.schema.json"

ORGANIZER = x25519.Identity.generate()
BUILD = x25519.Identity.generate()
NOTE = "Zanzibar-private-note-4711"  # values that must never leave the records
GOAL = "Quixotic-private-goal-0815"

PERSON = """\
---
name: {name}
roles: [{role}]
languages: [en]
{skills}
joined: {joined}
consent: true
---
"""


def _person(name: str, role: str, joined: str) -> str:
    skills = "offers: [python]\ncapacity: 3" if role == "mentor" else "seeks: [python]"
    return PERSON.format(name=name, role=role, skills=skills, joined=joined)


def config(build_key: str = str(BUILD.to_public())) -> str:
    return f"""\
site_name: Cycle hub
docs_dir: content
theme:
  name: material
  font: false
plugins:
  - mentorhub:
      as_of: "2026-11-22"
      recipients: [{ORGANIZER.to_public()}]
      build_key: {build_key}
  - mentorhub-kpi:
      min_responses: 2
"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    people = {f"content/people/{pid}.md": _person(pid.title(), role, joined) for pid, role, joined in [
        ("mo", "mentor", "2025-01-01"), ("zoe", "mentor", "2025-01-01"), ("ana", "mentee", "2025-12-01"),
        ("bea", "mentee", "2025-12-15"), ("cy", "mentee", "2026-01-02"), ("dee", "mentee", "2026-01-02")]}
    root = write_project(tmp_path / "hub", people, config())
    (root / "organizer.key").write_text(f"{ORGANIZER}\n", encoding="utf-8")
    return root


@pytest.fixture(autouse=True)
def _an_organizers_machine(monkeypatch: pytest.MonkeyPatch) -> None:
    """These commands refuse to run in CI (their output lands in logs); the suite itself runs
    with CI=true, so each test starts on an organizer's machine and opts into CI itself."""
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)


def cli(project: Path, *args: str) -> int:
    return main([*args, "-p", str(project)])


def key(project: Path) -> list[str]:
    return ["-i", str(project / "organizer.key")]


def test_a_pair_from_start_to_mismatch(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ana = project / "content/people/ana.md"
    assert cli(project, "pair", "start", "ana", "mo", "--on", "2026-01-05", "--until", "2026-12-31") == 0
    assert "mentors: [mo]\n" in ana.read_text(encoding="utf-8")
    files = record_files(project / "records")
    assert len(files) == 1
    raw = files[0].read_bytes()
    assert b"ana" not in raw and b"2026" not in raw and raw.startswith(b"-----BEGIN AGE ENCRYPTED FILE")
    # the build key opens it (the build computes figures) …
    assert read_records(project / "records", [BUILD], project).relationships[0].mentee == "ana"

    assert cli(project, "pair", "start", "ana", "mo") == 1
    assert "mo already mentors ana" in capsys.readouterr().err
    assert cli(project, "pair", "start", "ana", "nobody") == 1
    assert "no published person 'nobody'" in capsys.readouterr().err
    assert cli(project, "pair", "start", "mo", "ana") == 1
    assert "'mo' is not a mentee" in capsys.readouterr().err

    assert cli(project, "checkin", "ana", "mo", "--on", "2026-01-12", "--status", "at-risk",
               "--note", NOTE, *key(project)) == 0
    assert cli(project, "checkin", "ana", "mo", "--status", "on-track", "--note", "bad\x1b[2J") == 1
    assert cli(project, "pair", "end", "ana", "mo", "--reason", "mismatch", "--by", "mentee",
               "--on", "2026-02-01", *key(project)) == 0
    assert "mentors:" not in ana.read_text(encoding="utf-8")
    assert "{mentee: ana, mentor: mo}" in (project / "content/matching.yml").read_text(encoding="utf-8")
    capsys.readouterr()
    assert cli(project, "check") == 0
    [record] = read_records(project / "records", [ORGANIZER], project).relationships
    assert (record.ended.isoformat() if record.ended else "", record.closure and record.closure.reason) == (
        "2026-02-01", "mismatch")
    assert [c.note for c in record.checkins] == [NOTE]


def test_a_pair_public_before_the_records_is_recorded_only(project: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    bea = project / "content/people/bea.md"
    bea.write_text(bea.read_text(encoding="utf-8").replace("consent: true", "mentors: [zoe]\nconsent: true"),
                   encoding="utf-8")
    before = bea.read_bytes()
    assert cli(project, "checkin", "bea", "zoe", "--status", "on-track", *key(project)) == 1
    assert "--record-only --on START_DATE" in capsys.readouterr().err
    assert cli(project, "pair", "start", "bea", "zoe") == 1
    assert "add --record-only --on START_DATE" in capsys.readouterr().err
    assert cli(project, "pair", "start", "bea", "zoe", "--record-only", "--on", "2025-06-01",
               *key(project)) == 0
    assert bea.read_bytes() == before  # the public file is untouched
    assert cli(project, "pair", "start", "bea", "zoe", "--record-only", *key(project)) == 1
    assert "recorded already" in capsys.readouterr().err
    assert cli(project, "pair", "start", "ana", "mo", "--record-only", *key(project)) == 1
    assert cli(project, "checkin", "bea", "zoe", "--status", "on-track", *key(project)) == 0


def test_the_build_key_never_opens_a_sealed_contact(project: Path) -> None:
    assert cli(project, "seal", "ana.private@example.org", "--person", "ana") == 0
    block = sealed_block(project / "content/people/ana.md")
    assert block is not None
    assert open_sealed(block, [ORGANIZER], "ana").email == "ana.private@example.org"
    with pytest.raises(AgeError):
        open_sealed(block, [BUILD], "ana")


def test_accepting_a_cohort_after_a_review(project: Path, capsys: pytest.CaptureFixture[str],
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    cohort = project / "reports/cohort.json"
    cohort.parent.mkdir()
    cohort.write_text(json.dumps([{"mentee": "bea", "mentor": "zoe", "score": 0.9},
                                  {"mentee": "cy", "mentor": "mo", "score": 0.8}]), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", io.StringIO("y\n"))  # not a terminal: no question asked
    assert cli(project, "pair", "start", "--cohort") == 1
    assert "add --yes" in capsys.readouterr().err
    assert not record_files(project / "records")
    assert cli(project, "pair", "start", "--cohort", "--yes", "--on", "2026-03-01") == 0
    out = capsys.readouterr().out
    assert "bea (Bea) → zoe (Zoe)" in out and "Started 2 pairs" in out
    assert "mentors: [zoe]" in (project / "content/people/bea.md").read_text(encoding="utf-8")
    assert len(record_files(project / "records")) == 2
    assert cli(project, "pair", "start", "--cohort", "--yes") == 0
    assert "Nothing to do" in capsys.readouterr().out


def test_attention_is_local_only(project: Path, capsys: pytest.CaptureFixture[str],
                                 monkeypatch: pytest.MonkeyPatch) -> None:
    assert cli(project, "pair", "start", "ana", "mo", "--on", "2026-01-05", "--until", "2026-12-01") == 0
    capsys.readouterr()
    assert cli(project, "attention", "--today", "2026-11-22", *key(project)) == 0
    out = capsys.readouterr().out
    assert "ana (Ana) → mo (Mo): check-in overdue" in out and "planned to end on 2026-12-01" in out
    assert "bea (Bea): waiting for a mentor for" in out
    monkeypatch.setenv("CI", "true")
    assert cli(project, "attention", *key(project)) == 1
    assert cli(project, "pair", "show", *key(project)) == 1
    assert "never CI" in capsys.readouterr().err


def test_a_broken_record_is_located_and_not_echoed(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from mentorhub.cycle.storage import encrypt_text

    (project / "records").mkdir()
    text = f"mentee: ana\nmentor: mo\nstarted: 2026-01-01\nchekins: {NOTE}\n"
    (project / "records/0badc0de.age").write_bytes(encrypt_text(text, [str(ORGANIZER.to_public())]))
    assert cli(project, "pair", "show", *key(project)) == 1
    err = capsys.readouterr().err
    assert "records/0badc0de.age:4: record: unknown field on this line" in err
    assert NOTE not in err and "chekins" not in err


def _year(project: Path) -> None:
    """Six relationships, check-ins and closures: enough events for min_responses 2."""
    for n, (mentee, mentor, on) in enumerate([("ana", "mo", "2026-01-05"), ("bea", "zoe", "2026-01-10"),
                                              ("cy", "mo", "2026-02-01"), ("dee", "zoe", "2026-02-03")]):
        assert cli(project, "pair", "start", mentee, mentor, "--on", on) == 0
        assert cli(project, "checkin", mentee, mentor, "--on", f"2026-0{3 + n}-01", "--status", "on-track",
                   "--note", f"{NOTE}-{n}", *key(project)) == 0
    assert cli(project, "pair", "end", "ana", "mo", "--reason", "goals-met", "--on", "2026-09-01",
               *key(project)) == 0
    assert cli(project, "pair", "end", "bea", "zoe", "--reason", "moved", "--on", "2026-09-02",
               *key(project)) == 0


def _build(project: Path, with_key: bool) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "NO_MKDOCS_2_WARNING": "1"}
    env.pop(ENV_BUILD_KEY, None)
    if with_key:
        env[ENV_BUILD_KEY] = str(BUILD)
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=project, env=env,
                          capture_output=True, text=True, timeout=600, check=False)


def _site_texts(site: Path) -> str:
    texts = []
    for path in site.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            if data[:2] == b"\x1f\x8b":
                data = gzip.decompress(data)
            text = data.decode("utf-8", "ignore")
            texts += [text, html.unescape(text)]
    return "\n".join(texts)


def test_builds_with_and_without_the_build_key(project: Path, capsys: pytest.CaptureFixture[str],
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    _year(project)
    capsys.readouterr()
    without = _build(project, with_key=False)  # a pull request's build
    assert without.returncode == 0, without.stderr
    kpi = json.loads((project / "site/kpi.json").read_text(encoding="utf-8"))
    assert kpi["lifecycle"] == {"published": False, "why": "no-key"}
    impact = (project / "site/impact/index.html").read_text(encoding="utf-8")
    assert "This build cannot open them, so it shows none." in impact

    built = _build(project, with_key=True)
    assert built.returncode == 0, built.stderr
    life = json.loads((project / "site/kpi.json").read_text(encoding="utf-8"))["lifecycle"]
    assert life["published"] is True
    assert life["relationships"] == {"started": 4, "active": 2, "ended": 2}
    assert life["closure_reasons"]["goals-met"] is None  # one closure each: withheld
    assert "kpi-retention" in (project / "site/impact/index.html").read_text(encoding="utf-8")
    # nothing of a record reaches the site, the build log or the check-in dates
    everything = _site_texts(project / "site") + built.stdout + built.stderr
    for secret in (NOTE, GOAL, "2026-03-01", "2026-09-02"):
        assert secret not in everything
    jsonschema.validate(json.loads((project / "site/kpi.json").read_text(encoding="utf-8")),
                        json.loads(SCHEMA.read_text(encoding="utf-8")))
    # `verify` (with the key, as in the deploy workflow) finds a planted leak, by file, not by value
    monkeypatch.setenv(ENV_BUILD_KEY, str(BUILD))
    assert record_leak_problems(project / "site", project) == []
    # one more record (fewer than min_responses new events): the next build publishes the same
    before = (project / "site/kpi.json").read_text(encoding="utf-8")
    assert cli(project, "checkin", "cy", "mo", "--on", "2026-10-01", "--status", "at-risk",
               *key(project)) == 0
    assert _build(project, with_key=True).returncode == 0
    assert (project / "site/kpi.json").read_text(encoding="utf-8") == before
    assert cli(project, "checkin", "dee", "zoe", "--on", "2026-10-02", "--status", "on-track",
               *key(project)) == 0
    assert _build(project, with_key=True).returncode == 0  # two new events: the figures move
    assert json.loads((project / "site/kpi.json").read_text(encoding="utf-8"))["lifecycle"] != life
    (project / "site/leak.html").write_text(f"<p>{html.escape(NOTE)}-1 &amp; more</p>", encoding="utf-8")
    found = [str(p) for p in record_leak_problems(project / "site", project)]
    assert len(found) == 1 and found[0].startswith("leak.html: contains a note or goal of records/")
    assert NOTE not in found[0]


def test_a_wrong_build_key_stops_the_build(project: Path) -> None:
    _year(project)
    env_key = x25519.Identity.generate()
    os.environ[ENV_BUILD_KEY] = str(env_key)
    try:
        done = subprocess.run([sys.executable, "-m", "mkdocs", "build"], cwd=project, capture_output=True,
                              text=True, timeout=600, check=False,
                              env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    finally:
        del os.environ[ENV_BUILD_KEY]
    assert done.returncode != 0
    assert "is not the secret half of build_key" in done.stderr
    assert str(env_key) not in done.stderr + done.stdout


def test_diff_says_records_changed_and_nothing_more(project: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    def git(*args: str) -> None:
        subprocess.run(["git", *args], cwd=project, check=True, capture_output=True)

    git("init", "-q")
    git("-c", "user.email=t@example.org", "-c", "user.name=t", "add", "-A")
    git("-c", "user.email=t@example.org", "-c", "user.name=t", "commit", "-qm", "base")
    assert cli(project, "diff", "HEAD") == 0
    assert "Relationship records changed" not in capsys.readouterr().out
    _year(project)
    capsys.readouterr()
    assert cli(project, "diff", "HEAD") == 0
    out = capsys.readouterr().out
    assert "**Relationship records changed** (encrypted; nothing more is shown)." in out
    for secret in (NOTE, "goals-met", "2026-09-01", "2026-09-02", ".age"):
        assert secret not in out


def test_check_refuses_the_demo_keys_outside_the_demo(project: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    from mentorhub.cycle.demo import DEMO_BUILD_PUBLIC

    (project / "mkdocs.yml").write_text(config(DEMO_BUILD_PUBLIC), encoding="utf-8")
    assert cli(project, "check") == 1
    err = capsys.readouterr().err
    assert "mkdocs.yml:1: mentorhub: build_key/recipients: the demo's keys are public" in err
    assert _build(project, with_key=False).returncode != 0


@pytest.mark.parametrize("path", [REPO / ".github/workflows/deploy.yml",
                                  REPO / "plugins/mentorhub/scaffold/dot-github/workflows/deploy.yml",
                                  REPO / ".github/workflows/pr.yml",
                                  REPO / "plugins/mentorhub/scaffold/dot-github/workflows/pr.yml"])
def test_only_the_deploy_build_step_gets_the_build_key(path: Path) -> None:
    import yaml

    # the scaffold's step names are %%placeholders%% filled in the hub's language by init
    workflow = yaml.safe_load(re.sub(r"%%\w+%%", "words", path.read_text(encoding="utf-8")))
    holders = [(job_id, step.get("name")) for job_id, job in workflow["jobs"].items()
               for step in job["steps"] if ENV_BUILD_KEY in str(step)]
    job_env = [job.get("env") for job in workflow["jobs"].values()]
    assert ENV_BUILD_KEY not in str(workflow.get("env", "")) + str(job_env)
    assert holders == ([("build", "Build the site")] if path.name == "deploy.yml" else [])


def test_record_text_reaches_the_terminal_escaped(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from mentorhub.cycle.storage import encrypt_text

    (project / "records").mkdir()
    text = ('mentee: ana\nmentor: mo\nstarted: 2026-01-01\ncheckins:\n'
            '  - {date: 2026-01-05, by: mentee, status: on-track, note: "calm\\e[2J\\u202egone"}\n')
    (project / "records/0e5c0de5.age").write_bytes(encrypt_text(text, [str(ORGANIZER.to_public())]))
    assert cli(project, "pair", "show", *key(project)) == 0
    out = capsys.readouterr().out
    assert "calm\\x1b[2J\\u202egone" in out and "\x1b" not in out and "\u202e" not in out
