""""Report this profile" on every profile page: GitHub's issue form, prefilled."""

from __future__ import annotations

from html import unescape
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from mentorhub.site.contribute import issue_form_url

from conftest import MENTOR_MO, MINIMAL_CONFIG, run_mkdocs, write_project
from sitecheck import LinkCollector

GITHUB = "site_url: https://example.org/hub/\nedit_uri: https://github.com/o/hub/edit/main/content/\n"


def report_links(page: Path) -> list[str]:
    collector = LinkCollector()
    collector.feed(page.read_text(encoding="utf-8"))
    return [unescape(url) for url in collector.urls if "/issues/new?" in url]


def build(root: Path, config: str) -> Path:
    project = write_project(root, {"content/people/mo.md": MENTOR_MO}, config=config)
    result = run_mkdocs(project, "--strict")
    assert result.returncode == 0, result.stderr
    return project / "site"


def test_issue_form_url_on_github_only() -> None:
    url = issue_form_url("https://github.com/o/hub/edit/main/content/", "report-profile.yml",
                         "Profile report: Mo", {"profile": "mo"})
    parts = urlsplit(url)
    assert parts.netloc == "github.com" and parts.path == "/o/hub/issues/new"
    assert parse_qs(parts.query) == {"template": ["report-profile.yml"], "title": ["Profile report: Mo"],
                                     "profile": ["mo"]}
    assert issue_form_url("https://gitlab.com/o/hub/-/edit/main/content/", "x.yml", "t", {}) == ""
    assert issue_form_url("", "x.yml", "t", {}) == ""


@pytest.mark.parametrize(("language", "text"), [("en", "Report this profile"),
                                                ("de", "Dieses Profil melden")])
def test_every_profile_links_the_report_form(tmp_path: Path, language: str, text: str) -> None:
    config = GITHUB + MINIMAL_CONFIG.replace("  font: false\n", f"  font: false\n  language: {language}\n")
    site = build(tmp_path, config)
    page = site / "people/mo/index.html"
    [url] = report_links(page)
    query = parse_qs(urlsplit(url).query)
    assert url.startswith("https://github.com/o/hub/issues/new?")
    assert query["template"] == ["report-profile.yml"]
    assert query["profile"] == ["https://example.org/hub/people/mo/"]
    assert text in page.read_text(encoding="utf-8")
    form = Path(__file__).parent.parent / ".github/ISSUE_TEMPLATE" / query["template"][0]
    assert form.is_file()  # the link names a form that exists


def test_without_a_github_repository_there_is_no_link(tmp_path: Path) -> None:
    site = build(tmp_path, MINIMAL_CONFIG)
    assert report_links(site / "people/mo/index.html") == []
    assert "Report this profile" not in (site / "people/mo/index.html").read_text(encoding="utf-8")
