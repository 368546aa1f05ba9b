"""The Impact, group and Thanks pages rendered from a report, without MkDocs."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

from test_kpis import AS_OF, small_hub

from mentorhub.hub.models import Hub
from mentorhub.impact.kpis import compute_kpis
from mentorhub.impact.pages import ImpactPages
from mentorhub.impact.recognition import recognise
from mentorhub.site.render import Page, RenderOptions, SiteRenderer


def render(hub: Hub, *, min_responses: int = 5, override_dirs: tuple[Path, ...] = (),
           **options: object) -> dict[str, Page]:
    renderer = SiteRenderer(hub, RenderOptions(today=AS_OF, **options),  # type: ignore[arg-type]
                            override_dirs=override_dirs)
    report = compute_kpis(hub, AS_OF, min_responses=min_responses)
    pages = ImpactPages(renderer, report, recognise(hub, AS_OF)).pages()
    return {page.src_uri: page for page in pages}


def headings(markdown: str) -> list[str]:
    """The `##` lines: fixed, at column 0, each after a blank line (so MkDocs makes a TOC)."""
    found = re.findall(r"(?<=\n\n)## (.+)\n", markdown)
    assert len(found) == len(re.findall(r"^## ", markdown, re.M))
    return found


def test_impact_page_of_a_small_hub() -> None:
    pages = render(small_hub())
    assert sorted(pages) == ["impact/groups/circle.md", "impact/groups/lab.md", "impact/index.md",
                             "thanks/index.md"]
    page = pages["impact/index.md"]
    assert page.title == "Impact" and page.kind == "impact"
    md = page.markdown
    assert headings(md) == ["Trends", "Sessions per month", "Skills: supply and demand",
                            "Story outcomes", "Resources for in-demand skills", "Groups",
                            "About these figures"]
    assert "### Most wanted, too few mentors" in md
    # largest gap first, then more demand, then label: both have a gap of 1 and demand 2
    gaps = re.findall(r'<li><a href="../skills/([a-z-]+)/">', md)
    assert gaps == ["leadership", "python"]
    # the page names the responses the average rests on (Circle's 3 are not settled yet)
    assert "<strong>4.0 / 5</strong><span>satisfaction, from 6 responses</span>" in md
    assert "<strong>67%</strong><span>of mentees have a mentor</span>" in md
    assert "<span>capacity used (2 of 5 places)</span>" in md
    assert ('<tr><th scope="row">New profiles</th><td>3</td><td>1</td><td>+2 (up 200%)</td></tr>'
            in md)
    assert '<tr><th scope="row">Stories</th><td>1</td><td>1</td><td>no change</td></tr>' in md
    assert "<strong>33%</strong> of the 3 skills mentees seek are covered" in md
    assert re.findall(r'class="mh-chip" href="../skills/([a-z-]+)/"', md) == [
        "grant-writing", "leadership"]
    assert md.count("not enough responses yet") == 3  # Circle, confidence, the note
    assert '<a href="../kpi.json">kpi.json</a>' in md


def test_threshold_reaches_the_pages() -> None:
    # 1: every story settles on its own (with 2, the ungrouped one and Lab's wait apart)
    md = render(small_hub(), min_responses=1)["impact/index.md"].markdown
    assert "not enough responses yet" not in md.split("## About these figures")[0]
    assert "<strong>+1.0 points</strong>" not in md  # gain shown as a number with its unit
    assert "<strong>1.0 points</strong> on a 1–5 scale, from 2 stories" in md


def test_group_page() -> None:
    md = render(small_hub(), min_responses=2)["impact/groups/lab.md"].markdown
    assert '<a href="../../../sessions/groups/lab/">Session notes of Lab</a>' in md
    assert "<strong>2</strong><span>sessions</span>" in md
    assert "<strong>4.0 / 5</strong><span>satisfaction, from 6 responses</span>" in md
    assert "First session <time datetime=\"2026-10-01\">1 Oct 2026</time>" in md
    assert 'id="kpi-lab-sessions"' in md


def test_without_directory_urls_links_still_resolve() -> None:
    pages = render(small_hub(), directory_urls=False)
    md = pages["impact/index.md"].markdown
    assert '<a href="../kpi.json">kpi.json</a>' in md
    assert 'href="groups/lab.html"' in md
    assert 'href="../../sessions/groups/lab.html"' in pages["impact/groups/lab.md"].markdown


def test_an_empty_hub_renders_every_page() -> None:
    pages = render(Hub())
    assert sorted(pages) == ["impact/index.md", "thanks/index.md"]
    md = pages["impact/index.md"].markdown
    assert "No mentee has listed a skill they want to grow in yet." in md
    assert "No success stories yet." in md
    assert "## Groups" not in md
    assert "0 sessions in the 12 months from December 2025 to November 2026." in md
    assert "New profiles are not compared" in md
    thanks = pages["thanks/index.md"].markdown
    assert thanks.count("Nobody yet") == 4


def test_thanks_page_links_to_complete_lists_when_long() -> None:
    pages = render(small_hub(), section_limit=1)
    thanks = pages["thanks/index.md"].markdown
    assert headings(thanks) == ["Facilitators", "Mentors", "Authors", "Storytellers"]
    assert "By sessions led: the first 1 of 2." in thanks
    assert '<a href="facilitators/">All 2 facilitators →</a>' in thanks
    everyone = pages["thanks/storytellers.md"].markdown
    assert pages["thanks/storytellers.md"].title == "Thanks: all storytellers"
    assert re.findall(r'<h2 id="storytellers-(\d)">', everyone) == ["2", "1"]
    assert '<a href="../../people/cy/">Cy</a>, <a href="../../people/di/">Di</a>' in everyone
    assert "thanks/facilitators.md" in pages and "thanks/authors.md" in pages


def test_templates_can_be_overridden(tmp_path: Path) -> None:
    (tmp_path / "kpi_group.html").write_text("<p>Custom {{ group.name }}: {{ group.sessions }}</p>\n")
    pages = render(small_hub(), override_dirs=(tmp_path,))
    assert pages["impact/groups/lab.md"].markdown == "<p>Custom Lab: 2</p>"


def test_contributor_text_is_escaped() -> None:
    hub = small_hub()
    sessions = {k: dataclasses.replace(s, group="<img src=x onerror=alert(1)>")
                if s.group == "Lab" else s for k, s in hub.sessions.items()}
    pages = render(dataclasses.replace(hub, sessions=sessions))
    md = "".join(p.markdown for p in pages.values())
    assert "<img src=x" not in md
    assert "&lt;img src=x onerror=alert(1)&gt;" in md
