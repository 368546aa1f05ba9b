"""What a change does to the hub: records added, changed and removed, KPI deltas, suggestions.

Pure functions over two loaded hubs (the base of a pull request and its head), so
the same comparison runs in CI, in a terminal and in tests. The caller supplies
how KPIs and suggestions are computed, which keeps this module free of options.
Output is Markdown for GitHub's job summary; every contributor-written value is
escaped there, because the summary renders Markdown and HTML.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

from .hub.loader import LoadResult
from .hub.models import Hub, Source
from .hub.printable import one_line
from .hub.schema import RECORD_TYPES
from .i18n import ENGLISH

#: KPI figures to compare: (kpi.json key path, label). Counts and rates only.
KPI_ROWS: tuple[tuple[str, str], ...] = (
    ("people.mentors", "mentors"),
    ("people.mentees", "mentees"),
    ("people.peers", "peers"),
    ("people.pairs", "active pairs"),
    ("people.unpaired_mentees", "unpaired mentees"),
    ("people.match_rate", "match rate"),
    ("people.mentor_utilization", "mentor utilization"),
    ("capacity.total", "mentoring places"),
    ("capacity.used", "places used"),
    ("capacity.utilization", "capacity utilization"),
    ("sessions.count", "sessions"),
    ("sessions.attendance", "session attendance"),
    ("sessions.hours", "session hours"),
    ("sessions.satisfaction", "session satisfaction"),
    ("stories.count", "stories"),
    ("stories.confidence_gain", "confidence gain"),
    ("resources.count", "resources"),
    ("resources.skill_coverage", "skills in demand with a resource"),
)
_RATES = {"people.match_rate", "people.mentor_utilization", "capacity.utilization",
          "resources.skill_coverage"}
LIST_LIMIT = 25  # ids listed per line before "and N more": summaries stay readable

KpiFunction = Callable[[Hub], Mapping[str, Any]]
SuggestionFunction = Callable[[Hub], Mapping[str, Sequence[str]]]


@dataclass(frozen=True)
class RecordChanges:
    type: str  # people, resources, sessions, stories, skills, pages
    added: tuple[str, ...]
    changed: tuple[str, ...]
    removed: tuple[str, ...]
    unpublishable: tuple[str, ...]  # in the head, but held back by a content problem

    @property
    def any(self) -> bool:
        return bool(self.added or self.changed or self.removed or self.unpublishable)


@dataclass(frozen=True)
class KpiDelta:
    key: str
    label: str
    before: Any
    after: Any


@dataclass(frozen=True)
class SkillDelta:
    id: str
    label: str
    before: tuple[int, int]  # (supply, demand)
    after: tuple[int, int]


@dataclass(frozen=True)
class SuggestionChange:
    mentee: str
    gained: tuple[str, ...]
    lost: tuple[str, ...]
    #: No longer suggested because the change made them the mentee's mentor: not a loss.
    paired: tuple[str, ...] = ()


@dataclass(frozen=True)
class SealedChange:
    """An existing profile's `contact.sealed` added, replaced or removed."""

    person: str
    change: str  # "added", "replaced" or "removed"


@dataclass(frozen=True)
class Impact:
    records: tuple[RecordChanges, ...]
    kpis: tuple[KpiDelta, ...]
    skills: tuple[SkillDelta, ...]
    suggestions: tuple[SuggestionChange, ...] | None  # None: matching is not available
    head_problems: tuple[str, ...]
    base: Hub
    head: Hub
    #: Sealed emails are unreadable in review, so a swap must be said in words.
    sealed: tuple[SealedChange, ...] = ()


def compare(base: LoadResult, head: LoadResult, kpis_of: KpiFunction,
            suggestions_of: SuggestionFunction | None) -> Impact:
    """Everything that differs between the base and the head of a change."""
    held_back = _ids_with_problems(head)
    records = [
        _changes(folder, getattr(base.hub, attr), getattr(head.hub, attr), held_back.get(folder, set()))
        for folder, attr in _COLLECTIONS
    ]
    before, after = kpis_of(base.hub), kpis_of(head.hub)
    kpis = tuple(
        KpiDelta(key, label, _lookup(before, key), _lookup(after, key))
        for key, label in KPI_ROWS
        if _lookup(before, key) != _lookup(after, key)
    )
    suggestions = None
    if suggestions_of is not None:
        suggestions = _suggestion_changes(suggestions_of(base.hub), suggestions_of(head.hub), head.hub)
    return Impact(
        records=tuple(records),
        kpis=kpis,
        skills=_skill_deltas(before, after),
        suggestions=suggestions,
        head_problems=tuple(str(p) for p in head.problems),
        base=base.hub,
        head=head.hub,
        sealed=sealed_changes(base.hub, head.hub),
    )


def sealed_changes(base: Hub, head: Hub) -> tuple[SealedChange, ...]:
    """Profiles in both hubs whose sealed block was added, replaced or removed.

    A new profile's block is part of adding it (the record is listed as added); a
    changed block on an existing one may route introductions to someone else.
    """
    found = []
    for person_id in sorted(set(base.people) & set(head.people)):
        was, now = base.people[person_id].sealed_digest, head.people[person_id].sealed_digest
        if was != now:
            found.append(SealedChange(person_id, "added" if not was else "removed" if not now
                                      else "replaced"))
    return tuple(found)


#: (row label, Hub attribute). Free pages are keyed by their path under content/
#: (`index.md`, `pages/about.md`): a reviewer must see those change too.
_COLLECTIONS = (("people", "people"), ("resources", "resources"), ("sessions", "sessions"),
                ("stories", "stories"), ("skills", "skills"), ("pages", "pages"))
_PAGES_FOLDER = "pages"


def _comparable(record: Any) -> Any:
    """A record without where it came from: moving a file into a subfolder is no change."""
    if dataclasses.is_dataclass(record) and not isinstance(record, type) and hasattr(record, "source"):
        return dataclasses.replace(record, source=Source(""))
    return record


def _changes(folder: str, before: Mapping[str, Any], after: Mapping[str, Any],
             held_back: set[str]) -> RecordChanges:
    return RecordChanges(
        type=folder,
        added=tuple(sorted(set(after) - set(before))),
        changed=tuple(sorted(
            i for i in set(before) & set(after) if _comparable(before[i]) != _comparable(after[i])
        )),
        removed=tuple(sorted(set(before) - set(after) - held_back)),
        unpublishable=tuple(sorted(held_back - set(after))),
    )


def _ids_with_problems(result: LoadResult) -> dict[str, set[str]]:
    """Folder → ids of record files in the head that a problem keeps out of the hub."""
    folders = {t.folder for t in RECORD_TYPES}
    found: dict[str, set[str]] = {}
    for problem in result.problems:
        parts = PurePosixPath(problem.path).parts
        if not problem.path.endswith(".md"):
            continue
        folder = next((p for p in parts if p in folders or p == _PAGES_FOLDER), None)
        if folder == _PAGES_FOLDER:  # a free page's key is its path from pages/ on
            found.setdefault(folder, set()).add("/".join(parts[parts.index(folder):]))
        elif folder is not None:
            found.setdefault(folder, set()).add(PurePosixPath(problem.path).stem)
    return found


def _lookup(document: Mapping[str, Any], dotted: str) -> Any:
    value: Any = document
    for part in dotted.split("."):
        value = value.get(part) if isinstance(value, Mapping) else None
    return value


def _skill_deltas(before: Mapping[str, Any], after: Mapping[str, Any]) -> tuple[SkillDelta, ...]:
    def table(document: Mapping[str, Any]) -> dict[str, tuple[str, int, int]]:
        rows = document.get("skills") or []
        return {r["id"]: (r.get("label", r["id"]), r["supply"], r["demand"]) for r in rows}

    old, new = table(before), table(after)
    deltas = []
    for skill_id in sorted(set(old) | set(new)):
        label = (new.get(skill_id) or old[skill_id])[0]
        was = old.get(skill_id, (label, 0, 0))[1:]
        now = new.get(skill_id, (label, 0, 0))[1:]
        if was != now:
            deltas.append(SkillDelta(skill_id, label, (was[0], was[1]), (now[0], now[1])))
    return tuple(deltas)


def _suggestion_changes(before: Mapping[str, Sequence[str]], after: Mapping[str, Sequence[str]],
                        head: Hub) -> tuple[SuggestionChange, ...]:
    changes = []
    for mentee in sorted(set(before) | set(after)):
        was, now = list(before.get(mentee, ())), list(after.get(mentee, ()))
        person = head.people.get(mentee)
        mentors = set(person.mentors) if person else set()
        gained = tuple(m for m in now if m not in was)
        # A suggestion that became a pairing is the matching working, not a loss.
        paired = tuple(m for m in was if m not in now and m in mentors)
        lost = tuple(m for m in was if m not in now and m not in mentors)
        if gained or lost or paired:
            changes.append(SuggestionChange(mentee, gained, lost, paired))
    return tuple(changes)


# -- Markdown ---------------------------------------------------------------------------------


#: HTML's special characters become entities; every other ASCII punctuation character
#: gets a backslash, which CommonMark allows before any of them and renders as the
#: character alone. That covers emphasis, links, images, headings, lists, tables,
#: code spans, and GitHub's autolinks (`www.`, `https:`, `a@b.org`): `\.`, `\:` and
#: `\@` stop them from being recognised.
_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"}
_PUNCTUATION = re.compile(r"[!-/:-@\[-`{-~]")


def _escape_char(match: re.Match[str]) -> str:
    char = match.group()
    return _ENTITIES.get(char) or "\\" + char


def escape(text: str) -> str:
    """Contributor text made inert in GitHub Markdown and HTML, on one line.

    Runs of whitespace (blank lines included) become one space, so a value cannot
    end the paragraph, list item or table row it is printed in; control and bidi
    characters are shown as escapes (`\\x1b`).
    """
    return _PUNCTUATION.sub(_escape_char, one_line(" ".join(text.split())))


def code(text: str, *, in_table: bool = False) -> str:
    """`text` as an inline code span that it cannot end or break out of.

    The fence is one backtick longer than the longest run inside, padded with spaces
    when the text starts or ends with a backtick (CommonMark's rule). Whitespace is
    collapsed as in :func:`escape`. In a table cell a `|` would still end the cell,
    even inside code, so it is escaped there.
    """
    inner = one_line(" ".join(text.split()))
    longest = max((len(run) for run in re.findall(r"`+", inner)), default=0)
    fence = "`" * (longest + 1)
    if inner.startswith("`") or inner.endswith("`"):
        inner = f" {inner} "
    if in_table:
        inner = inner.replace("|", "\\|")
    return f"{fence}{inner}{fence}"


def _number(key: str, value: Any) -> str:
    if value is None:
        return "not enough responses yet" if key in ("sessions.satisfaction", "stories.confidence_gain") \
            else "—"
    if key in _RATES and isinstance(value, int | float):
        return f"{value * 100:.1f}%"
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def _delta(key: str, before: Any, after: Any) -> str:
    if not isinstance(before, int | float) or not isinstance(after, int | float):
        return ""
    change = after - before
    if key in _RATES:
        return f"{change * 100:+.1f} pts"
    return f"{change:+g}" if isinstance(change, float) else f"{change:+d}"


def _names(hub_before: Hub, hub_after: Hub, folder: str, ids: Sequence[str]) -> str:
    shown = []
    for record_id in ids[:LIST_LIMIT]:
        record = getattr(hub_after, folder).get(record_id) or getattr(hub_before, folder).get(record_id)
        title = getattr(record, "name", None) or getattr(record, "title", None) or \
            getattr(record, "label", None)
        shown.append(code(record_id) + (f" ({escape(title)})" if title else ""))
    more = len(ids) - LIST_LIMIT
    return ", ".join(shown) + (f" and {more} more" if more > 0 else "")


def _person(impact: Impact, person_id: str) -> str:
    person = impact.head.people.get(person_id) or impact.base.people.get(person_id)
    return f"{escape(person.name)} ({code(person_id)})" if person else code(person_id)


def to_markdown(impact: Impact, base_label: str, as_of: str) -> str:
    """The impact as a Markdown section for a pull request's job summary."""
    out = ["## What this change does to the hub", "",
           f"Compared with {code(base_label)}, as of {as_of}.", ""]
    if impact.head_problems:
        problems = ENGLISH.ngettext("%(num)s content problem", "%(num)s content problems",
                                    len(impact.head_problems))
        out += [f"> [!WARNING]\n> {problems}: files with a problem are not published. "
                "The first ones:", ""]
        out += [f"- {code(p)}" for p in impact.head_problems[:10]]
        out.append("")
    out += ["### Records", ""]
    changed = [r for r in impact.records if r.any]
    if not changed:
        out += ["No record added, changed or removed.", ""]
    else:
        out += ["| content | added | changed | removed |", "|---|---:|---:|---:|"]
        out += [f"| {r.type} | {len(r.added)} | {len(r.changed)} | {len(r.removed)} |" for r in changed]
        out.append("")
        for r in changed:
            for verb, ids in (("Added", r.added), ("Changed", r.changed), ("Removed", r.removed),
                              ("Not published (content problem)", r.unpublishable)):
                if ids:
                    out.append(f"- **{verb}** {r.type}: {_names(impact.base, impact.head, r.type, ids)}")
        out.append("")
    out += _sealed_section(impact.sealed)
    out += ["### KPIs", ""]
    if not impact.kpis and not impact.skills:
        out += ["No KPI changes.", ""]
    if impact.kpis:
        out += ["| KPI | before | after | change |", "|---|---:|---:|---:|"]
        out += [f"| {d.label} | {_number(d.key, d.before)} | {_number(d.key, d.after)} | "
                f"{_delta(d.key, d.before, d.after)} |" for d in impact.kpis]
        out.append("")
    if impact.skills:
        out += ["| skill | mentors offering | mentees seeking | gap |", "|---|---:|---:|---:|"]
        for s in impact.skills[:LIST_LIMIT]:
            gap_before, gap_after = s.before[1] - s.before[0], s.after[1] - s.after[0]
            out.append(f"| {escape(s.label)} | {s.before[0]} → {s.after[0]} | {s.before[1]} → "
                       f"{s.after[1]} | {gap_before:+d} → {gap_after:+d} |")
        if len(impact.skills) > LIST_LIMIT:
            out.append(f"\n… and {len(impact.skills) - LIST_LIMIT} more skills.")
        out.append("")
    out += ["### Mentor suggestions", ""]
    if impact.suggestions is None:
        out += ["Not available: this installation has no matching module.", ""]
    elif not impact.suggestions:
        out += ["No mentee gains or loses a suggested mentor.", ""]
    else:
        for change in impact.suggestions[:LIST_LIMIT]:
            parts = []
            if change.gained:
                parts.append("gains " + ", ".join(_person(impact, m) for m in change.gained))
            if change.paired:
                parts.append("now paired with " + ", ".join(_person(impact, m) for m in change.paired))
            if change.lost:
                parts.append("loses " + ", ".join(_person(impact, m) for m in change.lost))
            out.append(f"- {_person(impact, change.mentee)}: {'; '.join(parts)}")
        if len(impact.suggestions) > LIST_LIMIT:
            out.append(f"- … and {len(impact.suggestions) - LIST_LIMIT} more mentees")
        out.append("")
    return "\n".join(out)


def _sealed_section(changes: Sequence[SealedChange]) -> list[str]:
    if not changes:
        return []
    out = ["### Sealed contacts", "",
           "> [!IMPORTANT]\n> A sealed email is unreadable in review: a changed one may send "
           "introductions to someone else. Unless this pull request comes from that person, "
           "ask them or an organizer to confirm it (an organizer can open it with "
           "`mentorhub contacts`).", ""]
    out += [f"- {code(c.person)}: sealed contact {c.change}" for c in changes[:LIST_LIMIT]]
    if len(changes) > LIST_LIMIT:
        out.append(f"- … and {len(changes) - LIST_LIMIT} more")
    out.append("")
    return out
