"""`serve`: what a template rendered on a page, reused when everything it read is the same.

Every generated page, and every part of one a feature plugin renders (matching's
sections on a profile, KPI and finder pages), is a template rendered through
`SiteRenderer.render_fragment`, which turns these into text, and nothing else:

* the template and what it includes: the package's own, which cannot change while
  serving (a site that overrides templates keeps nothing here);
* the site-level `options` (the language, and with it every word, date and number
  format) and the people's photos: everything kept is dropped when they differ from
  the last build's;
* the page's address and the context passed in (title, records, lists, sections);
* what it asks the page context `h` (PageContext). Most of its methods answer from
  their arguments, the page's address, the options and photos alone (`PURE`). Every
  other method (looking a person or a skill up, a mentor's free places, …) reads the
  hub: each such call is recorded with its answer.

The template variable `hub` and `h.site` would be reads this cannot see: a template
that names either is never kept (`_safe`, from the templates' syntax trees).

On the next build a render is kept when its template, address and context are the
same as last time (`same`: equal values of the same types, lists and mappings in the
same order, records field by field), and every recorded call, asked again now, gives
the same answer. A template renders the same values to the same text, and by
induction over the recorded calls (each asked with the same arguments as before,
since everything the template saw up to that call was the same) it would ask the
same questions and get the same answers: its text would be the one kept. Work done
before a template is rendered (a plugin computing a section's context) is not saved.

Nothing here runs in `mkdocs build`: the renderer gets a memo only from `serve`'s
preview (mkdocs/preview.py).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from itertools import islice
from typing import TYPE_CHECKING, Any

import jinja2
from jinja2 import meta, nodes

if TYPE_CHECKING:
    from .portraits import Portrait
    from .render import PageContext, RenderOptions

#: PageContext methods whose answer depends only on their arguments, the page's address
#: and the renderer's options, language and photos (all part of what is compared), not
#: on the hub: their calls need no recording. A method added to PageContext is recorded until
#: it is listed here.
PURE = frozenset({
    "root_link", "link", "file_link", "language", "lang_attr", "choice", "choice_label",
    "title", "count", "all_of", "is_stale", "country", "utc_offset", "page_url",
    "intro_href", "intro_audience", "organizers", "face",
    "person_src", "resource_src", "session_src", "story_src", "skill_src",
})
#: Template names whose reads this cannot see (see the module's docstring).
_UNSEEN_VARIABLES = frozenset({"hub"})
_UNSEEN_ATTRIBUTES = frozenset({"site"})

#: One recorded call: method name, positional and keyword arguments, answer.
Read = tuple[str, tuple[Any, ...], dict[str, Any], Any]


@dataclass
class Entry:
    """What a template was given and asked on one page, and what it made."""

    context: dict[str, Any]
    reads: list[Read]
    output: str


#: A page's address and a template rendered on it.
Key = tuple[str, str]


class PageMemo:
    """What each page's templates rendered last, for the life of one `serve`."""

    def __init__(self) -> None:
        self._entries: dict[Key, Entry] = {}
        self._added: list[tuple[Key, Entry]] = []  # this build's, in order (forked children send theirs)
        self._reused: list[Key] = []  # this build's, in order (and theirs)
        self._site: tuple[Any, ...] | None = None
        self.enabled = False
        self.made = 0  # renders made in this build

    @property
    def kept(self) -> int:
        """Renders reused in this build."""
        return len(self._reused)

    def begin(self, options: RenderOptions, portraits: Mapping[str, Portrait], *, overridden: bool) -> None:
        """A new build with these options and photos; a site that overrides templates keeps nothing."""
        site = (options, dict(portraits))
        if overridden or self._site is None or not same(site, self._site):
            self._entries.clear()
        elif self._added or self._reused:  # let go of what the last build did not render (deleted pages)
            used = {key for key, _ in self._added}.union(self._reused)
            self._entries = {key: entry for key, entry in self._entries.items() if key in used}
        self._site = site
        _PAIRS.clear()  # the last build's objects may be gone, their ids taken
        self.enabled = not overridden
        self._added, self._reused = [], []
        self.made = 0

    def rendered(self, env: jinja2.Environment, template: str, ctx: PageContext, context: dict[str, Any],
                 render: Callable[[str, PageContext, dict[str, Any]], str]) -> str:
        """render(template, ctx, context), or what it gave last time if nothing it read changed."""
        if not self.enabled or not _safe(env, template):
            return render(template, ctx, context)
        key = (ctx.src_uri, template)
        entry = self._entries.get(key)
        if entry is not None and same(entry.context, context) and _answers_hold(entry.reads, ctx):
            self._reused.append(key)
            return entry.output
        recording = _recording(ctx)
        output = render(template, recording, context)
        self.made += 1
        self.keep([(key, Entry(context, recording.reads, output))])
        return output

    def mark(self) -> tuple[int, int]:
        """Where this build is: see handover()."""
        return len(self._added), len(self._reused)

    def handover(self, mark: tuple[int, int]) -> Handover:
        """What was added and reused since `mark` (a forked child sends it to its parent)."""
        added, reused = mark
        return list(islice(self._added, added, None)), self._reused[reused:]

    def take(self, handover: Handover) -> None:
        """What a forked child added and reused."""
        entries, reused = handover
        self.keep(entries)
        self._reused.extend(reused)
        self.made += len(entries)

    def keep(self, entries: list[tuple[Key, Entry]]) -> None:
        for key, entry in entries:
            self._entries[key] = entry
        self._added.extend(entries)


#: Renders added to a memo, and those reused, since a mark.
Handover = tuple[list[tuple[Key, Entry]], list[Key]]


def same(a: Any, b: Any) -> bool:
    """Equal, and rendered alike: the same types all the way down, sequences, mappings and
    sets in the same order (a template iterates them), records field by field."""
    if a is b:
        return True
    kind = type(a)
    if kind is not type(b):
        return False
    if kind in _PLAIN:
        return bool(a == b)
    names = _FIELDS.get(kind)
    if names is None and dataclasses.is_dataclass(a):
        names = _FIELDS[kind] = tuple(f.name for f in dataclasses.fields(a))
    if names is not None:
        # A record shows on many pages: each pair is compared once per build. The pair is
        # held with the answer, so neither id can be reused by another object meanwhile.
        pair = (id(a), id(b))
        known = _PAIRS.get(pair)
        if known is None:
            known = _PAIRS[pair] = (a, b, all(same(getattr(a, name), getattr(b, name)) for name in names))
        return known[2]
    if isinstance(a, (list, tuple, set, frozenset)):  # named tuples too
        return len(a) == len(b) and all(map(same, a, b))
    if isinstance(a, dict):
        return len(a) == len(b) and all(
            same(ka, kb) and same(va, vb) for (ka, va), (kb, vb) in zip(a.items(), b.items(), strict=True))
    return bool(a == b)


#: Types whose equal values render alike (not a subclass: Markup equals the str it escapes).
_PLAIN = frozenset({str, int, float, bool, type(None), dt.date, dt.datetime})
_FIELDS: dict[type, tuple[str, ...]] = {}
_PAIRS: dict[tuple[int, int], tuple[Any, Any, bool]] = {}  # this build's compared records
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
