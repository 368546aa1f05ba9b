"""Search in a real browser: headless Debian Chromium on the demo site, served on localhost.

Every test runs in the `browser_page` fixture, which fails the test on any console
error and on any request to a host other than localhost.
"""

from __future__ import annotations

from typing import Any

import pytest

from mentorhub.hub.loader import load_hub
from mentorhub.hub.models import Hub
from mentorhub.i18n import ENGLISH
from mentorhub.search import meta as sm

from conftest import SHOWCASE

pytestmark = [pytest.mark.browser, pytest.mark.build]


@pytest.fixture(scope="module")
def hub() -> Hub:
    return load_hub(SHOWCASE / "content").hub


def results(page: Any) -> list[str]:
    """Result titles once the search has settled (the form's region is no longer busy)."""
    page.wait_for_selector(".mh-finder:not([aria-busy])")
    page.wait_for_function("document.querySelector('.mh-finder__status').textContent !== ''")
    return [t.strip() for t in page.locator(".mh-result__title").all_inner_texts()]


def show_all(page: Any) -> list[str]:
    more = page.locator("[data-mh-more]")
    while more.is_visible():
        count = page.locator(".mh-result").count()
        more.click()
        page.wait_for_function(f"document.querySelectorAll('.mh-result').length > {count}")
    return results(page)


@pytest.mark.parametrize(("query", "kind", "record"), [
    ("Setagaya", "Person", "kenji-watanabe"),  # a word only his bio has
    ("python tutorial", "Resource", "python-official-tutorial"),
    ("budget narratives", "Session", "2026-11-05-budget-narratives"),
    ("grant writing", "Skill", "grant-writing"),
])
def test_header_search_gives_the_right_first_result(browser_page: Any, demo_url: str, hub: Hub,
                                                     query: str, kind: str, record: str) -> None:
    expected = {
        "Person": lambda: hub.people[record].name,
        "Resource": lambda: hub.resources[record].title,
        "Session": lambda: hub.sessions[record].title,
        "Skill": lambda: hub.skills[record].label,
    }[kind]()
    page = browser_page
    page.goto(demo_url + "/people/")
    page.fill("#mh-header-search-input", query)
    page.press("#mh-header-search-input", "Enter")
    page.wait_for_url("**/search/?q=*")
    titles = results(page)
    assert titles[0] == expected
    first = page.locator(".mh-result").first
    assert first.locator(".mh-result__type").inner_text().strip() == kind
    # The excerpt is shown, with the words found marked.
    assert first.locator(".mh-result__excerpt mark").count() >= 1
    assert page.input_value("#mh-q") == query


def test_open_a_profile_from_a_result(browser_page: Any, demo_url: str, hub: Hub) -> None:
    page = browser_page
    page.goto(demo_url + "/search/?q=Setagaya")
    results(page)
    page.locator(".mh-result__title a").first.click()
    page.wait_for_url("**/people/kenji-watanabe/")
    assert page.locator("article h1").first.inner_text().startswith(hub.people["kenji-watanabe"].name)


def test_find_a_mentor_lists_mentors_then_a_language_narrows_them(browser_page: Any, demo_url: str,
                                                                  hub: Hub) -> None:
    page = browser_page
    page.goto(demo_url + "/find/")
    mentors = sorted(p.name for p in hub.mentors())
    assert sorted(show_all(page)) == mentors  # listed before anything is typed
    speaks = {
        ENGLISH.language(code): sorted(p.name for p in hub.mentors() if code in p.languages)
        for code in {c for p in hub.mentors() for c in p.languages}
    }
    # The rarest language that some mentors speak: the list must visibly shrink.
    language = min(speaks, key=lambda name: (len(speaks[name]), name))
    page.select_option("#mh-f-language", language)
    page.wait_for_url(f"**/find/?Language={language}")
    narrowed = sorted(show_all(page))
    assert narrowed == speaks[language]
    assert 0 < len(narrowed) < len(mentors)
    assert page.locator(".mh-finder__status").inner_text().startswith(f"{len(narrowed)} mentor")


def test_facets_combine_and_the_url_restores_them(browser_page: Any, demo_url: str, hub: Hub) -> None:
    page = browser_page
    english = [p for p in hub.mentors() if "en" in p.languages]
    open_now = sorted(p.name for p in english if sm.availability(hub, p) == sm.OPEN)
    page.goto(demo_url + "/find/?Language=English&Availability=Open+to+mentees")
    assert sorted(show_all(page)) == open_now
    assert page.input_value("#mh-f-language") == "English"
    assert page.is_checked("input[name=Availability][value='Open to mentees']")
    # Ticking a second availability widens the list (any of the ticked values).
    page.check("input[name=Availability][value='At capacity']")
    full = sorted(p.name for p in english if sm.availability(hub, p) in (sm.OPEN, sm.FULL))
    page.wait_for_function(f"document.querySelectorAll('.mh-result').length === {min(len(full), 24)}")
    assert sorted(show_all(page)) == full
    page.click("button[type=reset]")
    page.wait_for_url("**/find/")
    assert len(show_all(page)) == len(list(hub.mentors()))


def test_skill_filter_uses_what_mentors_offer(browser_page: Any, demo_url: str, hub: Hub) -> None:
    page = browser_page
    page.goto(demo_url + "/find/")
    results(page)
    page.select_option("#mh-f-offers", hub.skills["python"].label)
    page.wait_for_url("**/find/?Offers=Python")
    expected = sorted(p.name for p in hub.mentors() if "python" in p.offers)
    assert sorted(show_all(page)) == expected


def test_find_a_resource_by_topic_and_kind(browser_page: Any, demo_url: str, hub: Hub) -> None:
    page = browser_page
    page.goto(demo_url + "/find/resources/")
    assert sorted(show_all(page)) == sorted(r.title for r in hub.resources.values())
    page.select_option("#mh-f-skill", hub.skills["grant-writing"].label)
    expected = sorted(r.title for r in hub.resources.values() if "grant-writing" in r.topics)
    page.wait_for_url("**/find/resources/?Skill=*")
    assert sorted(show_all(page)) == expected
    kind = hub.resources[next(iter(sorted(
        r.id for r in hub.resources.values() if "grant-writing" in r.topics)))].kind
    page.select_option("#mh-f-kind", ENGLISH.choice_label("kind", kind))
    page.wait_for_url("**Kind=*")
    assert sorted(show_all(page)) == sorted(
        r.title for r in hub.resources.values() if "grant-writing" in r.topics and r.kind == kind)


def test_sessions_sort_newest_first(browser_page: Any, demo_url: str, hub: Hub) -> None:
    page = browser_page
    page.goto(demo_url + "/search/?Type=Session&sort=date%3Adesc")
    assert show_all(page) == [s.title for s in hub.sessions_newest_first()]
    page.select_option("#mh-sort", "date:asc")
    page.wait_for_url("**sort=date%3Aasc")
    assert show_all(page) == [s.title for s in reversed(hub.sessions_newest_first())]


def test_search_page_waits_for_a_query_and_says_when_nothing_matches(browser_page: Any,
                                                                     demo_url: str) -> None:
    page = browser_page
    page.goto(demo_url + "/search/")
    assert results(page) == []
    assert "Type a word" in page.inner_text(".mh-finder__status")
    page.fill("#mh-q", "zzqqxxjj")
    page.wait_for_function("document.querySelector('.mh-finder__status').textContent.startsWith('No ')")
    assert results(page) == []
    assert page.inner_text(".mh-finder__status") == "No results match \u201czzqqxxjj\u201d."


def test_slash_focuses_the_header_search(browser_page: Any, demo_url: str) -> None:
    page = browser_page
    page.goto(demo_url + "/skills/")
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.id") == "mh-header-search-input"


def test_without_javascript_the_directory_is_the_fallback(chromium: Any, demo_url: str) -> None:
    context = chromium.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(demo_url + "/find/")
        assert page.locator(".mh-finder__form").is_hidden()
        link = page.locator(".mh-finder__fallback a", has_text="All mentors")
        assert link.is_visible()
        link.click()
        page.wait_for_url("**/people/mentors/")
        assert page.locator(".mh-card--person").count() > 0
        # The header's search is a plain form: it still reaches the search page.
        page.fill("#mh-header-search-input", "python")
        page.press("#mh-header-search-input", "Enter")
        page.wait_for_url("**/search/?q=python")
        assert page.locator(".mh-finder__fallback").is_visible()
    finally:
        context.close()


@pytest.mark.parametrize("path", [
    "/", "/people/", "/people/kenji-watanabe/", "/find/", "/find/resources/", "/skills/python/",
    "/search/?q=mentor", "/sessions/", "/stories/", "/resources/",
])
def test_pages_load_without_errors_or_foreign_requests(browser_page: Any, demo_url: str,
                                                       path: str) -> None:
    page = browser_page
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(demo_url + path, wait_until="networkidle")
    if "find" in path or "search" in path:
        results(page)
        assert any("/pagefind/" in url for url in requests)
    assert requests  # the fixture's checks (console errors, foreign hosts) saw traffic


def test_listing_without_a_query_loads_one_index_chunk(browser_page: Any, demo_url: str,
                                                       demo_site: Any) -> None:
    """A filter-only Pagefind search would download every chunk of the word index."""
    page = browser_page
    chunks: list[str] = []
    page.on("requestfinished", lambda r: chunks.append(r.url) if "/pagefind/index/" in r.url else None)
    page.goto(demo_url + "/find/")
    results(page)
    page.select_option("#mh-f-language", "English")
    page.wait_for_url("**Language=English")
    results(page)
    assert len(set(chunks)) == 1
    assert len(list((demo_site / "pagefind" / "index").iterdir())) > 1
    # The listing word never shows in what readers see.
    assert "mhfind" not in page.inner_text(".mh-results")


def test_common_words_are_dropped_unless_quoted(browser_page: Any, demo_url: str, hub: Hub) -> None:
    """'from' is not on Kenji's page: kept, it would rule his page out (all words must match)."""
    page = browser_page
    page.goto(demo_url + "/search/?q=Setagaya+from+the")
    assert results(page)[0] == hub.people["kenji-watanabe"].name
    assert page.inner_text(".mh-finder__status").endswith("for \u201cSetagaya from the\u201d.")
    page.fill("#mh-q", '"Setagaya from"')
    page.wait_for_function("document.querySelector('.mh-finder__status').textContent.startsWith('No ')")


def test_search_works_when_the_site_is_served_below_a_path(chromium: Any, demo_site: Any,
                                                           tmp_path: Any) -> None:
    """As on GitHub Pages (https://org.github.io/hub/): result links keep the prefix."""
    import shutil

    from browser_support import serve

    shutil.copytree(demo_site, tmp_path / "hub")
    with serve(tmp_path) as url:
        page = chromium.new_page()
        try:
            page.goto(url + "/hub/people/")
            page.fill("#mh-header-search-input", "Setagaya")
            page.press("#mh-header-search-input", "Enter")
            page.wait_for_url("**/hub/search/?q=Setagaya")
            results(page)
            page.locator(".mh-result__title a").first.click()
            page.wait_for_url(url + "/hub/people/kenji-watanabe/")
        finally:
            page.close()
