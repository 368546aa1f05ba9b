"""Contributor Markdown → safe HTML.

Bodies are rendered with Python-Markdown and then cleaned by nh3 (the Rust
`ammonia` allow-list sanitizer): scripts, iframes, styles, `on*` attributes and
`javascript:` URLs do not survive, whatever the Markdown or raw HTML said.
Images must be local: a remote `src` would make readers' browsers call a third
party, so it is dropped.
"""

from __future__ import annotations

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


def _drop_remote_images(tag: str, attribute: str, value: str) -> str | None:
    if tag == "img" and attribute == "src" and ("//" in value or ":" in value):
        return None
    return value


@cache
def _markdown() -> markdown.Markdown:
    return markdown.Markdown(extensions=list(_EXTENSIONS), output_format="html")


def clean_html(html: str) -> str:
    """Allow-list sanitize an HTML fragment."""
    return nh3.clean(
        html,
        tags=set(_TAGS),
        attributes={k: set(v) for k, v in _ATTRIBUTES.items()},
        url_schemes=set(_URL_SCHEMES),
        attribute_filter=_drop_remote_images,
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    )


def render_body(text: str) -> str:
    """Render a contributor's Markdown body to sanitized HTML ('' for an empty body)."""
    if not text.strip():
        return ""
    md = _markdown()
    md.reset()
    # Headings in a body sit under the page's own h1/h2, so shift them down one level.
    html = md.convert(text)
    cleaned = clean_html(html.replace("<h1", "<h2").replace("</h1>", "</h2>"))
    # No line of a body may start with '#': page_html reads such lines as headings.
    return cleaned.replace("\n#", "\n&#35;")
