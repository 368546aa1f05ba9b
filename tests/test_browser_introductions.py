"""Find a mentor's next steps in a real browser (headless Debian Chromium, the showcase).

Each mentor card offers "Ask for an introduction" (its link built by the script from
the page's template) or says why not; a filtered search that finds nobody shows
what to do instead.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from mentorhub.hub.loader import load_hub
from mentorhub.hub.models import Hub
from mentorhub.i18n import ENGLISH

from conftest import SHOWCASE

pytestmark = [pytest.mark.browser, pytest.mark.build]


@pytest.fixture(scope="module")
def hub() -> Hub:
    return load_hub(SHOWCASE / "content").hub


def settle(page: Any) -> None:
    page.wait_for_selector(".mh-finder:not([aria-busy])")
    page.wait_for_function("document.querySelector('.mh-finder__status').textContent !== ''")


def test_a_result_card_asks_for_an_introduction(browser_page: Any, demo_url: str) -> None:
    page = browser_page
    page.goto(demo_url + "/find/?Language=" + ENGLISH.language("ja"))
    settle(page)
    link = page.locator(".mh-result a.mh-result__intro")
    assert link.count() == 1
    assert link.inner_text() == "Ask for an introduction"
    href = link.get_attribute("href")
    assert href.startswith("mailto:mentoring@example.org?subject=Introduction%20to%20Kenji%20Watanabe&body=")
    body = parse_qs(urlsplit(href).query)["body"][0]
    assert f"introduction to Kenji Watanabe ({demo_url}/people/kenji-watanabe/).\r\n" in body
    # The sentence above the results says who reads the request.
    assert "Your request goes to the hub's organizers: Rosa Example (mentoring [at] example.org)" in \
        page.locator(".mh-finder__next").inner_text()
    assert page.locator(".mh-finder__empty").is_hidden()


def test_a_closed_mentor_says_why_instead(browser_page: Any, demo_url: str, hub: Hub) -> None:
    closed = [p for p in hub.mentors() if p.availability == "closed"]
    assert closed
    page = browser_page
    page.goto(demo_url + "/find/?Availability=Not+taking+mentees")
    settle(page)
    cards = page.locator(".mh-result")
    assert cards.count() == len(closed)
    assert cards.locator("a.mh-result__intro").count() == 0
    assert cards.first.locator(".mh-result__intro--closed").inner_text() == (
        "Not taking mentees at the moment, so introductions are paused.")


def test_no_results_shows_the_next_step(browser_page: Any, demo_url: str, hub: Hub) -> None:
    kenji = hub.people["kenji-watanabe"]
    skill = next(s for s in ("grant-writing", "fundraising") if s not in kenji.offers)
    page = browser_page
    page.goto(demo_url + f"/find/?Language={ENGLISH.language('ja')}&Offers={hub.skills[skill].label}")
    settle(page)
    assert page.locator(".mh-result").count() == 0
    empty = page.locator(".mh-finder__empty")
    assert empty.is_visible()
    assert empty.locator("a", has_text="Join the hub").get_attribute("href") == "../join/"
    add = empty.locator("a", has_text="Add yourself")  # the pull-request route stays second
    assert (add.get_attribute("href") or "").startswith(
        "https://github.com/example-org/mentorhub/new/main/content/people?filename=your-name.md")
    empty.locator("a", has_text="Peer circles").click()
    page.wait_for_url("**/circles/")
