"""Accessible markup on the built demo: named permalinks, table captions, no arrows in links."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from mentorhub.site.arrows import hide_arrows
from mentorhub.site.permalinks import name_permalinks


def test_permalinks_get_a_name_once() -> None:
    html = '<h2 id="a">A<a class="headerlink" href="#a" title="Permanent link">&para;</a></h2>'
    named = name_permalinks(html, "Enlace a esta sección")
    assert named == html.replace('href="#a"', 'href="#a" aria-label="Enlace a esta sección"')
    assert name_permalinks(named, "again") == named


def pages(site: Path) -> list[Path]:
    return [p for p in site.rglob("*.html") if p.relative_to(site).parts[0] not in ("assets", "pagefind")]


@pytest.mark.build
def test_every_permalink_has_a_name_in_the_page_language(demo_site: Path) -> None:
    links = 0
    for page in pages(demo_site):
        for tag in re.findall(r'<a class="headerlink"[^>]*>', page.read_text(encoding="utf-8")):
            links += 1
            assert 'aria-label="Link to this section"' in tag, f"{page}: {tag}"
    assert links > 20


@pytest.mark.build
def test_impact_tables_have_captions(demo_site: Path) -> None:
    tables = 0
    for page in (demo_site / "impact").rglob("index.html"):
        html = page.read_text(encoding="utf-8")
        for match in re.finditer(r"<table>\s*", html):
            tables += 1
            assert html.startswith("<caption", match.end()), f"{page}: a table without a caption"
    assert tables >= 5


def test_arrows_in_link_text_are_hidden_but_not_elsewhere() -> None:
    html = '<p>a → b <a href="x" title="→">All stories →</a> <a href="y"><b>←</b> Back</a></p>'
    assert hide_arrows(html) == (
        '<p>a → b <a href="x" title="→">All stories<span aria-hidden="true"> →</span></a> '
        '<a href="y"><b><span aria-hidden="true">←</span></b> Back</a></p>')


@pytest.mark.build
def test_no_arrows_read_out_in_link_text(demo_site: Path) -> None:
    """In link text a screen reader reads "rightwards arrow": arrows are CSS or aria-hidden."""
    for page in pages(demo_site):
        for text in re.findall(r"<a\b[^>]*>(.*?)</a>", page.read_text(encoding="utf-8"), re.S):
            read = re.sub(r'<span aria-hidden="true">[^<]*</span>', "", text)
            assert not re.search("[←→]", read), f"{page}: an arrow in link text {text!r}"
