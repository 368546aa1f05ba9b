"""Load `content/` into a validated :class:`Hub`, collecting every problem at once.

Pass 1 reads each file and checks its own fields; pass 2 checks references between
records. A record with a problem of its own is left out of the hub (so `mkdocs
serve` can keep serving the rest); references are checked against every record
that exists and is not a draft, so one broken file does not cascade into others.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .anonymity import DEFAULT_MIN_RESPONSES, FACTS, Narrowed, anonymise, narrowed_stories
from .fields import ID_PATTERN, ID_RULE, FieldError
from .files import SKILLS_FILE, display_path, walk_content
from .free_pages import parse_page
from .free_text import free_text_problems, pii_problems
from .frontmatter import FrontMatterError, decode, split
from .models import FreePage, Hub, Person, Resource, Session, Skill, Source, Story
from .names import NameSet
from .problems import Problem, did_you_mean
from .quoting import label, quote
from .schema import PERSON, PLACEHOLDER, RECORD_TYPES, SESSION, SKILL_FIELDS, STORY, RecordType
from .strict_yaml import Document, YamlError, load, size_budget
from .vocabulary import SkillVocabulary

__all__ = ["SKILLS_FILE", "LoadResult", "load_hub"]


@dataclass
class LoadResult:
    """The hub of publishable records, every problem found, and what not to publish."""

    hub: Hub
    problems: list[Problem]
    refused: set[str] = field(default_factory=set)  # paths relative to content/
    media: dict[str, Path] = field(default_factory=dict)  # checked images to publish, by path
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

    def problem(self, field_name: str, message: str, hint: str = "", path: tuple[Any, ...] = ()) -> None:
        located = self.doc is not None and field_name != "file"
        line = self.doc.line_of(path or (field_name,)) if located and self.doc else 1
        self.problems.append(Problem(self.source.path, line, field_name, message, hint))


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Hold off the cyclic garbage collector while parsed records pile up.

    Every parsed document stays alive until the hub is built, so each automatic
    collection rescans a growing heap: ~15 % of loading a 20k-record hub. Loading
    makes next to no reference cycles; the collector catches up afterwards.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@_gc_paused()
def load_hub(content_dir: Path, display_root: Path | None = None, *,
             recipients: Sequence[str] = (),
             min_responses: int = DEFAULT_MIN_RESPONSES) -> LoadResult:
    """Read, validate and model everything under `content_dir`.

    `recipients` are the hub's age public keys: when there are any, a hidden email
    must be sealed to them, and a plain one is an error (a warning otherwise, from
    :mod:`.warnings`). `min_responses` (the KPI plugin's) is also the fewest members
    an anonymous story's public facts must fit (:mod:`.anonymity`).
    """
    root = display_root or content_dir.parent
    problems: list[Problem] = []
    found = walk_content(content_dir, root)
    problems.extend(found.problems)
    # A skills.yml symlink leading outside content/ is reported by the walk and never
    # read: the outside file's keys would otherwise show in check and diff output.
    refused_skills = SKILLS_FILE in found.refused
    vocab = _load_skills(content_dir / SKILLS_FILE, root, problems, refused=refused_skills)
    pages = _load_pages(found.pages, root, problems)
    parsed = [
        _parse(record_type, path, root, vocab)
        for record_type in RECORD_TYPES
        for path in found.records[record_type.name]
    ]
    _check_ids(parsed)
    _check_references(parsed)
    if recipients:
        _check_sealed_contacts(parsed)
    hub = _build_hub(parsed, vocab, pages)
    problems.extend(p for record in parsed for p in record.problems)
    narrowed = narrowed_stories(hub, min_responses)
    return LoadResult(hub=anonymise(hub, narrowed), problems=sorted(problems), refused=found.refused,
                      media=found.media, warnings=_anonymity_warnings(parsed, narrowed, min_responses))


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
            f"told without a mentee, but its {_words(facts)} fit "
            f"{item.fitting} {'member' if item.fitting == 1 else 'members'} (fewer than "
            f"{min_responses}): the site leaves out its {_words(list(item.withheld))}",
            "to publish them, name the mentee (with their consent); the title, summary, quote "
            "and text are published as written: see docs/privacy.md",
            severity="warning"))
    return found


def _words(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _load_pages(found: dict[str, Path], root: Path, problems: list[Problem]) -> dict[str, FreePage]:
    pages: dict[str, FreePage] = {}
    for src_uri, path in sorted(found.items()):
        page, page_problems = parse_page(src_uri, path, display_path(path, root))
        problems.extend(page_problems)
        if page is not None:
            pages[src_uri] = page
    return pages


# -- skills ------------------------------------------------------------------------------


def _load_skills(path: Path, root: Path, problems: list[Problem], *,
                 refused: bool = False) -> SkillVocabulary:
    vocab = SkillVocabulary()
    shown = display_path(path, root)
    if refused:
        return vocab  # the walk said why
    if not path.is_file():
        problems.append(Problem(shown, 1, "file", "the skills vocabulary is missing",
                                "create content/skills.yml"))
        return vocab
    try:
        text = decode(path.read_bytes())
        # A vocabulary holds thousands of skills: the front-matter budget would cap it.
        document = load(text, budget=size_budget(text), what="skills.yml")
    except (YamlError, FrontMatterError) as exc:
        problems.append(Problem(shown, exc.line, "file", exc.message, exc.hint))
        return vocab
    if not isinstance(document.data, dict):
        problems.append(Problem(shown, 1, "file", "expected a map of skill ids",
                                "see the README for an example"))
        return vocab
    fields = {f.name: f for f in SKILL_FIELDS}
    for skill_id, entry in document.data.items():
        line = document.line_of((skill_id,))
        if not ID_PATTERN.match(skill_id):
            problems.append(Problem(shown, line, label(skill_id),
                                    f"{quote(skill_id)} is not a valid skill id", ID_RULE))
            continue
        values: dict[str, Any] = {}
        if not isinstance(entry, dict):
            problems.append(Problem(shown, line, skill_id, "expected 'label:' and 'category:' lines"))
            entry = {}
        for key, value in entry.items():
            spec = fields.get(key)
            where = document.line_of((skill_id, key))
            if spec is None:
                problems.append(Problem(shown, where, f"{skill_id}.{label(key)}", "unknown field",
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
            texts = values[key] if isinstance(values[key], tuple | list) else (values[key],)
            for index, text in enumerate(texts):
                at = document.line_of((skill_id, key, index)) if texts is values[key] else where
                problems += pii_problems(shown, at, f"{skill_id}.{key}", str(text))
        for spec in SKILL_FIELDS:
            if spec.required and spec.name not in values and spec.name not in entry:
                problems.append(Problem(shown, line, f"{skill_id}.{spec.name}", "missing required field"))
        aliases = tuple(values.get("aliases", ()))
        for word in (skill_id, *aliases):
            owner = vocab.owner_of(word)
            if owner is not None and owner != skill_id:
                problems.append(Problem(shown, line, skill_id,
                                        f"{quote(word)} is already used by skill '{owner}'"))
        vocab.add(Skill(
            id=skill_id,
            label=str(values.get("label", skill_id)),
            category=str(values.get("category", "Other")),
            aliases=aliases,
            description=str(values.get("description", "")),
        ))
    return vocab


# -- pass 1: one file --------------------------------------------------------------------


def _parse(record_type: RecordType, path: Path, root: Path, vocab: SkillVocabulary) -> _Parsed:
    record = _Parsed(type=record_type, id=path.stem, source=Source(display_path(path, root)))
    try:
        raw = path.read_bytes()
        split_file = split(raw)
    except OSError as exc:
        record.problem("file", f"cannot be read ({exc.strerror})")
        return record
    except FrontMatterError as exc:
        record.problems.append(Problem(record.source.path, exc.line, "front matter", exc.message, exc.hint))
        return record
    record.doc = split_file.front_matter
    record.body = split_file.body
    data: dict[str, Any] = split_file.front_matter.data
    record.draft = data.get("draft") is True
    if record.draft:
        return record  # work in progress: not published, so not held to the rules yet
    for key, value in data.items():
        spec = record_type.field(key)
        if spec is None:
            record.problem(label(key), "unknown field",
                           _MISPLACED.get((record_type.name, key)) or
                           did_you_mean(key, record_type.field_names) or
                           f"{record_type.name} fields are: {', '.join(record_type.field_names)}", (key,))
        elif value is None:
            continue  # `field:` with nothing after it means "not given"
        elif _is_placeholder(value):
            record.problem(key, "fill in this field", f"{spec.doc}; or delete the line if it does "
                           "not apply" if not spec.required else spec.doc)
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
                                           "missing required field", f"add '{example}'"))
    _RECORD_RULES[record_type.name](record)
    record.problems += free_text_problems(record_type, record.values, split_file.front_matter, record.body,
                                          split_file.body_line, record.source.path)
    return record


#: Fields people put at the top level that belong elsewhere: where to move them.
_MISPLACED = {
    ("person", "email"): "put it under contact: 'contact: {email: …, public: false}'; it is published "
                         "only with public: true",
    ("person", "phone"): "phone numbers are not published; organizers can keep one under 'private:'",
}


def _is_placeholder(value: Any) -> bool:
    """`FILL IN`, alone or in a list, as `mentorhub new` writes it."""
    return value == PLACEHOLDER or (isinstance(value, list) and PLACEHOLDER in value)


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
        record.problem("consent", "must be true: a profile is published only with the person's agreement")
    given = record.doc.data if record.doc else {}
    if "mentor" in roles and not values.get("offers") and not given.get("offers"):
        record.problem("offers", "a mentor must offer at least one skill", "add 'offers: [skill-id]'",
                       ("roles",))
    if "mentee" in roles and not values.get("seeks") and not given.get("seeks"):
        record.problem("seeks", "a mentee must seek at least one skill", "add 'seeks: [skill-id]'",
                       ("roles",))
    if values.get("mentors") and "mentee" not in roles:
        record.problem("mentors", "only people with the mentee role list mentors",
                       "add 'mentee' to roles or remove 'mentors'")
    if record.id in values.get("mentors", ()):
        record.problem("mentors", "a person cannot be their own mentor")


def _resource_rules(record: _Parsed) -> None:
    if not record.body.strip() and "url" not in record.values and "url" not in (
        record.doc.data if record.doc else {}
    ):
        record.problem("url", "a resource with no body must have a url",
                       "add 'url: https://…' or write the resource below the front matter")


def _session_rules(record: _Parsed) -> None:
    feedback = record.values.get("feedback", {})
    if feedback.get("responses") == 0 and "satisfaction" in feedback:
        record.problem("feedback.satisfaction", "a satisfaction score needs at least one response",
                       path=("feedback", "satisfaction"))


def _no_rules(record: _Parsed) -> None:
    return None


_RECORD_RULES: dict[str, Callable[[_Parsed], None]] = {
    "person": _person_rules,
    "resource": _resource_rules,
    "session": _session_rules,
    "story": _no_rules,
}


# -- pass 2: ids and references ------------------------------------------------------------


def _check_ids(parsed: list[_Parsed]) -> None:
    seen: dict[tuple[str, str], _Parsed] = {}
    for record in parsed:
        if not ID_PATTERN.match(record.id):
            record.problem("file", f"{quote(record.id)} is not a valid id (the file name is the id)", ID_RULE)
        elif record.id in record.type.reserved_ids:
            record.problem("file", f"the id '{record.id}' is reserved for a listing page",
                           "rename the file")
        key = (record.type.name, record.id)
        if key in seen:
            record.problem("file", f"the {record.type.name} id '{record.id}' is also used by "
                           f"{seen[key].source.path}", "ids must be unique: rename one file")
        else:
            seen[key] = record


def _check_references(parsed: list[_Parsed]) -> None:
    published = {t.name: {r.id: r for r in parsed if r.type is t and not r.draft} for t in RECORD_TYPES}
    drafts = {t.name: {r.id for r in parsed if r.type is t and r.draft} for t in RECORD_TYPES}

    def check(record: _Parsed, key: str, target: str, ids: Iterable[str]) -> None:
        for index, ref in enumerate(ids):
            if ref in published[target]:
                continue
            where = (key, index) if key in record.values and isinstance(record.values[key], tuple) else (key,)
            if ref in drafts[target]:
                record.problem(key, f"{quote(ref)} is a draft and is not published", path=where)
            else:
                record.problem(key, f"unknown {target} {quote(ref)}",
                               did_you_mean(ref, published[target]) or
                               f"no file content/{_folder(target)}/{ref}.md", where)

    for record in parsed:
        if record.draft or not record.values:
            continue
        v = record.values
        if record.type is PERSON:
            check(record, "mentors", "person", v.get("mentors", ()))
            for index, mentor_id in enumerate(v.get("mentors", ())):
                mentor = published["person"].get(mentor_id)
                if mentor is not None and "mentor" not in mentor.values.get("roles", ("mentor",)):
                    record.problem("mentors", f"{quote(mentor_id)} does not have the mentor role",
                                   path=("mentors", index))
            _check_prefers(record, published["person"], check)
        elif record.type is SESSION:
            check(record, "facilitators", "person", v.get("facilitators", ()))
            check(record, "participants", "person", v.get("participants", ()))
            check(record, "resources", "resource", v.get("resources", ()))
        elif record.type is STORY:
            check(record, "mentee", "person", (v["mentee"],) if "mentee" in v else ())
            check(record, "mentors", "person", v.get("mentors", ()))


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
        capacity=v.get("capacity", 1 if "mentor" in v["roles"] else 0),
        availability=v.get("availability", "open"), mentors=v.get("mentors", ()),
        prefers=v.get("prefers", ()),
        joined=v.get("joined"), confirmed=v.get("confirmed"), links=v.get("links", ()),
        public_email=contact.get("email", "") if contact.get("public") is True else "",
        # Flags only: neither the hidden email nor the sealed block enters the model.
        plain_hidden_email=bool(contact.get("email")) and contact.get("public") is not True,
        sealed_contact="sealed" in contact,
        body=r.body, lang=v.get("lang", ""),
    )


def _check_sealed_contacts(parsed: list[_Parsed]) -> None:
    """With recipients configured, a hidden email written in plain text is an error."""
    for record in parsed:
        contact = record.values.get("contact") if record.type is PERSON else None
        if isinstance(contact, dict) and contact.get("email") and contact.get("public") is not True:
            record.problem("contact", "holds a hidden email in plain text, readable by anyone "
                           "who can read the repository",
                           f"seal it for the organizers: mentorhub seal --person {record.id} "
                           "(reads the email from stdin); or set public: true to publish it",
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
        outcomes=v["outcomes"], mentee=v.get("mentee", ""), mentors=v.get("mentors", ()),
        group=v.get("group", ""), skills=v.get("skills", ()),
        confidence_before=confidence.get("before"), confidence_after=confidence.get("after"),
        quote=v.get("quote", ""), body=r.body, lang=v.get("lang", ""),
    )


def _check_prefers(record: _Parsed, people: dict[str, _Parsed],
                   check: Callable[[_Parsed, str, str, Iterable[str]], None]) -> None:
    """`prefers`: mentees only; each a published person with the mentor role, not themselves.

    Whether a preferred mentor fits the hard rules (a language, a skill) is matching's
    to say (mentorhub.matching.preferences): it depends on both profiles.
    """
    prefers = record.values.get("prefers", ())
    if prefers and "mentee" not in record.values.get("roles", ()):
        record.problem("prefers", "only people with the mentee role list preferred mentors",
                       "add 'mentee' to roles or remove 'prefers'")
    check(record, "prefers", "person", prefers)
    for index, mentor_id in enumerate(prefers):
        mentor = people.get(mentor_id)
        if mentor_id == record.id:
            record.problem("prefers", "a person cannot prefer themselves as mentor",
                           path=("prefers", index))
        elif mentor is not None and "mentor" not in mentor.values.get("roles", ("mentor",)):
            record.problem("prefers", f"{quote(mentor_id)} does not have the mentor role",
                           "each preferred person must be a mentor", path=("prefers", index))
