"""The `mentorhub-matching` plugin end to end: a real `mkdocs build --strict` of a small hub,
suggestions on the right profiles, the circles page, matches.json, the cohort reports beside
the site, and the `mentorhub match` command agreeing with the site."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import shutil
from pathlib import Path

import jsonschema
import pytest

from mentorhub.commands.cli import main
from mentorhub.hub.loader import load_hub
from mentorhub.matching import MatchOptions, match_hub, matches_json

from conftest import EPOCH, MINIMAL_CONFIG, run_mkdocs, write_project
from sitecheck import all_text, broken_links

SCHEMAS = Path(__file__).resolve().parent.parent / "plugins/mentorhub/schemas/output"
AS_OF = dt.date(2026, 11, 22)  # conftest.EPOCH
CONFIG = MINIMAL_CONFIG + "  - mentorhub-matching\n"
SECRET = "SECRET-ORGANIZER-NOTE"


def _person(name: str, *lines: str) -> str:
    body = "\n".join(lines)
    return f"---\nname: {name}\n{body}\nconsent: true\n---\n\n{name} is part of the test hub.\n"


CONTENT = {
    "content/people/amara.md": _person(
        "Amara Okafor", "roles: [mentor]", "languages: [es, en]", "offers: [grant-writing, python]",
        "timezone: Europe/Madrid", "formats: [group, one-on-one]", "capacity: 2",
        "confirmed: 2026-10-01", "contact:\n  email: amara@example.org",
        f"private:\n  note: {SECRET}"),
    "content/people/cleo.md": _person(
        "Cleo Closed", "roles: [mentor]", "languages: [en]", "offers: [python]",
        "availability: closed"),
    "content/people/sam.md": _person(
        "Sam Stale", "roles: [mentor]", "languages: [en]", "offers: [public-speaking]",
        "confirmed: 2024-01-01"),
    "content/people/gus.md": _person(
        "Gus Group", "roles: [mentor]", "languages: [en]", "offers: [public-speaking]",
        "formats: [group]", "timezone: Europe/Berlin"),
    "content/people/rosa.md": _person(
        "Rosa Martínez", "roles: [mentee]", "languages: [es]", "seeks: [grant-writing]",
        "formats: [group]", "timezone: America/Bogota", "prefers: [amara]"),
    "content/people/ravi.md": _person(
        "Ravi Iyer", "roles: [mentee]", "languages: [en]", "seeks: [python]",
        "timezone: Asia/Kolkata"),
    "content/people/yuki.md": _person(
        "Yuki Sato", "roles: [mentee]", "languages: [ja]", "seeks: [python]"),
    "content/people/pia.md": _person(
        "Pia Lund", "roles: [mentee]", "languages: [en]", "seeks: [public-speaking]",
        "formats: [peer-circle]", "timezone: Europe/London"),
    "content/people/quinn.md": _person(
        "Quinn Ade", "roles: [mentee]", "languages: [en]", "seeks: [public-speaking]",
        "formats: [peer-circle, group]", "timezone: Europe/Berlin"),
    "content/people/tara.md": _person(
        "Tara Rossi", "roles: [mentee]", "languages: [en, it]", "seeks: [public-speaking]",
        "formats: [peer-circle]", "timezone: Europe/Rome"),
    "content/people/pete.md": _person(
        "Pete Peer", "roles: [peer]", "languages: [en]", "formats: [peer-circle]",
        "timezone: Europe/Berlin"),
}


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = write_project(tmp_path_factory.mktemp("matching"), CONTENT, CONFIG)
    result = run_mkdocs(root, "--strict")
    assert result.returncode == 0, result.stderr
    (root / "build.log").write_text(result.stderr, encoding="utf-8")
    return root


def _section(project: Path, person: str, heading: str) -> str:
    page = (project / "site/people" / person / "index.html").read_text(encoding="utf-8")
    start = page.index(f">{heading}<")
    end = page.find("<h2", start)
    return page[start:end]


def test_mentees_see_suggested_mentors_with_reasons(project: Path) -> None:
    rosa = _section(project, "rosa", "Suggested mentors")
    assert 'href="../amara/"' in rosa and "Amara Okafor" in rosa
    for reason in ("offers Grant writing — 1 of 4 mentors does", "you both speak Spanish",
                   "6 hours apart", "both like group sessions"):
        assert f"<li>{reason}</li>" in rosa
    assert 'value="0.669"' in rosa and "67%" in rosa
    assert "You asked for:" in rosa and "Amara Okafor</a> — suggested</li>" in rosa
    ravi = _section(project, "ravi", "Suggested mentors")
    assert 'href="../amara/"' in ravi
    for page in ("rosa", "ravi", "yuki", "pia", "quinn", "tara"):
        section = _section(project, page, "Suggested mentors")
        assert "../cleo/" not in section and "../sam/" not in section, "closed and stale: never"


def test_a_mentee_with_no_suggestion_sees_why_and_the_skill_page(project: Path) -> None:
    yuki = _section(project, "yuki", "Suggested mentors")
    assert "No mentor who offers Python speaks Japanese." in yuki
    assert 'href="../../skills/python/"' in yuki
    assert "mh-match" not in yuki


def test_mentors_see_mentees_they_could_help(project: Path) -> None:
    amara = _section(project, "amara", "Mentees you could help")
    assert 'href="../ravi/"' in amara and 'href="../rosa/"' in amara
    assert "<li>seeks Grant writing — 1 of 4 mentors offers it</li>" in amara
    assert "not taking mentees" in _section(project, "cleo", "Mentees you could help")
    assert "May be inactive: profile last confirmed 1 Jan 2024" in _section(
        project, "sam", "Mentees you could help")


def test_a_stale_profile_speaks_to_readers_not_its_owner(project: Path) -> None:
    """The public profile says what a reader needs; the owner's to-do is in CONTRIBUTING.md."""
    sam = _section(project, "sam", "Mentees you could help")
    assert "May be inactive" in sam
    for owner_words in ("Your profile", "update", "`", "&#96;", "2024-01-01"):
        assert owner_words not in sam
    gus = _section(project, "gus", "Mentees you could help")
    assert "Suggested facilitator of" in gus and "circles/#circle-public-speaking" in gus
    assert "Suggested mentors" not in (project / "site/people/amara/index.html").read_text()


def test_peers_and_peer_circle_people_see_suggested_peers(project: Path) -> None:
    pete = _section(project, "pete", "Suggested peers")
    assert pete.count('class="mh-match"') == 3
    assert "<li>you both speak English</li>" in pete and "<li>same local time</li>" in pete
    pia = _section(project, "pia", "Suggested peers")
    assert "Proposed for the" in pia and "Public speaking circle" in pia
    assert "you both want to grow in Public speaking" in pia
    assert "Suggested peers" not in (project / "site/people/ravi/index.html").read_text()


def test_peer_circles_page(project: Path) -> None:
    page = (project / "site/circles/index.html").read_text(encoding="utf-8")
    assert "<title>Peer circles" in page
    start = page.index('id="circle-public-speaking"')
    card = page[start:page.index("</article>", start)]
    for member in ("../people/pia/", "../people/quinn/", "../people/tara/"):
        assert f'href="{member}"' in card
    assert 'href="../people/gus/"' in card and "within 1 hour" in card and "in English" in card
    assert broken_links(project / "site") == []


def test_matches_json_is_the_contract_and_the_core_result(project: Path) -> None:
    text = (project / "site/matches.json").read_text(encoding="utf-8")
    data = json.loads(text)
    jsonschema.validate(data, json.loads((SCHEMAS / "matches.schema.json").read_text()))
    assert set(data) == {"mentees", "circles", "preferences"}
    assert data["preferences"] == {"rosa": [{"mentor": "amara", "outcome": "suggested"}]}
    assert list(data["mentees"]) == ["pia", "quinn", "ravi", "rosa", "tara", "yuki"]
    assert data["mentees"]["yuki"] == []
    assert data["mentees"]["rosa"][0] == {
        "mentor": "amara", "score": 0.669,
        "reasons": ["offers Grant writing — 1 of 4 mentors does", "you both speak Spanish",
                    "6 hours apart", "both like group sessions"]}
    assert data["circles"] == [{"id": "public-speaking", "skill": "public-speaking",
                                "language": "en", "members": ["pia", "quinn", "tara"],
                                "facilitator": "gus", "hours_apart": 1.0}]
    hub = load_hub(project / "content", project).hub
    assert text == matches_json(match_hub(hub, MatchOptions(today=AS_OF)))


def test_cohort_reports_beside_the_site_never_inside(project: Path) -> None:
    reports = project / "reports"
    records = json.loads((reports / "cohort.json").read_text(encoding="utf-8"))
    jsonschema.validate(records, json.loads((SCHEMAS / "cohort.schema.json").read_text()))
    # amara (2 places) takes rosa and ravi; gus (1 place) takes the best of the circle
    # trio (Berlin like gus, and both like group), quinn; yuki shares no language.
    assert [(r["mentee"], r["mentor"]) for r in records] == [
        ("quinn", "gus"), ("ravi", "amara"), ("rosa", "amara")]
    rows = list(csv.DictReader(io.StringIO((reports / "cohort.csv").read_text(encoding="utf-8"))))
    assert [(r["mentee"], r["mentor"], float(r["score"])) for r in rows] == [
        (r["mentee"], r["mentor"], r["score"]) for r in records]
    assert not list((project / "site").rglob("cohort*"))
    log = (project / "build.log").read_text(encoding="utf-8")
    assert ("Cohort proposal (the most unpaired mentees paired, then preferences, then the greatest "
            "total score): "
            "3 of 6 unpaired mentees paired, 3 left.") in log
    summary = json.loads((reports / "cohort-summary.json").read_text(encoding="utf-8"))
    jsonschema.validate(summary, json.loads((SCHEMAS / "cohort-summary.schema.json").read_text()))
    assert summary["objective"] == "max-pairs" and summary["paired"] == 3
    assert {u["mentee"]: u["kind"] for u in summary["unpaired"]}["yuki"] == "no-language"
    assert "yuki: No mentor who offers Python speaks Japanese." in log


def test_private_values_never_reach_matching_output(project: Path) -> None:
    for path, text in all_text(project / "site"):
        assert SECRET not in text and "amara@example.org" not in text, path
    for path in (project / "reports").iterdir():
        assert SECRET not in path.read_text(encoding="utf-8")


def test_same_content_gives_byte_identical_output(project: Path, tmp_path: Path) -> None:
    again = tmp_path / "again"
    shutil.copytree(project, again, ignore=shutil.ignore_patterns("site", "reports", "build.log"))
    result = run_mkdocs(again, "--strict")
    assert result.returncode == 0, result.stderr
    for name in ("site/matches.json", "site/circles/index.html", "site/people/rosa/index.html",
                 "reports/cohort.json", "reports/cohort.csv", "reports/cohort-summary.json"):
        assert (again / name).read_bytes() == (project / name).read_bytes(), name


def test_the_command_line_agrees_with_the_site(project: Path, capsys: pytest.CaptureFixture[str],
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    assert main(["match", "--json", "--project", str(project)]) == 0
    out, err = capsys.readouterr()
    assert json.loads(out) == json.loads((project / "site/matches.json").read_text())
    assert "3 of 6 unpaired mentees paired" in err
    assert main(["match", "rosa", "--project", str(project)]) == 0
    out, _ = capsys.readouterr()
    assert "Suggested mentors:\n  1. Amara Okafor (amara) — 67% match" in out
    assert "     · you both speak Spanish" in out
    assert main(["match", "--project", str(project)]) == 0
    out, _ = capsys.readouterr()
    assert "public-speaking (in en, within 1 hour): pia, quinn, tara; facilitator: gus" in out
    assert out.rstrip().endswith("yuki: No mentor who offers Python speaks Japanese.")
    assert main(["match", "rossa", "--project", str(project)]) == 1
    assert "unknown person 'rossa' (did you mean 'rosa'?)" in capsys.readouterr().err


def test_the_command_line_reads_options_from_mkdocs_yml(tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    config = MINIMAL_CONFIG.replace("  - mentorhub\n", "  - mentorhub:\n      as_of: '2026-11-22'\n") + (
        "  - mentorhub-matching:\n      top_k: 1\n"
        "markdown_extensions:\n  - pymdownx.emoji:\n"
        "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n")
    root = write_project(tmp_path, CONTENT, config)
    assert main(["match", "ravi", "--json", "--project", str(root)]) == 0
    assert len(json.loads(capsys.readouterr().out)["mentors"]) == 1
    (root / "mkdocs.yml").write_text(config.replace("top_k: 1", "top_k: 0"), encoding="utf-8")
    assert main(["match", "--project", str(root)]) == 2
    assert "top_k: must be at least 1" in capsys.readouterr().err


@pytest.mark.parametrize(("config", "message"), [
    (CONFIG.replace("  - mentorhub-matching\n", "  - mentorhub-matching:\n      reports_dir: site/reports\n"),
     "reports_dir 'site/reports' is inside site_dir"),
    (CONFIG.replace("  - mentorhub-matching\n", "  - mentorhub-matching:\n      top_k: 0\n"),
     "top_k: must be at least 1"),
    (CONFIG.replace("  - mentorhub\n", ""), "the 'mentorhub-matching' plugin needs the 'mentorhub' plugin"),
])
def test_bad_configuration_fails_the_build_clearly(tmp_path: Path, config: str, message: str) -> None:
    root = write_project(tmp_path, {"content/people/ravi.md": CONTENT["content/people/ravi.md"]}, config)
    result = run_mkdocs(root)
    assert result.returncode != 0
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert not (root / "site/reports").exists()


def test_the_demo_hub(demo_build: Path) -> None:
    site = demo_build / "site"
    data = json.loads((site / "matches.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, json.loads((SCHEMAS / "matches.schema.json").read_text()))
    hub = load_hub(demo_build / "content", demo_build).hub
    assert set(data["mentees"]) == {p.id for p in hub.mentees()}
    assert sum(map(len, data["mentees"].values())) > len(data["mentees"])
    assert [c["skill"] for c in data["circles"]] == ["career-change"]
    assert 'href="circles/"' in (site / "index.html").read_text(encoding="utf-8"), "in the nav"
    records = json.loads((demo_build / "reports/cohort.json").read_text(encoding="utf-8"))
    unpaired = {p.id for p in hub.mentees() if not p.mentors}
    assert records and {r["mentee"] for r in records} <= unpaired


def test_matching_yml_is_applied_never_published_and_checked(tmp_path: Path) -> None:
    files = {**CONTENT, "content/matching.yml": "blocked:\n  - {mentee: ravi, mentor: amara}\n"}
    root = write_project(tmp_path / "ok", files, CONFIG)
    result = run_mkdocs(root, "--strict")
    assert result.returncode == 0, result.stderr
    assert not (root / "site/matching.yml").exists(), "organizer controls are never published"
    data = json.loads((root / "site/matches.json").read_text(encoding="utf-8"))
    assert "amara" not in [s["mentor"] for s in data["mentees"]["ravi"]]
    bad = write_project(tmp_path / "bad", {**CONTENT, "content/matching.yml":
                                           "pinned:\n  - {mentee: ravi, mentor: amra}\n"}, CONFIG)
    result = run_mkdocs(bad)
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert ("content/matching.yml:2: pinned.mentor: unknown person 'amra' (did you mean 'amara' or 'tara'?)"
            in result.stderr)
