"""Links written from the content root (`/media/a.png`, `/people/ana.md`) that lead nowhere.

Bodies link images and other pages from the content root (docs/guide/content.md); the site
makes those links relative. A typo there builds a broken image or a dead link, which
`mentorhub verify` finds only in the built site; this finds it at the line of the file.
Only targets the hub can know are checked: a record in its folder, a skill, a free page,
an image under `media/`. Other root links (`/find/`, `/impact/`) are generated pages.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator
from pathlib import Path
from urllib.parse import unquote

from .models import Hub
from .problems import Msg, Problem
from .schema import RECORD_TYPES

#: The URL of an inline link or image `](/x)`, a reference definition `[x]: /x`, or an
#: HTML `src="/x"`/`href="/x"`; only root links (one leading slash), up to `#`, `?` or
#: the end of the URL.
_ROOT_LINK = re.compile(
    r"""(?:\]\(\s*<?|^ {0,3}\[[^\]\n]+\]:[ \t]*<?|\b(?:src|href)\s*=\s*["'])(/(?!/)[^\s)"'<>#?]*)""",
    re.MULTILINE,
)
#: Text every root link contains; a body without any is skipped (most bodies: the regex
#: is tried at every position, and `check` reads every body of a 20,000-record hub).
_MARKERS = ("](", "]:", "src", "href")
_CHECKED_FOLDERS = frozenset({*(t.folder for t in RECORD_TYPES), "skills"})


def known_targets(hub: Hub, media: Collection[str]) -> frozenset[str]:
    """Every path under content/ a root link may name: records, skills, free pages, images."""
    records = [f"{t.folder}/{record_id}.md" for t in RECORD_TYPES for record_id in getattr(hub, t.folder)]
    skills = [f"skills/{skill_id}.md" for skill_id in hub.skills]
    return frozenset([*records, *skills, *hub.pages, *media])


def broken_root_links(hub: Hub, media: Collection[str], project: Path,
                      drafts: Collection[str] = ()) -> list[Problem]:
    """A warning for each root link in a body that names a record, skill, page or image that is not there.

    `drafts`: draft records (paths from content/): a link to one says so, not "not in the hub".
    """
    targets = known_targets(hub, media)
    wrong_case = {path.lower() for path in media}  # an error, from body_links
    found = []
    for path, body in _bodies(hub):
        for url in dict.fromkeys(_ROOT_LINK.findall(body)):
            target = unquote(url).lstrip("/")
            if _checked(target) and target in drafts:
                found.append(Problem(path, _line_of(project / path, url), "body",
                                     Msg("links to %(url)s, which is a draft, not published",
                                         url=url),
                                     Msg("publish it (remove 'draft: true' from content/%(target)s) "
                                         "or remove the link",
                                         target=target)))
            elif _checked(target) and target not in targets and target.lower() not in wrong_case:
                found.append(Problem(path, _line_of(project / path, url), "body",
                                     Msg("links to %(url)s, which is not in the hub", url=url),
                                     _hint(target)))
    return found


def _checked(target: str) -> bool:
    folder, _, rest = target.partition("/")
    if folder == "media":
        return bool(rest)
    if folder == "pages":
        return rest.endswith(".md")
    # people/ana.md: one level only; people/ and people/mentors/ are generated listings.
    return folder in _CHECKED_FOLDERS and rest.endswith(".md") and "/" not in rest


def _hint(target: str) -> str:
    if target.startswith("media/"):
        return Msg("images go in content/media/; check the file name and its case")
    return Msg("link a record as /<folder>/<id>.md (the id is the file name); check the spelling")


def _bodies(hub: Hub) -> Iterator[tuple[str, str]]:
    for record_type in RECORD_TYPES:
        for record in getattr(hub, record_type.folder).values():
            if _may_link(record.body):
                yield record.source.path, record.body
    for page in hub.pages.values():
        if _may_link(page.body):
            yield page.source.path, page.body


def _may_link(body: str) -> bool:
    return any(marker in body for marker in _MARKERS)


def _line_of(path: Path, url: str) -> int:
    """The first line of the file that holds the URL (1 if the file cannot be read)."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return 1
    return next((n for n, line in enumerate(lines, 1) if url in line), 1)
