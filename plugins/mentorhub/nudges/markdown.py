"""The body of the "Profiles to confirm" issue, in GitHub-flavoured Markdown.

Names and paths come from pull requests by strangers, so every one of them is escaped
for Markdown and HTML, and an '@' or '#' in them cannot mention anyone or link an issue.
Only a person's own `github` field, checked against GitHub's user-name rules, becomes
a mention.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Callable

from ..hub.printable import CONTROL
from .find import Nudges, StaleProfile

#: The workflow finds its issue by this title (and by its author, the Actions bot).
TITLE = "Profiles to confirm"
#: First line of the body: says where the issue comes from, invisible on GitHub.
MARKER = "<!-- mentorhub nudges: written by `mentorhub nudges`; edits are replaced on the next run -->"

#: Entries per section: GitHub refuses an issue body over 65,536 characters.
MOST_LISTED = 150
#: What can start markup in the middle of a line (emphasis, code, links, images, tables,
#: strikethrough); '-', '+', '.' matter only at a line's start, which text never is here.
_MARKDOWN_PUNCTUATION = re.compile(r"([\\`*_{}\[\]()#!|~])")
#: A zero-width space after '@' and '#' (as Renovate and Dependabot write): no mention, no
#: issue link; and inside "://" and "www." so GitHub does not turn a name into a link.
_NO_MENTION = re.compile(r"([@#]|:(?=//)|\bwww(?=\.))", re.IGNORECASE)


def escape(text: str) -> str:
    """Contributor text as inert Markdown: one line, no markup, no HTML, no mention, no link."""
    one_line = CONTROL.sub(" ", " ".join(text.split()))
    marked = _MARKDOWN_PUNCTUATION.sub(r"\\\1", one_line)
    return _NO_MENTION.sub(r"\1&#8203;", html.escape(marked, quote=False))


def issue_body(nudges: Nudges, *, edit_link: Callable[[str], str], profile_link: Callable[[str], str],
               path_in_content: Callable[[str], str]) -> str:
    """The issue's Markdown; '' when there is nobody to nudge (the workflow then closes it).

    `edit_link(path)` is the web editor of a content file ('' when the hub names no
    repository), `profile_link(id)` a person's page on the site ('' without site_url),
    `path_in_content(id)` the person's file relative to the content folder.
    """
    if not nudges:
        return ""
    today = nudges.today.isoformat()
    lines = [MARKER, ""]
    if nudges.stale:
        lines += [
            f"### Profiles to confirm ({len(nudges.stale)})",
            "",
            f"A profile not confirmed for {nudges.stale_after_days} days reads \"may be inactive\", "
            "and a mentor's is no longer suggested to mentees. If yours is listed: open it with "
            f"the link, check that it is current, set its `confirmed:` line to `confirmed: {today}` "
            "(add the line if it is missing) and commit. Without write access, GitHub proposes the "
            "change as a pull request for you.",
            "",
        ]
        for item in nudges.stale[:MOST_LISTED]:
            person = item.person
            path = path_in_content(person.id)
            mention = f" · @{person.github}" if person.github else ""
            lines.append(f"- {_named(person.name, edit_link(path))} ({escape(path)}) · last confirmed "
                         f"{person.confirmed} · {_status(item, nudges.today)}{mention}")
        lines += [*_more(len(nudges.stale)), ""]
    if nudges.waiting:
        lines += [
            f"### Mentees waiting for a mentor ({len(nudges.waiting)})",
            "",
            f"For organizers: these mentees joined more than {nudges.waiting_days} days ago, have no "
            "mentor, and the hub suggests none to them. An introduction, a peer circle or a new "
            "skill in the vocabulary may help.",
            "",
        ]
        for wait in nudges.waiting[:MOST_LISTED]:
            person = wait.person
            lines.append(f"- {_named(person.name, profile_link(person.id))} · joined {person.joined} "
                         f"({wait.days} days ago)")
        lines += [*_more(len(nudges.waiting)), ""]
    lines.append(f"Found by `mentorhub nudges` on {today}; this issue is updated each time it runs "
                 "and closed when nobody is left to nudge.")
    return "\n".join(lines) + "\n"


def _named(name: str, link: str) -> str:
    """The escaped name, linked when there is somewhere to link to."""
    return f"[{escape(name)}]({link})" if link else f"**{escape(name)}**"


def _status(item: StaleProfile, today: dt.date) -> str:
    """What being unconfirmed means for this profile: only mentors' suggestions stop."""
    day = item.inactive_from.isoformat()
    if not item.person.is_mentor:
        return f"due since {day}" if item.is_inactive(today) else f"due on {day}"
    if item.is_inactive(today):
        return f"not suggested since {day}"
    return f"reads \"may be inactive\" from {day}"


def _more(count: int) -> list[str]:
    extra = count - MOST_LISTED
    return [f"- … and {extra} more: run `mentorhub nudges` to see them all."] if extra > 0 else []
