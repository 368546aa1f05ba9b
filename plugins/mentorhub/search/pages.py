"""The search page and the faceted finders ("Find a mentor", "Find a resource").

Each is a generated page holding a search form whose choices come from the same
search records the index is built from (so every option matches a filter value),
plus a static fallback that links to the directories for readers without
JavaScript. The form is wired up in the browser by `assets/search.js`.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from markupsafe import Markup

from ..i18n import ENGLISH, Localizer
from ..site.introductions import entities, intro_template
from ..site.places import OFFSETS, utc_offset_label
from ..site.render import Page, PageContext, SiteRenderer
from . import meta as sm
from .messages import script_messages

SEARCH_SRC = "search/index.md"
FIND_MENTOR_SRC = "find/index.md"
FIND_RESOURCE_SRC = "find/resources/index.md"

#: The kind finder pages carry in their metadata; such pages are not indexed themselves.
KIND = "search"


@dataclass(frozen=True)
class Facet:
    """One control of a search form: a filter, how it is labelled, and its choices."""

    filter: str
    label: str
    values: tuple[str, ...]
    control: str = "select"  # "select": pick one (or any); "checkbox": tick several
    any_label: str = "Any"


@dataclass(frozen=True)
class Finder:
    """What a search or finder page offers; serialised into the page for the script."""

    src_uri: str
    title: str
    intro: str
    query_label: str
    results_noun: str  # "mentors": "12 mentors match"
    base: tuple[tuple[str, tuple[str, ...]], ...]  # every search here: filter ∈ any of values
    facets: tuple[Facet, ...]
    more_facets: tuple[Facet, ...] = ()  # behind a "More filters" disclosure
    sorts: tuple[tuple[str, str], ...] = (("", "Best match"),)  # (pagefind sort, label)
    #: What "Best match" means with no words typed (nothing to rank by, so Pagefind's order
    #: would be the index's): a sort every record in the finder's scope has, or "".
    wordless_sort: str = ""
    #: "Meets in my hours": keep mentors within N hours of the reader's time zone (script only).
    hours: bool = False
    #: Each result says its type ("Person", "Resource"): only where the types are mixed.
    show_type: bool = True
    list_without_query: bool = True  # list everything before anything is typed
    list_word: str = sm.LIST_ALL  # searched for when nothing is typed (see search_meta)
    fallback: tuple[tuple[str, str], ...] = ()  # (label, src_uri) of static directories

    @property
    def base_filters(self) -> dict[str, dict[str, list[str]]]:
        """The base as Pagefind filters (a ticked facet of the same name replaces it)."""
        return {name: {"any": list(values)} for name, values in self.base}


def finders(records: Mapping[str, sm.SearchRecord], i18n: Localizer = ENGLISH) -> list[Finder]:
    """The three search pages of a hub, worded in the UI language."""
    values = list(records.values())
    _ = i18n.gettext
    order = [_(v) for v in sm.AVAILABILITY_ORDER]

    def facet(name: str, label: str, where: Mapping[str, str], control: str = "select",
              any_label: str = "") -> Facet:
        return Facet(name, label, tuple(sm.facet_values(values, name, where, order)), control,
                     any_label or _("Any"))

    person, mentor, resource = _(sm.TYPE_LABELS["person"]), i18n.choice_label("role", "mentor"), \
        _(sm.TYPE_LABELS["resource"])
    mentors = {sm.TYPE: person, sm.ROLE: mentor}
    resources = {sm.TYPE: resource}
    # A finder's scope as a filter whose chunk of the index is small, since every search
    # downloads it: only mentors have an availability and only resources a kind, so "any
    # availability" is exactly the mentors (11 KB on a 20k hub, where Type and Role
    # together are 72 KB), and "any kind" exactly the resources.
    availability = tuple(sm.facet_values(values, sm.AVAILABILITY, mentors, order))
    kinds = tuple(sm.facet_values(values, sm.KIND, resources))
    everything: dict[str, str] = {}
    by_date = (("date:desc", _("Newest first")), ("date:asc", _("Oldest first")))
    return [
        Finder(
            SEARCH_SRC, _("Search"),
            _("Search people, resources, session notes, stories and skills."),
            _("Search the hub"), "results", base=(),
            facets=(facet(sm.TYPE, _("Show"), everything, "checkbox"),),
            more_facets=tuple(
                facet(name, label, everything, any_label=any_label)
                for name, label, any_label in (
                    (sm.SKILL, _("Skill or topic"), _("Any skill")),
                    (sm.ROLE, _("Role"), _("Any role")),
                    (sm.LANGUAGE, _("Language"), _("Any language")),
                    (sm.COUNTRY, _("Country"), _("Any country")),
                    (sm.AVAILABILITY, _("Availability"), _("Any availability")),
                    (sm.FORMAT, _("Meets"), _("Any format")),
                    (sm.KIND, _("Resource kind"), _("Any kind")),
                    (sm.LEVEL, _("Level"), _("Any level")),
                    (sm.AUDIENCE, _("Audience"), _("Any audience")),
                    (sm.OUTCOME, _("Story outcome"), _("Any outcome")),
                    (sm.SESSION_FORMAT, _("Session format"), _("Any session format")),
                    (sm.GROUP, _("Group"), _("Any group")),
                    (sm.CATEGORY, _("Skill category"), _("Any category")),
                )
            ),
            sorts=(("", _("Best match")), *by_date),
            list_without_query=False,
            list_word=sm.LIST_ALL,
            fallback=((_("People"), "people/index.md"), (_("Resources"), "resources/index.md"),
                      (_("Sessions"), "sessions/index.md"), (_("Stories"), "stories/index.md"),
                      (_("Skills"), "skills/index.md")),
        ),
        Finder(
            FIND_MENTOR_SRC, _("Find a mentor"),
            _("Every mentor in the hub. Narrow the list by what they mentor on, the languages "
              "they meet in, whether they have room for a mentee and how they like to meet."),
            _("Search mentors by name or words in their profile"), "mentors",
            base=((sm.AVAILABILITY, availability),) if availability else ((sm.ROLE, (mentor,)),),
            facets=(
                facet(sm.OFFERS, _("Skill"), mentors, any_label=_("Any skill")),
                facet(sm.LANGUAGE, _("Language"), mentors, any_label=_("Any language")),
                facet(sm.COUNTRY, _("Country"), mentors, any_label=_("Any country")),
                facet(sm.AVAILABILITY, _("Availability"), mentors, "checkbox"),
                facet(sm.FORMAT, _("Meets"), mentors, "checkbox"),
            ),
            sorts=(("availability:asc", _("Available first")), ("", _("Best match"))),
            # Without words, the best match is whoever can take a mentee now.
            wordless_sort="availability:asc",
            show_type=False,
            hours=True,
            list_word=sm.list_word("person"),
            fallback=((_("All mentors"), "people/mentors/index.md"), (_("People"), "people/index.md"),
                      (_("Skills"), "skills/index.md")),
        ),
        Finder(
            FIND_RESOURCE_SRC, _("Find a resource"),
            _("The hub's library of toolkits, guides, templates and courses, by topic, kind, "
              "level and audience."),
            _("Search resources"), "resources",
            base=((sm.KIND, kinds),) if kinds else ((sm.TYPE, (resource,)),),
            facets=(
                facet(sm.SKILL, _("Topic"), resources, any_label=_("Any topic")),
                facet(sm.KIND, _("Kind"), resources, any_label=_("Any kind")),
                facet(sm.LEVEL, _("Level"), resources, "checkbox"),
                facet(sm.AUDIENCE, _("For"), resources, "checkbox"),
            ),
            sorts=(("title:asc", _("Title")), *by_date, ("", _("Best match"))),
            wordless_sort="title:asc",
            show_type=False,
            list_word=sm.list_word("resource"),
            fallback=((_("All resources"), "resources/index.md"),
                      (_("Resources by topic"), "resources/by-topic/index.md")),
        ),
    ]


def intro_config(renderer: SiteRenderer) -> Markup:
    """Find a mentor's "Ask for an introduction" for the script: a link template and its
    label, as JSON written in character references (it may carry the organizers' emails);
    '' when the hub configured no introductions."""
    href = intro_template(renderer.options.contact, renderer.i18n)
    if not href:
        return Markup("")
    return entities(json.dumps({"href": href, "label": renderer.i18n.gettext("Ask for an introduction")},
                               ensure_ascii=False))


def finder_pages(renderer: SiteRenderer, finder_list: Sequence[Finder], *,
                 page_size: int, circles_src: str = "") -> list[Page]:
    """Render each finder through `finder.html` (overridable like every hub template).

    Find a mentor also says what to do next: ask for an introduction when you find
    someone, and join the hub or a peer circle (`circles_src`, if published) when no
    mentor matches.
    """
    pages = []
    for finder in finder_list:
        ctx = PageContext(finder.src_uri, renderer)
        mentors = finder.src_uri == FIND_MENTOR_SRC
        markdown = renderer.render_fragment("finder.html", ctx, title=finder.title,
                                            finder=finder, page_size=page_size,
                                            messages=script_messages(renderer.i18n, finder.results_noun),
                                            intro=intro_config(renderer) if mentors else Markup(""),
                                            next_steps=mentors, circles_src=circles_src,
                                            offsets=[(m, utc_offset_label(m)) for m in OFFSETS],
                                            utc_offset=sm.UTC_OFFSET, no_offset=sm.NO_OFFSET)
        pages.append(Page(finder.src_uri, finder.title, markdown, finder.intro, KIND, wide=mentors))
    return pages
