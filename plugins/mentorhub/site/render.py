"""Turn a hub into generated pages, through Jinja templates a site can override.

Every value from contributors goes through Jinja's autoescaping; bodies arrive
already sanitized (see :mod:`sanitize`). Pages are Markdown documents made of HTML
blocks plus fixed `##` headings (so MkDocs builds a table of contents), and
contributor text only ever appears inside the HTML blocks, where Markdown does
not touch it.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

import jinja2
from markdown.extensions.toc import slugify
from markupsafe import Markup

from ..hub.models import Hub, Person, Resource, Session, Skill
from ..hub.relations import Relations, relate
from ..hub.schema import RESOURCE_KINDS
from ..i18n import Localizer, localizer
from . import urls
from .body_cache import rendered
from .contribute import issue_form_url
from .introductions import (
    Contact,
    audience_sentence,
    contact_sentence,
    entities,
    intro_href,
    no_intro_reason,
)
from .page_jobs import PageJob, render_pages
from .page_memo import PageMemo
from .places import utc_offset_label, utc_offset_minutes
from .portraits import CARD, PROFILE, Portrait, initials_svg
from .sanitize import render_body
from .template_cache import MemoryBytecodeCache

T = TypeVar("T")
TEMPLATE_DIR = Path(__file__).parent.parent / "templates"
#: Pages that are mostly a grid of person cards get the screen's width (Page.wide).
CARD_GRID_TEMPLATES = frozenset({"people_index.html", "people_list.html", "skill.html"})
_COMPILED = MemoryBytecodeCache()  # every renderer of this process (template_cache.py)


@dataclass(frozen=True)
class RenderOptions:
    """Site-level choices that change what pages show."""

    today: dt.date
    page_size: int = 48
    section_limit: int = 24
    stale_after_days: int = 365
    directory_urls: bool = True
    site_name: str = "Mentoring hub"
    find_mentor_src: str = "people/index.md"  # the search plugin points it at its finder
    site_description: str = ""
    # "Add yourself" and contributing-guide links (hooks/contribute_links.py); "" hides them.
    add_person_url: str = ""
    contributing_url: str = ""
    # The content folder's web-editor URL (edit_uri) and the site's address, ending in "/":
    # "Report this profile" opens the repository's issue form from them ("" hides it), and
    # introduction requests link to the mentor's page.
    edit_base: str = ""
    site_url: str = ""
    # Feeds the mentorhub-feeds plugin publishes ("stories", "sessions", "resources").
    feeds: tuple[str, ...] = ()
    # The UI language (Material's `theme.language`): catalogs and CLDR formats (docs/guide/languages.md).
    language: str = "en"
    # The organizers and "Ask for an introduction" (mentorhub options; docs/guide/introductions.md).
    contact: Contact = field(default_factory=Contact)


@dataclass(frozen=True)
class Page:
    """One generated page: its source URI, plain-text title, and Markdown content."""

    src_uri: str
    title: str
    markdown: str
    description: str = ""
    kind: str = ""  # person, resource, session, story, skill, listing
    source_path: str = ""  # the contributor's file, for "propose an edit"
    wide: bool = False  # a grid of cards: Material's side columns are hidden to give it the width


#: Extra HTML sections on profile pages, contributed by feature plugins (matching …).
#: A section may be called in a forked process (page_jobs.py): it returns its HTML and
#: must not record anything that later code reads (a child's changes are not kept);
#: state it computes lazily on first use is computed before the fork.
ProfileSection = Callable[[Person, "PageContext"], str]


def person_src(person_id: str) -> str:
    return f"people/{person_id}.md"


def resource_src(resource_id: str) -> str:
    return f"resources/{resource_id}.md"


def session_src(session_id: str) -> str:
    return f"sessions/{session_id}.md"


def story_src(story_id: str) -> str:
    return f"stories/{story_id}.md"


def skill_src(skill_id: str) -> str:
    return f"skills/{skill_id}.md"


def listing_src(base: str, page_number: int) -> str:
    """`people/mentors` page 1 → `people/mentors/index.md`, page 3 → `…/page/3.md`."""
    return f"{base}/index.md" if page_number == 1 else f"{base}/page/{page_number}.md"


def group_src(slug: str) -> str:
    return f"sessions/groups/{slug}.md"


@dataclass
class PageContext:
    """What templates get besides their own data: links from this page, lookups, helpers."""

    src_uri: str
    site: SiteRenderer

    def root_link(self, url: str) -> str:
        """A body's link from the content root (`/media/a.png`, `/pages/x.md#part`), made relative."""
        path, mark, fragment = url.partition("#")
        target = path.lstrip("/")
        if target.endswith(".md"):
            rel = self.link(target)
        elif target == "" or target.endswith("/"):
            rel = self.link(target + "index.md")
        else:
            rel = self.file_link(target)
        return rel + mark + fragment

    def link(self, to_src: str) -> str:
        return urls.relative_url(self.src_uri, to_src, directory_urls=self.site.options.directory_urls)

    def file_link(self, path: str) -> str:
        """A relative link to a file of the site that is not a page (`feed-stories.xml`)."""
        return urls.relative_file_url(self.src_uri, path, directory_urls=self.site.options.directory_urls)

    def render(self, template: str, **context: Any) -> str:
        return self.site.render_fragment(template, self, **context)

    # lookups the templates use ------------------------------------------------------
    def person(self, person_id: str) -> Person | None:
        return self.site.hub.people.get(person_id)

    def skill(self, skill_id: str) -> Skill:
        return self.site.hub.skills.get(skill_id) or Skill(skill_id, skill_id, "Other")

    def resource(self, resource_id: str) -> Resource | None:
        return self.site.hub.resources.get(resource_id)

    def language(self, code: str) -> str:
        return self.site.i18n.language(code)

    # words in the UI language (docs/guide/languages.md) ------------------------------------------
    @property
    def i18n(self) -> Localizer:
        return self.site.i18n

    def lang_attr(self, record: Any) -> Markup:
        """` lang="es"` on a record's own text when it is written in another language than
        the UI's, so screen readers and hyphenation read it right ('' otherwise)."""
        code = getattr(record, "lang", "")
        if not code or code == self.site.i18n.locale.language:
            return Markup("")
        return Markup(' lang="{}"').format(code)

    def choice(self, vocabulary: str, value: str) -> str:
        return self.site.i18n.choice(vocabulary, value)

    def choice_label(self, vocabulary: str, value: str) -> str:
        """The capitalised word, as filters and the finders' results show it ("Mentor, Peer")."""
        return self.site.i18n.choice_label(vocabulary, value)

    def title(self, table: str, key: str) -> str:
        return self.site.i18n.title(table, key)

    def count(self, role: str, n: int) -> str:
        """"3 mentors", "1 mentee", … for a people listing (`role` is the plural key)."""
        ngettext = self.site.i18n.ngettext
        if role == "mentors":
            return ngettext("%(num)s mentor", "%(num)s mentors", n)
        if role == "mentees":
            return ngettext("%(num)s mentee", "%(num)s mentees", n)
        return ngettext("%(num)s peer", "%(num)s peers", n)

    def all_of(self, role: str, n: int) -> str:
        """The "see them all" link under a directory section."""
        ngettext = self.site.i18n.ngettext
        if role == "mentors":
            return ngettext("All %(num)s mentor →", "All %(num)s mentors →", n)
        if role == "mentees":
            return ngettext("All %(num)s mentee →", "All %(num)s mentees →", n)
        return ngettext("All %(num)s peer →", "All %(num)s peers →", n)

    def is_stale(self, person: Person) -> bool:
        options = self.site.options
        return person.is_mentor and person.is_stale(options.today, options.stale_after_days)

    def free_capacity(self, person: Person) -> int:
        return self.site.hub.free_capacity(person)

    # faces, places and hours (site/portraits.py, site/places.py) -------------------------
    def face(self, person: Person, where: str = "card") -> Markup:
        """The person's photo (lazy, with its size, so nothing shifts) or initials avatar.

        Decorative: the name is always beside it, so the alt text is empty (WCAG H67).
        """
        size = PROFILE if where == "profile" else CARD
        portrait = self.site.portraits.get(person.id)
        if portrait is None:
            return initials_svg(person.id, person.name, size)
        loading = "eager" if where == "profile" else "lazy"
        return Markup('<img class="mh-avatar" src="{src}" width="{size}" height="{size}" alt="" '
                      'loading="{loading}" decoding="async">').format(
            src=self.file_link(portrait.path(size)), size=size, loading=loading)

    def country(self, code: str) -> str:
        return self.site.i18n.country(code)

    def utc_offset(self, person: Person) -> str:
        """The person's offset from UTC on the hub's date ("UTC+1"), or '' without a zone."""
        minutes = utc_offset_minutes(person.timezone, self.site.options.today) if person.timezone else None
        return "" if minutes is None else utc_offset_label(minutes)

    # introductions (site/introductions.py) ----------------------------------------------
    def page_url(self, src: str) -> str:
        """A page's absolute URL when `site_url` is set, else its path from the site root."""
        path = urls.dest_path(src, directory_urls=self.site.options.directory_urls)
        path = path.removesuffix("index.html") if self.site.options.directory_urls else path
        base = self.site.options.site_url
        return (base if base.endswith("/") else base + "/") + path if base else "/" + path

    def intro_href(self, person: Person) -> Markup:
        """The mentor's "Ask for an introduction" link, as character references (it may
        carry the organizers' emails); '' when the hub configured no introductions."""
        href = intro_href(self.site.options.contact, self.i18n, mentor=person.id,
                          mentor_name=person.name, page_url=self.page_url(person_src(person.id)))
        return entities(href) if href else Markup("")

    def no_intro_reason(self, person: Person) -> str:
        return no_intro_reason(self.site.hub, person, self.i18n, stale=self.is_stale(person))

    def intro_audience(self) -> Markup:
        return audience_sentence(self.site.options.contact, self.i18n)

    def organizers(self, fallback: str = "") -> Markup:
        """The organizers' contact sentence, or `fallback` when none are configured."""
        return contact_sentence(self.site.options.contact, self.i18n, fallback)

    def group_url(self, group: str) -> str:
        return self.link(group_src(self.site.group_slugs[group]))

    person_src = staticmethod(person_src)
    resource_src = staticmethod(resource_src)
    session_src = staticmethod(session_src)
    story_src = staticmethod(story_src)
    skill_src = staticmethod(skill_src)


def format_date(value: dt.date | None, i18n: Localizer | None = None) -> str:
    """A date as the UI language writes it ("14 Nov 2026", "14 nov 2026")."""
    return (i18n or localizer("en")).date(value)


def obfuscate_email(address: str) -> Markup:
    """A mailto link written as character references, so naive scrapers miss it."""
    return Markup('<a class="mh-email" href="{}">{}</a>').format(
        entities("mailto:" + address), entities(address.replace("@", " [at] ")))


def paginate(items: Sequence[T], size: int) -> list[Sequence[T]]:
    """Split into pages of `size` (one empty page for no items)."""
    if not items:
        return [items]
    return [items[i : i + size] for i in range(0, len(items), size)]


class SiteRenderer:
    """Renders every page of the hub. Build once per site build."""

    def __init__(
        self,
        hub: Hub,
        options: RenderOptions,
        *,
        override_dirs: Iterable[Path] = (),
        profile_sections: Sequence[ProfileSection] = (),
        portraits: Mapping[str, Portrait] | None = None,
        memo: PageMemo | None = None,
    ) -> None:
        self.hub = hub
        self.portraits: Mapping[str, Portrait] = portraits or {}  # person id → photo (images/)
        self.options = options
        self.relations: Relations = relate(hub)
        self.profile_sections = list(profile_sections)
        self.group_slugs = urls.unique_slugs(list(self.relations.sessions_in_group))
        self.i18n = localizer(options.language)
        overrides = [str(d) for d in override_dirs if d.is_dir()]
        search_path = [*overrides, str(TEMPLATE_DIR)]
        # `serve`: pages whose inputs did not change keep their Markdown (page_memo.py).
        self.memo = memo
        if memo is not None:
            memo.begin(options, self.portraits, overridden=any(map(_holds_files, overrides)))
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(search_path),
            autoescape=True,
            trim_blocks=True,
            lstrip_blocks=True,
            undefined=jinja2.StrictUndefined,
            # One renderer serves one build, so templates cannot change under it; with
            # auto_reload every get_template() stat()s the file (~20,000 times at 20k records).
            auto_reload=False,
            finalize=_one_line,
            extensions=["jinja2.ext.i18n"],
            bytecode_cache=_COMPILED,  # `serve` renders again on every save (template_cache.py)
        )
        # Newstyle gettext: `_("… %(name)s", name=x)` escapes `x` and formats after
        # translating; `ngettext` fills `%(num)s` with the count in the UI language's digits
        # and grouping ("1,234", "1.234") (docs/guide/languages.md).
        self.env.install_gettext_callables(  # type: ignore[attr-defined]
            self.i18n.catalog.gettext, self._ngettext, newstyle=True)
        self.env.filters["date"] = self.i18n.date
        self.env.filters["month"] = self.i18n.month
        self.env.filters["number"] = self.i18n.number
        self.env.filters["percent"] = self.i18n.percent
        # gettext's plural rules take whole numbers: 1.5 hours reads as plural ("other").
        self.env.filters["plural_count"] = lambda n: int(n) if float(n).is_integer() else 2
        self.env.filters["slug"] = lambda text: slugify(str(text), "-")  # as page_html makes heading ids
        self.env.globals["lang"] = self.i18n.lang
        self.env.filters["email"] = obfuscate_email
        self.env.globals["body"] = _body
        self.env.globals["plural"] = lambda n, one, many=None: one if n == 1 else (many or one + "s")

    # -- rendering helpers ---------------------------------------------------------------

    def _ngettext(self, singular: str, plural: str, n: int) -> str:
        return self.i18n.catalog.ngettext(singular, plural, n).replace("%(num)s", self.i18n.number(n))

    def render_fragment(self, template: str, ctx: PageContext, **context: Any) -> str:
        if self.memo is not None:  # `serve`: kept while nothing it reads changed (page_memo.py)
            return self.memo.rendered(self.env, template, ctx, context, self._render)
        return self._render(template, ctx, context)

    def _render(self, template: str, ctx: PageContext, context: dict[str, Any]) -> str:
        return self.env.get_template(template).render(h=ctx, hub=self.hub, options=self.options, **context)

    def _page(self, template: str, src_uri: str, title: str, *, kind: str = "listing",
              description: str = "", source_path: str = "", **context: Any) -> Page:
        ctx = PageContext(src_uri, self)
        markdown = self.render_fragment(template, ctx, title=title, **context)
        return Page(src_uri, title, markdown, description, kind, source_path,
                    wide=template in CARD_GRID_TEMPLATES)

    def _job(self, template: str, src_uri: str, title: str, **kwargs: Any) -> PageJob:
        """A page to render later (perhaps in another process): `_page` with these arguments."""
        return PageJob(template, partial(self._page, template, src_uri, title, **kwargs))

    # -- all pages -------------------------------------------------------------------------

    def pages(self) -> list[Page]:
        """Every generated page, in the site's order; shared among the cores on a large hub
        (page_jobs.py)."""
        return render_pages(self.page_jobs(), warm=self._warm, memo=self.memo)

    def page_jobs(self) -> list[PageJob]:
        """Every generated page, as jobs in the site's order (nothing rendered yet)."""
        # The site's own content/index.md, validated, replaces the generated home page.
        jobs = [] if "index.md" in self.hub.pages else [PageJob("home.html", self.home)]
        jobs += self.free_page_jobs()
        jobs += self.people_page_jobs()
        jobs += self.resource_page_jobs()
        jobs += self.session_page_jobs()
        jobs += self.story_page_jobs()
        jobs += self.skill_page_jobs()
        return jobs

    def _warm(self) -> None:
        """Compute here what rendering computes lazily, before the work is shared, so that
        no process computes it again (forked children inherit it)."""
        _ = self.hub.mentees_of

    def home(self) -> Page:
        hub = self.hub
        numbers = {
            "mentors": sum(1 for _ in hub.mentors()),
            "mentees": sum(1 for _ in hub.mentees()),
            "peers": sum(1 for _ in hub.peers()),
            "pairs": sum(len(p.mentors) for p in hub.mentees()),
            "resources": len(hub.resources),
            "sessions": len(hub.sessions),
            "stories": len(hub.stories),
            "skills": len(hub.skills),
        }
        resources = sorted(hub.resources.values(),
                           key=lambda r: (r.updated or dt.date.min, r.id), reverse=True)
        return self._page(
            "home.html", "index.md", self.i18n.gettext("Home"),
            description=self.options.site_description,
            numbers=numbers,
            stories=hub.stories_newest_first()[:3],
            sessions=hub.sessions_newest_first()[:3],
            resources=resources[:4],
        )

    def free_pages(self) -> list[Page]:
        """content/index.md and content/pages/**.md, rendered from their validated model."""
        return [job.render() for job in self.free_page_jobs()]

    def free_page_jobs(self) -> list[PageJob]:
        return [
            self._job("free_page.html", page.src_uri, page.title, kind="page",
                       description=page.description or (
                           self.options.site_description if page.src_uri == "index.md" else ""),
                       source_path=page.source.path, page=page)
            for page in self.hub.pages.values()
        ]

    # people ------------------------------------------------------------------------------

    def people_pages(self) -> list[Page]:
        return [job.render() for job in self.people_page_jobs()]

    def people_page_jobs(self) -> list[PageJob]:
        size = self.options.page_size
        by_role = {
            "mentors": sorted(self.hub.mentors(), key=_person_order),
            "mentees": sorted(self.hub.mentees(), key=_person_order),
            "peers": sorted(self.hub.peers(), key=_person_order),
        }
        _ = self.i18n.gettext
        pages = [self._job("people_index.html", "people/index.md", _("People"),
                            description=_("Mentors, mentees and peers in this hub"),
                            by_role=by_role, limit=size)]
        for role, people in by_role.items():
            chunks = paginate(people, size)
            for number, chunk in enumerate(chunks, 1):
                pages.append(self._job(
                    "people_list.html", listing_src(f"people/{role}", number),
                    self._paged(self.i18n.title("role", role), number),
                    role=role, people=chunk, pager=self._pager(f"people/{role}", number, len(chunks)),
                    total=len(people),
                ))
        for person in self.hub.people.values():
            # Profiles of people in the same roles take the same paths through the
            # feature plugins' sections (and their lazily computed state).
            roles = (person.is_mentor, person.is_mentee, person.is_peer)
            pages.append(PageJob(f"person.html:{roles}", partial(self._person_page, person)))
        return pages

    def _person_page(self, person: Person) -> Page:
        ctx = PageContext(person_src(person.id), self)
        sections = [Markup(section(person, ctx)) for section in self.profile_sections]
        return self._page(
            "person.html", person_src(person.id), person.name, kind="person",
            description=person.headline, source_path=person.source.path, person=person,
            led=self.relations.sessions_led.get(person.id, []),
            attended=self.relations.sessions_attended.get(person.id, []),
            stories=self.relations.stories_of.get(person.id, []),
            resources=self.relations.resources_by.get(person.id, []),
            mentees=[self.hub.people[m] for m in self.hub.mentees_of.get(person.id, ())
                     if m in self.hub.people],
            extra_sections=sections,
            report_url=self._report_url(person),
        )

    def _report_url(self, person: Person) -> str:
        """The "report an inactive or wrong profile" issue form, naming this profile."""
        path = f"people/{person.id}/" if self.options.directory_urls else f"people/{person.id}.html"
        return issue_form_url(self.options.edit_base, "report-profile.yml",
                              self.i18n.gettext("Profile report: %(name)s", name=person.name),
                              {"profile": self.options.site_url + path if self.options.site_url
                               else person.id})

    def _pager(self, base: str, number: int, count: int) -> dict[str, Any]:
        return {
            "number": number,
            "count": count,
            "previous": listing_src(base, number - 1) if number > 1 else None,
            "next": listing_src(base, number + 1) if number < count else None,
            "pages": [listing_src(base, n) for n in range(1, count + 1)],
        }

    # resources ---------------------------------------------------------------------------

    def resource_pages(self) -> list[Page]:
        return [job.render() for job in self.resource_page_jobs()]

    def resource_page_jobs(self) -> list[PageJob]:
        resources = sorted(self.hub.resources.values(), key=lambda r: (r.title.lower(), r.id))
        by_kind: dict[str, list[Resource]] = {}
        for resource in resources:
            by_kind.setdefault(resource.kind, []).append(resource)
        kinds = [k for k in RESOURCE_KINDS if k in by_kind]
        pages = [
            self._job("resources_index.html", "resources/index.md", self.i18n.gettext("Resources"),
                       description=self.i18n.gettext("Toolkits, guides, templates and courses"),
                       by_kind={k: by_kind[k] for k in kinds}, limit=self.options.section_limit),
            self._job("resources_by_topic.html", "resources/by-topic/index.md",
                       self.i18n.gettext("Resources by topic"),
                       topics=self._by_category(self.relations.resources_on)),
        ]
        for kind in kinds:
            chunks = paginate(by_kind[kind], self.options.page_size)
            for number, chunk in enumerate(chunks, 1):
                pages.append(self._job(
                    "resources_list.html", listing_src(f"resources/kind/{kind}", number),
                    self._paged(self.i18n.title("kind", kind), number),
                    kind_name=kind, resources=chunk, total=len(by_kind[kind]),
                    pager=self._pager(f"resources/kind/{kind}", number, len(chunks)),
                ))
        for resource in resources:
            pages.append(self._job(
                "resource.html", resource_src(resource.id), resource.title, kind="resource",
                description=resource.summary, source_path=resource.source.path, resource=resource,
                sessions=self.relations.sessions_using.get(resource.id, []),
            ))
        return pages

    def _by_category(self, lookup: dict[str, list[T]]) -> dict[str, list[tuple[Skill, int]]]:
        """Skills grouped by category, each with how many items it has in `lookup`."""
        result: dict[str, list[tuple[Skill, int]]] = {}
        for skill in sorted(self.hub.skills.values(), key=lambda s: (s.category, s.label.lower())):
            count = len(lookup.get(skill.id, ()))
            if count:
                result.setdefault(skill.category, []).append((skill, count))
        return result

    # sessions ----------------------------------------------------------------------------

    def session_pages(self) -> list[Page]:
        return [job.render() for job in self.session_page_jobs()]

    def session_page_jobs(self) -> list[PageJob]:
        sessions = self.hub.sessions_newest_first()
        chunks = paginate(sessions, self.options.page_size)
        pages = [
            self._job("sessions_list.html", listing_src("sessions", number),
                       self._paged(self.i18n.gettext("Sessions"), number),
                       description=self.i18n.gettext(
                           "Notes from group mentoring sessions, peer circles and workshops"),
                       sessions=chunk, total=len(sessions), months=self._by_month(chunk),
                       pager=self._pager("sessions", number, len(chunks)))
            for number, chunk in enumerate(chunks, 1)
        ]
        groups = self.relations.sessions_in_group
        pages.append(self._job("sessions_by_group.html", "sessions/by-group/index.md",
                                self.i18n.gettext("Sessions by group"), groups=groups,
                                ungrouped=[s for s in sessions if not s.group][: self.options.section_limit]))
        for group, group_sessions in groups.items():
            pages.append(self._job(
                "group.html", group_src(self.group_slugs[group]), group, kind="group",
                description=self.i18n.gettext("Sessions of %(group)s", group=group),
                group=group, sessions=group_sessions, months=self._by_month(group_sessions),
            ))
        for session in sessions:
            pages.append(self._job(
                "session.html", session_src(session.id), session.title, kind="session",
                description=self.i18n.gettext(
                    "%(format)s on %(date)s", format=self.i18n.choice_label("session_format", session.format),
                    date=self.i18n.date(session.date)),
                source_path=session.source.path, session=session,
            ))
        return pages

    # stories -----------------------------------------------------------------------------

    def story_pages(self) -> list[Page]:
        return [job.render() for job in self.story_page_jobs()]

    def story_page_jobs(self) -> list[PageJob]:
        stories = self.hub.stories_newest_first()
        chunks = paginate(stories, self.options.page_size)
        pages = [
            self._job("stories_list.html", listing_src("stories", number),
                       self._paged(self.i18n.gettext("Stories"), number),
                       description=self.i18n.gettext("Success stories from mentoring in this hub"),
                       stories=chunk, total=len(stories), pager=self._pager("stories", number, len(chunks)))
            for number, chunk in enumerate(chunks, 1)
        ]
        for story in stories:
            pages.append(self._job(
                "story.html", story_src(story.id), story.title, kind="story",
                description=story.summary, source_path=story.source.path, story=story,
            ))
        return pages

    # skills ------------------------------------------------------------------------------

    def skill_pages(self) -> list[Page]:
        return [job.render() for job in self.skill_page_jobs()]

    def skill_page_jobs(self) -> list[PageJob]:
        rel = self.relations
        categories: dict[str, list[Skill]] = {}
        for skill in sorted(self.hub.skills.values(), key=lambda s: (s.category, s.label.lower())):
            categories.setdefault(skill.category, []).append(skill)
        pages = [self._job("skills_index.html", "skills/index.md", self.i18n.gettext("Skills"),
                            description=self.i18n.gettext("Every skill in the hub, by category"),
                            categories=dict(sorted(categories.items())))]
        for skill in self.hub.skills.values():
            mentors = sorted(rel.mentors_offering.get(skill.id, []), key=self._mentor_order)
            pages.append(self._job(
                "skill.html", skill_src(skill.id), skill.label, kind="skill",
                description=skill.description or self.i18n.gettext(
                    "Mentors, mentees and resources for %(skill)s", skill=skill.label),
                skill=skill, mentors=mentors,
                mentees=sorted(rel.mentees_seeking.get(skill.id, []), key=_person_order),
                resources=sorted(rel.resources_on.get(skill.id, []), key=lambda r: (r.title.lower(), r.id)),
                sessions=rel.sessions_on.get(skill.id, []),
                stories=rel.stories_on.get(skill.id, []),
                limit=self.options.section_limit,
            ))
        return pages

    def _paged(self, title: str, number: int) -> str:
        """A listing's title, with its page number past the first page."""
        if number == 1:
            return title
        return self.i18n.gettext("%(title)s (page %(number)s)", title=title, number=number)

    def _by_month(self, sessions: Sequence[Session]) -> list[tuple[str, list[Session]]]:
        months: dict[str, list[Session]] = {}
        for session in sessions:
            months.setdefault(self.i18n.month(session.date), []).append(session)
        return list(months.items())

    def _mentor_order(self, person: Person) -> tuple[int, int, str, str]:
        """Mentors who can take someone now first: open, with room, recently confirmed."""
        closed = not person.takes_mentees or self.hub.free_capacity(person) == 0
        stale = person.is_stale(self.options.today, self.options.stale_after_days)
        return (int(closed), int(stale), person.name.lower(), person.id)


@jinja2.pass_context
def _body(context: jinja2.runtime.Context, text: str) -> Markup:
    """A contributor's body as sanitized HTML; `/…` links made relative to this page."""
    ctx = context.get("h")
    rewrite = ctx.root_link if isinstance(ctx, PageContext) else None
    if isinstance(ctx, PageContext):  # kept between `serve` rebuilds (body_cache.py)
        return Markup(rendered(text, ctx.src_uri, ctx.site.options.directory_urls,
                               lambda: render_body(text, rewrite)))
    return Markup(render_body(text, rewrite))


def _holds_files(folder: str) -> bool:
    """Whether a template folder holds anything but hidden files (`mentorhub init` makes an
    empty `overrides/mentorhub/` with a `.gitkeep`)."""
    return any(not name.startswith(".") for _, _, names in os.walk(folder) for name in names)


def _one_line(value: Any) -> Any:
    """Escaped text never spans lines, so it can never start a `## heading` line (see
    page_html). In HTML a newline in text is just a space; Markup passes untouched."""
    if isinstance(value, str) and not isinstance(value, Markup) and "\n" in value:
        return value.replace("\r", " ").replace("\n", " ")
    return value


def _person_order(person: Person) -> tuple[str, str]:
    return (person.name.lower(), person.id)

