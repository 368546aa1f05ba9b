"""Free pages and links from the content root, rendered from the validated model."""

from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path

from mentorhub.hub.loader import load_hub
from mentorhub.site.render import RenderOptions, SiteRenderer
from mentorhub.site.sanitize import render_body

from conftest import MENTOR_MO, MINIMAL_SKILLS


def _hub(tmp_path: Path, files: dict[str, str]) -> SiteRenderer:
    for relative, text in {"content/skills.yml": MINIMAL_SKILLS, **files}.items():
        path = tmp_path / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    result = load_hub(tmp_path / "content", display_root=tmp_path)
    assert result.problems == []
    return SiteRenderer(result.hub, RenderOptions(today=dt.date(2026, 11, 22)))


def test_root_links_become_relative_and_others_stay() -> None:
    html = render_body("![a](/media/a.png) [p](/pages/x.md) [e](https://example.org/) [r](rel.md)",
                       lambda url: "REWRITTEN" + url)
    assert 'src="REWRITTEN/media/a.png"' in html
    assert 'href="REWRITTEN/pages/x.md"' in html
    assert 'href="https://example.org/"' in html and 'href="rel.md"' in html


def test_record_bodies_link_media_from_the_content_root(tmp_path: Path) -> None:
    renderer = _hub(tmp_path, {
        "content/people/mentor-mo.md": MENTOR_MO + "![Mo](/media/mo.png) [About](/pages/about.md#team)\n",
    })
    page = next(p for p in renderer.pages() if p.src_uri == "people/mentor-mo.md")
    assert 'src="../../media/mo.png"' in page.markdown
    assert 'href="../../pages/about/#team"' in page.markdown


def test_free_pages_are_rendered_and_the_home_page_replaces_the_generated_one(tmp_path: Path) -> None:
    renderer = _hub(tmp_path, {
        "content/index.md": "---\ntitle: Welcome <b>home</b>\n---\nOur own home.<script>x()</script>\n",
        "content/pages/team/join.md": "---\ntitle: Join\nlang: es\n---\n[Home](/)\n",
    })
    pages = {p.src_uri: p for p in renderer.pages()}
    home = pages["index.md"]
    assert home.kind == "page" and home.source_path == "content/index.md"
    assert "Our own home." in home.markdown and "<script>" not in home.markdown
    assert "Welcome &lt;b&gt;home&lt;/b&gt;" in home.markdown
    assert [p.src_uri for p in renderer.pages()].count("index.md") == 1
    join = pages["pages/team/join.md"]
    assert 'lang="es"' in join.markdown
    assert 'href="../../../"' in join.markdown


def test_without_index_md_the_generated_home_page_stays(tmp_path: Path) -> None:
    renderer = _hub(tmp_path, {"content/pages/about.md": "---\ntitle: About\n---\n"})
    pages = {p.src_uri: p for p in renderer.pages()}
    assert pages["index.md"].kind == "listing"
    assert pages["pages/about.md"].title == "About"
