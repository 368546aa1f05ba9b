"""English pages use real plural forms: "1 mentor offers it", never "1 mentor offer it"."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from mentorhub.hub.loader import load_hub
from mentorhub.site.render import RenderOptions, SiteRenderer

from conftest import MENTOR_MO, write_project

MENTEE = "---\nname: Tia\nroles: [mentee]\nlanguages: [en]\nseeks: [python]\nconsent: true\n---\n"
RESOURCE = ("---\ntitle: A guide\nkind: guide\nsummary: A guide.\ntopics: [python]\n"
            "url: https://example.org/guide\n---\n")


def _renderer(tmp_path: Path) -> SiteRenderer:
    project = write_project(tmp_path, {
        "content/people/mo.md": MENTOR_MO, "content/people/tia.md": MENTEE,
        "content/resources/guide.md": RESOURCE,
    })
    result = load_hub(project / "content")
    assert result.problems == []
    return SiteRenderer(result.hub, RenderOptions(today=dt.date(2026, 11, 22)))


def test_a_skill_page_counts_in_the_singular(tmp_path: Path) -> None:
    page = next(p for p in _renderer(tmp_path).skill_pages() if p.src_uri == "skills/python.md")
    assert "1 mentor offers it · 1 mentee seeks it · 1 resource" in page.markdown


def test_the_home_page_counts_in_the_singular(tmp_path: Path) -> None:
    home = _renderer(tmp_path).home().markdown
    assert "<strong>1</strong><span>mentor</span>" in home
    assert "<strong>1</strong><span>resource</span>" in home
    assert "<strong>0</strong><span>active pairs</span>" in home
