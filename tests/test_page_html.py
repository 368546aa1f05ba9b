"""Generated pages skip Python-Markdown: headings become HTML, the rest stays verbatim."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from mentorhub.hub.models import Hub, Source, Story
from mentorhub.site.page_html import to_html
from mentorhub.site.render import RenderOptions, SiteRenderer
from mentorhub.site.sanitize import render_body


def test_headings_become_elements_with_unique_ids_and_toc_tokens() -> None:
    page = to_html('<div class="x">\n<p>a</p>\n</div>\n\n## About &amp; more\n\n<p>b</p>\n\n'
                   "### Detail\n\n## About &amp; more\n", permalink="&para;")
    assert '<div class="x">\n<p>a</p>\n</div>' in page.html
    assert ('<h2 id="about-more">About &amp; more<a class="headerlink" href="#about-more" '
            'title="Permanent link">&para;</a></h2>') in page.html
    assert '<h2 id="about-more_1">' in page.html
    assert [(t["id"], [c["id"] for c in t["children"]]) for t in page.toc_tokens] == [
        ("about-more", ["detail"]), ("about-more_1", []),
    ]


def test_no_permalink_when_the_site_has_none() -> None:
    assert to_html("## Notes").html == '<h2 id="notes">Notes</h2>'


def test_lines_inside_html_are_left_alone() -> None:
    text = "<pre><code>x\n#not a heading\n</code></pre>"
    assert to_html(text).html == text


def test_contributor_text_cannot_start_a_heading_line() -> None:
    body = render_body("```\nline\n## fake heading\n```\n\n<pre>\n## raw\n</pre>\n")
    assert "\n#" not in body
    story = Story(id="s", source=Source("content/stories/s.md"), title="T", date=dt.date(2026, 1, 1),
                  summary="S", outcomes=("other",), quote="Line one\n## Injected heading")
    renderer = SiteRenderer(Hub(stories={"s": story}), RenderOptions(today=dt.date(2026, 1, 2)))
    page = next(p for p in renderer.story_pages() if p.src_uri == "stories/s.md")
    assert "Injected heading" in page.markdown
    assert [t["name"] for t in to_html(page.markdown).toc_tokens] == []


def test_built_profile_has_its_table_of_contents(demo_site: Path) -> None:
    page = (demo_site / "people/amara-okafor/index.html").read_text(encoding="utf-8")
    toc = page[page.index("md-nav--secondary"):]
    assert 'href="#about"' in toc
    assert '<h2 id="about">About<a class="headerlink" href="#about"' in page
