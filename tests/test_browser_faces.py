"""Faces, places and hours in a real browser (Debian Chromium), on a copy of the showcase.

The copy differs from the showcase in one way: one mentor has no time zone, so
"Meets in my hours" has someone to list apart. Budgets are measured the way a reader
pays for them: every request the page makes, at the size GitHub Pages sends it
(text gzipped, images as they are), with no request to another host, and the
layout does not shift while lazy photos arrive (CLS 0).
"""

from __future__ import annotations

import datetime as dt
import gzip
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from browser_support import serve

from mentorhub.hub.loader import load_hub
from mentorhub.hub.models import Hub
from mentorhub.site.places import utc_offset_minutes

from conftest import EPOCH, copy_demo, run_mkdocs

pytestmark = [pytest.mark.browser, pytest.mark.build]

AS_OF = dt.datetime.fromtimestamp(int(EPOCH), dt.UTC).date()
KIB = 1024
DIRECTORY_BUDGET = 150 * KIB
PROFILE_BUDGET = 100 * KIB


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = copy_demo(tmp_path_factory.mktemp("faces"))
    hub = load_hub(root / "content").hub
    no_zone = sorted(p.id for p in hub.mentors() if p.timezone)[0]
    path = root / "content" / "people" / f"{no_zone}.md"
    path.write_text(re.sub(r"^timezone: .*\n", "", path.read_text(encoding="utf-8"), flags=re.M),
                    encoding="utf-8")
    result = run_mkdocs(root, "--strict")
    assert result.returncode == 0, result.stderr
    return root


@pytest.fixture(scope="module")
def hub(project: Path) -> Hub:
    return load_hub(project / "content").hub


@pytest.fixture(scope="module")
def url(project: Path) -> Iterator[str]:
    with serve(project / "site") as base:
        yield base


@pytest.fixture
def page(chromium: Any) -> Iterator[Any]:
    context = chromium.new_context(timezone_id="Asia/Tokyo", viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.set_default_timeout(15_000)
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    yield page
    context.close()
    assert not errors, errors


def settled(page: Any) -> None:
    page.wait_for_selector(".mh-finder:not([aria-busy])")
    page.wait_for_function("document.querySelector('.mh-finder__status').textContent !== ''")
    page.wait_for_timeout(200)  # the second list (no time zone) follows the first


def titles(page: Any, selector: str) -> set[str]:
    return {t.strip() for t in page.locator(f"{selector} .mh-result__title").all_inner_texts()}


def test_meets_in_my_hours_starts_at_the_browser_zone_and_lists_the_unknown_apart(
        page: Any, url: str, hub: Hub) -> None:
    page.goto(url + "/find/")
    settled(page)
    assert page.input_value("#mh-my-offset") == "540"  # Tokyo, UTC+9
    page.check("input[name=hours]")
    page.select_option("#mh-within", "3")
    settled(page)
    near = {p.name for p in hub.mentors() if p.timezone
            and abs((utc_offset_minutes(p.timezone, AS_OF) or 0) - 540) <= 180}
    unknown = {p.name for p in hub.mentors() if not p.timezone}
    assert near and unknown
    assert titles(page, ".mh-results[aria-labelledby=mh-results-heading]") == near
    assert titles(page, ".mh-finder__no-tz") == unknown
    assert page.is_visible(".mh-finder__no-tz h2")
    # The choice is in the address, so a reader can share or reload it; the zone can change.
    assert "hours=near" in page.url and "my-offset=540" in page.url
    page.select_option("#mh-my-offset", "-300")
    settled(page)
    americas = {p.name for p in hub.mentors() if p.timezone
                and abs((utc_offset_minutes(p.timezone, AS_OF) or 0) + 300) <= 180}
    assert titles(page, ".mh-results[aria-labelledby=mh-results-heading]") == americas


def test_country_filter_and_result_thumbnails(page: Any, url: str, hub: Hub) -> None:
    page.goto(url + "/find/")
    settled(page)
    country = next(p.country for p in sorted(hub.mentors(), key=lambda p: p.id) if p.country)
    name = page.locator("#mh-f-country option[value]:not([value=''])").first.inner_text()
    page.select_option("#mh-f-country", label=name)
    settled(page)
    expected = {p.name for p in hub.mentors() if p.country and name in _country_names(p.country)}
    assert country and titles(page, ".mh-results[aria-labelledby=mh-results-heading]") == expected
    faces = page.locator(".mh-result img.mh-avatar")
    assert faces.count() >= 1
    face = faces.first
    face.scroll_into_view_if_needed()
    page.wait_for_function("(img) => img.complete && img.naturalWidth > 0", arg=face.element_handle())
    assert face.get_attribute("alt") == ""
    assert "/assets/mentorhub/photos/" in (face.get_attribute("src") or "")


def _country_names(code: str) -> str:
    from mentorhub.i18n import ENGLISH
    return ENGLISH.country(code)


def _transferred(site: Path, urls: list[str]) -> int:
    """Bytes as GitHub Pages sends them: text gzipped, images (already compressed) as they are."""
    total = 0
    for address in urls:
        path = urlsplit(address).path
        file = site / path.lstrip("/")
        if file.is_dir() or path.endswith("/"):
            file = file / "index.html"
        data = file.read_bytes()
        compressed = file.suffix in (".html", ".css", ".js", ".json", ".svg", ".xml", ".mjs")
        total += len(gzip.compress(data, 6)) if compressed else len(data)
    return total


@pytest.mark.parametrize(("path", "budget"), [("/people/mentors/", DIRECTORY_BUDGET),
                                              ("/people/", DIRECTORY_BUDGET),
                                              ("/people/{someone}/", PROFILE_BUDGET)])
def test_budgets_no_foreign_request_and_no_layout_shift(page: Any, url: str, project: Path, hub: Hub,
                                                        path: str, budget: int) -> None:
    someone = next(p.id for p in sorted(hub.people.values(), key=lambda p: p.id) if p.photo)
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.add_init_script("""
      window.__cls = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) if (!e.hadRecentInput) window.__cls += e.value;
      }).observe({type: "layout-shift", buffered: true});
    """)
    page.goto(url + path.format(someone=someone), wait_until="networkidle")
    page.mouse.wheel(0, 20_000)  # scroll: lazy photos below the fold load now
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(300)
    foreign = [r for r in requests if urlsplit(r).hostname != "127.0.0.1"]
    assert not foreign
    spent = _transferred(project / "site", [r for r in requests if not r.startswith("data:")])
    print(f"{path}: {spent / KIB:.1f} KiB over {len(requests)} requests")
    assert spent <= budget, f"{path}: {spent / KIB:.1f} KiB > {budget / KIB:.0f} KiB"
    images = page.locator("img.mh-avatar")
    assert images.count() > 0
    for index in range(images.count()):
        image = images.nth(index)
        assert image.get_attribute("width") and image.get_attribute("height")
    assert page.evaluate("window.__cls") == 0
