"""Contributor Markdown → safe HTML.

Bodies are rendered with Python-Markdown and then cleaned by nh3 (the Rust
`ammonia` allow-list sanitizer): scripts, iframes, styles, `on*` attributes and
`javascript:` URLs do not survive, whatever the Markdown or raw HTML said.
Images must resolve, as a browser reads the URL, inside the hub's own `media/` folder: a
remote `src` would make readers' browsers call a third party, so it is dropped.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

import markdown
import nh3

from ..hub.browser_urls import content_root_path, resolve

_TAGS = frozenset({
    "a", "abbr", "b", "blockquote", "br", "code", "dd", "del", "details", "div", "dl", "dt",
    "em", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "mark", "ol",
    "p", "pre", "s", "small", "span", "strong", "sub", "summary", "sup", "table", "tbody",
    "td", "tfoot", "th", "thead", "tr", "ul",
})
_ATTRIBUTES = {
    "a": {"href", "title"},
    "abbr": {"title"},
    "img": {"src", "alt", "title", "width", "height"},
    "td": {"align", "colspan", "rowspan"},
    "th": {"align", "colspan", "rowspan", "scope"},
    "ol": {"start"},
}
_URL_SCHEMES = frozenset({"https", "http", "mailto"})
_EXTENSIONS = ("extra", "sane_lists")


#: Maps a site-root link (`/media/ana.png`) to a link relative to the page being rendered.
LinkRewriter = Callable[[str], str]


def _attribute_filter(rewrite: LinkRewriter | None) -> Callable[[str, str, str], str | None]:
    """Decides each `src` and `href` on the URL a browser would load (hub/browser_urls.py),
    not on how it is written: `/\\evil.org`, `/<tab>/evil.org` or `&#47;/evil.org` are
    another site to a browser, whatever a pattern over the text says."""
    def keep(tag: str, attribute: str, value: str) -> str | None:
        if attribute not in ("src", "href"):
            return value
        root_path = content_root_path(value)
        if tag == "img" and attribute == "src":
            # Only the hub's own media: a remote image would make readers' browsers call
            # a third party (their address and the page they read).
            if root_path is None or not root_path.startswith(MEDIA_PATH):
                return None
        elif root_path is None:
            seen = resolve(value, "/p/q/")
            # A link that names its scheme leaves on purpose (nh3 checks the scheme); one
            # that does not but still reaches another host is disguised: its href goes.
            return value if seen.absolute or seen.on_site else None
        return rewrite(root_path) if rewrite is not None else root_path
    return keep


#: Where a body's images must resolve: the hub's `content/media/` folder.
MEDIA_PATH = "/media/"


@cache
def _markdown() -> markdown.Markdown:
    return markdown.Markdown(extensions=list(_EXTENSIONS), output_format="html")


def clean_html(html: str, rewrite: LinkRewriter | None = None) -> str:
    """Allow-list sanitize an HTML fragment (`rewrite`: how to relativise `/…` links)."""
    return nh3.clean(
        html,
        tags=set(_TAGS),
        attributes={k: set(v) for k, v in _ATTRIBUTES.items()},
        url_schemes=set(_URL_SCHEMES),
        attribute_filter=_attribute_filter(rewrite),
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    )


def render_body(text: str, rewrite: LinkRewriter | None = None) -> str:
    """Render a contributor's Markdown body to sanitized HTML ('' for an empty body).

    Links written from the content root (`![logo](/media/logo.png)`, `[x](/pages/about.md)`)
    go through `rewrite`, which makes them relative to the page, so the site works under
    any base path (a GitHub Pages project site lives under `/<repo>/`).
    """
    if not text.strip():
        return ""
    md = _markdown()
    md.reset()
    # Headings in a body sit under the page's own h1/h2, so shift them down one level.
    html = md.convert(text)
    cleaned = clean_html(html.replace("<h1", "<h2").replace("</h1>", "</h2>"), rewrite)
    # No line of a body may start with '#': page_html reads such lines as headings.
    return cleaned.replace("\n#", "\n&#35;")
