"""A sixth language end to end: Arabic, right to left, six plural forms, CLDR formats.

Added only with `scripts/i18n.sh init ar` and translation work (docs/i18n.md): the
build is strict (the catalog is complete), every page is `lang="ar"` and right to
left (Material's `direction` for Arabic), the engine's English is gone, plural forms
follow Arabic's six categories, and in Chromium the layout mirrors (navigation on the
right, headings flush right) and the finder speaks Arabic with Arabic plurals.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from test_i18n_build import FILES, PAGES, SPANISH_CONFIG, english_words, visible_text

from conftest import run_mkdocs, write_project

pytestmark = pytest.mark.build

ARABIC_CONFIG = SPANISH_CONFIG.replace("  language: es\n", "  language: ar\n")


@pytest.fixture(scope="module")
def arabic_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = write_project(tmp_path_factory.mktemp("ar"), FILES, ARABIC_CONFIG)
    result = run_mkdocs(project, "--strict")
    assert result.returncode == 0, result.stderr
    assert "catalog" not in result.stderr  # complete: no "lacks N messages" warning
    return project / "site"


@pytest.mark.parametrize("page", PAGES)
def test_every_page_is_arabic_and_right_to_left(arabic_site: Path, page: str) -> None:
    html = (arabic_site / page).read_text(encoding="utf-8")
    assert '<html lang="ar"' in html and '<body dir="rtl"' in html
    text = visible_text(html)
    leaked = sorted(w for w in english_words() if w in text)
    assert not leaked, f"{page}: English words left: {leaked}"
    assert re.search(r"[\u0600-\u06FF]{3,}", text)


def test_arabic_plural_forms_and_cldr_formats(arabic_site: Path) -> None:
    text = " ".join(visible_text((arabic_site / "impact/index.html").read_text(encoding="utf-8")).split())
    assert "2 مرشدان" in text and "2 مسترشدان" in text  # the dual form, for two
    assert "1 زوج نشط" in text  # the singular, for one
    assert "نوفمبر 2026" in text  # CLDR's Arabic month names
    thanks = " ".join(visible_text((arabic_site / "skills/python/index.html").read_text(
        encoding="utf-8")).split())
    assert "يعرضها 2 مرشدان" in thanks


def test_the_footer_credit_is_arabic(arabic_site: Path) -> None:
    html = (arabic_site / "index.html").read_text(encoding="utf-8")
    footer = html[html.find('<div class="md-copyright">'):]
    assert "صُنع باستخدام <a href=\"https://squidfunk.github.io/mkdocs-material/\"" in footer
    assert "Made with" not in footer


# -- in the browser ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def arabic_url(arabic_site: Path) -> Iterator[str]:
    from browser_support import serve

    with serve(arabic_site) as url:
        yield url


@pytest.fixture
def page(chromium: Any) -> Iterator[Any]:
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(f"uncaught: {e}"))
    yield page
    context.close()
    assert not errors, errors


@pytest.mark.browser
def test_the_layout_mirrors_in_the_browser(page: Any, arabic_url: str, tmp_path: Path) -> None:
    page.goto(arabic_url + "/people/mia/")
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    box = page.evaluate("""() => {
        const rect = e => e.getBoundingClientRect();
        const content = rect(document.querySelector('.md-content'));
        const nav = rect(document.querySelector('.md-sidebar--primary'));
        const h1 = document.querySelector('.md-content h1');
        const range = document.createRange(); range.selectNodeContents(h1);
        return {contentLeft: content.left, navLeft: nav.left, navWidth: nav.width,
                h1Right: rect(h1).right, textLeft: range.getBoundingClientRect().left,
                textRight: range.getBoundingClientRect().right};
    }""")
    assert box["navWidth"] > 0 and box["navLeft"] > box["contentLeft"]  # the navigation is on the right
    assert abs(box["textRight"] - box["h1Right"]) < 2 and box["textLeft"] > box["contentLeft"] + 100
    shot = tmp_path / "arabic-profile.png"
    page.screenshot(path=str(shot), full_page=False)
    assert shot.stat().st_size > 10_000


@pytest.mark.browser
def test_the_finder_speaks_arabic_with_arabic_plurals(page: Any, arabic_url: str) -> None:
    page.goto(arabic_url + "/find/")
    page.wait_for_selector(".mh-finder:not([aria-busy])")
    page.wait_for_function("document.querySelector('.mh-finder__status').textContent !== ''")
    assert page.locator(".mh-finder__status").inner_text() == "2 مرشدان."  # the dual
    page.fill("#mh-q", "Leo")
    page.press("#mh-q", "Enter")
    page.wait_for_function("document.querySelector('.mh-finder__status').textContent.includes('Leo')")
    assert page.locator(".mh-finder__status").inner_text() == "1 مرشد لـ «Leo»."
