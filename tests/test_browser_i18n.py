"""The Spanish tree of a two-language hub in a browser: Spanish search, Spanish messages.

Pagefind picks its stemmer from `<html lang>`, which Material sets from the tree's
language: in /es/, "robotica" typed without the accent finds "robótica" through the
Spanish index (/es/pagefind/), and the script's messages (count, plural form, quotes)
come from the page's translated data.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from test_i18n_build import FILES
from test_i18n_multilingual import CONFIG

from conftest import run_mkdocs, write_project

pytestmark = [pytest.mark.browser, pytest.mark.build]

ROBOTICS = {
    "content/resources/robotica.md": """\
        ---
        title: Introducción a la robótica
        kind: course
        summary: Robótica educativa para quien empieza.
        topics: [python]
        updated: 2026-11-01
        ---
        Construimos robots sencillos y los programamos en Python.
        """,
}


@pytest.fixture(scope="module")
def spanish_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    from browser_support import serve

    project = write_project(tmp_path_factory.mktemp("es-browser"), {**FILES, **ROBOTICS}, CONFIG)
    result = run_mkdocs(project, "--strict")
    assert result.returncode == 0, result.stderr
    with serve(project / "site") as url:
        yield url + "/es"


@pytest.fixture
def page(chromium: Any) -> Iterator[Any]:
    context = chromium.new_context()
    page = context.new_page()
    page.set_default_timeout(15_000)
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(f"uncaught: {e}"))
    yield page
    context.close()
    assert not errors, errors


def _settled(page: Any) -> str:
    page.wait_for_selector(".mh-finder:not([aria-busy])")
    page.wait_for_function("document.querySelector('.mh-finder__status').textContent !== ''")
    return str(page.locator(".mh-finder__status").inner_text())


def test_robotica_finds_robotica_with_its_accent(page: Any, spanish_url: str) -> None:
    page.goto(spanish_url + "/search/?q=robotica")
    status = _settled(page)
    titles = [t.strip() for t in page.locator(".mh-result__title").all_inner_texts()]
    assert "Introducción a la robótica" in titles
    assert status.startswith(f"{len(titles)} resultado") and "«robotica»" in status


def test_the_finder_speaks_spanish_with_spanish_plurals(page: Any, spanish_url: str) -> None:
    page.goto(spanish_url + "/find/")
    status = _settled(page)
    assert status == "2 mentores."  # both mentors listed before anything is typed
    page.fill("#mh-q", "Leo")
    page.press("#mh-q", "Enter")
    page.wait_for_function("document.querySelector('.mh-finder__status').textContent.includes('Leo')")
    assert _settled(page) == "1 mentor para «Leo»."
    page.fill("#mh-q", "zzzz")
    page.press("#mh-q", "Enter")
    page.wait_for_function("document.querySelector('.mh-finder__status').textContent.includes('zzzz')")
    assert _settled(page) == "Ningún mentor coincide con «zzzz»."
