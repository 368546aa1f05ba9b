"""URLs read the way a browser reads them (the WHATWG URL standard, through ada).

`urllib.parse` and a browser disagree on exactly the inputs a stranger would craft: a
browser removes tabs and newlines anywhere in a URL, strips leading spaces and controls,
reads `\\` as `/` (so `/\\evil.org/x.png` is the host evil.org), and resolves `%2e%2e`
as `..`. Every decision about where a `src` or `href` leads is taken on the URL as
:func:`resolve` returns it: parsed against a stand-in origin (`SITE_HOST`) and the
page's own path, so "stays on this site, under this path" is a plain comparison.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ada_url import URL

#: A host no real URL can name (RFC 2606's `.invalid`), standing in for the hub's own.
SITE_HOST = "mentorhub-site.invalid"
ORIGIN = f"https://{SITE_HOST}"
#: A scheme as written (`https:`, `mailto:`), after the characters a browser ignores.
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")
#: What a browser strips before parsing: leading and trailing C0 controls and spaces,
#: and every tab and newline anywhere (WHATWG URL, "basic URL parser", first steps).
_STRIPPED = "".join(chr(code) for code in range(0x21))
_TAB_OR_NEWLINE = re.compile("[\t\n\r]")


@dataclass(frozen=True)
class Resolved:
    """Where a URL leads from a page of the site."""

    protocol: str  # "https:", "mailto:" …; "" when it cannot be parsed at all
    host: str
    path: str  # percent-encoded, dot segments resolved
    query: str
    fragment: str
    #: Written with its own scheme (`https://…`, `mailto:…`): a link meant to leave.
    absolute: bool

    @property
    def on_site(self) -> bool:
        return self.protocol in ("http:", "https:") and self.host == SITE_HOST

    def path_query_fragment(self) -> str:
        return self.path + self.query + self.fragment


def resolve(value: str, page_path: str = "/") -> Resolved:
    """`value` as a browser on `page_path` (a path on this site, e.g. `/people/ana/`) reads it."""
    cleaned = _TAB_OR_NEWLINE.sub("", value.strip(_STRIPPED))
    try:
        url = URL(value, ORIGIN + page_path)
    except ValueError:
        return Resolved("", "", "", "", "", absolute=bool(_SCHEME.match(cleaned)))
    return Resolved(url.protocol, url.host, url.pathname, url.search, url.hash,
                    absolute=bool(_SCHEME.match(cleaned)))


def content_root_path(value: str) -> str | None:
    """The path of `value` if it is a link from the content root (`/media/a.png`), as any
    page of the site reads it; None if it is relative, leaves the site or is not http(s).

    A content-root link reads the same from every page: it is resolved from two pages at
    different depths, and anything else (`../x`, `x`, `//host/x`, `/\\host/x`) is not one.
    """
    shallow, deep = resolve(value, "/p/"), resolve(value, "/p/q/r/s/t/u/v/w/x/")
    if shallow.absolute or not shallow.on_site or not deep.on_site:
        return None
    if shallow.path_query_fragment() != deep.path_query_fragment():
        return None
    return shallow.path_query_fragment()
