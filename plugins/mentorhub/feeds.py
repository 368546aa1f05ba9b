"""Feeds of new stories, sessions and resources: Atom 1.0 and JSON Feed 1.1.

Pure functions of the hub, so feeds are as deterministic as the pages: entries
are dated by the records themselves (a story's or session's `date`, a resource's
`updated`; a resource without `updated` has no date to be "new" on and is left
out), sorted newest first with ties broken by id, and a feed with no entries is
dated by the build date. Only published, public fields appear: the hub holds no
drafts, `private` values or unpublished emails in the first place.

With a `site_url`, links and ids are absolute URLs. Without one, Atom links are
relative to the feed (RFC 4287 resolves them against the feed's own URL) and ids
are name-based `urn:uuid:`s, stable across builds; JSON Feed, which has no base
URL, then leaves its URLs out.
"""

from __future__ import annotations

import datetime as dt
import json
import posixpath
import re
import uuid
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass, field
from html import escape
from urllib.parse import urljoin

from . import __version__
from .hub.models import Hub, Resource, Session, Story
from .i18n import ENGLISH, Localizer
from .i18n.vocabulary import N_
from .site import urls
from .site.render import resource_src, session_src, story_src

ATOM_NS = "http://www.w3.org/2005/Atom"
XML_NS = "http://www.w3.org/XML/1998/namespace"
JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"
FEED_KINDS = ("stories", "sessions", "resources")
ATOM_TYPE = "application/atom+xml"
JSON_FEED_TYPE = "application/feed+json"

# Characters XML 1.0 cannot hold at all; dropped rather than producing a broken feed.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

_LISTINGS = {"stories": "stories/index.md", "sessions": "sessions/index.md",
             "resources": "resources/index.md"}
_TITLES = {"stories": N_("new success stories"), "sessions": N_("new session notes"),
           "resources": N_("new and updated resources")}


@dataclass(frozen=True)
class Entry:
    """One feed entry, every value public and already plain text."""

    id: str
    title: str
    url: str
    date: dt.date
    summary: str
    authors: tuple[str, ...] = ()
    categories: tuple[tuple[str, str], ...] = ()  # (term, label)


@dataclass(frozen=True)
class Feed:
    kind: str
    id: str
    title: str
    language: str
    atom_url: str
    json_url: str
    home_url: str
    updated: dt.date
    author: str
    entries: tuple[Entry, ...]
    absolute: bool  # whether the URLs above are absolute (site_url is set)


@dataclass(frozen=True)
class FeedOptions:
    site_name: str
    site_url: str = ""  # "" → relative links, urn:uuid ids
    language: str = "en"
    directory_urls: bool = True
    limit: int = 50
    #: The words of feed titles and summaries: the site's UI language (docs/guide/languages.md).
    i18n: Localizer = field(default=ENGLISH, compare=False)


def feed_path(kind: str, extension: str = "xml") -> str:
    """Where a feed is written: at the site root (`feed-stories.xml`).

    At the root, not in a folder: Material's JavaScript fetches `sitemap.xml` next to
    every `<link rel="alternate">` of a page (it takes them for language versions).
    Our tags say `rel="alternate feed"`, which its exact-match selector skips, but a
    theme override could still say `alternate`: beside a root feed that is the site's
    own sitemap, inside a folder it would be a 404 on every page load.
    """
    return f"feed-{kind}.{extension}"


def build_feeds(hub: Hub, today: dt.date, options: FeedOptions,
                kinds: Iterable[str] = FEED_KINDS) -> list[Feed]:
    """The feeds of `kinds`, newest `options.limit` entries each."""
    return [_feed(hub, kind, today, options) for kind in kinds]


def _feed(hub: Hub, kind: str, today: dt.date, options: FeedOptions) -> Feed:
    linker = _Linker(options, feed_path(kind))
    entries = sorted(_entries(hub, kind, linker), key=lambda e: (e.date, e.id), reverse=True)
    entries = entries[: max(0, options.limit)]
    return Feed(
        kind=kind,
        id=linker.url(feed_path(kind)) if linker.absolute else linker.uuid(f"feed/{kind}"),
        title=f"{options.site_name}: {options.i18n.gettext(_TITLES[kind])}",
        language=options.language or "en",
        atom_url=linker.url(feed_path(kind)),
        json_url=linker.url(feed_path(kind, "json")),
        home_url=linker.page(_LISTINGS[kind]),
        updated=max((e.date for e in entries), default=today),
        author=options.site_name,
        entries=tuple(entries),
        absolute=linker.absolute,
    )


class _Linker:
    """URLs of pages and files as seen from one feed: absolute with a site_url, else relative."""

    def __init__(self, options: FeedOptions, feed_file: str) -> None:
        self.options = options
        self.feed_file = feed_file
        self.absolute = bool(options.site_url)
        self.base = options.site_url if options.site_url.endswith("/") else options.site_url + "/"

    def url(self, site_path: str) -> str:
        if self.absolute:
            return urljoin(self.base, site_path)
        return posixpath.relpath(site_path, posixpath.dirname(self.feed_file))

    def page(self, src_uri: str) -> str:
        dest = urls.dest_path(src_uri, directory_urls=self.options.directory_urls)
        if self.options.directory_urls and posixpath.basename(dest) == "index.html":
            dest = posixpath.dirname(dest) + "/"
        return self.url(dest) if dest != "/" else self.url("./")

    def uuid(self, name: str) -> str:
        return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, f'mentorhub:{self.options.site_name}:{name}')}"

    def entry_id(self, kind: str, src_uri: str, record_id: str) -> str:
        return self.page(src_uri) if self.absolute else self.uuid(f"{kind}/{record_id}")


def _entries(hub: Hub, kind: str, linker: _Linker) -> list[Entry]:
    if kind == "stories":
        return [_story(hub, s, linker) for s in hub.stories.values()]
    if kind == "sessions":
        return [_session(hub, s, linker) for s in hub.sessions.values()]
    if kind == "resources":
        return [_resource(hub, r, linker) for r in hub.resources.values() if r.updated]
    raise ValueError(f"unknown feed kind {kind!r}; use one of {', '.join(FEED_KINDS)}")


def _skills(hub: Hub, ids: Iterable[str]) -> tuple[tuple[str, str], ...]:
    return tuple((i, hub.skills[i].label if i in hub.skills else i) for i in ids)


def _names(hub: Hub, ids_or_names: Iterable[str]) -> tuple[str, ...]:
    return tuple(hub.people[n].name if n in hub.people else n for n in ids_or_names)


def _story(hub: Hub, story: Story, linker: _Linker) -> Entry:
    outcomes = tuple((o, linker.options.i18n.choice("outcome", o)) for o in story.outcomes)
    return Entry(
        id=linker.entry_id("stories", story_src(story.id), story.id),
        title=story.title, url=linker.page(story_src(story.id)), date=story.date,
        summary=story.summary, categories=outcomes + _skills(hub, story.skills),
    )


def _session(hub: Hub, session: Session, linker: _Linker) -> Entry:
    i18n = linker.options.i18n
    what = i18n.choice_label("session_format", session.format)
    topics = ", ".join(label for _, label in _skills(hub, session.topics))
    date = session.date.isoformat()
    summary = (i18n.gettext("%(format)s of %(group)s on %(date)s. Topics: %(topics)s.", format=what,
                            group=session.group, date=date, topics=topics) if session.group
               else i18n.gettext("%(format)s on %(date)s. Topics: %(topics)s.", format=what, date=date,
                                 topics=topics))
    return Entry(
        id=linker.entry_id("sessions", session_src(session.id), session.id),
        title=session.title, url=linker.page(session_src(session.id)), date=session.date,
        summary=summary,
        authors=_names(hub, session.facilitators), categories=_skills(hub, session.topics),
    )


def _resource(hub: Hub, resource: Resource, linker: _Linker) -> Entry:
    assert resource.updated is not None
    return Entry(
        id=linker.entry_id("resources", resource_src(resource.id), resource.id),
        title=resource.title, url=linker.page(resource_src(resource.id)), date=resource.updated,
        summary=resource.summary, authors=_names(hub, resource.authors),
        categories=((resource.kind, linker.options.i18n.choice("kind", resource.kind)),
                    *_skills(hub, resource.topics)),
    )


# -- Atom -----------------------------------------------------------------------------------


def _timestamp(day: dt.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def _text(value: str) -> str:
    return _NOT_XML.sub("", value)


def _add(parent: ET.Element, tag: str, text: str | None = None, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM_NS}}}{tag}", {k: _text(v) for k, v in attributes.items()})
    if text is not None:
        element.text = _text(text)
    return element


def atom_xml(feed: Feed) -> str:
    """The feed as an Atom 1.0 document (RFC 4287)."""
    ET.register_namespace("", ATOM_NS)
    root = ET.Element(f"{{{ATOM_NS}}}feed", {f"{{{XML_NS}}}lang": feed.language})
    _add(root, "id", feed.id)
    _add(root, "title", feed.title)
    _add(root, "updated", _timestamp(feed.updated))
    _add(root, "link", rel="self", type=ATOM_TYPE, href=feed.atom_url)
    _add(root, "link", rel="alternate", type="text/html", href=feed.home_url)
    _add(root, "link", rel="alternate", type=JSON_FEED_TYPE, href=feed.json_url)
    author = _add(root, "author")
    _add(author, "name", feed.author)
    _add(root, "generator", "mentorhub", version=__version__)
    for entry in feed.entries:
        element = _add(root, "entry")
        _add(element, "id", entry.id)
        _add(element, "title", entry.title, type="text")
        _add(element, "link", rel="alternate", type="text/html", href=entry.url)
        _add(element, "published", _timestamp(entry.date))
        _add(element, "updated", _timestamp(entry.date))
        for name in entry.authors:
            _add(_add(element, "author"), "name", name)
        for term, label in entry.categories:
            _add(element, "category", term=term, label=label)
        _add(element, "summary", entry.summary, type="text")
    ET.indent(root)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


# -- JSON Feed --------------------------------------------------------------------------------


def json_feed(feed: Feed) -> str:
    """The feed as a JSON Feed 1.1 document."""
    document: dict[str, object] = {
        "version": JSON_FEED_VERSION,
        "title": feed.title,
        "language": feed.language,
        "authors": [{"name": feed.author}],
    }
    if feed.absolute:
        document["home_page_url"] = feed.home_url
        document["feed_url"] = feed.json_url
    items = []
    for entry in feed.entries:
        item: dict[str, object] = {"id": entry.id}
        if feed.absolute:
            item["url"] = entry.url
        item.update({
            "title": entry.title,
            "summary": entry.summary,
            "content_text": entry.summary,
            "date_published": _timestamp(entry.date),
            "tags": [label for _, label in entry.categories],
        })
        if entry.authors:
            item["authors"] = [{"name": name} for name in entry.authors]
        items.append(item)
    document["items"] = items
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


# -- pages ------------------------------------------------------------------------------------


def autodiscovery_links(page_dest: str, feeds: Iterable[Feed]) -> str:
    """`<link rel="alternate feed">` tags for a page's <head>, relative to the page.

    `alternate` is the token feed autodiscovery looks for; `feed` (WHATWG's keyword for
    a syndication feed) is there because Material's JavaScript selects
    `link[rel=alternate]`, an exact match of the whole attribute, and fetches the
    sitemap once per match to switch languages: with plain `alternate`, every page
    downloaded `sitemap.xml` once per feed. Hreflang links (mkdocs/languages.py) keep
    plain `alternate`, which Material does need. Atom only: the Atom feed links its
    JSON twin itself.
    """
    folder = posixpath.dirname(page_dest) or "."
    return "\n".join(
        f'<link rel="alternate feed" type="{ATOM_TYPE}" title="{escape(feed.title)}" '
        f'href="{escape(posixpath.relpath(feed_path(feed.kind), folder))}">'
        for feed in feeds
    )
