"""The demo hub's Pagefind index, decompressed: what is in it, and what never is."""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from pagefind_support import all_index_bytes, fragments

from mentorhub.hub.languages import LANGUAGES
from mentorhub.hub.loader import load_hub
from mentorhub.hub.schema import (
    AUDIENCES,
    AVAILABILITY,
    FORMATS,
    LEVELS,
    OUTCOMES,
    RESOURCE_KINDS,
    ROLES,
    SESSION_FORMATS,
)
from mentorhub.i18n import ENGLISH
from mentorhub.search import meta as sm

from conftest import SHOWCASE

pytestmark = pytest.mark.build


def front_matter(path: Path) -> dict[str, Any]:
    text = path.read_text(encoding="utf-8")
    data = yaml.safe_load(text.split("---", 2)[1])
    assert isinstance(data, dict)
    return data


def content_files() -> Iterator[tuple[Path, dict[str, Any]]]:
    for path in sorted((SHOWCASE / "content").rglob("*.md")):
        yield path, front_matter(path)


def leaves(value: Any) -> Iterator[str]:
    if isinstance(value, dict):
        for item in value.values():
            yield from leaves(item)
    elif isinstance(value, list):
        for item in value:
            yield from leaves(item)
    elif value is not None:
        yield str(value)


@pytest.fixture(scope="module")
def index_text(demo_site: Path) -> str:
    return all_index_bytes(demo_site).decode("utf-8", errors="ignore").casefold()


@pytest.fixture(scope="module")
def pages(demo_site: Path) -> list[dict[str, Any]]:
    return fragments(demo_site)


def test_the_index_is_built_into_site_pagefind(demo_site: Path, pages: list[dict[str, Any]]) -> None:
    bundle = demo_site / "pagefind"
    for name in ("pagefind-entry.json", "pagefind.js", "pagefind-worker.js"):
        assert (bundle / name).is_file(), name
    assert list(bundle.glob("wasm.*.pagefind"))
    assert len(pages) > 100
    # Material's own search index is gone: one search experience.
    assert not (demo_site / "search" / "search_index.json").exists()


def test_each_record_is_indexed_once_with_its_type(pages: list[dict[str, Any]]) -> None:
    hub = load_hub(SHOWCASE / "content").hub
    types = Counter(page["meta"].get("type") for page in pages)
    assert types["Person"] == len(hub.people)
    assert types["Resource"] == len(hub.resources)
    assert types["Session"] == len(hub.sessions)
    assert types["Story"] == len(hub.stories)
    assert types["Skill"] == len(hub.skills)
    urls = [page["url"] for page in pages]
    assert len(urls) == len(set(urls))
    for page in pages:
        assert page["filters"]["Type"] == [page["meta"]["type"]], page["url"]


def test_listings_and_search_pages_are_not_indexed(pages: list[dict[str, Any]]) -> None:
    urls = {page["url"] for page in pages}
    for listing in ("/", "/people/", "/people/mentors/", "/resources/", "/sessions/",
                    "/stories/", "/skills/", "/search/", "/find/", "/find/resources/",
                    "/resources/by-topic/", "/sessions/by-group/"):
        assert listing not in urls
    assert "/people/kenji-watanabe/" in urls


def test_only_the_content_area_is_indexed(pages: list[dict[str, Any]]) -> None:
    kenji = next(page for page in pages if page["url"] == "/people/kenji-watanabe/")
    content = kenji["content"]
    # The invisible listing words first (see search_meta.LIST_ALL), then the page.
    assert content.startswith(f"{sm.LIST_ALL} {sm.list_word('Person')} Kenji Watanabe")
    assert "Setagaya" in content  # from the bio
    for chrome in ("Skip to content", "Open Mentoring Hub", "Made with", "Find a mentor"):
        assert chrome not in content  # header, nav tabs, footer
    assert "¶" not in content  # heading permalinks
    assert kenji["meta"]["title"] == "Kenji Watanabe"


def test_drafts_are_not_in_the_index(index_text: str) -> None:
    drafts = [(path, data) for path, data in content_files() if data.get("draft") is True]
    assert drafts, "the demo content should hold a draft for this test to mean something"
    for path, data in drafts:
        name = str(data.get("name") or data.get("title"))
        assert name.casefold() not in index_text, path
        body = path.read_text(encoding="utf-8").split("---", 2)[2]
        sentence = re.split(r"(?<=\.)\s", body.strip())[0]
        assert sentence.casefold() not in index_text, path
        # Not even as single words in the word index.
        assert path.stem.split("-")[-1] not in index_text, path


def test_private_values_are_not_in_the_index(index_text: str) -> None:
    private = [v for _, data in content_files() for v in leaves(data.get("private"))]
    assert len(private) >= 3
    for value in private:
        assert value.casefold() not in index_text, value


def test_emails_and_contact_blocks_are_not_in_the_index(demo_site: Path, index_text: str) -> None:
    hidden, public, links = [], [], []
    for path, data in content_files():
        contact = data.get("contact") or {}
        if contact.get("email"):
            (public if contact.get("public") is True else hidden).append((path, contact["email"]))
        links += [(path, url) for url in (data.get("links") or {}).values()]
    assert hidden and public and links
    for _, email in hidden:
        assert email.casefold() not in index_text
    # Public emails and links are on the profile page, in the contact block, which
    # carries data-pagefind-ignore="all": shown to readers, never indexed.
    for path, value in public + links:
        page = html.unescape((demo_site / "people" / path.stem / "index.html").read_text("utf-8"))
        assert value in page
        assert value.casefold() not in index_text, value


def test_filters_carry_labels_not_ids(pages: list[dict[str, Any]]) -> None:
    hub = load_hub(SHOWCASE / "content").hub
    skill_labels = {skill.label for skill in hub.skills.values()}
    codes = set(hub.skills) | set(ROLES) | set(FORMATS) | set(AVAILABILITY) | set(RESOURCE_KINDS) \
        | set(AUDIENCES) | set(LEVELS) | set(OUTCOMES) | set(SESSION_FORMATS) | set(LANGUAGES)
    seen: Counter[str] = Counter()
    for page in pages:
        for name, values in page["filters"].items():
            assert name in sm.FILTERS, name
            seen[name] += 1
            for value in values:
                assert value not in codes or value in skill_labels, (page["url"], name, value)
            if name == "Language":
                assert set(values) <= {ENGLISH.language(code) for code in LANGUAGES}  # CLDR names
            if name in ("Skill", "Offers", "Seeks"):
                assert set(values) <= skill_labels
    for name in (sm.TYPE, sm.ROLE, sm.SKILL, sm.OFFERS, sm.SEEKS, sm.LANGUAGE, sm.AVAILABILITY,
                 sm.FORMAT, sm.KIND, sm.LEVEL, sm.AUDIENCE, sm.OUTCOME, sm.GROUP,
                 sm.SESSION_FORMAT, sm.CATEGORY):
        assert seen[name], f"no page carries the {name} filter"


def test_language_filter_matches_the_profiles(pages: list[dict[str, Any]]) -> None:
    hub = load_hub(SHOWCASE / "content").hub
    for person in hub.people.values():
        page = next(p for p in pages if p["url"] == f"/people/{person.id}/")
        assert page["filters"]["Language"] == sorted(ENGLISH.language(c) for c in person.languages)


def test_every_page_carries_its_listing_words(pages: list[dict[str, Any]]) -> None:
    for page in pages:
        words = page["content"].split()[:2]
        assert words == [sm.LIST_ALL, sm.list_word(page["meta"]["type"])], page["url"]


def test_lists_of_other_records_are_not_indexed(demo_site: Path, pages: list[dict[str, Any]]) -> None:
    hub = load_hub(SHOWCASE / "content").hub
    python = next(page for page in pages if page["url"] == "/skills/python/")
    html_text = html.unescape((demo_site / "skills/python/index.html").read_text(encoding="utf-8"))
    mentors = [p.name for p in hub.mentors() if "python" in p.offers]
    assert mentors and all(name in html_text for name in mentors)
    # The skill page shows its mentors' cards, but a name finds the profile, not this page.
    assert not any(name in python["content"] for name in mentors)
    assert hub.skills["python"].label in python["content"]
