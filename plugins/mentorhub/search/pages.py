"""The search page and the faceted finders ("Find a mentor", "Find a resource").

Each is a generated page holding a search form whose choices come from the same
search records the index is built from (so every option matches a filter value),
plus a static fallback that links to the directories for readers without
JavaScript. The form is wired up in the browser by `assets/search.js`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..site.render import Page, PageContext, SiteRenderer
from . import meta as sm

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
    list_without_query: bool = True  # list everything before anything is typed
    list_word: str = sm.LIST_ALL  # searched for when nothing is typed (see search_meta)
    fallback: tuple[tuple[str, str], ...] = ()  # (label, src_uri) of static directories

    @property
    def base_filters(self) -> dict[str, dict[str, list[str]]]:
        """The base as Pagefind filters (a ticked facet of the same name replaces it)."""
        return {name: {"any": list(values)} for name, values in self.base}


def finders(records: Mapping[str, sm.SearchRecord]) -> list[Finder]:
    """The three search pages of a hub."""
    values = list(records.values())

    def facet(name: str, label: str, where: Mapping[str, str], control: str = "select",
              any_label: str = "Any") -> Facet:
        return Facet(name, label, tuple(sm.facet_values(values, name, where)), control, any_label)

    mentors = {sm.TYPE: "Person", sm.ROLE: "Mentor"}
    resources = {sm.TYPE: "Resource"}
    # A finder's scope as a filter whose chunk of the index is small, since every search
    # downloads it: only mentors have an availability and only resources a kind, so "any
    # availability" is exactly the mentors (11 KB on a 20k hub, where Type and Role
    # together are 72 KB), and "any kind" exactly the resources.
    availability = tuple(sm.facet_values(values, sm.AVAILABILITY, mentors))
    kinds = tuple(sm.facet_values(values, sm.KIND, resources))
    everything: dict[str, str] = {}
    by_date = (("date:desc", "Newest first"), ("date:asc", "Oldest first"))
    return [
        Finder(
            SEARCH_SRC, "Search",
            "Search people, resources, session notes, stories and skills.",
            "Search the hub", "results", base=(),
            facets=(facet(sm.TYPE, "Show", everything, "checkbox"),),
            more_facets=tuple(
                facet(name, label, everything, any_label=any_label)
                for name, label, any_label in (
                    (sm.SKILL, "Skill or topic", "Any skill"),
                    (sm.ROLE, "Role", "Any role"),
                    (sm.LANGUAGE, "Language", "Any language"),
                    (sm.AVAILABILITY, "Availability", "Any availability"),
                    (sm.FORMAT, "Meets", "Any format"),
                    (sm.KIND, "Resource kind", "Any kind"),
                    (sm.LEVEL, "Level", "Any level"),
                    (sm.AUDIENCE, "Audience", "Any audience"),
                    (sm.OUTCOME, "Story outcome", "Any outcome"),
                    (sm.SESSION_FORMAT, "Session format", "Any session format"),
                    (sm.GROUP, "Group", "Any group"),
                    (sm.CATEGORY, "Skill category", "Any category"),
                )
            ),
            sorts=(("", "Best match"), *by_date),
            list_without_query=False,
            list_word=sm.LIST_ALL,
            fallback=(("People", "people/index.md"), ("Resources", "resources/index.md"),
                      ("Sessions", "sessions/index.md"), ("Stories", "stories/index.md"),
                      ("Skills", "skills/index.md")),
        ),
        Finder(
            FIND_MENTOR_SRC, "Find a mentor",
            "Every mentor in the hub. Narrow the list by what they mentor on, the languages "
            "they meet in, whether they have room for a mentee and how they like to meet.",
            "Search mentors by name or words in their profile", "mentors",
            base=((sm.AVAILABILITY, availability),) if availability else ((sm.ROLE, ("Mentor",)),),
            facets=(
                facet(sm.OFFERS, "Skill", mentors, any_label="Any skill"),
                facet(sm.LANGUAGE, "Language", mentors, any_label="Any language"),
                facet(sm.AVAILABILITY, "Availability", mentors, "checkbox"),
                facet(sm.FORMAT, "Meets", mentors, "checkbox"),
            ),
            sorts=(("availability:asc", "Available first"), ("", "Best match")),
            list_word=sm.list_word("Person"),
            fallback=(("All mentors", "people/mentors/index.md"), ("People", "people/index.md"),
                      ("Skills", "skills/index.md")),
        ),
        Finder(
            FIND_RESOURCE_SRC, "Find a resource",
            "The hub's library of toolkits, guides, templates and courses, by topic, kind, "
            "level and audience.",
            "Search resources", "resources",
            base=((sm.KIND, kinds),) if kinds else ((sm.TYPE, ("Resource",)),),
            facets=(
                facet(sm.SKILL, "Topic", resources, any_label="Any topic"),
                facet(sm.KIND, "Kind", resources, any_label="Any kind"),
                facet(sm.LEVEL, "Level", resources, "checkbox"),
                facet(sm.AUDIENCE, "For", resources, "checkbox"),
            ),
            sorts=(("title:asc", "Title"), *by_date, ("", "Best match")),
            list_word=sm.list_word("Resource"),
            fallback=(("All resources", "resources/index.md"),
                      ("Resources by topic", "resources/by-topic/index.md")),
        ),
    ]


def finder_pages(renderer: SiteRenderer, finder_list: Sequence[Finder], *,
                 page_size: int) -> list[Page]:
    """Render each finder through `finder.html` (overridable like every hub template)."""
    pages = []
    for finder in finder_list:
        ctx = PageContext(finder.src_uri, renderer)
        markdown = renderer.render_fragment("finder.html", ctx, title=finder.title,
                                            finder=finder, page_size=page_size)
        pages.append(Page(finder.src_uri, finder.title, markdown, finder.intro, KIND))
    return pages
