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
from typing import Any, Protocol

from ..hub.printable import CONTROL
from .find import Nudges, StaleProfile

#: The English title (`issue_title` gives the hub's language's); workflows made before the
#: issue was translated find their issue by it.
TITLE = "Profiles to confirm"
#: How the first line of the body starts in every language: the workflow finds its issue by
#: it (and by its author, the Actions bot), whatever the title's language. Invisible on GitHub.
MARKER_START = "<!-- mentorhub nudges:"
#: The English first line.
MARKER = f"{MARKER_START} written by `mentorhub nudges`; edits are replaced on the next run -->"

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


def issue_title(words: Words | None = None) -> str:
    """The issue's title in the hub's language (the workflow passes it to `gh issue create`)."""
    return (words or ENGLISH).gettext("Profiles to confirm")


def closing_comment(words: Words | None = None) -> str:
    """What the workflow says when it closes the issue because nobody is left."""
    return (words or ENGLISH).gettext("Every profile is confirmed and no mentee is waiting.")


def issue_body(nudges: Nudges, *, edit_link: Callable[[str], str], profile_link: Callable[[str], str],
               path_in_content: Callable[[str], str], words: Words | None = None) -> str:
    """The issue's Markdown; '' when there is nobody to nudge (the workflow then closes it).

    `edit_link(path)` is the web editor of a content file ('' when the hub names no
    repository), `profile_link(id)` a person's page on the site ('' without site_url),
    `path_in_content(id)` the person's file relative to the content folder. `words`: the
    hub's language (a `Localizer`), English when None; only the engine's words are
    translated, never what contributors wrote.
    """
    if not nudges:
        return ""
    w = words or ENGLISH
    today = nudges.today.isoformat()
    lines = [marker(w), ""]
    if nudges.stale:
        lines += [
            "### " + w.ngettext("Profiles to confirm (%(num)s)", "Profiles to confirm (%(num)s)",
                                len(nudges.stale)),
            "",
            w.ngettext("A profile not confirmed for %(num)s day reads \"may be inactive\", and a mentor's "
                       "is no longer suggested to mentees.",
                       "A profile not confirmed for %(num)s days reads \"may be inactive\", and a mentor's "
                       "is no longer suggested to mentees.", nudges.stale_after_days)
            + " " + w.gettext("If yours is listed: open it with the link, check that it is current, set its "
                              "`confirmed:` line to `confirmed: %(today)s` (add the line if it is missing) "
                              "and commit. Without write access, GitHub proposes the change as a pull "
                              "request for you.", today=today),
            "",
        ]
        for item in nudges.stale[:MOST_LISTED]:
            person = item.person
            path = path_in_content(person.id)
            mention = f" · @{person.github}" if person.github else ""
            confirmed = w.gettext("last confirmed %(date)s", date=str(person.confirmed))
            lines.append(f"- {_named(person.name, edit_link(path))} ({escape(path)}) · {confirmed} "
                         f"· {_status(item, nudges.today, w)}{mention}")
        lines += [*_more(len(nudges.stale), w), ""]
    if nudges.waiting:
        lines += [
            "### " + w.ngettext("Mentees waiting for a mentor (%(num)s)",
                                "Mentees waiting for a mentor (%(num)s)", len(nudges.waiting)),
            "",
            w.ngettext("For organizers: these mentees joined more than %(num)s day ago, have no mentor, "
                       "and the hub suggests none to them.",
                       "For organizers: these mentees joined more than %(num)s days ago, have no mentor, "
                       "and the hub suggests none to them.", nudges.waiting_days)
            + " " + w.gettext("An introduction, a peer circle or a new skill in the vocabulary may help."),
            "",
        ]
        for wait in nudges.waiting[:MOST_LISTED]:
            person = wait.person
            joined = w.ngettext("joined %(date)s (%(num)s day ago)", "joined %(date)s (%(num)s days ago)",
                                wait.days, date=str(person.joined))
            lines.append(f"- {_named(person.name, profile_link(person.id))} · {joined}")
        lines += [*_more(len(nudges.waiting), w), ""]
    lines.append(w.gettext("Found by `mentorhub nudges` on %(date)s; this issue is updated each time it "
                           "runs and closed when nobody is left to nudge.", date=today))
    return "\n".join(lines) + "\n"


def marker(words: Words | None = None) -> str:
    """The hidden first line: `MARKER_START` (how the workflow knows its issue, in every
    language) and a note to whoever opens the body to edit it, in the hub's language."""
    note = (words or ENGLISH).gettext("written by `mentorhub nudges`; edits are replaced on the next run")
    return f"{MARKER_START} {note.replace('--', '-')} -->"


def _named(name: str, link: str) -> str:
    """The escaped name, linked when there is somewhere to link to."""
    return f"[{escape(name)}]({link})" if link else f"**{escape(name)}**"


def _status(item: StaleProfile, today: dt.date, w: Words) -> str:
    """What being unconfirmed means for this profile: only mentors' suggestions stop."""
    day = item.inactive_from.isoformat()
    if not item.person.is_mentor:
        if item.is_inactive(today):
            return w.gettext("due since %(date)s", date=day)
        return w.gettext("due on %(date)s", date=day)
    if item.is_inactive(today):
        return w.gettext("not suggested since %(date)s", date=day)
    return w.gettext("reads \"may be inactive\" from %(date)s", date=day)


def _more(count: int, w: Words) -> list[str]:
    extra = count - MOST_LISTED
    if extra <= 0:
        return []
    return ["- " + w.ngettext("… and %(num)s more: run `mentorhub nudges` to see them all.",
                              "… and %(num)s more: run `mentorhub nudges` to see them all.", extra)]


class Words(Protocol):
    """The hub's language as the issue needs it: `i18n.Localizer` fits (this room imports
    no site code, so it is named by shape)."""

    def gettext(self, message: str, /, **values: Any) -> str: ...

    def ngettext(self, singular: str, plural: str, n: int, /, **values: Any) -> str: ...


class _English:
    """The engine's own words, without loading Babel (an English hub's issue)."""

    def gettext(self, message: str, /, **values: Any) -> str:
        return message % values if values else message

    def ngettext(self, singular: str, plural: str, n: int, /, **values: Any) -> str:
        return (singular if n == 1 else plural) % {"num": n, **values}


ENGLISH: Words = _English()
