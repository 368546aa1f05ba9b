"""One import: rows → records, checked in a copy of `content/`, then written (or not).

The result always passes the same loader as `mentorhub check`: a row whose record
would not is skipped and reported with the source line; if anything else would fail,
nothing is written at all.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..hub.fields import Email, FieldError, HttpsUrl, ListOf
from ..hub.loader import load_hub
from ..hub.models import Skill
from ..hub.pii import kind_of
from ..hub.problems import Msg, Problem
from ..hub.quoting import quote, unquoted
from ..hub.vocabulary import SkillVocabulary
from .convert import Converter, ConvertError, country_code
from .mapping import FieldSpec, Mapping
from .records import KEY_FIELD, existing_records, ordered, plain, read_existing, render
from .sources import Row, Table

PHOTO_EXTENSIONS = (".jpg", ".jpeg", ".png", ".webp")
WRITES = ("create", "update")


@dataclass
class Planned:
    """What one row becomes."""

    row: Row
    record_id: str = ""
    action: str = ""  # "create", "update" or "unchanged" (same file as before); "" when skipped
    path: Path | None = None  # the file, relative to content/
    text: str = ""
    photo: tuple[Path, str] | None = None  # source image → path under content/
    fields: tuple[str, ...] = ()


@dataclass
class ImportReport:
    source: str
    problems: list[Problem] = field(default_factory=list)
    planned: list[Planned] = field(default_factory=list)
    skipped: set[int] = field(default_factory=set)  # row lines
    defaulted: Counter[str] = field(default_factory=Counter)
    changed: Counter[str] = field(default_factory=Counter)  # e.g. http:// made https://
    dropped_columns: tuple[str, ...] = ()
    dropped_values: Counter[str] = field(default_factory=Counter)
    unknown_skills: dict[str, int] = field(default_factory=dict)
    added_skills: dict[str, str] = field(default_factory=dict)  # id → label
    blocked: list[Problem] = field(default_factory=list)  # problems outside the import: nothing written
    written: bool = False
    seconds: dict[str, float] = field(default_factory=dict)  # "convert", "check", "write"

    @property
    def created(self) -> int:
        return sum(1 for p in self.planned if p.action == "create")

    @property
    def updated(self) -> int:
        return sum(1 for p in self.planned if p.action == "update")

    @property
    def unchanged(self) -> int:
        return sum(1 for p in self.planned if p.action == "unchanged")


@dataclass
class Options:
    dry_run: bool = False
    add_skills: bool = False
    #: (email, person id) → armored age block sealed for that person, when there are recipients.
    seal: Callable[[str, str], str] | None = None
    make_id: Callable[[str], str] = str  # title → id, as `mentorhub new` makes them
    recipients: tuple[str, ...] = ()  # the hub's, so the check in the copy is `mentorhub check`'s


def run_import(source: str, table: Table, mapping: Mapping, content_dir: Path,
               vocab: SkillVocabulary, options: Options) -> ImportReport:
    """Plan every row, check the result, and write it unless told not to or it fails."""
    report = ImportReport(source=source)
    started = time.perf_counter()
    report.blocked = _default_problems(mapping, vocab)
    if report.blocked:
        return report  # one wrong default would otherwise be reported once per row
    report.dropped_columns = tuple(h for h in table.headers if h and h not in mapping.columns)
    converter = Converter(vocab, mapping.language, mapping.date_order)
    rows = _plan_rows(table, mapping, content_dir, converter, options, report)
    if converter.unknown_skills and options.add_skills:
        report.added_skills = _new_skills(converter.unknown_skills, vocab, options.make_id)
        for skill_id, label in report.added_skills.items():
            vocab.add(Skill(skill_id, label, "Imported"))
        report.problems.clear()
        report.skipped.clear()
        report.defaulted.clear()
        report.changed.clear()
        report.dropped_values.clear()
        converter = Converter(vocab, mapping.language, mapping.date_order)
        rows = _plan_rows(table, mapping, content_dir, converter, options, report)
    report.unknown_skills = dict(converter.unknown_skills)
    report.planned = rows
    checked = time.perf_counter()
    if any(p.action in WRITES for p in report.planned):  # nothing to write: the hub is as it was
        _validate(report, content_dir, options.recipients)
    written = time.perf_counter()
    if not report.blocked and not options.dry_run and any(p.action in WRITES for p in report.planned):
        _write(report, content_dir)
        report.written = True
    report.seconds = {"convert": checked - started, "check": written - checked,
                      "write": time.perf_counter() - written}
    return report


def _default_problems(mapping: Mapping, vocab: SkillVocabulary) -> list[Problem]:
    """Each default checked once, as the field it fills, at its line in the mapping."""
    problems = []
    for target, value in mapping.defaults.items():
        spec = mapping.record.field(target)
        if spec is None:
            continue  # links.*, private.*, body: free text
        try:
            spec.kind.check(value, vocab)
        except FieldError as exc:
            problems += [Problem(mapping.path, mapping.lines.get(f"defaults.{target}", 1),
                                 f"defaults.{target}", e.message, e.hint) for e in exc.all()]
    return problems


# -- rows ------------------------------------------------------------------------------


def _plan_rows(table: Table, mapping: Mapping, content_dir: Path, converter: Converter,
               options: Options, report: ImportReport) -> list[Planned]:
    record = mapping.record
    by_id, keys = existing_records(content_dir, record, bool(mapping.key))
    existing_ids = set(by_id)
    taken: dict[str, int] = {}
    planned = []
    for row in table.rows:
        plan = Planned(row)
        planned.append(plan)

        def problem(name: str, message: str, hint: str = "", row: Row = row) -> None:
            report.problems.append(Problem(report.source, row.line, name, message, hint))

        if mapping.consent and _said_yes(converter, row.values.get(mapping.consent)) is not True:
            problem("consent", Msg("no yes in the consent column (%(consent)s): not imported",
                                   consent=quote(mapping.consent)),
                    Msg("only people who agreed to be published are imported"))
            report.skipped.add(row.line)
            continue
        values, body, email, public, photo = _convert_row(row, mapping, converter, problem, report)
        key = str(row.values.get(mapping.key, "")).strip() if mapping.key else ""
        if mapping.key and (not key or kind_of(key)):
            problem("key", Msg("the key column is empty") if not key else
                    Msg("the key column holds %(kind)s, which would be stored in the repository",
                        kind=kind_of(key)),
                    Msg("choose a key column such as a respondent id or a user name"))
            report.skipped.add(row.line)
            continue
        record_id = _record_id(row, mapping, values, key, keys, existing_ids, options, problem)
        if not record_id:
            report.skipped.add(row.line)
            continue
        if record_id in taken:
            problem("id", Msg("the same record as line %(line)s ('%(record_id)s'): not imported "
                              "twice",
                              line=taken[record_id], record_id=record_id),
                    Msg("set 'key:' in the mapping to a column that tells the rows apart"))
            report.skipped.add(row.line)
            continue
        taken[record_id] = row.line
        existing = read_existing(by_id[record_id]) if record_id in by_id else None
        if record_id in by_id and existing is None:
            problem("id", Msg("its record %(shown)s cannot be read: not updated",
                              shown=_shown(by_id[record_id], content_dir)),
                    Msg("fix that file first (mentorhub check says what is wrong), then import again"))
            report.skipped.add(row.line)
            continue
        data = dict(existing.data) if existing else {}
        for target, value in values.items():
            if target.startswith(("links.", "private.")):
                group, _, name = target.partition(".")
                current = data.get(group)
                data[group] = {**(current if isinstance(current, dict) else {}), name: value}
            else:
                data[target] = value
        for target, value in mapping.defaults.items():
            if target not in values and data.get(target) in (None, "", []):
                data[target] = plain(value)
                report.defaulted[target] += 1
        if record.name == "person":
            data["consent"] = True
            _contact(data, email, public, options, problem, report, record_id)
            if photo is not None:
                data["photo"] = f"media/people/{record_id}{photo.suffix.lower()}"
                plan.photo = (photo, data["photo"])
        if key:
            private = data.get("private")
            data["private"] = {**(private if isinstance(private, dict) else {}), KEY_FIELD: key}
        plan.record_id = record_id
        plan.action = "update" if existing else "create"
        plan.path = (by_id[record_id].relative_to(content_dir) if existing
                     else Path(record.folder) / f"{record_id}.md")
        plan.fields = tuple(values)
        plan.text = render(ordered(plain(data), record),
                           body if body is not None else (existing.body if existing else ""))
        if existing is not None and plan.text == existing.text and plan.photo is None:
            plan.action = "unchanged"  # re-importing the same answers rewrites nothing
    return planned


def _shown(path: Path, content_dir: Path) -> str:
    return f"{content_dir.name}/{path.relative_to(content_dir).as_posix()}"


def _said_yes(converter: Converter, value: Any) -> bool | None:
    if value is None:
        return None
    try:
        return converter.boolean(value)
    except ConvertError:
        return None


def _convert_row(row: Row, mapping: Mapping, converter: Converter, problem: Callable[..., None],
                 report: ImportReport) -> tuple[dict[str, Any], str | None, str, bool, Path | None]:
    values: dict[str, Any] = {}
    body: str | None = None
    email, public, photo = "", False, None
    for spec in mapping.fields:
        raw = row.values.get(spec.column)
        if raw is None or raw == "":
            continue
        try:
            if spec.target == "body":
                body = str(raw)
            elif spec.target == "contact.email":
                with unquoted():
                    email = Email().check(str(raw).strip(), converter.vocab)
            elif spec.target == "contact.public":
                public = converter.boolean(raw) if str(raw).strip().lower() not in spec.values \
                    else bool(spec.values[str(raw).strip().lower()])
            elif spec.target == "photo":
                photo = _photo(str(raw), mapping, report)
            elif spec.target.startswith("private."):
                values[spec.target] = str(raw).strip()
            else:
                values[spec.target] = _field_value(spec, raw, mapping, converter, problem, report)
        except ConvertError as exc:
            problem(spec.target, exc.message, exc.hint)
        except FieldError as exc:
            for error in exc.all():
                problem(spec.target, error.message, error.hint)
    return {k: v for k, v in values.items() if v not in (None, [], "")}, body, email, public, photo


def _field_value(spec: FieldSpec, raw: Any, mapping: Mapping, converter: Converter,
                 problem: Callable[..., None], report: ImportReport) -> Any:
    if spec.target.startswith("links."):
        url = HttpsUrl().check(converter.convert(HttpsUrl(), raw, spec.values), converter.vocab)
        if str(raw).strip().lower().startswith("http://"):
            report.changed["links: http:// made https://"] += 1
        return url
    kind = mapping.record.field(spec.target).kind  # type: ignore[union-attr]
    if spec.target == "country":
        return country_code(str(raw))
    if isinstance(kind, ListOf):
        # Keep the answers that convert; report the others (one bad language is not the row).
        good: list[Any] = []
        for item in converter.items(raw, spec.split):
            try:
                one = converter.convert(kind.item, item, spec.values)
            except ConvertError as exc:
                problem(spec.target, exc.message, exc.hint)
                continue
            good += [v for v in (one if isinstance(one, list) else [one]) if v not in good]
        return list(kind.check(good, converter.vocab)) if good else None
    return kind.check(converter.convert(kind, raw, spec.values, spec.split), converter.vocab)


def _photo(name: str, mapping: Mapping, report: ImportReport) -> Path:
    folder = Path(mapping.media) if mapping.media else Path(mapping.path).parent
    candidate = folder / Path(name.strip()).name  # a file name, never a path out of the folder
    if candidate.suffix.lower() not in PHOTO_EXTENSIONS:
        raise ConvertError(Msg("%(name)s is not a JPEG, PNG or WebP file name", name=quote(name)))
    if not candidate.is_file():
        raise ConvertError(Msg("no photo file %(name)s in %(folder)s",
                               name=quote(candidate.name), folder=folder),
                           Msg("put the photos beside the source, or set 'media:' in the mapping"))
    return candidate


def _record_id(row: Row, mapping: Mapping, values: dict[str, Any], key: str, keys: dict[str, str],
               existing_ids: set[str], options: Options, problem: Callable[..., None]) -> str:
    if key and key in keys:
        return keys[key]
    title = str(row.values.get(mapping.id_column, "")) if mapping.id_column else \
        str(values.get("name") or values.get("title") or "")
    if not title.strip():
        problem("id", Msg("no name or title to make the id from"),
                Msg("map 'name' (or 'title'), or set 'id:' to a column of ids"))
        return ""
    try:
        record_id = options.make_id(title)
    except ValueError as exc:
        problem("id", str(exc).replace("--id", "an 'id:' column in the mapping"))
        return ""
    if key:
        # A new key whose id a different record already has: number it, never merge two people.
        base, number = record_id, 2
        while record_id in existing_ids or record_id in keys.values():
            record_id = f"{base}-{number}"
            number += 1
        keys[key] = record_id
    return record_id


def _contact(data: dict[str, Any], email: str, public: bool, options: Options,
             problem: Callable[..., None], report: ImportReport, person_id: str) -> None:
    if not email:
        return
    if public:
        data["contact"] = {"email": email, "public": True}
    elif options.seal is not None:
        data["contact"] = {"sealed": options.seal(email, person_id)}
    else:
        problem("contact.email", Msg("the email is not marked public and the hub has no recipients to "
                                     "seal it to, so it was left out (never written in plain text)"),
                Msg("add the organizers' age keys as 'recipients' in mkdocs.yml and import again"))
        report.dropped_values["contact.email"] += 1


def _new_skills(unknown: dict[str, int], vocab: SkillVocabulary,
                make_id: Callable[[str], str]) -> dict[str, str]:
    added: dict[str, str] = {}
    for label in sorted(unknown, key=str.lower):
        try:
            skill_id = make_id(label)
        except ValueError:
            continue
        if vocab.resolve_skill(skill_id) is None and skill_id not in added:
            added[skill_id] = label
    return added


# -- checking and writing --------------------------------------------------------------


def _validate(report: ImportReport, content_dir: Path, recipients: tuple[str, ...]) -> None:
    """Load a copy of content/ with the import applied; skip rows whose record fails."""
    for _attempt in range(2):
        by_path = {str(p.path): p for p in report.planned if p.action in WRITES}
        with tempfile.TemporaryDirectory(prefix="mentorhub-import-", dir=_scratch()) as temp:
            copy = Path(temp) / "content"
            _copy_tree(content_dir, copy, {content_dir / path for path in by_path})
            _apply(report, copy)
            result = load_hub(copy, display_root=Path(temp), recipients=recipients)
        failing: dict[str, list[Problem]] = {}
        other = []
        for found in result.problems:
            relative = found.path.removeprefix("content/")
            if relative in by_path:
                failing.setdefault(relative, []).append(found)
            else:
                other.append(found)
        if not failing:
            report.blocked = other
            return
        for relative, problems in failing.items():
            plan = by_path[relative]
            for found in problems:
                report.problems.append(Problem(report.source, plan.row.line, found.field,
                                               found.message, found.hint))
            report.skipped.add(plan.row.line)
            plan.action = ""
    report.blocked = [Problem(report.source, 1, "import", Msg("rows still fail the check after "
                                                              "skipping the failing ones: nothing was "
                                                              "written"))]


def _scratch() -> str | None:
    """A RAM-backed folder for the checked copy where the system has one (Linux's /dev/shm):
    writing and deleting 20,000 small files there takes a fraction of a disk's time."""
    shm = Path("/dev/shm")
    return str(shm) if shm.is_dir() and os.access(shm, os.W_OK | os.X_OK) else None


def _copy_tree(source: Path, target: Path, replaced: set[Path]) -> None:
    """Copy `source`, except the files the import is about to write anyway."""
    def skip(folder: str, names: list[str]) -> list[str]:
        return [name for name in names if Path(folder, name) in replaced]

    if source.is_dir():
        shutil.copytree(source, target, symlinks=True, ignore=skip if replaced else None)
    else:
        target.mkdir(parents=True)


def _apply(report: ImportReport, content: Path) -> None:
    folders: set[Path] = set()
    for plan in report.planned:
        if plan.action in WRITES and plan.path is not None:
            path = content / plan.path
            if path.parent not in folders:
                path.parent.mkdir(parents=True, exist_ok=True)
                folders.add(path.parent)
            path.write_text(plan.text, encoding="utf-8", newline="\n")
            if plan.photo is not None:
                target = content / plan.photo[1]
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(plan.photo[0], target)
    if report.added_skills:
        skills = content / "skills.yml"
        existing = skills.read_text(encoding="utf-8") if skills.is_file() else ""
        added = "".join(f"{skill_id}:\n  label: {_yaml_scalar(label)}\n  category: Imported\n"
                        for skill_id, label in report.added_skills.items())
        skills.write_text(existing.rstrip("\n") + ("\n" if existing.strip() else "") + added,
                          encoding="utf-8")


def _yaml_scalar(text: str) -> str:
    import json

    return json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar


def _write(report: ImportReport, content_dir: Path) -> None:
    content_dir.mkdir(parents=True, exist_ok=True)
    _apply(report, content_dir)
