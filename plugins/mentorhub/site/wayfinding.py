"""Wayfinding on every built page: a skip link and the "you are here" navigation tab.

Material draws a skip link only when the page's table of contents has an entry, and it
points at that first heading (past the page title); generated listings and finders have
none. Material also highlights a tab only for pages in the nav, and record pages
(profiles, skills, resources, sessions, stories, groups) are deliberately not in it.
Both are fixed on the finished HTML, GOV.UK style: the skip link is the first Tab stop
and goes to the start of the content; the tab whose section holds the page is marked.
"""

from __future__ import annotations

import html as html_lib
import posixpath
import re

#: The id given to the content area, the skip link's target.
CONTENT_ID = "mh-content"
_SKIP_BLOCK = re.compile(r'<div data-md-component="skip">.*?</div>', re.S)
_CONTENT = re.compile(r'<article class="md-content__inner md-typeset"')
_CONTENT_OPEN = re.compile(r'<article [^>]*class="md-content__inner md-typeset"[^>]*>')
_TAGS = re.compile(r"<[^>]+>")
_TAB = re.compile(r'<li class="md-tabs__item">(\s*<a href="([^"]*)" class="md-tabs__link")')


def add_skip_link(output: str, label: str) -> str:
    """Point Material's skip-link slot at the content area (added when it was empty)."""
    if not _CONTENT.search(output) or not _SKIP_BLOCK.search(output):
        return output
    # tabindex=-1 lets browsers move keyboard focus to the article, not just scroll.
    output = _CONTENT.sub(f'<article id="{CONTENT_ID}" tabindex="-1" class="md-content__inner md-typeset"',
                          output, count=1)
    link = (f'<div data-md-component="skip"><a href="#{CONTENT_ID}" class="md-skip mh-skip">'
            f"{html_lib.escape(label)}</a></div>")
    return _SKIP_BLOCK.sub(lambda _: link, output, count=1)


def mark_current_tab(output: str, page_url: str, trail_label: str) -> str:
    """Mark the tab whose section holds `page_url` (the longest URL prefix), if none is,
    and put a one-step breadcrumb back to that section above the page's content.

    Only pages outside the nav (record pages) are changed: Material handles the rest.
    The home tab ("" after resolving) only counts for the home page itself.
    """
    if "md-tabs__item--active" in output:
        return output
    best: tuple[int, re.Match[str]] | None = None  # (prefix length, the tab)
    for match in _TAB.finditer(output):
        target = _resolve(page_url, html_lib.unescape(match.group(2)))
        if target is None or (target == "" and page_url != ""):
            continue
        if page_url.startswith(target) and (best is None or len(target) > best[0]):
            best = (len(target), match)
    if best is None:
        return output
    tab = best[1]
    closing = output.find("</a>", tab.end())
    name = " ".join(_TAGS.sub(" ", output[output.find(">", tab.end()) + 1:closing]).split())
    rest = output[tab.end():]
    output = (output[:tab.start()] + '<li class="md-tabs__item md-tabs__item--active">'
              + tab.group(1).replace('class="md-tabs__link"', 'class="md-tabs__link" aria-current="true"')
              + rest)
    if not name:
        return output
    trail = (f'<nav class="mh-trail" aria-label="{html_lib.escape(trail_label)}">'
             f'<a href="{tab.group(2)}">{name}</a></nav>')
    content = _CONTENT_OPEN.search(output)
    if content is None:
        return output
    return output[:content.end()] + trail + output[content.end():]


def _resolve(page_url: str, href: str) -> str | None:
    """A relative tab href, resolved against the page's directory URL ("a/b/"); None if external."""
    if "://" in href or href.startswith(("/", "#", "mailto:")):
        return None
    joined = posixpath.normpath(posixpath.join(page_url or ".", href))
    if joined.startswith(".."):
        return None
    return "" if joined == "." else joined.rstrip("/") + "/"
