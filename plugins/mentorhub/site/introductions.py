"""Who runs the hub and how a reader asks them for an introduction to a mentor.

The `mentorhub` plugin's `organizers` and `introductions` options are read here
(`read_contact`), checked once per build, and turned into what pages show: the
organizers' contact line and each mentor's "Ask for an introduction" link.

Organizer emails are public by choice, but are published the way public profile
emails are (`render.obfuscate_email`: character references, never a plain
address in the HTML), including inside the `mailto:` links built here.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, urlencode

from markupsafe import Markup, escape

from ..hub.models import Hub, Person
from ..i18n import Localizer

VIAS = ("email", "url", "issue")
#: The issue form file `via: issue` opens (shipped in .github/ISSUE_TEMPLATE/).
ISSUE_TEMPLATE = "introduction.yml"
PLACEHOLDERS = ("mentor", "mentor_name")
# Stricter than a profile email: it is written into mailto: links, so no ?, &, or comma.
_EMAIL = re.compile(r"[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+")
_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
_REPOSITORY = re.compile(r"^(https://[^/]+/[^/]+/[^/]+)/(edit|blob)/")
# Stand-ins that survive URL encoding unchanged, swapped for {mentor}… in script templates.
_SENTINELS = {"mentor": "MHINTROMENTORID", "mentor_name": "MHINTROMENTORNAME", "page": "MHINTROPAGEURL"}


class ContactError(ValueError):
    """A bad `organizers` or `introductions` option; the message names the field."""


@dataclass(frozen=True)
class Organizer:
    """One person or team readers may write to."""

    name: str
    email: str = ""
    url: str = ""


@dataclass(frozen=True)
class Contact:
    """The organizers, and how "Ask for an introduction" reaches them."""

    organizers: tuple[Organizer, ...] = ()
    via: str = ""  # "" (no introductions), "email", "url" or "issue"
    url: str = ""  # via url: the template; via issue: the repository's new-issue URL

    @property
    def emails(self) -> tuple[str, ...]:
        return tuple(o.email for o in self.organizers if o.email)


def read_contact(organizers: Sequence[Any], introductions: Mapping[str, Any] | None,
                 *, edit_base: str) -> Contact:
    """The plugin options as a `Contact`; `ContactError` names the first bad field."""
    people = tuple(_organizer(i, item) for i, item in enumerate(organizers))
    if not introductions:
        return Contact(people)
    if not isinstance(introductions, Mapping):
        raise ContactError("introductions: expected a mapping such as {via: email}")
    unknown = sorted(set(introductions) - {"via", "url"})
    if unknown:
        raise ContactError(f"introductions: unknown key {unknown[0]!r} (expected via, url)")
    via = introductions.get("via")
    if via not in VIAS:
        raise ContactError(f"introductions.via: {via!r} is not one of {', '.join(VIAS)}")
    if via == "email":
        if not any(o.email for o in people):
            raise ContactError("introductions.via: email needs at least one organizer with an email")
        return Contact(people, "email")
    if via == "url":
        return Contact(people, "url", _url_template(introductions.get("url")))
    repository = _REPOSITORY.match(edit_base)
    if repository is None:
        raise ContactError("introductions.via: issue needs edit_uri (or repo_url) pointing at a "
                           "GitHub repository, e.g. https://github.com/ORG/HUB/edit/main/content/")
    return Contact(people, "issue", repository.group(1) + "/issues/new")


def _organizer(index: int, item: Any) -> Organizer:
    where = f"organizers[{index}]"
    if not isinstance(item, Mapping):
        raise ContactError(f"{where}: expected a mapping such as {{name: …, email: …}}")
    unknown = sorted(set(item) - {"name", "email", "url"})
    if unknown:
        raise ContactError(f"{where}: unknown key {unknown[0]!r} (expected name, email, url)")
    name, email, url = item.get("name"), item.get("email", ""), item.get("url", "")
    if not isinstance(name, str) or not name.strip():
        raise ContactError(f"{where}.name: required (a person's or team's name)")
    if not isinstance(email, str) or (email and not _EMAIL.fullmatch(email)):
        raise ContactError(f"{where}.email: {email!r} is not an email address")
    if not isinstance(url, str) or (url and not url.startswith("https://")):
        raise ContactError(f"{where}.url: {url!r} must start with https://")
    if not email and not url:
        raise ContactError(f"{where}: give an email or a url, so readers can reach {name.strip()}")
    return Organizer(name.strip(), email, url)


def _url_template(url: Any) -> str:
    if not isinstance(url, str) or not url:
        raise ContactError("introductions.url: required with via: url, e.g. "
                           "https://forms.example.org/intro?mentor={mentor}")
    if not url.startswith("https://"):
        raise ContactError(f"introductions.url: {url!r} must start with https://")
    for name in _PLACEHOLDER.findall(url):
        if name not in PLACEHOLDERS:
            raise ContactError(f"introductions.url: unknown placeholder {{{name}}} "
                               f"(use {{mentor}} or {{mentor_name}})")
    return url


# -- links --------------------------------------------------------------------------------


def intro_href(contact: Contact, i18n: Localizer, *, mentor: str, mentor_name: str,
               page_url: str) -> str:
    """The "Ask for an introduction" target for one mentor ('' without introductions)."""
    if contact.via == "email":
        subject = i18n.gettext("Introduction to %(name)s") % {"name": mentor_name}
        body = i18n.gettext(
            "Hello, I would like an introduction to %(name)s (%(url)s).\n\n"
            "About me and what I hope to learn:\n") % {"name": mentor_name, "url": page_url}
        body = body.replace("\n", "\r\n")  # RFC 6068: line breaks in a mailto body are CRLF
        to = ",".join(quote(email, safe="@") for email in contact.emails)
        return f"mailto:{to}?subject={quote(subject, safe='')}&body={quote(body, safe='')}"
    if contact.via == "url":
        values = {"mentor": mentor, "mentor_name": mentor_name}
        return _PLACEHOLDER.sub(lambda m: quote(values[m.group(1)], safe=""), contact.url)
    if contact.via == "issue":
        query = {"template": ISSUE_TEMPLATE,
                 "title": i18n.gettext("Introduction to %(name)s") % {"name": mentor_name},
                 "mentor": f"{mentor_name} ({mentor})", "page": page_url}
        return f"{contact.url}?{urlencode(query, quote_via=quote)}"
    return ""


def intro_template(contact: Contact, i18n: Localizer) -> str:
    """`intro_href` with {mentor}, {mentor_name} and {page} left for the finder script to
    fill (each value URL-encoded), so result cards need no per-record metadata."""
    href = intro_href(contact, i18n, mentor=_SENTINELS["mentor"],
                      mentor_name=_SENTINELS["mentor_name"], page_url=_SENTINELS["page"])
    for name, sentinel in _SENTINELS.items():
        href = href.replace(sentinel, "{" + name + "}")
    return href


def entities(text: str) -> Markup:
    """Every character as a character reference: browsers read it, address harvesters don't."""
    return Markup("".join(f"&#{ord(c)};" for c in text))


def no_intro_reason(hub: Hub, person: Person, i18n: Localizer, *, stale: bool) -> str:
    """Why a mentor takes no introduction requests now ('' when they do)."""
    if not person.takes_mentees:  # closed or paused
        return i18n.gettext("Not taking mentees at the moment, so introductions are paused.")
    if hub.free_capacity(person) <= 0:
        return i18n.gettext("Every mentoring place is taken at the moment.")
    if stale:
        return i18n.gettext("This profile has not been confirmed for a while; the mentor may be "
                            "inactive, so introductions are paused.")
    return ""


# -- the organizers, as pages show them -------------------------------------------------------


def organizers_html(contact: Contact) -> Markup:
    """"Ana Lima (ana [at] example.org), Hub team (website)", with obfuscated emails."""
    from .render import obfuscate_email  # render imports this module

    parts = []
    for organizer in contact.organizers:
        ways = []
        if organizer.email:
            ways.append(obfuscate_email(organizer.email))
        if organizer.url:
            ways.append(Markup('<a href="{}" rel="noopener">{}</a>').format(
                organizer.url, organizer.url.removeprefix("https://").rstrip("/")))
        parts.append(escape(organizer.name) + Markup(" (") + Markup(", ").join(ways) + Markup(")"))
    return Markup(", ").join(parts)


def contact_sentence(contact: Contact, i18n: Localizer, fallback: str = "") -> Markup:
    """"Questions? Write to the hub's organizers: …", or `fallback` (may be '') without any."""
    if not contact.organizers:
        return escape(fallback)
    return Markup(escape(i18n.gettext("Questions? Write to the hub's organizers: %(who)s.")).replace(
        "%(who)s", organizers_html(contact)))


def audience_sentence(contact: Contact, i18n: Localizer) -> Markup:
    """Who will see an introduction request."""
    if contact.via == "issue":
        return escape(i18n.gettext("Your request opens a public issue in the hub's repository: "
                                   "anyone can read it, and the organizers answer there."))
    if not contact.organizers:
        return escape(i18n.gettext("Your request goes to the hub's organizers."))
    return Markup(escape(i18n.gettext("Your request goes to the hub's organizers: %(who)s.")).replace(
        "%(who)s", organizers_html(contact)))
