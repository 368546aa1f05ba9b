"""Feeds: valid Atom 1.0 and JSON Feed 1.1, deterministic, linked from pages, nothing private."""

from __future__ import annotations

import datetime as dt
import json
import posixpath
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from mentorhub.feeds import Entry, Feed, FeedOptions, atom_xml, build_feeds, json_feed
from mentorhub.hub.loader import load_hub

from conftest import SHOWCASE, run_mkdocs, write_project
from sitecheck import LinkCollector

A = "{http://www.w3.org/2005/Atom}"
CANARIES = ("PRIVATE-CANARY", "hidden@example.org", "DRAFT-CANARY", "draft-dora")

CONFIG = """\
site_name: Test hub
site_url: https://hub.example.org/base/
docs_dir: content
theme:
  name: material
  font: false
  language: en
plugins:
  - mentorhub
  - mentorhub-feeds
"""

FILES = {
    "content/people/mentor-mo.md": """\
        ---
        name: Mo Mentor
        roles: [mentor]
        languages: [en]
        offers: [python]
        contact: {email: hidden@example.org}
        private: {note: PRIVATE-CANARY}
        consent: true
        ---
        """,
    "content/people/draft-dora.md": """\
        ---
        name: DRAFT-CANARY Dora
        draft: true
        ---
        """,
    "content/stories/b-second.md": """\
        ---
        title: Second on the same day
        date: 2026-03-01
        summary: Tied with another story.
        outcomes: [promotion]
        mentors: [mentor-mo]
        skills: [python]
        ---
        """,
    "content/stories/a-first.md": """\
        ---
        title: Tips & <tricks> "quoted"
        date: 2026-03-01
        summary: Markup-looking text <b>stays</b> text & is escaped.
        outcomes: [skill-gained]
        ---
        """,
    "content/stories/old.md": """\
        ---
        title: An older story
        date: 2025-01-01
        summary: Older.
        outcomes: [other]
        ---
        """,
    "content/stories/draft-story.md": """\
        ---
        title: DRAFT-CANARY story
        date: 2026-12-01
        summary: Not yet.
        outcomes: [other]
        draft: true
        ---
        """,
    "content/sessions/2026-02-01-kickoff.md": """\
        ---
        title: Kickoff
        date: 2026-02-01
        format: workshop
        facilitators: [mentor-mo]
        topics: [python, presenting]
        group: Python circle
        ---
        Notes.
        """,
    "content/resources/dated.md": """\
        ---
        title: A dated guide
        kind: guide
        summary: Has an updated date.
        topics: [grant-writing]
        authors: [mentor-mo, Someone Else]
        updated: 2026-04-01
        url: https://example.org/guide
        ---
        """,
    "content/resources/undated.md": """\
        ---
        title: An undated guide
        kind: guide
        summary: No updated date, so not in the feed.
        topics: [python]
        url: https://example.org/undated
        ---
        """,
}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = write_project(tmp_path_factory.mktemp("feeds"), FILES, CONFIG)
    result = run_mkdocs(project, "--strict")
    assert result.returncode == 0, result.stderr
    return project / "site"


def parse(path: Path) -> ET.Element:
    return ET.fromstring(path.read_bytes())


def rfc3339(text: str) -> dt.datetime:
    assert text.endswith("Z"), text
    return dt.datetime.fromisoformat(text.removesuffix("Z") + "+00:00")


def assert_valid_atom(root: ET.Element) -> None:
    """The structural rules of RFC 4287 that a feed reader relies on."""
    assert root.tag == f"{A}feed"
    for name in ("id", "title", "updated"):
        assert len(root.findall(f"{A}{name}")) == 1, name
    rfc3339(root.findtext(f"{A}updated", ""))
    assert [link.get("rel") for link in root.findall(f"{A}link")].count("self") == 1
    feed_has_author = root.find(f"{A}author/{A}name") is not None
    ids = []
    for entry in root.findall(f"{A}entry"):
        for name in ("id", "title", "updated"):
            assert len(entry.findall(f"{A}{name}")) == 1, name
        assert entry.findtext(f"{A}title", "").strip()
        rfc3339(entry.findtext(f"{A}updated", ""))
        rfc3339(entry.findtext(f"{A}published", ""))
        assert feed_has_author or entry.find(f"{A}author/{A}name") is not None
        alternate = [link for link in entry.findall(f"{A}link") if link.get("rel") == "alternate"]
        assert len(alternate) == 1 and alternate[0].get("href")
        ids.append(entry.findtext(f"{A}id", ""))
    assert len(ids) == len(set(ids)), "entry ids must be unique"
    for identifier in [root.findtext(f"{A}id", ""), *ids]:
        assert urlsplit(identifier).scheme, f"not an absolute IRI: {identifier}"


# -- the built feeds --------------------------------------------------------------------------


def test_every_feed_is_valid_atom_and_json_feed(built: Path) -> None:
    for kind in ("stories", "sessions", "resources"):
        root = parse(built / f"feed-{kind}.xml")
        assert_valid_atom(root)
        document = json.loads((built / f"feed-{kind}.json").read_text(encoding="utf-8"))
        assert document["version"] == "https://jsonfeed.org/version/1.1"
        assert document["title"] == root.findtext(f"{A}title")
        for item in document["items"]:
            assert item["id"] and item["url"].startswith("https://") and item["content_text"]
            rfc3339(item["date_published"])
        atom_ids = [e.findtext(f"{A}id") for e in root.findall(f"{A}entry")]
        assert [item["id"] for item in document["items"]] == atom_ids


def test_stories_feed_lists_published_stories_newest_first(built: Path) -> None:
    root = parse(built / "feed-stories.xml")
    entries = root.findall(f"{A}entry")
    assert [e.findtext(f"{A}id") for e in entries] == [
        "https://hub.example.org/base/stories/b-second/",
        "https://hub.example.org/base/stories/a-first/",
        "https://hub.example.org/base/stories/old/",
    ]
    assert root.findtext(f"{A}updated") == "2026-03-01T00:00:00Z"
    assert root.findtext(f"{A}id") == "https://hub.example.org/base/feed-stories.xml"
    title = entries[1].findtext(f"{A}title")
    assert title == 'Tips & <tricks> "quoted"'  # escaped in the file, exact once parsed
    assert entries[1].findtext(f"{A}summary") == "Markup-looking text <b>stays</b> text & is escaped."
    terms = [c.get("term") for c in entries[0].findall(f"{A}category")]
    # an anonymous story whose skill and mentor fit no member: generalised (docs/guide/privacy.md)
    assert terms == ["promotion"]


def test_sessions_and_resources_carry_names_topics_and_dates(built: Path) -> None:
    (session,) = parse(built / "feed-sessions.xml").findall(f"{A}entry")
    assert session.findtext(f"{A}author/{A}name") == "Mo Mentor"
    assert session.findtext(f"{A}summary") == (
        "Workshop of Python circle on 2026-02-01. Topics: Python, Public speaking."
    )
    entries = parse(built / "feed-resources.xml").findall(f"{A}entry")
    assert [e.findtext(f"{A}title") for e in entries] == ["A dated guide"]  # undated is left out
    assert [a.text for a in entries[0].findall(f"{A}author/{A}name")] == ["Mo Mentor", "Someone Else"]
    assert entries[0].findtext(f"{A}updated") == "2026-04-01T00:00:00Z"


def test_feeds_hold_no_drafts_or_private_data(built: Path) -> None:
    feeds = sorted(built.glob("feed-*"))
    assert len(feeds) == 6
    for path in feeds:
        text = path.read_text(encoding="utf-8")
        for canary in CANARIES:
            assert canary not in text, f"{canary} leaked into {path.name}"


def test_feeds_are_byte_identical_across_builds(built: Path, tmp_path: Path) -> None:
    project = write_project(tmp_path, FILES, CONFIG)
    result = run_mkdocs(project, "--strict")
    assert result.returncode == 0, result.stderr
    first = {p.name: p.read_bytes() for p in built.glob("feed-*")}
    second = {p.name: p.read_bytes() for p in (project / "site").glob("feed-*")}
    assert len(first) == 6
    assert first == second


def test_every_page_links_the_feeds_in_its_head(built: Path) -> None:
    for page in ("index.html", "stories/index.html", "people/mentor-mo/index.html"):
        collector = LinkCollector()
        collector.feed((built / page).read_text(encoding="utf-8"))
        alternates = [
            dict(attrs) for tag, attrs in collector.start_tags
            if tag == "link" and "alternate" in str(dict(attrs).get("rel")).split()
        ]
        types = sorted(str(a["type"]) for a in alternates)
        assert types == ["application/atom+xml"] * 3, page
        for link in alternates:
            target = posixpath.normpath(posixpath.join(posixpath.dirname(page), str(link["href"])))
            assert (built / target).is_file(), f"{page}: {link['href']}"


def test_feed_links_escape_materials_language_selector(built: Path) -> None:
    """Material fetches the sitemap once per `link[rel=alternate]` (an exact match of the
    attribute): the feed links must not match it, or every page downloads it per feed."""
    collector = LinkCollector()
    collector.feed((built / "index.html").read_text(encoding="utf-8"))
    rels = [str(dict(a).get("rel")) for tag, a in collector.start_tags
            if tag == "link" and dict(a).get("type") == "application/atom+xml"]
    assert rels == ["alternate feed"] * 3


def test_materials_sitemap_request_beside_each_feed_link_finds_the_sitemap(built: Path) -> None:
    """Material fetches `sitemap.xml` next to every <link rel="alternate"> (language versions);
    next to a feed in a folder that would be a 404 on every page load."""
    base = "https://hub.example.org/base/"
    for page in ("index.html", "people/mentor-mo/index.html", "stories/index.html"):
        collector = LinkCollector()
        collector.feed((built / page).read_text(encoding="utf-8"))
        page_url = urljoin(base, page.removesuffix("index.html"))
        hrefs = [str(dict(a)["href"]) for tag, a in collector.start_tags
                 if tag == "link" and "alternate" in str(dict(a).get("rel")).split()]
        assert hrefs
        for href in hrefs:
            sitemap = urljoin(urljoin(page_url, href), "sitemap.xml")
            assert (built / sitemap.removeprefix(base)).is_file(), sitemap


@pytest.mark.parametrize(("page", "feed"), [
    ("stories/index.html", "feed-stories.xml"),
    ("sessions/index.html", "feed-sessions.xml"),
    ("resources/index.html", "feed-resources.xml"),
])
def test_listing_pages_show_a_subscribe_link(built: Path, page: str, feed: str) -> None:
    collector = LinkCollector()
    collector.feed((built / page).read_text(encoding="utf-8"))
    visible = [
        dict(attrs)["href"] for tag, attrs in collector.start_tags
        if tag == "a" and dict(attrs).get("type") == "application/atom+xml"
    ]
    assert len(visible) == 1
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page), str(visible[0])))
    assert target == feed


def test_without_site_url_links_are_relative_and_ids_stable(tmp_path: Path) -> None:
    config = CONFIG.replace("site_url: https://hub.example.org/base/\n", "").replace(
        "  - mentorhub-feeds\n", "  - mentorhub-feeds:\n      kinds: [stories]\n      limit: 2\n"
    )
    project = write_project(tmp_path, FILES, config)
    result = run_mkdocs(project, "--strict")
    assert result.returncode == 0, result.stderr
    site = project / "site"
    assert sorted(p.name for p in site.glob("feed-*")) == ["feed-stories.json", "feed-stories.xml"]
    root = parse(site / "feed-stories.xml")
    assert_valid_atom(root)
    entries = root.findall(f"{A}entry")
    assert len(entries) == 2  # limit
    for entry in entries:
        assert entry.findtext(f"{A}id", "").startswith("urn:uuid:")
        href = entry.find(f"{A}link").get("href", "")  # type: ignore[union-attr]
        target = urlsplit(urljoin("https://x.invalid/feed-stories.xml", href)).path.lstrip("/")
        assert (site / target / "index.html").is_file(), href
    document = json.loads((site / "feed-stories.json").read_text(encoding="utf-8"))
    assert "feed_url" not in document and all("url" not in item for item in document["items"])
    assert "Subscribe" not in (site / "sessions" / "index.html").read_text(encoding="utf-8")


# -- the core, without MkDocs ------------------------------------------------------------------


def test_ids_do_not_depend_on_the_build_date(tmp_path: Path) -> None:
    project = write_project(tmp_path, FILES)
    hub = load_hub(project / "content").hub
    options = FeedOptions(site_name="Hub")
    first = build_feeds(hub, dt.date(2026, 1, 1), options)
    later = build_feeds(hub, dt.date(2027, 6, 1), options)
    assert [e.id for f in first for e in f.entries] == [e.id for f in later for e in f.entries]
    assert atom_xml(first[0]) == atom_xml(later[0])  # dated by its entries, not the build


def test_an_empty_feed_is_dated_by_the_build_and_still_valid() -> None:
    from mentorhub.hub.models import Hub

    (feed,) = build_feeds(Hub(), dt.date(2026, 11, 22), FeedOptions(site_name="Hub"), ["stories"])
    root = ET.fromstring(atom_xml(feed))
    assert_valid_atom(root)
    assert root.findtext(f"{A}updated") == "2026-11-22T00:00:00Z"
    assert json.loads(json_feed(feed))["items"] == []


def test_characters_xml_cannot_hold_are_dropped() -> None:
    entry = Entry(id="urn:uuid:1", title="bell\x07 & form\x0cfeed", url="a/", date=dt.date(2026, 1, 1),
                  summary="ok")
    feed = Feed(kind="stories", id="urn:uuid:0", title="T", language="en", atom_url="stories.xml",
                json_url="stories.json", home_url="../stories/", updated=dt.date(2026, 1, 1),
                author="Hub", entries=(entry,), absolute=False)
    root = ET.fromstring(atom_xml(feed))
    assert root.findtext(f"{A}entry/{A}title") == "bell & formfeed"


def test_the_demo_site_publishes_its_feeds(demo_site: Path) -> None:
    hub = load_hub(SHOWCASE / "content").hub
    stories = parse(demo_site / "feed-stories.xml").findall(f"{A}entry")
    assert len(stories) == min(50, len(hub.stories))
    sessions = parse(demo_site / "feed-sessions.xml").findall(f"{A}entry")
    assert len(sessions) == min(50, len(hub.sessions))
    for kind in ("stories", "sessions", "resources"):
        assert_valid_atom(parse(demo_site / f"feed-{kind}.xml"))
