"""The page's own policy, as `<meta>` tags: no image from another site, no referrer sent away.

Bodies are sanitized so that no image leaves the site (site/sanitize.py) and `verify`
checks the built pages; the Content-Security-Policy is the browser's own guard for what
either could miss (a template override, a future feature). It names only what the hub
never needs from elsewhere, images, media and plugins, so Material's inline scripts and
Pagefind's WebAssembly are untouched (measured with the browser tests: search, join
forms, introductions, accessibility). `same-origin` referrers: a reader who follows a
link to another site does not tell it which profile they were reading.
"""

from __future__ import annotations

POLICY_META = (
    '<meta http-equiv="Content-Security-Policy" '
    "content=\"img-src 'self' data:; media-src 'self'; object-src 'none'; base-uri 'self'\">"
    '<meta name="referrer" content="same-origin">'
)


def add_policy_meta(html: str) -> str:
    """`html` with the policy as the first elements of its `<head>` (before any image)."""
    start = html.find("<head>")
    if start < 0 or POLICY_META in html:
        return html
    cut = start + len("<head>")
    return html[:cut] + POLICY_META + html[cut:]
