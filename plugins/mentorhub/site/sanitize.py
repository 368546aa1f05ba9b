"""Contributor Markdown → safe HTML.

Bodies are rendered with Python-Markdown and then cleaned by nh3 (the Rust
`ammonia` allow-list sanitizer): scripts, iframes, styles, `on*` attributes and
`javascript:` URLs do not survive, whatever the Markdown or raw HTML said.
Images must be local: a remote `src` would make readers' browsers call a third
party, so it is dropped.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

import markdown
import nh3

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
    def keep(tag: str, attribute: str, value: str) -> str | None:
        if tag == "img" and attribute == "src" and ("//" in value or ":" in value):
            return None  # remote images would make readers' browsers call a third party
        if rewrite is not None and attribute in ("src", "href") and value.startswith("/") \
                and not value.startswith("//"):
            return rewrite(value)
        return value
    return keep


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
