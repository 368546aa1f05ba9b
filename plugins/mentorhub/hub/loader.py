"""Load `content/` into a validated :class:`Hub`, collecting every problem at once.

Pass 1 reads each file and checks its own fields; pass 2 checks references between
records. A record with a problem of its own is left out of the hub (so `mkdocs
serve` can keep serving the rest); references are checked against every record
that exists and is not a draft, so one broken file does not cascade into others.
Pass 1 depends on nothing but the file and the vocabulary, so on a large hub it is
shared with forked children (:func:`_parse_files`, :mod:`mentorhub.forked`).
"""

from __future__ import annotations

import dataclasses
import functools
import gc
import itertools
import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import forked
from .anonymity import DEFAULT_MIN_RESPONSES, FACTS, Narrowed, anonymise, narrowed_stories
from .body_links import body_link_errors
from .field_docs import DOCS
from .fields import ID_PATTERN, ID_RULE, UNKNOWN_SKILL, FieldError, Vocabulary
from .file_cache import FileCache
from .files import SKILLS_FILE, ContentFiles, display_path, walk_content
from .free_pages import parse_page
from .free_text import free_text_problems, pii_problems
from .frontmatter import FrontMatterError, decode, split
from .models import FreePage, Hub, Person, Resource, Session, Skill, Source, Story
from .names import NameSet
from .photos import photo_problem
from .placeholders import is_placeholder, placeholder_line
from .problems import N_, Msg, Problem, did_you_mean
from .quoting import label, quote
from .schema import PERSON, PLACEHOLDER, RECORD_TYPES, SESSION, SKILL_FIELDS, STORY, RecordType
from .sealing import fingerprint
from .strict_yaml import Document, YamlError, load, size_budget
from .vocabulary import SkillVocabulary

__all__ = ["SKILLS_FILE", "LoadResult", "load_hub", "load_vocabulary"]


@dataclass
class LoadResult:
    """The hub of publishable records, every problem found, and what not to publish."""

    hub: Hub
    problems: list[Problem]
    refused: set[str] = field(default_factory=set)  # paths relative to content/
    media: dict[str, Path] = field(default_factory=dict)  # checked images to publish, by path
    drafts: frozenset[str] = frozenset()  # record paths relative to content/ (people/ana.md)
    #: Record files (as shown in problems) held back only because skills.yml could not be
    #: read: the one cascade line counts them instead of naming each.
    held: frozenset[str] = frozenset()
    #: Published with a change, not refused: anonymous stories generalised (:mod:`.anonymity`).
    warnings: list[Problem] = field(default_factory=list)


@dataclass
class _Parsed:
    """One record file after pass 1."""

    type: RecordType
    id: str
    source: Source
    doc: Document | None = None
    values: dict[str, Any] = field(default_factory=dict)
    body: str = ""
    draft: bool = False
    problems: list[Problem] = field(default_factory=list)
    #: `serve` only (`RecordCache`): what pass 1 asked the skills vocabulary (VocabularyReads).
    vocabulary_reads: VocabularyReads | None = None

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        """Pickled (from a forked child, :func:`_parse_files`) as what pass 2 reads, in plain tuples.

        Pass 2 reads the front matter's line numbers and, of its raw data, only a person's
        `name` (:func:`_unpublished_people`); the rest was checked in pass 1 and stays
        behind. Half of a 20k-record hub pickles to 13.3 MB instead of 15.4 MB and
        unpickles in 0.08 s instead of 0.11 s (0.61 s with the cyclic collector on). The
        line map's keys (`("roles", 0)`, the same in most records) are shared, so pickle
        writes each once: 1.9 MB of line maps become 0.9 MB, unpickled in 6 ms, not 23 ms.
        (`copy.copy` would go through this too and drop the raw data: copy with
        `dataclasses.replace`, as `_parse_cached` does.)
        """
        raw = self.doc.data if self.doc is not None else None
        kept = {}
        if self.type is PERSON and isinstance(raw, dict) and "name" in raw:
            kept["name"] = raw["name"]
        lines = None
        if self.doc is not None:
            lines = {_SHARED_KEYS.setdefault(key, key): line for key, line in self.doc.lines.items()}
        return _unpickle_parsed, (self.type.name, self.id, self.source.path, lines, kept, self.values,
                                  self.body, self.draft, self.problems, self.vocabulary_reads)

    def problem(self, field_name: str, message: str, hint: str = "", path: tuple[Any, ...] = ()) -> None:
        located = self.doc is not None and field_name != "file"
        line = self.doc.line_of(path or (field_name,)) if located and self.doc else 1
        self.problems.append(Problem(self.source.path, line, field_name, message, hint))


@contextmanager
def gc_paused() -> Iterator[None]:
    """Hold off the cyclic garbage collector while parsed records pile up.

    Every parsed document stays alive until the hub is built, so each automatic
    collection rescans a growing heap: ~15 % of loading a 20k-record hub. Loading
    makes next to no reference cycles; the collector catches up afterwards (or,
    for `check`, which holds the hub until it exits, not at all: commands/check.py).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@gc_paused()
def load_hub(content_dir: Path, display_root: Path | None = None, *,
             recipients: Sequence[str] = (), check_drafts: bool = False,
             min_responses: int = DEFAULT_MIN_RESPONSES,
             cache: RecordCache | None = None, overlay: Mapping[str, bytes] | None = None) -> LoadResult:
    """Read, validate and model everything under `content_dir`.

    `recipients` are the hub's age public keys: when there are any, a hidden email
    must be sealed to them, and a plain one is an error (a warning otherwise, from
    :mod:`.warnings`). `cache` (kept by `mkdocs serve` between rebuilds) reuses the
    first pass of every record file that has not changed since the last load.
    `overlay` (path under content/ → bytes) is loaded as if those record files (or
    skills.yml) were written: `mentorhub import` checks the hub it would write
    without writing or copying anything.
    `min_responses` (the KPI plugin's) is also the fewest members an anonymous story's
    public facts must fit (:mod:`.anonymity`).
    """
    root = display_root or content_dir.parent
    problems: list[Problem] = []
    found = walk_content(content_dir, root)
    problems.extend(found.problems)
    replaced = _apply_overlay(found, content_dir, overlay or {}, cache)
    # A skills.yml symlink leading outside content/ is reported by the walk and never
    # read: the outside file's keys would otherwise show in check and diff output.
    refused_skills = SKILLS_FILE in found.refused
    vocab = _load_skills(content_dir / SKILLS_FILE, root, problems, refused=refused_skills,
                         data=replaced.get(content_dir / SKILLS_FILE))
    pages = _load_pages(found.pages, root, problems)
    files = [(record_type, path) for record_type in RECORD_TYPES for path in found.records[record_type.name]]
    if cache is not None:
        parsed = _parse_cached(cache, files, root, vocab, check_drafts)
        cache.forget_others({path for paths in found.records.values() for path in paths})
    else:
        parsed = _parse_files(files, root, vocab, check_drafts, replaced)
    _check_ids(parsed)
    _check_references(parsed, check_drafts)
    _check_photos(parsed, found.media, found.refused)
    if recipients:
        _check_sealed_contacts(parsed)
    hub = _build_hub(parsed, vocab, pages)
    problems.extend(body_link_errors(hub, found.media, root))
    skills_shown = display_path(content_dir / SKILLS_FILE, root)
    unreadable = refused_skills or any(p.path == skills_shown and p.field == "file" for p in problems)
    record_problems = [p for record in parsed for p in record.problems]
    held: frozenset[str] = frozenset()
    if unreadable:
        record_problems, held = _collapse_skill_cascade(record_problems, skills_shown)
    problems.extend(record_problems)
    # The root problem first: when skills.yml cannot be read, its problems lead.
    ordered = sorted(problems, key=lambda p: (not unreadable or p.path != skills_shown,
                                              p.field == CASCADE_FIELD, p))
    drafts = frozenset(f"{r.type.folder}/{r.id}.md" for r in parsed if r.draft)
    narrowed = narrowed_stories(hub, min_responses)
    return LoadResult(hub=anonymise(hub, narrowed), problems=ordered, refused=found.refused,
                      media=found.media, drafts=drafts, held=held,
                      warnings=_anonymity_warnings(parsed, narrowed, min_responses))


def _apply_overlay(found: ContentFiles, content_dir: Path, overlay: Mapping[str, bytes],
                   cache: RecordCache | None) -> dict[Path, bytes]:
    """Add the overlay's record files to what the walk found; its bytes by file path."""
    if overlay and cache is not None:
        raise ValueError("an overlay is not cached: load it without a cache")
    folders = {t.folder: t for t in RECORD_TYPES}
    on_disk = {path for paths in found.records.values() for path in paths} if overlay else set()
    by_path: dict[Path, bytes] = {}
    for relative, data in overlay.items():
        path = content_dir / relative
        top, _, rest = relative.partition("/")
        if relative == SKILLS_FILE:
            by_path[path] = data
        elif top in folders and rest.endswith(".md") and relative not in found.refused:
            by_path[path] = data
            if path not in on_disk:
                found.records[folders[top].name].append(path)
        else:
            raise ValueError(f"an overlay holds only record files and {SKILLS_FILE}, not {relative!r}")
    return by_path


#: One sentence per record type, so each language can say it in its own grammar.
_DUPLICATE_ID = {
    "person": N_("the person id '%(id)s' is also used by %(path)s"),
    "resource": N_("the resource id '%(id)s' is also used by %(path)s"),
    "session": N_("the session id '%(id)s' is also used by %(path)s"),
    "story": N_("the story id '%(id)s' is also used by %(path)s"),
}

#: The field of the one line that stands for every skill reference left unchecked.
CASCADE_FIELD = "references"


def _collapse_skill_cascade(problems: list[Problem],
                            skills_shown: str) -> tuple[list[Problem], frozenset[str]]:
    """Without a vocabulary every skill is "unknown": one line says so instead of thousands.

    The records stay out of the hub (their problems are kept on them); only what is
    reported changes. The files held back only by that line are returned, so nothing is
    dropped without a word: the line counts them, and `LoadResult.held` names them.
    """
    kept = [p for p in problems if not p.message.startswith(UNKNOWN_SKILL)]
    unchecked = len(problems) - len(kept)
    if not unchecked:
        return kept, frozenset()
    held = frozenset(p.path for p in problems if p.message.startswith(UNKNOWN_SKILL))
    # Counts after colons: one sentence for every number, so no plural forms are needed.
    kept.append(Problem(skills_shown, 1, CASCADE_FIELD,
                        Msg("skill references not checked because %(file)s could not be read: %(count)s; "
                            "files held back until it can be: %(files)s",
                            file=skills_shown, count=unchecked, files=len(held)),
                        Msg("fix the problem above, then check again")))
    return kept, held - {p.path for p in kept}


def _anonymity_warnings(parsed: list[_Parsed], narrowed: list[Narrowed], min_responses: int) -> list[Problem]:
    docs = {r.id: r.doc for r in parsed if r.type is STORY}
    found = []
    for item in narrowed:
        story = item.story
        facts = [f for f in FACTS if getattr(story, f)]
        doc = docs.get(story.id)
        # at the first withheld fact in the file
        line, first = min((doc.line_of((f,)) if doc else 1, f) for f in item.withheld)
        found.append(Problem(
            story.source.path, line, first,
            # Counts after colons and field names as written: one sentence in every language.
            Msg("told without a mentee; members who fit its %(facts)s: %(count)s, fewer than "
                "%(min)s, so the site leaves out its %(withheld)s",
                facts=", ".join(facts), count=item.fitting, min=min_responses,
                withheld=", ".join(item.withheld)),
            Msg("to publish them, name the mentee (with their consent); the title, summary, quote "
                "and text are published as written: see docs/guide/privacy.md"),
            severity="warning"))
    return found


def _load_pages(found: dict[str, Path], root: Path, problems: list[Problem]) -> dict[str, FreePage]:
    pages: dict[str, FreePage] = {}
    for src_uri, path in sorted(found.items()):
        page, page_problems = parse_page(src_uri, path, display_path(path, root))
        problems.extend(page_problems)
        if page is not None:
            pages[src_uri] = page
    return pages


# -- skills ------------------------------------------------------------------------------


def load_vocabulary(content_dir: Path,
                    display_root: Path | None = None) -> tuple[SkillVocabulary, list[Problem]]:
    """Only the skills vocabulary, for tools that convert what people wrote (`mentorhub import`)."""
    problems: list[Problem] = []
    vocab = _load_skills(content_dir / SKILLS_FILE, display_root or content_dir.parent, problems)
    return vocab, problems


def _load_skills(path: Path, root: Path, problems: list[Problem], *,
                 refused: bool = False, data: bytes | None = None) -> SkillVocabulary:
    vocab = SkillVocabulary()
    shown = display_path(path, root)
    if refused:
        return vocab  # the walk said why
    if data is None and not path.is_file():
        problems.append(Problem(shown, 1, "file", Msg("the skills vocabulary is missing"),
                                Msg("create content/skills.yml")))
        return vocab
    try:
        text = decode(path.read_bytes() if data is None else data)
        # A vocabulary holds thousands of skills: the front-matter budget would cap it.
        document = load(text, budget=size_budget(text), what="skills.yml")
    except (YamlError, FrontMatterError) as exc:
        problems.append(Problem(shown, exc.line, "file", exc.message, exc.hint))
        return vocab
    if not isinstance(document.data, dict):
        problems.append(Problem(shown, 1, "file", Msg("expected a map of skill ids"),
                                Msg("see the README for an example")))
        return vocab
    fields = {f.name: f for f in SKILL_FIELDS}
    for skill_id, entry in document.data.items():
        line = document.line_of((skill_id,))
        if not ID_PATTERN.match(skill_id):
            problems.append(Problem(shown, line, label(skill_id),
                                    Msg("%(skill_id)s is not a valid skill id",
                                        skill_id=quote(skill_id)), ID_RULE))
            continue
        values: dict[str, Any] = {}
        if not isinstance(entry, dict):
            problems.append(Problem(shown, line, skill_id, Msg("expected 'label:' and 'category:' "
                                                               "lines")))
            entry = {}
        for key, value in entry.items():
            spec = fields.get(key)
            where = document.line_of((skill_id, key))
            if spec is None:
                problems.append(Problem(shown, where, f"{skill_id}.{label(key)}", Msg("unknown field"),
                                        did_you_mean(key, fields)))
                continue
            try:
                values[key] = spec.kind.check(value, vocab)
            except FieldError as exc:
                problems.extend(
                    Problem(shown, document.line_of((skill_id, key, *e.subpath)),
                            f"{skill_id}.{key}", e.message, e.hint)
                    for e in exc.all()
                )
                continue
            # Labels, aliases and descriptions are published on every skill page.
            for step, text in _published_texts(values[key]):
                at = where if step is None else document.line_of((skill_id, key, step))
                problems += pii_problems(shown, at, f"{skill_id}.{key}", str(text))
        for spec in SKILL_FIELDS:
            if spec.required and spec.name not in values and spec.name not in entry:
                problems.append(Problem(shown, line, f"{skill_id}.{spec.name}", MISSING))
        aliases = tuple(values.get("aliases", ()))
        for word in (skill_id, *aliases):
            owner = vocab.owner_of(word)
            if owner is not None and owner != skill_id:
                problems.append(Problem(shown, line, skill_id,
                                        Msg("%(word)s is already used by skill '%(owner)s'",
                                            word=quote(word), owner=owner)))
        labels = _per_language(values.get("label", ()))
        descriptions = _per_language(values.get("description", ()))
        vocab.add(Skill(
            id=skill_id,
            label=labels[0][1] if labels else _plain(values.get("label"), skill_id),
            category=str(values.get("category", "Other")),
            aliases=aliases,
            description=descriptions[0][1] if descriptions else _plain(values.get("description"), ""),
            labels=labels,
            descriptions=descriptions,
        ))
    return vocab


def _per_language(texts: Any) -> tuple[tuple[str, str], ...]:
    """A per-language label's (code, text) pairs; () for a plain text (code "")."""
    return tuple(texts) if texts and texts[0][0] else ()


def _plain(texts: Any, default: str) -> str:
    return str(texts[0][1]) if texts else default


def _published_texts(value: Any) -> list[tuple[str | int | None, Any]]:
    """Each published text of a checked skills.yml value, with its step inside the value
    (a list index, a language code) or None when the value is the text."""
    if isinstance(value, tuple) and value and isinstance(value[0], tuple):  # per-language pairs
        return [(code or None, text) for code, text in value]
    if isinstance(value, tuple | list):
        return list(enumerate(value))
    return [(None, value)]


# -- pass 1: one file --------------------------------------------------------------------


class RecordCache(FileCache["_Parsed"]):
    """Pass 1 of each record file, reused while the file, and the skills vocabulary's answers
    to what pass 1 asked it, are unchanged."""


#: What pass 1 of one file asked the skills vocabulary: each word it resolved, with the
#: answer; or, when it listed every skill (to suggest one for an unknown word), the
#: whole vocabulary's fingerprint.
VocabularyReads = tuple[tuple[str, str | None], ...] | str


class _RecordingVocabulary:
    """The vocabulary, as one file's pass 1 sees it, noting what it asks (`serve` only)."""

    def __init__(self, vocab: SkillVocabulary) -> None:
        self.vocab = vocab
        self.asked: dict[str, str | None] = {}
        self.listed = False

    def resolve_skill(self, value: str) -> str | None:
        answer = self.asked[value] = self.vocab.resolve_skill(value)
        return answer

    def skill_ids(self) -> Sequence[str]:
        self.listed = True
        return self.vocab.skill_ids()

    def reads(self) -> VocabularyReads:
        return self.vocab.fingerprint() if self.listed else tuple(self.asked.items())


@dataclass(frozen=True)
class _AskedTheSame:
    """A cached record's context: equal to the current vocabulary (`_Vocabulary`) while it
    answers what the record's pass 1 asked as it did then."""

    reads: VocabularyReads

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, _Vocabulary):
            return isinstance(other, _AskedTheSame) and other.reads == self.reads
        if isinstance(self.reads, str):
            return self.reads == other.fingerprint
        return all(other.vocab.resolve_skill(word) == answer for word, answer in self.reads)

    def __hash__(self) -> int:
        return hash(self.reads)


class _Vocabulary:
    """The vocabulary a record is looked up with (compared by _AskedTheSame)."""

    def __init__(self, vocab: SkillVocabulary) -> None:
        self.vocab = vocab

    @functools.cached_property
    def fingerprint(self) -> str:
        """Computed once, and only if a cached record listed every skill."""
        return self.vocab.fingerprint()


def _parse_cached(cache: RecordCache, files: list[tuple[RecordType, Path]], root: Path,
                  vocab: SkillVocabulary, check_drafts: bool) -> list[_Parsed]:
    """Pass 1 of `files`: from the cache where a file is unchanged; the others read anew."""
    # Skill fields resolve through the vocabulary, so a record is only as valid as the
    # vocabulary's answers to what it asked (a label edited in skills.yml leaves records
    # that never wrote that label as they were).
    current = _Vocabulary(vocab)
    found = [cache.find(path, (record_type.name, str(root), current, check_drafts))
             for record_type, path in files]
    made = iter(_parse_files([f for f, (_, value) in zip(files, found, strict=True) if value is None],
                             root, vocab, check_drafts, {}, record_reads=True))
    parsed = []
    for (record_type, path), (stamp, value) in zip(files, found, strict=True):
        if value is None:
            value = next(made)
            assert value.vocabulary_reads is not None
            context = (record_type.name, str(root), _AskedTheSame(value.vocabulary_reads), check_drafts)
            cache.put(path, stamp, context, value)
        # Pass 2 appends reference problems to the record: give it a fresh list each load.
        parsed.append(dataclasses.replace(value, problems=list(value.problems)))
    return parsed


#: Below this many bytes of record files (~600 files), pass 1 runs in this process alone.
#: Sharing costs every process together ~20 % more CPU (a fork, pickling, a child's cold
#: caches) and saves this one ~7 % at 0.13 MB, ~19 % at 0.5 MB, ~22 % at 2.7 MB of
#: load_hub's CPU (docs/reference/benchmarks.md): the demo hub (~0.1 MB) never forks.
FORK_BYTES = 500_000
#: What pass 1 of one file costs besides its bytes, as a number of bytes: reading, splitting
#: and checking a file took ~80 µs plus ~16 ns a byte (a 20k-record hub, files of ~900 bytes),
#: so shares are balanced by bytes plus this for each file.
FILE_COST_BYTES = 5_000
#: This process's share, against a child's: while a child pickles its records (~0.15 s of
#: ~1 s at 20k records) this one goes on parsing, so they finish together.
FIRST_SHARE = 1.15


def _parse_files(files: list[tuple[RecordType, Path]], root: Path, vocab: SkillVocabulary,
                 check_drafts: bool, raw: Mapping[Path, bytes], *,
                 record_reads: bool = False) -> list[_Parsed]:
    """Pass 1 of `files`, in order; shared with forked children when there is enough to share.

    Each file's pass 1 depends on nothing but the file and the vocabulary (which a forked
    child already has), so the files are cut into runs of about the same cost (bytes plus
    a cost per file), one per process (:mod:`mentorhub.forked`); a child's records come back in the compact
    form of :meth:`_Parsed.__reduce__`.
    """
    jobs = forked.available_jobs() if len(files) > 1 else 1
    sizes = [len(raw[path]) if path in raw else _size(path) for _, path in files] if jobs > 1 else []
    if jobs <= 1 or sum(sizes) < FORK_BYTES:
        return _parse_run(files, root, vocab, check_drafts, raw, record_reads)
    tasks = [functools.partial(_parse_run, files[start:end], root, vocab, check_drafts, raw, record_reads)
             for start, end in _shares([FILE_COST_BYTES + size for size in sizes], jobs, FIRST_SHARE)]
    return [record for run in forked.run_split(tasks) for record in run]


def _parse_run(files: list[tuple[RecordType, Path]], root: Path, vocab: SkillVocabulary,
               check_drafts: bool, raw: Mapping[Path, bytes], record_reads: bool = False) -> list[_Parsed]:
    return [_parse(record_type, path, root, vocab, check_drafts, raw.get(path), record_reads)
            for record_type, path in files]


def _size(path: Path) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0  # _parse reports it


def _shares(sizes: list[int], jobs: int, first: float = 1.0) -> list[tuple[int, int]]:
    """(start, end) of `jobs` consecutive runs of about the same total size, the first
    `first` times the others."""
    total = sum(sizes)
    bounds = [0]
    done = 0
    for index, size in enumerate(sizes):
        if index and len(bounds) < jobs and done >= total * (first + len(bounds) - 1) / (first + jobs - 1):
            bounds.append(index)
        done += size
    bounds.append(len(sizes))
    return list(itertools.pairwise(bounds))


def _unpickle_parsed(type_name: str, record_id: str, shown: str, lines: dict[Any, int] | None,
                     data: dict[str, Any], values: dict[str, Any], body: str, draft: bool,
                     problems: list[Problem], vocabulary_reads: VocabularyReads | None) -> _Parsed:
    return _Parsed(type=_TYPES[type_name], id=record_id, source=Source(shown),
                   doc=None if lines is None else Document(data, lines), values=values, body=body,
                   draft=draft, problems=problems, vocabulary_reads=vocabulary_reads)


_TYPES = {t.name: t for t in RECORD_TYPES}
#: One tuple for each line-map key pickled by this process (:meth:`_Parsed.__reduce__`).
_SHARED_KEYS: dict[tuple[Any, ...], tuple[Any, ...]] = {}


def _parse(record_type: RecordType, path: Path, root: Path, vocab: SkillVocabulary,
           check_drafts: bool = False, raw: bytes | None = None, record_reads: bool = False) -> _Parsed:
    """Pass 1 of one file; `raw` stands in for its bytes (an overlay) when given; with
    `record_reads`, what it asked the vocabulary is noted on the record (`vocabulary_reads`)."""
    if not record_reads:
        return _parse_with(record_type, path, root, vocab, check_drafts, raw)
    recording = _RecordingVocabulary(vocab)
    record = _parse_with(record_type, path, root, recording, check_drafts, raw)
    record.vocabulary_reads = recording.reads()
    return record


def _parse_with(record_type: RecordType, path: Path, root: Path, vocab: Vocabulary,
                check_drafts: bool, raw: bytes | None) -> _Parsed:
    record = _Parsed(type=record_type, id=path.stem, source=Source(display_path(path, root)))
    try:
        raw = path.read_bytes() if raw is None else raw
        split_file = split(raw)
    except OSError as exc:
        record.problem("file", Msg("cannot be read (%(reason)s)", reason=exc.strerror))
        return record
    except FrontMatterError as exc:
        record.problems.append(Problem(record.source.path, exc.line, "front matter", exc.message, exc.hint))
        return record
    record.doc = split_file.front_matter
    record.body = split_file.body
    data: dict[str, Any] = split_file.front_matter.data
    record.draft = data.get("draft") is True
    if record.draft and not check_drafts:
        return record  # work in progress: not published, so not held to the rules yet
    for key, value in data.items():
        spec = record_type.field(key)
        if spec is None:
            record.problem(label(key), Msg("unknown field"),
                           _MISPLACED.get((record_type.name, key)) or
                           did_you_mean(key, record_type.field_names) or
                           Msg(_FIELDS_ARE[record_type.name], fields=", ".join(record_type.field_names)),
                           (key,))
        elif value is None:
            continue  # `field:` with nothing after it means "not given"
        elif _is_placeholder(value):
            meaning = Msg(spec.doc) if spec.doc in DOCS else spec.doc
            record.problem(key, FILL_IN, Msg("%(meaning)s; or delete the line if it does not apply",
                                             meaning=meaning) if not spec.required else meaning)
        else:
            try:
                record.values[key] = spec.kind.check(value, vocab)
            except FieldError as exc:
                for error in exc.all():
                    where = ".".join([key, *(label(p) for p in error.subpath if isinstance(p, str))])
                    record.problem(where, error.message, error.hint, (key, *error.subpath))
    for spec in record_type.fields:
        if spec.required and data.get(spec.name) is None:
            example = f"{spec.name}: {_yaml_example(spec.example)}"
            record.problems.append(Problem(record.source.path, 1, spec.name,
                                           MISSING, Msg("add %(line)s", line=f"'{example}'")))
    _RECORD_RULES[record_type.name](record)
    record.problems += free_text_problems(record_type, record.values, split_file.front_matter, record.body,
                                          split_file.body_line, record.source.path)
    unfilled = placeholder_line(record.body)
    if unfilled is not None:  # "FILL IN: a few sentences about you", as `mentorhub new` wrote it
        record.problems.append(Problem(record.source.path, split_file.body_line + unfilled, "body", FILL_IN,
                                       Msg("replace it with your own words")))
    return record


#: Fields people put at the top level that belong elsewhere: where to move them.
_MISPLACED = {
    ("person", "email"): Msg("put it under contact: 'contact: {email: …, public: false}'; it is published "
                             "only with public: true"),
    ("person", "phone"): Msg("phone numbers are not published; organizers can keep one under 'private:'"),
}


#: One sentence per record type (their grammar differs by language).
_FIELDS_ARE = {"person": N_("person fields are: %(fields)s"),
               "resource": N_("resource fields are: %(fields)s"),
               "session": N_("session fields are: %(fields)s"), "story": N_("story fields are: %(fields)s")}
_UNKNOWN = {"person": N_("unknown person %(id)s"), "resource": N_("unknown resource %(id)s"),
            "session": N_("unknown session %(id)s"), "story": N_("unknown story %(id)s")}

#: What a placeholder `mentorhub new` wrote (and nobody replaced) is told, in any language.
FILL_IN = Msg("fill in this field")
MISSING = Msg("missing required field")


def _is_placeholder(value: Any) -> bool:
    """`FILL IN` (or its translation), alone or in a list, as `mentorhub new` writes it."""
    return value == PLACEHOLDER or is_placeholder(value)


def _yaml_example(value: Any) -> str:
    if value is None:
        return "…"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(str(v) for v in value) + "]"
    return str(value)


def _person_rules(record: _Parsed) -> None:
    values = record.values
    roles = values.get("roles", ())
    if "consent" in values and values["consent"] is not True:
        record.problem("consent",
                       Msg("must be true: a profile is published only with the person's agreement"))
    given = record.doc.data if record.doc else {}
    if "mentor" in roles and not values.get("offers") and not given.get("offers"):
        record.problem("offers", Msg("a mentor must offer at least one skill"),
                       Msg("add %(line)s", line="'offers: [skill-id]'"), ("roles",))
    if "mentee" in roles and not values.get("seeks") and not given.get("seeks"):
        record.problem("seeks", Msg("a mentee must seek at least one skill"),
                       Msg("add %(line)s", line="'seeks: [skill-id]'"), ("roles",))
    if values.get("mentors") and "mentee" not in roles:
        record.problem("mentors", Msg("only people with the mentee role list mentors"),
                       Msg("add 'mentee' to roles or remove 'mentors'"))
    if record.id in values.get("mentors", ()):
        record.problem("mentors", Msg("a person cannot be their own mentor"))


def _resource_rules(record: _Parsed) -> None:
    if not record.body.strip() and "url" not in record.values and "url" not in (
        record.doc.data if record.doc else {}
    ):
        record.problem("url", Msg("a resource with no body must have a url"),
                       Msg("add 'url: https://…' or write the resource below the front matter"))


def _session_rules(record: _Parsed) -> None:
    feedback = record.values.get("feedback", {})
    if feedback.get("responses") == 0 and "satisfaction" in feedback:
        record.problem("feedback.satisfaction", Msg("a satisfaction score needs at least one response"),
                       path=("feedback", "satisfaction"))


def _story_rules(record: _Parsed) -> None:
    given = record.doc.data if record.doc else {}
    if given.get("outcomes") is None and given.get("quote") is None:
        record.problems.append(Problem(record.source.path, 1, "outcomes", Msg("missing required field"),
                                       Msg("add 'outcomes: [skill-gained]' (it may be left out only "
                                           "when the story has a quote)")))


_RECORD_RULES: dict[str, Callable[[_Parsed], None]] = {
    "person": _person_rules,
    "resource": _resource_rules,
    "session": _session_rules,
    "story": _story_rules,
}


# -- pass 2: ids and references ------------------------------------------------------------


def _check_ids(parsed: list[_Parsed]) -> None:
    seen: dict[tuple[str, str], _Parsed] = {}
    for record in parsed:
        if not ID_PATTERN.match(record.id):
            record.problem("file", Msg("%(id)s is not a valid id (the file name is the id)",
                                       id=quote(record.id)), ID_RULE)
        elif record.id in record.type.reserved_ids:
            record.problem("file", Msg("the id '%(id)s' is reserved for a listing page",
                                       id=record.id),
                           Msg("rename the file"))
        key = (record.type.name, record.id)
        if key in seen:
            record.problem("file", Msg(_DUPLICATE_ID[record.type.name], id=record.id,
                                       path=seen[key].source.path),
                           Msg("ids must be unique: rename one file"))
        else:
            seen[key] = record


def _check_references(parsed: list[_Parsed], check_drafts: bool = False) -> None:
    published = {t.name: {r.id: r for r in parsed if r.type is t and not r.draft} for t in RECORD_TYPES}
    drafts = {t.name: {r.id for r in parsed if r.type is t and r.draft} for t in RECORD_TYPES}

    def check(record: _Parsed, key: str, target: str, ids: Iterable[str]) -> None:
        for index, ref in enumerate(ids):
            if ref in published[target]:
                continue
            where = (key, index) if key in record.values and isinstance(record.values[key], tuple) else (key,)
            if ref in drafts[target]:
                record.problem(key, Msg("%(id)s is a draft, not published", id=quote(ref)),
                               Msg("remove 'draft: true' from %(path)s to publish it, or remove the "
                                   "reference",
                                   path=f"content/{_folder(target)}/{ref}.md"), path=where)
            else:
                record.problem(key, Msg(_UNKNOWN[target], id=quote(ref)),
                               did_you_mean(ref, published[target]) or
                               Msg("no file %(path)s", path=f"content/{_folder(target)}/{ref}.md"), where)

    for record in parsed:
        if (record.draft and not check_drafts) or not record.values:
            continue
        v = record.values
        if record.type is PERSON:
            check(record, "mentors", "person", v.get("mentors", ()))
            for index, mentor_id in enumerate(v.get("mentors", ())):
                mentor = published["person"].get(mentor_id)
                if mentor is not None and "mentor" not in mentor.values.get("roles", ("mentor",)):
                    record.problem("mentors", Msg("%(id)s does not have the mentor role",
                                                  id=quote(mentor_id)), path=("mentors", index))
            _check_prefers(record, published["person"], check)
        elif record.type is SESSION:
            check(record, "facilitators", "person", v.get("facilitators", ()))
            check(record, "participants", "person", v.get("participants", ()))
            check(record, "resources", "resource", v.get("resources", ()))
        elif record.type is STORY:
            check(record, "mentee", "person", (v["mentee"],) if "mentee" in v else ())
            check(record, "mentors", "person", v.get("mentors", ()))


def _check_photos(parsed: list[_Parsed], media: dict[str, Path], refused: set[str]) -> None:
    """A `photo:` names a checked image under content/media/ that is safe to decode."""
    for record in parsed:
        photo = record.values.get("photo") if record.type is PERSON and not record.draft else None
        if not photo:
            continue
        if photo in refused:
            record.problem("photo", Msg("%(photo)s is not a usable image (see its own problem)",
                                        photo=quote(photo)))
        elif photo not in media:
            record.problem("photo", Msg("there is no image at content/%(photo)s", photo=photo),
                           Msg("check the path, or add the image in that folder"))
        else:
            found = photo_problem(media[photo])
            if found:
                record.problem("photo", *found)


def _folder(type_name: str) -> str:
    return next(t.folder for t in RECORD_TYPES if t.name == type_name)


# -- building the hub ----------------------------------------------------------------------


def _build_hub(parsed: list[_Parsed], vocab: SkillVocabulary,
               pages: dict[str, FreePage] | None = None) -> Hub:
    good = sorted((r for r in parsed if not r.draft and not r.problems), key=lambda r: r.id)
    hidden = _unpublished_people(parsed, good)
    builders: dict[str, Callable[[_Parsed], Any]] = {
        "person": _person, "resource": lambda r: _resource(r, hidden), "session": _session,
        "story": _story,
    }
    built: dict[str, dict[str, Any]] = {t.name: {} for t in RECORD_TYPES}
    for record in good:
        built[record.type.name][record.id] = builders[record.type.name](record)
    return Hub(
        skills=dict(sorted(vocab.skills.items())),
        people=built["person"],
        resources=built["resource"],
        sessions=built["session"],
        stories=built["story"],
        pages=pages or {},
    )


def _person(r: _Parsed) -> Person:
    v = r.values
    contact = v.get("contact", {})
    return Person(
        id=r.id, source=r.source, name=v["name"], roles=v["roles"], languages=v["languages"],
        offers=v.get("offers", ()), seeks=v.get("seeks", ()), headline=v.get("headline", ""),
        pronouns=v.get("pronouns", ""), location=v.get("location", ""),
        timezone=v.get("timezone", ""), formats=v.get("formats", ("one-on-one",)),
        country=v.get("country", ""), photo=v.get("photo", ""),
        capacity=v.get("capacity", 1 if "mentor" in v["roles"] else 0),
        capacity_stated="capacity" in v,
        availability=v.get("availability", "open"), mentors=v.get("mentors", ()),
        prefers=v.get("prefers", ()),
        joined=v.get("joined"), confirmed=v.get("confirmed"), links=v.get("links", ()),
        github=v.get("github", ""),
        public_email=contact.get("email", "") if contact.get("public") is True else "",
        # Flags only: neither the hidden email nor the sealed block enters the model.
        plain_hidden_email=bool(contact.get("email")) and contact.get("public") is not True,
        sealed_contact="sealed" in contact,
        sealed_digest=fingerprint(contact["sealed"]) if "sealed" in contact else "",
        body=r.body, lang=v.get("lang", ""),
    )


def _check_sealed_contacts(parsed: list[_Parsed]) -> None:
    """With recipients configured, a hidden email written in plain text is an error."""
    for record in parsed:
        contact = record.values.get("contact") if record.type is PERSON else None
        if isinstance(contact, dict) and contact.get("email") and contact.get("public") is not True:
            record.problem("contact", Msg("holds a hidden email in plain text, readable by anyone who "
                                          "can read the repository"),
                           Msg("seal it for the organizers: mentorhub seal --person %(id)s (reads the "
                               "email from stdin); or set public: true to publish it",
                               id=record.id),
                           ("contact", "email"))


def _unpublished_people(parsed: list[_Parsed], good: list[_Parsed]) -> NameSet:
    """Ids and names of person files left out of the hub (drafts, or with problems).

    `authors` takes person ids or plain names, so it is not checked as a reference:
    without this, a draft person's id or name would be printed as a plain author.
    Both are recognised by meaning (:mod:`.names`: case, spacing, invisible and
    compatibility characters, punctuation, "Last, First"). A name that a published
    person also has (by the same measure) stays, since it may be theirs.
    """
    published = NameSet(names=[r.values.get("name", "") for r in good if r.type is PERSON],
                        ids=[r.id for r in good if r.type is PERSON])
    ids: list[str] = []
    names: list[str] = []
    for r in parsed:
        if r.type is PERSON and (r.draft or r.problems):
            ids.append(r.id)
            # A draft is not validated, so its name is still the raw front-matter value.
            raw = r.doc.data if r.doc is not None and isinstance(r.doc.data, dict) else {}
            name = r.values.get("name", raw.get("name"))
            if isinstance(name, str) and name not in published:
                names.append(name)
    return NameSet(names=names, ids=ids)


def _resource(r: _Parsed, hidden_people: NameSet) -> Resource:
    v = r.values
    authors = tuple(a for a in v.get("authors", ()) if a not in hidden_people)
    return Resource(
        id=r.id, source=r.source, title=v["title"], kind=v["kind"], summary=v["summary"],
        topics=v["topics"], audience=v.get("audience", ()), level=v.get("level", ""),
        url=v.get("url", ""), authors=authors, updated=v.get("updated"), body=r.body,
        lang=v.get("lang", ""),
    )


def _session(r: _Parsed) -> Session:
    v = r.values
    feedback = v.get("feedback", {})
    named = set(v["facilitators"]) | set(v.get("participants", ()))
    return Session(
        id=r.id, source=r.source, title=v["title"], date=v["date"], format=v["format"],
        facilitators=v["facilitators"], topics=v["topics"], group=v.get("group", ""),
        participants=v.get("participants", ()), attendance=v.get("attendance", len(named)),
        duration=v.get("duration"), feedback_responses=feedback.get("responses", 0),
        satisfaction=feedback.get("satisfaction"), resources=v.get("resources", ()), body=r.body,
        lang=v.get("lang", ""),
    )


def _story(r: _Parsed) -> Story:
    v = r.values
    confidence = v.get("confidence", {})
    return Story(
        id=r.id, source=r.source, title=v["title"], date=v["date"], summary=v["summary"],
        outcomes=v.get("outcomes", ()), mentee=v.get("mentee", ""), mentors=v.get("mentors", ()),
        group=v.get("group", ""), skills=v.get("skills", ()),
        confidence_before=confidence.get("before"), confidence_after=confidence.get("after"),
        quote=v.get("quote", ""), rating=v.get("rating"), reviewer=v.get("reviewer", ""),
        body=r.body, lang=v.get("lang", ""),
    )


def _check_prefers(record: _Parsed, people: dict[str, _Parsed],
                   check: Callable[[_Parsed, str, str, Iterable[str]], None]) -> None:
    """`prefers`: mentees only; each a published person with the mentor role, not themselves.

    Whether a preferred mentor fits the hard rules (a language, a skill) is matching's
    to say (mentorhub.matching.preferences): it depends on both profiles.
    """
    prefers = record.values.get("prefers", ())
    if prefers and "mentee" not in record.values.get("roles", ()):
        record.problem("prefers", Msg("only people with the mentee role list preferred mentors"),
                       Msg("add 'mentee' to roles or remove 'prefers'"))
    check(record, "prefers", "person", prefers)
    for index, mentor_id in enumerate(prefers):
        mentor = people.get(mentor_id)
        if mentor_id == record.id:
            record.problem("prefers", Msg("a person cannot prefer themselves as mentor"),
                           path=("prefers", index))
        elif mentor is not None and "mentor" not in mentor.values.get("roles", ("mentor",)):
            record.problem("prefers", Msg("%(mentor_id)s does not have the mentor role",
                                          mentor_id=quote(mentor_id)),
                           Msg("each preferred person must be a mentor"), path=("prefers", index))
