"""An accessible name for the "¶" permalink after every heading.

Screen readers announce the symbol ("pilcrow"), and the `title` Material and
Python-Markdown put on it is not reliably read: each gets an `aria-label` in the page's
language instead. Done on the finished HTML, so headings from the site's own Markdown
pages and from generated ones are treated alike.
"""

from __future__ import annotations

import html
import re

_HEADERLINK = re.compile(r'<a class="headerlink" href="#([^"]*)"(?! aria-label)')


def name_permalinks(output: str, label: str) -> str:
    """Give every `a.headerlink` the name `label` (e.g. "Link to this section")."""
    return _HEADERLINK.sub(lambda m: f'{m.group(0)} aria-label="{html.escape(label)}"', output)
