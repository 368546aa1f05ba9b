"""'Propose an edit' on every content page and 'Add yourself' on the people directory."""

from __future__ import annotations

import re
import shutil
from html import unescape
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from mentorhub.hub.loader import load_hub
from mentorhub.site.contribute import edit_base, edit_url, new_file_url, repository_file_url

from conftest import MENTOR_MO, SHOWCASE, run_mkdocs, write_project
from sitecheck import LinkCollector

EDIT = "https://github.com/org/hub/edit/main/content/"

CONFIG = """\
site_name: Test hub
docs_dir: content
edit_uri: https://github.com/org/hub/edit/main/content/
theme:
  name: material
  font: false
  features: [content.action.edit]
plugins:
  - mentorhub
hooks:
  - hooks/contribute_links.py
"""

FILES = {
    "content/people/mentor-mo.md": MENTOR_MO,
    "content/sessions/2026/kickoff.md": """\
        ---
        title: Kickoff
        date: 2026-01-10
        format: workshop
        facilitators: [mentor-mo]
        topics: [python]
        ---
        Notes.
        """,
    "CONTRIBUTING.md": "# Contributing\n",
}


def links(page: Path) -> list[dict[str, str | None]]:
    collector = LinkCollector()
    collector.feed(page.read_text(encoding="utf-8"))
    return [dict(attrs) for tag, attrs in collector.start_tags if tag == "a"]


def edit_links(page: Path) -> list[str]:
    return sorted({str(a["href"]) for a in links(page) if a.get("rel") == "edit"})


def build(root: Path, config: str = CONFIG, files: dict[str, str] = FILES) -> Path:
    project = write_project(root, files, config)
    shutil.copytree(SHOWCASE / "hooks", project / "hooks")
    result = run_mkdocs(project, "--strict")
    assert result.returncode == 0, result.stderr
    return project / "site"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(tmp_path_factory.mktemp("contribute"))


# -- URL shapes --------------------------------------------------------------------------------


def test_edit_base_follows_mkdocs_rules() -> None:
    assert edit_base("https://github.com/org/hub", "edit/main/content/") == EDIT
    assert edit_base("https://github.com/org/hub/", "edit/main/content") == EDIT
    assert edit_base(None, EDIT) == EDIT
    assert edit_base("https://github.com/org/hub", None) == ""
    assert edit_base(None, "edit/main/content/") == ""  # relative with no repository: nothing


def test_urls_for_github_and_gitlab() -> None:
    assert edit_url(EDIT, "people/ana maria.md") == EDIT + "people/ana%20maria.md"
    assert new_file_url(EDIT, "people", "x.md", "a: 1\n") == (
        "https://github.com/org/hub/new/main/content/people?filename=x.md&value=a%3A+1%0A"
    )
    gitlab = "https://gitlab.com/org/hub/-/edit/main/content/"
    assert new_file_url(gitlab, "people", "x.md", "").startswith(
        "https://gitlab.com/org/hub/-/new/main/content/people?"
    )
    assert repository_file_url(EDIT, "content", "CONTRIBUTING.md") == (
        "https://github.com/org/hub/blob/main/CONTRIBUTING.md"
    )
    assert repository_file_url(gitlab, "content", "CONTRIBUTING.md") == (
        "https://gitlab.com/org/hub/-/blob/main/CONTRIBUTING.md"
    )
    assert new_file_url("https://example.org/files/", "people", "x.md", "") == ""
    assert repository_file_url(EDIT, "docs", "CONTRIBUTING.md") == ""


# -- the built site ------------------------------------------------------------------------------


def test_record_pages_propose_an_edit_of_their_own_file(site: Path) -> None:
    assert edit_links(site / "people/mentor-mo/index.html") == [EDIT + "people/mentor-mo.md"]
    assert edit_links(site / "sessions/kickoff/index.html") == [EDIT + "sessions/2026/kickoff.md"]
    assert edit_links(site / "skills/python/index.html") == [EDIT + "skills.yml"]
    page = (site / "people/mentor-mo/index.html").read_text(encoding="utf-8")
    assert ">Propose an edit</a>" in page
    # Kept out of the search index: it is on every page and says nothing about the record.
    assert '<p class="mh-edit" data-pagefind-ignore="all">' in page
    assert 'class="md-content__button md-icon" rel="edit"' in page  # Material's pencil too


def test_listings_have_no_edit_link(site: Path) -> None:
    for listing in ("people/index.html", "sessions/index.html", "index.html"):
        assert edit_links(site / listing) == [], listing


def test_people_directory_invites_people_to_add_themselves(site: Path, tmp_path: Path) -> None:
    anchors = {unescape(str(a.get("href"))): a for a in links(site / "people/index.html")}
    add = next(href for href in anchors if "/new/main/content/people" in href)
    parts = urlsplit(add)
    assert parts.netloc == "github.com"
    query = parse_qs(parts.query)
    assert query["filename"] == ["your-name.md"]
    # The prefilled file is well-formed; only its FILL IN answers stop it from being published.
    (tmp_path / "content" / "people").mkdir(parents=True)
    (tmp_path / "content" / "skills.yml").write_text(
        (SHOWCASE / "content" / "skills.yml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    (tmp_path / "content" / "people" / "your-name.md").write_text(query["value"][0], encoding="utf-8")
    result = load_hub(tmp_path / "content")
    assert result.problems and {p.message for p in result.problems} == {"fill in this field"}
    assert "name: Your Name" in query["value"][0] and "consent: FILL IN" in query["value"][0]
    assert "https://github.com/org/hub/blob/main/CONTRIBUTING.md" in anchors
    page = (site / "people/index.html").read_text(encoding="utf-8")
    assert re.search(r">\s*Add yourself\s*</a>", page)


def test_without_edit_uri_nothing_links_to_a_repository(tmp_path: Path) -> None:
    config = CONFIG.replace("edit_uri: https://github.com/org/hub/edit/main/content/\n", "")
    site = build(tmp_path, config)
    assert edit_links(site / "people/mentor-mo/index.html") == []
    page = (site / "people/index.html").read_text(encoding="utf-8")
    assert "mentorhub new person" in page
    assert "github.com" not in page


def test_demo_edit_links_point_at_files_that_exist(demo_site: Path) -> None:
    base = edit_base(None, _demo_edit_uri())
    assert base
    checked = 0
    for page in sorted(demo_site.rglob("index.html")):
        for href in edit_links(page):
            assert href.startswith(base), href
            assert (SHOWCASE / "content" / href.removeprefix(base)).is_file(), href
            checked += 1
    hub = load_hub(SHOWCASE / "content").hub
    assert checked >= hub.record_count + len(hub.skills)


def _demo_edit_uri() -> str:
    match = re.search(r"^edit_uri:\s*(\S+)", (SHOWCASE / "mkdocs.yml").read_text(encoding="utf-8"), re.M)
    assert match, "mkdocs.yml sets no edit_uri"
    return match.group(1)
