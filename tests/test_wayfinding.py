"""Skip link and "you are here" (site/wayfinding.py): on the finished HTML of every page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from mentorhub.site.wayfinding import CONTENT_ID, add_skip_link, mark_current_tab

TABS = """<div data-md-component="skip">
</div>
<ul class="md-tabs__list">
<li class="md-tabs__item">
  <a href="../.." class="md-tabs__link">Home</a></li>
<li class="md-tabs__item">
  <a href="../" class="md-tabs__link">
    People
  </a></li>
<li class="md-tabs__item">
  <a href="../../find/" class="md-tabs__link">Find</a></li>
</ul>
<article class="md-content__inner md-typeset"><h1>Ana</h1></article>"""


def test_the_skip_link_goes_to_the_content_area() -> None:
    out = add_skip_link(TABS, "Saltar al contenido")
    assert f'<a href="#{CONTENT_ID}" class="md-skip mh-skip">Saltar al contenido</a>' in out
    assert f'<article id="{CONTENT_ID}" tabindex="-1" class="md-content__inner md-typeset">' in out


def test_a_record_page_gets_its_section_tab_and_a_trail_back() -> None:
    out = mark_current_tab(TABS, "people/ana/", "Breadcrumb")
    assert out.count("md-tabs__item--active") == 1
    active = out[out.index("md-tabs__item--active"):]
    current = '<a href="../" class="md-tabs__link" aria-current="true">'
    assert active.startswith(f'md-tabs__item--active">\n  {current}')
    assert '<nav class="mh-trail" aria-label="Breadcrumb"><a href="../">People</a></nav><h1>' in out


def test_pages_material_already_marks_and_pages_outside_every_section_are_left_alone() -> None:
    people = '<li class="md-tabs__item">\n  <a href="../"'
    marked = TABS.replace(people, people.replace("md-tabs__item", "md-tabs__item md-tabs__item--active"))
    assert mark_current_tab(marked, "people/ana/", "Breadcrumb") == marked
    # The home tab leads to every page's URL, but only the home page is "in" it.
    without_people = TABS.replace(people, '<li class="md-tabs__item">\n  <a href="../../stories/"')
    assert mark_current_tab(without_people, "people/ana/", "Breadcrumb") == without_people


@pytest.mark.build
def test_every_built_page_has_a_skip_link_and_record_pages_a_current_tab(demo_site: Path) -> None:
    pages = [p for p in demo_site.rglob("index.html") if p.parent.name not in ("assets", "pagefind")]
    assert len(pages) > 50
    for page in pages:
        html = page.read_text(encoding="utf-8")
        where = page.relative_to(demo_site)
        skips = re.findall(r'class="md-skip[^"]*"', html)
        assert len(skips) == 1, f"{where}: {len(skips)} skip links"
        target = re.search(r'<a href="#([^"]+)" class="md-skip', html)
        assert target and f'id="{target.group(1)}"' in html, f"{where}: skip link without a target"
        if page.parent != demo_site:
            assert html.count("md-tabs__item--active") == 1, f"{where}: no tab says where this page is"
    for record in ("people", "skills", "resources", "sessions", "stories"):
        some = next(p for p in (demo_site / record).glob("*/index.html")
                    if p.parent.name not in ("kind", "groups"))
        assert '<nav class="mh-trail"' in some.read_text(encoding="utf-8"), some
