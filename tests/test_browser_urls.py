"""URLs judged as a browser reads them: in the sanitizer (images only from the hub's media)
and in `mentorhub verify` (no reference leaves the site, however it is spelled)."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import pytest

from mentorhub.commands.cli import main
from mentorhub.hub.browser_urls import content_root_path, resolve
from mentorhub.site.sanitize import render_body
from mentorhub.verify.pages import link_problems, read_page

from conftest import MINIMAL_CONFIG

#: Each is another host to a browser (or not an image of the hub), however it looks.
REMOTE_IMAGES = [
    "![a](//evil.example/x.png)",
    "![a](/\\evil.example/x.png)",  # a backslash is a slash to a browser
    '<img src="/&#9;/evil.example/x.png">',  # a tab is removed before parsing
    '<img src="/&#10;/evil.example/x.png">',  # so is a newline
    '<img src="&#x2F;&#x2F;evil.example/x.png">',  # entities are decoded first
    '<img src="&#92;&#92;evil.example/x.png">',
    "![a](https://evil.example/x.png)",
    "![a](http:\\\\evil.example/x.png)",
    "![a](/media/%2e%2e/people/ana/)",  # %2e%2e is ..: out of media/
    "![a](/media/../pages/x.png)",
    "![a](media/x.png)",  # relative: a different place on every page
    "![a](../media/x.png)",
    '<img src=" //evil.example/x.png">',
    "![a](data:image/png;base64,iVBORw0KGgo=)",
]


@pytest.mark.parametrize("body", REMOTE_IMAGES)
def test_images_only_from_the_hubs_media(body: str) -> None:
    html = render_body(body, lambda path: "REL" + path)
    assert "src=" not in html, html
    assert "evil" not in html


def test_a_media_image_is_kept_and_made_relative() -> None:
    assert 'src="REL/media/ana%20at%20work.png"' in render_body(
        "![Ana](/media/ana at work.png)", lambda path: "REL" + path)
    assert 'src="REL/media/a.png"' in render_body('<img src="&#x2F;media/a.png">', lambda p: "REL" + p)


@pytest.mark.parametrize("body, href", [
    ("[x](/\\evil.example/)", None),  # looks local, is another host: the href goes
    ('<a href="/&#9;/evil.example/">x</a>', None),
    ("[x](//evil.example/)", None),
    ("[x](https://example.org/a)", "https://example.org/a"),  # says it leaves: kept
    ("[x](mailto:a@example.org)", "mailto:a@example.org"),
    ("[x](#part)", "#part"),
    ("[x](/pages/about.md#team)", "REL/pages/about.md#team"),
])
def test_links_that_hide_another_host_lose_their_href(body: str, href: str | None) -> None:
    html = render_body(body, lambda path: "REL" + path)
    if href is None:
        assert "href" not in html, html
    else:
        assert f'href="{href}"' in html, html


def test_content_root_paths_read_the_same_from_every_page() -> None:
    assert content_root_path("/media/a.png") == "/media/a.png"
    assert content_root_path("  /media/a.png\t") == "/media/a.png"
    assert content_root_path("/media/x/../a.png") == "/media/a.png"
    for value in ("a.png", "../a.png", "//h/a.png", "/\\h/a.png", "https://h/a.png", "javascript:x"):
        assert content_root_path(value) is None, value
    assert resolve("/\\evil.example/x", "/hub/").host == "evil.example"


# -- verify --------------------------------------------------------------------------------

PAGE = '<html lang="en"><head><title>T</title></head><body>{body}</body></html>'


def test_verify_fails_on_references_that_leave_the_site(tmp_path: Path) -> None:
    """Before: `//host` counted as "another site, not ours to check", and a crafted tail
    (`/\\host/../../hub/people/`) resolved with posixpath to an existing page."""
    site = tmp_path / "site"
    (site / "people").mkdir(parents=True)
    (site / "people/index.html").write_text(PAGE.format(body=""), encoding="utf-8")
    body = ('<img src="//evil.example/x.png">'
            '<img src="/\\evil.example/../../hub/people/">'
            '<a href="/\\evil.example/../hub/people/">x</a>'
            '<link rel="stylesheet" href="https://cdn.example/a.css">'
            '<img srcset="people/ 1x, https://cdn.example/b.png 2x">'
            '<a href="https://example.org/">out</a><a href="people/">in</a>'
            '<a href="mailto:a@example.org">mail</a>')
    (site / "index.html").write_text(PAGE.format(body=body), encoding="utf-8")
    pages = {p.relative_to(site).as_posix(): read_page(p) for p in sorted(site.rglob("*.html"))}
    found = [str(p) for p in link_problems(site, pages, "/hub/")]
    assert found == [
        "index.html: '//evil.example/x.png' is loaded from another site (evil.example): "
        "readers' browsers would call it",
        "index.html: '/\\evil.example/../../hub/people/' is loaded from another site "
        "(evil.example): readers' browsers would call it",
        "index.html: link '/\\evil.example/../hub/people/' looks local but a browser reads "
        "it as another site (evil.example)",
        "index.html: 'https://cdn.example/a.css' is loaded from another site (cdn.example): "
        "readers' browsers would call it",
        "index.html: 'https://cdn.example/b.png' is loaded from another site (cdn.example): "
        "readers' browsers would call it",
    ]


def test_verify_prints_what_it_quotes_escaped(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text(MINIMAL_CONFIG, encoding="utf-8")
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text(PAGE.format(body='<a href="gone\x1b[2J/">x</a>'), encoding="utf-8")
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        assert main(["verify", "--project", str(tmp_path)]) == 1
    assert "\x1b" not in out.getvalue() and "gone\\x1b[2J/" in out.getvalue()


def test_every_page_carries_the_image_and_referrer_policy(fixture_hub_build: Path) -> None:
    """The browser's own guard: no image from another site, no referrer sent away. The
    browser tests (search, join forms, introductions) fail on any console error, so a
    policy that broke Material or Pagefind would fail them too."""
    from mentorhub.site.policy import POLICY_META

    pages = sorted((fixture_hub_build / "site").rglob("*.html"))
    assert pages
    for page in pages:
        head = page.read_text(encoding="utf-8").split("</head>", 1)[0]
        assert head.count(POLICY_META) == 1, page
    assert "img-src 'self' data:" in POLICY_META and 'content="same-origin"' in POLICY_META
