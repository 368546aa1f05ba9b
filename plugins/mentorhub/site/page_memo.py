"""`serve`: a generated page's Markdown reused when everything its template read is the same.

A page's template (render.py `SiteRenderer._page`) turns these into its Markdown, and
nothing else:

* the template and what it includes: the package's own, which cannot change while
  serving (a site that overrides templates keeps nothing here);
* the site-level `options` (the language, and with it every word, date and number
  format): everything kept is dropped when they differ from the last build's;
* the page's address, title and context (the records, lists and sections passed in);
* what it asks the page context `h` (PageContext). Most of its methods answer from
  their arguments, the page's address and the options alone (`PURE`). Every other
  method (looking a person or a skill up, a mentor's free places, a photo, …) reads
  the hub: each such call is recorded with its answer.

The template variable `hub` and `h.site` would be reads this cannot see: a template
that names either is never kept (`_safe`, from the templates' syntax trees).

On the next build a page is kept when its template, address, title and context are
the same as last time (`same`: equal values of the same types, lists and mappings in
the same order), and every recorded call, asked again now, gives the same answer. A
template renders the same values to the same Markdown, and by induction over the
recorded calls (each asked with the same arguments as before, since everything the
template saw up to that call was the same) it would ask the same questions and get
the same answers: its Markdown would be the one kept.

Nothing here runs in `mkdocs build`: the renderer gets a memo only from `serve`'s
preview (mkdocs/preview.py).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from itertools import islice
from typing import TYPE_CHECKING, Any

import jinja2
from jinja2 import meta, nodes

if TYPE_CHECKING:
    from .render import PageContext, RenderOptions

#: PageContext methods whose answer depends only on their arguments, the page's address
#: and the renderer's options and language (all part of what is compared), not on the
#: hub: their calls need no recording. A method added to PageContext is recorded until
#: it is listed here.
PURE = frozenset({
    "root_link", "link", "file_link", "language", "lang_attr", "choice", "choice_label",
    "title", "count", "all_of", "is_stale", "country", "utc_offset", "page_url",
    "intro_href", "intro_audience", "organizers",
    "person_src", "resource_src", "session_src", "story_src", "skill_src",
})
#: Template names whose reads this cannot see (see the module's docstring).
_UNSEEN_VARIABLES = frozenset({"hub"})
_UNSEEN_ATTRIBUTES = frozenset({"site"})

#: One recorded call: method name, positional and keyword arguments, answer.
Read = tuple[str, tuple[Any, ...], dict[str, Any], Any]


@dataclass
class Entry:
    """What one page's template was given and asked, and the Markdown it made."""

    template: str
    title: str
    context: dict[str, Any]
    reads: list[Read]
    markdown: str


class PageMemo:
    """Each generated page's last Markdown, by its address, for the life of one `serve`."""

    def __init__(self) -> None:
        self._entries: dict[str, Entry] = {}
        self._added: list[tuple[str, Entry]] = []  # this build's, in order (forked children send theirs)
        self._options: RenderOptions | None = None
        self.enabled = False
        self.kept = 0  # pages whose Markdown was reused in this build

    def begin(self, options: RenderOptions, *, overridden: bool) -> None:
        """A new build with these options; nothing is kept for a site that overrides templates."""
        if overridden or options != self._options:
            self._entries.clear()
        self._options = options
        self.enabled = not overridden
        self._added = []
        self.kept = 0

    def markdown(self, env: jinja2.Environment, template: str, ctx: PageContext, title: str,
                 context: dict[str, Any], render: Callable[[PageContext], str]) -> str:
        """render(ctx): the page's Markdown, or the one kept when nothing it read changed."""
        if not self.enabled or not _safe(env, template):
            return render(ctx)
        entry = self._entries.get(ctx.src_uri)
        if (entry is not None and entry.template == template and same(entry.title, title)
                and same(entry.context, context) and _answers_hold(entry.reads, ctx)):
            self.kept += 1
            return entry.markdown
        recording = _recording(ctx)
        markdown = render(recording)
        self.keep([(ctx.src_uri, Entry(template, title, context, recording.reads, markdown))])
        return markdown

    def mark(self) -> tuple[int, int]:
        """Where this build is: see handover()."""
        return len(self._added), self.kept

    def handover(self, mark: tuple[int, int]) -> Handover:
        """What was added and reused since `mark` (a forked child sends it to its parent)."""
        added, kept = mark
        return list(islice(self._added, added, None)), self.kept - kept

    def take(self, handover: Handover) -> None:
        """What a forked child added and reused."""
        entries, kept = handover
        self.keep(entries)
        self.kept += kept

    def keep(self, entries: list[tuple[str, Entry]]) -> None:
        for src_uri, entry in entries:
            self._entries[src_uri] = entry
        self._added.extend(entries)


#: Pages added to a memo (by address) and how many were reused, since a mark.
Handover = tuple[list[tuple[str, Entry]], int]


def same(a: Any, b: Any) -> bool:
    """Equal, and rendered alike: the same types all the way down, sequences, mappings and
    sets in the same order (a template iterates them), records field by field."""
    if a is b:
        return True
    kind = type(a)
    if kind is not type(b):
        return False
    if kind in (list, tuple):
        return len(a) == len(b) and all(map(same, a, b))
    if kind is dict:
        return len(a) == len(b) and all(
            same(ka, kb) and same(va, vb) for (ka, va), (kb, vb) in zip(a.items(), b.items(), strict=True))
    if kind in (set, frozenset):
        return len(a) == len(b) and all(map(same, a, b))
    if dataclasses.is_dataclass(a):
        names = _FIELDS.get(kind)
        if names is None:
            names = _FIELDS[kind] = tuple(f.name for f in dataclasses.fields(a))
        return all(same(getattr(a, name), getattr(b, name)) for name in names)
    return bool(a == b)


_FIELDS: dict[type, tuple[str, ...]] = {}
_RECORDING: dict[type, type] = {}


def _answers_hold(reads: list[Read], ctx: PageContext) -> bool:
    return all(same(getattr(ctx, name)(*args, **kwargs), answer) for name, args, kwargs, answer in reads)


def _recording(ctx: PageContext) -> Any:
    """A copy of `ctx` that records every call of a method not in PURE (in `.reads`)."""
    kind = _RECORDING.get(type(ctx))
    if kind is None:
        kind = _RECORDING[type(ctx)] = _recording_class(type(ctx))
    recording = kind(ctx.src_uri, ctx.site)
    recording.reads = []
    return recording


def _recording_class(base: type[PageContext]) -> type:
    def recorded(name: str, method: Callable[..., Any]) -> Callable[..., Any]:
        def call(self: Any, *args: Any, **kwargs: Any) -> Any:
            answer = method(self, *args, **kwargs)
            self.reads.append((name, args, kwargs, answer))
            return answer
        return call

    methods = {
        name: recorded(name, value) for name, value in vars(base).items()
        if not name.startswith("_") and name not in PURE and callable(value)
        and not isinstance(value, staticmethod)
    }
    return type(f"Recording{base.__name__}", (base,), methods)


def _safe(env: jinja2.Environment, template: str) -> bool:
    """Whether the template, and every template it includes or imports, reads the hub only
    through `h`'s methods (never the variable `hub`, never `h.site`)."""
    loader = env.loader
    if not isinstance(loader, jinja2.FileSystemLoader):
        return False
    # The package's templates cannot change while serving (and overrides keep nothing).
    key = (tuple(str(folder) for folder in loader.searchpath), template)
    safe = _SAFE.get(key)
    if safe is None:
        safe = _SAFE[key] = _reads_only_through_h(env, template)
    return safe


_SAFE: dict[tuple[tuple[str, ...], str], bool] = {}


def _reads_only_through_h(env: jinja2.Environment, template: str) -> bool:
    seen: set[str] = set()
    todo = [template]
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        source = env.loader.get_source(env, name)[0]  # type: ignore[union-attr]
        tree = env.parse(source)
        if meta.find_undeclared_variables(tree) & _UNSEEN_VARIABLES:
            return False
        if any(node.attr in _UNSEEN_ATTRIBUTES for node in tree.find_all(nodes.Getattr)):
            return False
        for included in meta.find_referenced_templates(tree):
            if included is None:
                return False  # a name computed while rendering: cannot be followed
            todo.append(included)
    return True
