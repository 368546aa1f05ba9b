"""Links in bodies that break on the built site, found at `check` time at the file's line.

A body is published on a generated page (`people/ana/`), not next to its file, so a
relative link (`![me](photo.png)`, `../media/me.png`, `[Ana](ana.md)`) points nowhere
on the site: bodies link from the content root (`/media/me.png`, docs/content.md). And a
root link to an image whose name differs only in case (`/media/Logo.png` for
`media/logo.png`) works on a laptop's file system and breaks on a case-sensitive web
host: an error, since nothing would show it before the site is live. (Root links to
records, pages and images that do not exist at all are warnings: :mod:`.root_links`.)
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Collection, Iterator
from pathlib import Path
from urllib.parse import unquote

from .models import Hub
from .problems import Msg, Problem

# The same bodies and line lookup as the root link warnings (one way to find a link's line).
from .root_links import _bodies, _line_of, known_targets

#: The URL of an inline link or image `](x)`, a reference definition `[x]: x`, or an HTML
#: `src="x"`/`href="x"`, up to `#`, `?` or the end of the URL.
_LINK = re.compile(
    r"""(?:\]\(\s*<?|^ {0,3}\[[^\]\n]+\]:[ \t]*<?|\b(?:src|href)\s*=\s*["'])([^\s)"'<>#?]*)""",
    re.MULTILINE,
)
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")
#: Code is not a link: fenced blocks and code spans are left out before looking.
_CODE = re.compile(r"^ {0,3}(```|~~~).*?^ {0,3}\1[^\n]*$|`[^`\n]+`", re.MULTILINE | re.DOTALL)


def body_link_errors(hub: Hub, media: Collection[str], project: Path) -> list[Problem]:
    """An error for each root link to an image whose name matches one in media/ only up to case."""
    by_case = {path.lower(): path for path in media}
    found = []
    for path, body in _bodies(hub):
        for url in _links(body):
            target = unquote(url).lstrip("/")
            if not url.startswith("/") or url.startswith("//") or target in media:
                continue
            actual = by_case.get(target.lower())
            if actual is not None:
                found.append(Problem(path, _line_of(project / path, url), "body",
                                     Msg("links to %(url)s, but the file is content/%(actual)s: the "
                                         "case differs, which breaks on case-sensitive web hosts",
                                         url=url, actual=actual),
                                     Msg("write /%(actual)s", actual=actual)))
    return found


def relative_link_warnings(hub: Hub, media: Collection[str], project: Path) -> list[Problem]:
    """A warning for each relative link in a body, with the root link to write when there is one."""
    targets = known_targets(hub, media)
    found = []
    for path, body in _bodies(hub):
        folder = posixpath.dirname(path.split("/", 1)[1]) if "/" in path else ""
        for url in _links(body):
            if not url or url.startswith("/") or _SCHEME.match(url):
                continue
            resolved = posixpath.normpath(posixpath.join(folder, unquote(url)))
            hint = (Msg("write /%(resolved)s", resolved=resolved) if resolved in targets else
                    Msg("link from the content root: /media/<file> for an image, /<folder>/<id>.md "
                        "for a record"))
            found.append(Problem(path, _line_of(project / path, url), "body",
                                 Msg("links to %(url)s, a relative link, which does not lead there on "
                                     "the built page",
                                     url=url), hint, severity="warning"))
    return found


def _links(body: str) -> Iterator[str]:
    return iter(dict.fromkeys(_LINK.findall(_CODE.sub("", body))))

