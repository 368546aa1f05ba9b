"""The `mentorhub-kpi` plugin end to end: real `mkdocs build --strict`, kpi.json, pages, CLI."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from mentorhub.commands.cli import main
from mentorhub.hub.loader import load_hub
from mentorhub.hub.models import Hub
from mentorhub.impact.kpis import compute_kpis, kpi_json_text

from conftest import EPOCH, MIA_MENTOR, MINIMAL_CONFIG, TEA_MENTEE, run_mkdocs, write_project
from sitecheck import broken_links

SCHEMA = Path(__file__).resolve().parent.parent / "plugins/mentorhub/schemas/output/kpi.schema.json"
AS_OF = dt.date(2026, 11, 22)  # conftest.EPOCH
KPI_CONFIG = MINIMAL_CONFIG + "  - mentorhub-kpi\n"

CONTENT = {
    "content/people/mia.md": MIA_MENTOR,
    "content/people/tea.md": TEA_MENTEE,
    "content/people/dora.md": """\
        ---
        name: Dora Draft
        roles: [mentor]
        languages: [en]
        offers: [grant-writing]
        consent: true
        draft: true
        ---
        """,
    "content/sessions/2026-10-01-lab.md": """\
        ---
        title: Lab one
        date: 2026-10-01
        format: workshop
        group: Lab
        facilitators: [mia]
        participants: [tea]
        topics: [python]
        attendance: 9
        duration: 90
        feedback: {responses: 6, satisfaction: 4.5}
        ---
        Notes.
        """,
    "content/sessions/2026-11-01-circle.md": """\
        ---
        title: Circle one
        date: 2026-11-01
        format: peer-circle
        group: "Circle <Two> & Co"
        facilitators: [mia]
        topics: [python]
        attendance: 4
        duration: 60
        feedback: {responses: 3, satisfaction: 3.14}
        ---
        Notes.
        """,
    "content/stories/tea-grew.md": """\
        ---
        title: Tea grew
        date: 2026-11-05
        summary: Tea learned Python.
        outcomes: [skill-gained]
        mentee: tea
        mentors: [mia]
        confidence: {before: 2, after: 4}
        ---
        Story.
        """,
    "content/resources/py-guide.md": """\
        ---
        title: Python guide
        kind: guide
        summary: Learn Python.
        topics: [python]
        authors: [mia, Guest Author]
        url: https://example.org/python
        ---
        """,
}


@pytest.fixture(scope="module")
def kpi_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = write_project(tmp_path_factory.mktemp("kpi"), CONTENT, KPI_CONFIG)
    result = run_mkdocs(project, "--strict")
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr
    return project


def read_json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def validate(document: Any) -> None:
    schema = read_json(SCHEMA)
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    ).validate(document)


def test_kpi_json_is_written_and_valid(kpi_site: Path) -> None:
    path = kpi_site / "site" / "kpi.json"
    data = read_json(path)
    validate(data)
    hub = load_hub(kpi_site / "content").hub
    assert path.read_text(encoding="utf-8") == kpi_json_text(compute_kpis(hub, AS_OF))
    assert data["as_of"] == "2026-11-22"
    assert data["people"]["mentors"] == 1  # Dora is a draft
    # Only settled responses count (docs/guide/impact.md): Lab's 6 are one run of 5 or more;
    # Circle's 3 wait for more, so they are in no average and cannot be worked out.
    assert data["sessions"]["satisfaction"] == 4.5
    assert data["sessions"]["responses"] == 9 and data["sessions"]["responses_counted"] == 6
    assert [(g["name"], g["satisfaction"]) for g in data["groups"]] == [
        ("Circle <Two> & Co", None), ("Lab", 4.5)]
    assert data["stories"]["confidence_gain"] is None
    assert "Dora" not in path.read_text(encoding="utf-8")


def test_the_schema_rejects_what_breaks_the_contract() -> None:
    good = compute_kpis(Hub(), AS_OF).to_json()
    validate(good)
    for broken in (
        {k: v for k, v in good.items() if k != "as_of"},
        {**good, "sessions": {**good["sessions"], "satisfaction": 7}},
        {**good, "people": {**good["people"], "match_rate": "59%"}},
        {**good, "sessions": {**good["sessions"], "by_month": {"2026-13": 1}}},
    ):
        with pytest.raises(jsonschema.ValidationError):
            validate(broken)


def page_text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def test_impact_page(kpi_site: Path) -> None:
    html = page_text(kpi_site / "site" / "impact" / "index.html")
    assert "<h1>Impact</h1>" in html
    for figure in ("<strong>1</strong><span>mentor</span>", "<strong>100%</strong>",
                   "<strong>2</strong><span>sessions</span>", "<strong>2.5</strong>",
                   "<strong>4.5 / 5</strong><span>satisfaction, from 6 responses</span>"):
        assert figure in html
    # every chart: an image with a title and description, and a table of the same figures
    svgs = re.findall(r"<svg [^>]*class=\"mh-chart__svg\".*?</svg>", html)
    assert len(svgs) == 3  # sessions per month, skills, outcomes
    for svg in svgs:
        assert 'role="img"' in svg and "<title id=" in svg and "<desc id=" in svg
    assert html.count('<details class="mh-chart__data">') == 3
    assert "Most wanted, too few mentors" in html
    assert ">Grant writing</a>: 1 mentee seeking, 0 mentors offering" in html
    # the withheld group means read as such, and the hidden one appears nowhere
    # Circle, the confidence gain (one story) and the note that explains the rule
    assert html.count("not enough responses yet") == 3
    assert re.search(r"Lab</a></th><td>1</td><td>9</td><td>1.5</td><td>4.5 / 5", html)
    assert "3.14" not in html and "3.1 / 5" not in html
    assert "Circle &lt;Two&gt; &amp; Co" in html and "<Two>" not in html
    assert '<a href="../kpi.json">kpi.json</a>' in html
    article = html.split("<article", 1)[1].split("</article>", 1)[0]
    assert "<script" not in article


def test_group_and_thanks_pages(kpi_site: Path) -> None:
    site = kpi_site / "site"
    lab = page_text(site / "impact" / "groups" / "lab" / "index.html")
    assert "<strong>9</strong><span>attending in all</span>" in lab
    assert "<strong>1.5</strong>" in lab
    assert 'href="../../../sessions/groups/lab/"' in lab
    assert lab.count("not enough responses yet") >= 2  # satisfaction and confidence
    circle = page_text(site / "impact" / "groups" / "circle-two-co" / "index.html")
    assert "3.14" not in circle and "3.1 / 5" not in circle
    thanks = page_text(site / "thanks" / "index.html")
    assert ">Mia Mentor</a> <span class=\"mh-muted\">· 2 sessions led</span>" in thanks
    assert ">Mia Mentor</a> <span class=\"mh-muted\">· 1 active mentee</span>" in thanks
    assert "Guest Author <span class=\"mh-muted\">· 1 resource</span>" in thanks
    assert ">Tea Mentee</a> <span class=\"mh-muted\">· 1 story</span>" in thanks
    assert "Dora" not in thanks


def test_site_links_resolve_and_css_is_published(kpi_site: Path) -> None:
    site = kpi_site / "site"
    assert broken_links(site) == []
    assert (site / "assets" / "mentorhub" / "kpi.css").is_file()
    assert 'href="../assets/mentorhub/kpi.css"' in page_text(site / "impact" / "index.html")


def test_impact_and_thanks_are_in_the_automatic_nav(kpi_site: Path) -> None:
    home = page_text(kpi_site / "site" / "index.html")
    assert 'href="impact/"' in home and 'href="thanks/"' in home
    assert 'href="impact/groups/lab/"' not in home  # group pages stay out of the nav


def test_options_change_the_figures(tmp_path: Path) -> None:
    config = KPI_CONFIG.replace(
        "  - mentorhub-kpi\n",
        "  - mentorhub-kpi:\n      as_of: '2026-10-15'\n      min_responses: 3\n      trend_days: 30\n",
    )
    project = write_project(tmp_path, CONTENT, config)
    result = run_mkdocs(project, "--strict")
    assert result.returncode == 0, result.stderr
    data = read_json(project / "site" / "kpi.json")
    validate(data)
    assert data["as_of"] == "2026-10-15"
    assert data["min_responses"] == 3
    assert data["sessions"]["count"] == 1  # the circle met after 15 October
    assert data["sessions"]["satisfaction"] == 4.5
    assert [(g["name"], g["satisfaction"]) for g in data["groups"]] == [("Lab", 4.5)]
    assert data["trends"]["current"] == {"start": "2026-09-16", "end": "2026-10-15"}
    assert data["stories"]["count"] == 0
    html = page_text(project / "site" / "impact" / "index.html")
    assert "The last 30 days (16 Sep – 15 Oct 2026)" in html


@pytest.mark.parametrize(("plugins", "message"), [
    ("  - mentorhub-kpi\n", "the 'mentorhub-kpi' plugin needs the 'mentorhub' plugin"),
    ("  - mentorhub-kpi\n  - mentorhub\n", "list the 'mentorhub' plugin before 'mentorhub-kpi'"),
    ("  - mentorhub\n  - mentorhub-kpi:\n      min_responses: 0\n",
     "mentorhub-kpi: min_responses must be at least 1, not 0"),
    ("  - mentorhub\n  - mentorhub-kpi:\n      as_of: soon\n",
     "mentorhub-kpi: as_of: 'soon' is not a date (use YYYY-MM-DD)"),
])
def test_configuration_errors_are_clear(tmp_path: Path, plugins: str, message: str) -> None:
    config = MINIMAL_CONFIG.replace("  - mentorhub\n", plugins)
    project = write_project(tmp_path, {}, config)
    result = run_mkdocs(project)
    assert result.returncode != 0
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_builds_are_byte_identical(kpi_site: Path, tmp_path: Path) -> None:
    again = write_project(tmp_path, CONTENT, KPI_CONFIG)
    assert run_mkdocs(again, "--strict").returncode == 0
    for relative in ("kpi.json", "impact/index.html", "impact/groups/lab/index.html",
                     "thanks/index.html"):
        first = (kpi_site / "site" / relative).read_bytes()
        assert first == (again / "site" / relative).read_bytes(), relative


# -- the CLI -------------------------------------------------------------------------------


def test_cli_json_matches_the_build(kpi_site: Path, capsys: pytest.CaptureFixture[str],
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    assert main(["kpi", "--json", "--project", str(kpi_site)]) == 0
    assert capsys.readouterr().out == (kpi_site / "site" / "kpi.json").read_text(encoding="utf-8")


def test_cli_table(kpi_site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["kpi", "--project", str(kpi_site), "--as-of", "2026-11-22"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Impact as of 2026-11-22 (averages need 5 responses")
    assert re.search(r"^  mentors +1$", out, re.M)
    assert re.search(r"^  match rate +100%$", out, re.M)
    # Circle's 3 responses are not settled yet (docs/guide/impact.md)
    assert re.search(r"^  satisfaction \(1-5\) +4\.50 \(6 responses, 3 not counted yet\)$", out, re.M)
    assert re.search(r"^  confidence gain +not enough responses yet \(1 response\)$", out, re.M)
    assert re.search(r"^  Lab +1 +9 +1\.5 +4\.50 \(6 responses\) +0$", out, re.M)
    assert re.search(r"^  grant-writing +1 +0 +\+1 +0$", out, re.M)
    assert "3.14" not in out


def test_cli_threshold_and_errors(kpi_site: Path, tmp_path: Path,
                                  capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["kpi", "--json", "-p", str(kpi_site), "--as-of", "2026-11-22",
                 "--min-responses", "3"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [(g["name"], g["satisfaction"]) for g in data["groups"]] == [
        ("Circle <Two> & Co", 3.14), ("Lab", 4.5)]
    with pytest.raises(SystemExit) as exit_info:
        main(["kpi", "-p", str(kpi_site), "--min-responses", "0"])
    assert exit_info.value.code == 2
    assert "is not a whole number of at least 1" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["kpi", "-p", str(kpi_site), "--as-of", "tomorrow"])
    assert "'tomorrow' is not a date" in capsys.readouterr().err
    broken = write_project(tmp_path, {"content/people/bad.md": "---\nname: Bad\n---\n"})
    assert main(["kpi", "-p", str(broken)]) == 1
    assert "content/people/bad.md" in capsys.readouterr().err


# -- the demo hub ----------------------------------------------------------------------------


def test_demo_kpi_json_is_valid_and_matches_the_cli(demo_site: Path,
                                                     capsys: pytest.CaptureFixture[str],
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    text = (demo_site / "kpi.json").read_text(encoding="utf-8")
    validate(json.loads(text))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    assert main(["kpi", "--json", "-p", str(demo_site.parent)]) == 0
    assert capsys.readouterr().out == text
    assert (demo_site / "impact" / "index.html").is_file()
    assert (demo_site / "thanks" / "index.html").is_file()


def test_cli_reads_the_plugin_options_in_mkdocs_yml(tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    """Like `match` and `diff`: the figures match the site's, without repeating the options."""
    config = MINIMAL_CONFIG + "  - mentorhub-kpi:\n      min_responses: 1\n      trend_days: 30\n" \
                              "      as_of: 2026-10-15\n"
    project = write_project(tmp_path / "hub", {"content/people/mia.md": MIA_MENTOR}, config)
    assert main(["kpi", "-p", str(project)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Impact as of 2026-10-15 (averages need 1 responses; trends compare 30-day")
    assert main(["kpi", "-p", str(project), "--min-responses", "4"]) == 0  # a flag still wins
    assert "(averages need 4 responses" in capsys.readouterr().out
    (project / "mkdocs.yml").write_text(config.replace("min_responses: 1", "min_responses: zero"),
                                        encoding="utf-8")
    assert main(["kpi", "-p", str(project)]) == 2
    assert "min_responses must be a whole number of at least 1, not 'zero'" in capsys.readouterr().err
