"""The Impact page's "Relationships over time" section in a real browser: axe finds
nothing in it, in the light and the dark palette, and the retention chart fits a phone
with its figures a table away."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from browser_support import AXE_SCRIPT, require, serve
from test_cycle_commands import ORGANIZER, _build, _year, config

from conftest import write_project

pytestmark = [pytest.mark.browser, pytest.mark.build]


@pytest.fixture(scope="module")
def cycle_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    people = {f"content/people/{pid}.md": f"---\nname: {pid.title()}\nroles: [{role}]\nlanguages: [en]\n"
              f"{'offers: [python]' if role == 'mentor' else 'seeks: [python]'}\njoined: 2025-12-01\n"
              "consent: true\n---\n"
              for pid, role in [("mo", "mentor"), ("zoe", "mentor"), ("ana", "mentee"), ("bea", "mentee"),
                                ("cy", "mentee"), ("dee", "mentee")]}
    project = write_project(tmp_path_factory.mktemp("cycle-browser") / "hub", people, config())
    (project / "organizer.key").write_text(f"{ORGANIZER}\n", encoding="utf-8")
    _year(project)
    built = _build(project, with_key=True)
    assert built.returncode == 0, built.stderr
    return project / "site"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_nothing_in_the_lifecycle_section(chromium: Any, cycle_site: Path, scheme: str) -> None:
    require(AXE_SCRIPT.is_file(), "axe-core is not installed (cd tests/browser && npm ci)")
    with serve(cycle_site) as url:
        context = chromium.new_context(color_scheme=scheme)
        page = context.new_page()
        page.goto(url + "/impact/", wait_until="networkidle")
        assert page.locator(".mh-kpi-lifecycle table").count() >= 3
        page.add_script_tag(path=str(AXE_SCRIPT))
        violations = page.evaluate("async () => (await axe.run({include: [['.mh-kpi-lifecycle']]}, "
                                   "{resultTypes: ['violations']})).violations.map(v => v.id)")
        context.close()
    assert violations == []


def test_the_retention_chart_fits_a_phone(chromium: Any, cycle_site: Path) -> None:
    with serve(cycle_site) as url:
        context = chromium.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
        page = context.new_page()
        page.goto(url + "/impact/", wait_until="networkidle")
        chart = page.locator("#kpi-retention")
        assert chart.locator("svg[role=img]").count() == 1
        scroll_width = page.evaluate("document.documentElement.scrollWidth")
        context.close()
    assert scroll_width <= 390  # the chart scrolls inside its figure, never the page
