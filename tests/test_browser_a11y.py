"""Accessibility: axe-core, injected into the demo site's key pages in headless Chromium.

No serious or critical violation is allowed, except those recorded, each with its
reason, in tests/browser/axe-baseline.json (all from the stock theme). A baseline
entry that no longer matches anything fails too, so the list stays honest.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from browser_support import AXE_SCRIPT, BROWSER_DIR, require

pytestmark = [pytest.mark.browser, pytest.mark.build]

BASELINE = BROWSER_DIR / "axe-baseline.json"
#: page → the element that shows its content has been drawn (search results load late).
PAGES = {
    "/": None,
    "/people/": None,
    "/people/kenji-watanabe/": None,
    "/find/": ".mh-result",
    "/skills/python/": None,
    "/search/?q=python": ".mh-result",
}
SEVERE = ("serious", "critical")


def baseline() -> list[dict[str, str]]:
    entries: list[dict[str, str]] = json.loads(BASELINE.read_text(encoding="utf-8"))["entries"]
    for entry in entries:
        assert entry.get("rule") and entry.get("target") and entry.get("reason"), entry
    return entries


def accepted(rule: str, target: str, entries: list[dict[str, str]]) -> dict[str, str] | None:
    return next((e for e in entries if e["rule"] == rule and e["target"] in target), None)


@pytest.fixture(scope="module")
def axe(chromium: Any, demo_url: str) -> Callable[[str], list[tuple[str, str, str]]]:
    """path → its serious/critical violations as (rule, impact, target), cached per run."""
    require(AXE_SCRIPT.is_file(), "axe-core is not installed (cd tests/browser && npm ci)")
    cache: dict[str, list[tuple[str, str, str]]] = {}

    def run(path: str) -> list[tuple[str, str, str]]:
        if path not in cache:
            page = chromium.new_page()
            try:
                page.goto(demo_url + path, wait_until="networkidle")
                if PAGES[path]:
                    page.wait_for_selector(PAGES[path])
                page.add_script_tag(path=str(AXE_SCRIPT))
                found = page.evaluate(
                    "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
                )
            finally:
                page.close()
            cache[path] = sorted(
                (v["id"], v["impact"], " ".join(str(t) for t in node["target"]))
                for v in found if v["impact"] in SEVERE for node in v["nodes"]
            )
        return cache[path]

    return run


@pytest.mark.parametrize("path", list(PAGES))
def test_no_serious_violations_beyond_the_baseline(axe: Callable[[str], list[tuple[str, str, str]]],
                                                   path: str) -> None:
    entries = baseline()
    new = [v for v in axe(path) if not accepted(v[0], v[2], entries)]
    assert not new, f"{path}: serious or critical axe violations: {new}"


def test_every_baseline_entry_still_occurs(axe: Callable[[str], list[tuple[str, str, str]]]) -> None:
    seen = [v for path in PAGES for v in axe(path)]
    for entry in baseline():
        assert any(accepted(rule, target, [entry]) for rule, _, target in seen), (
            f"baseline entry no longer needed, remove it: {entry}")


def test_axe_finds_violations_when_there_are_some(chromium: Any, demo_url: str) -> None:
    """The check itself works: a page with a known serious problem is caught."""
    require(AXE_SCRIPT.is_file(), "axe-core is not installed (cd tests/browser && npm ci)")
    page = chromium.new_page()
    try:
        page.set_content('<html lang="en"><body><main><img src="x.png"><p style="color:#ccc">'
                         "faint</p></main></body></html>")
        page.add_script_tag(path=str(AXE_SCRIPT))
        found = page.evaluate("async () => (await axe.run()).violations.map(v => v.id)")
    finally:
        page.close()
    assert "image-alt" in found
