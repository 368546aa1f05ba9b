"""The mapping file: which source column fills which field, and how (docs/guide/importing.md).

```yaml
record: person                 # person (default), story, resource or session
language: es                   # the form's language: yes/no words, language and country names
key: "Marca temporal"          # optional: the column that tells rows apart across imports
id: "Nombre completo"          # optional: the column ids are made from (default: name / title)
consent: "Acepto aparecer en el directorio"   # required for people
fields:
  name: "Nombre completo"
  roles: {column: "Quiero participar como", values: {"Mentora o mentor": mentor}}
  languages: "Idiomas"
  contact.email: "Correo electrónico"
defaults:
  languages: [es]
```

Read with the hub's strict YAML loader, so every problem names its line.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..hub.problems import N_, Msg, Problem, did_you_mean
from ..hub.schema import RECORD_TYPES, RecordType
from ..hub.strict_yaml import Document, YamlError, load

TOP_LEVEL = ("record", "language", "key", "id", "consent", "fields", "defaults", "date_order", "media")
SPEC_KEYS = ("column", "values", "split", "default")
#: Targets that are not plain front-matter fields.
PSEUDO_FIELDS = ("body", "contact.email", "contact.public")
PREFIXED = ("links.", "private.")


@dataclass(frozen=True)
class FieldSpec:
    target: str  # a field name, body, contact.email, contact.public, links.<name>, private.<name>
    column: str
    values: dict[str, Any] = field(default_factory=dict)  # source answer (lowercase) → value
    split: bool = True
    line: int = 1


@dataclass
class Mapping:
    path: str
    record: RecordType
    language: str = "en"
    key: str = ""
    id_column: str = ""
    consent: str = ""
    date_order: str = ""  # "dmy" or "mdy"; default from the language
    media: str = ""  # folder holding photo files, relative to the source
    fields: list[FieldSpec] = field(default_factory=list)
    defaults: dict[str, Any] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)  # "defaults.<field>" → its line

    @property
    def columns(self) -> set[str]:
        named = {s.column for s in self.fields} | {self.key, self.id_column, self.consent}
        return {c for c in named if c}


def read_mapping(path: Path, shown: str, headers: tuple[str, ...]) -> tuple[Mapping | None, list[Problem]]:
    """The mapping and every problem in it (unknown keys, fields and columns, with lines)."""
    try:
        document = load(path.read_text(encoding="utf-8"), what=Msg("the mapping file"))
    except (OSError, UnicodeDecodeError) as exc:
        return None, [Problem(shown, 1, "file", Msg("cannot be read (%(reason)s)", reason=exc))]
    except YamlError as exc:
        return None, [Problem(shown, exc.line, "file", exc.message, exc.hint)]
    data = document.data
    if not isinstance(data, dict):
        return None, [Problem(shown, 1, "file", Msg("expected a map with 'fields:' and the other "
                                                    "settings"),
                              Msg("see docs/guide/importing.md, or make one with mentorhub import "
                                  "--init-map SOURCE"))]
    problems: list[Problem] = []

    def problem(where: tuple[Any, ...], name: str, message: str, hint: str = "") -> None:
        problems.append(Problem(shown, document.line_of(where), name, message, hint))

    for key in data:
        if key not in TOP_LEVEL:
            problem((key,), str(key), Msg("unknown setting"), did_you_mean(str(key), TOP_LEVEL) or
                    Msg("settings are: %(names)s", names=', '.join(TOP_LEVEL)))
    types = {t.name: t for t in RECORD_TYPES}
    record = types.get(str(data.get("record", "person")))
    if record is None:
        problem(("record",), "record", Msg("unknown record type '%(record)s'", record=data.get('record')),
                Msg("use one of: %(names)s", names=', '.join(types)))
        record = types["person"]
    mapping = Mapping(path=shown, record=record)
    for name in ("language", "key", "id", "consent", "date_order", "media"):
        value = data.get(name)
        if value is None:
            continue
        if not isinstance(value, str) or not value.strip():
            problem((name,), name, Msg("expected text"))
            continue
        if name in ("key", "id", "consent"):
            _check_column(value, headers, lambda m, h, n=name: problem((n,), n, m, h))
        setattr(mapping, {"id": "id_column"}.get(name, name), value.strip())
    if mapping.date_order not in ("", "dmy", "mdy", "ymd"):
        problem(("date_order",), "date_order", Msg("expected dmy, mdy or ymd"))
    if record.name == "person" and not mapping.consent:
        problem((), "consent", Msg("a person mapping needs the consent column"),
                Msg('add \'consent: "<the question where people agreed to be published>"\': rows '
                    "without a yes are not imported"))
    fields = data.get("fields")
    if not isinstance(fields, dict) or not fields:
        problem(("fields",), "fields", Msg("expected a map of field: column"),
                Msg('e.g. \'fields: {name: "Full name", languages: "Languages"}\''))
        fields = {}
    for target, spec in fields.items():
        parsed = _field_spec(str(target), spec, record, headers, document,
                             lambda m, h="", t=target: problem(("fields", t), f"fields.{t}", m, h))
        if parsed is not None:
            mapping.fields.append(parsed)
    defaults = data.get("defaults") or {}
    if not isinstance(defaults, dict):
        problem(("defaults",), "defaults", Msg("expected a map of field: value"))
        defaults = {}
    for target, value in defaults.items():
        if not _known_target(str(target), record):
            problem(("defaults", target), f"defaults.{target}",
                    Msg(_NO_FIELD[record.name], target=target),
                    did_you_mean(str(target), record.field_names))
        else:
            mapping.defaults[str(target)] = value
            mapping.lines[f"defaults.{target}"] = document.line_of(("defaults", target))
    return (None if problems else mapping), problems


def _known_target(target: str, record: RecordType) -> bool:
    if target in ("body",) or any(target.startswith(p) and len(target) > len(p) for p in PREFIXED):
        return target.startswith("private.") or record.field("links") is not None or target == "body"
    if target.startswith("contact."):
        return target in PSEUDO_FIELDS and record.field("contact") is not None
    return record.field(target) is not None and target not in ("private", "contact", "links", "draft")


#: One sentence per record type, so each language can say it in its own grammar.
_NO_FIELD = {
    "person": N_("person has no field '%(target)s'"),
    "resource": N_("resource has no field '%(target)s'"),
    "session": N_("session has no field '%(target)s'"),
    "story": N_("story has no field '%(target)s'"),
}
_FIELDS_ARE = {
    "person": N_("person fields are: %(names)s"),
    "resource": N_("resource fields are: %(names)s"),
    "session": N_("session fields are: %(names)s"),
    "story": N_("story fields are: %(names)s"),
}


def _field_spec(target: str, spec: Any, record: RecordType, headers: tuple[str, ...],
                document: Document, problem: Any) -> FieldSpec | None:
    line = document.line_of(("fields", target))
    if not _known_target(target, record):
        names = (*record.field_names, *PSEUDO_FIELDS)
        hint = did_you_mean(target, names) or (
            Msg("this hub's version has no such field yet (update mentorhub)")
            if target in ("photo", "country", "github")
            else Msg(_FIELDS_ARE[record.name], names=", ".join(names)))
        problem(Msg(_NO_FIELD[record.name], target=target), hint)
        return None
    if isinstance(spec, str):
        spec = {"column": spec}
    if not isinstance(spec, dict):
        problem(Msg("expected a column name, or a map with 'column:' and 'values:'"))
        return None
    for key in spec:
        if key not in SPEC_KEYS:
            problem(Msg("unknown key '%(key)s'", key=key),
                    did_you_mean(str(key), SPEC_KEYS) or Msg("use %(names)s",
                                                             names=', '.join(SPEC_KEYS)))
            return None
    column = spec.get("column")
    if not isinstance(column, str) or not _check_column(column, headers, problem):
        if not isinstance(column, str):
            problem(Msg("needs 'column:' naming a column of the source"))
        return None
    values = spec.get("values") or {}
    if not isinstance(values, dict):
        problem(Msg('\'values\' must map answers in the source to values, e.g. {"Sí": true}'))
        return None
    split = spec.get("split", True)
    return FieldSpec(target, column.strip(), {str(k).strip().lower(): v for k, v in values.items()},
                     split is not False and split != "false", line)


def _check_column(column: str, headers: tuple[str, ...], problem: Any) -> bool:
    wanted = " ".join(column.split())
    if wanted in headers:
        return True
    problem(Msg("the source has no column '%(column)s'", column=column[:80]),
            did_you_mean(wanted, [h for h in headers if h]) or Msg("copy the header exactly from the "
                                                                   "source"))
    return False


def proposed_mapping(headers: tuple[str, ...], record: RecordType, language: str) -> str:
    """A starting mapping for `--init-map`: each header matched to a field where its words
    say so, the rest listed commented out (they are dropped unless mapped)."""
    from .guess import guess_target

    lines = [
        "# mentorhub import mapping: which column fills which field (docs/guide/importing.md).",
        f"record: {record.name}",
        f"language: {language}    # the form's language: yes/no words, language and country names",
    ]
    guessed: dict[str, str] = {}
    for header in headers:
        target = guess_target(header, record)
        if target and target not in guessed.values():
            guessed[header] = target
    consent = next((h for h, t in guessed.items() if t == "consent"), "")
    if record.name == "person":
        lines.append("consent: " + (_yaml_text(consent) if consent else '"FILL IN: the consent question"'))
    lines.append("fields:")
    for header, target in guessed.items():
        if target != "consent":
            lines.append(f"  {target}: {_yaml_text(header)}")
    unmapped = [h for h in headers if h and h not in guessed]
    if unmapped:
        lines.append("  # Not mapped (dropped unless you name a field for them):")
        lines += [f"  # FIELD: {_yaml_text(h)}" for h in unmapped]
    if record.name == "person":
        lines += ["defaults:", "  # languages: [en]    # for rows that leave the question empty"]
    return "\n".join(lines) + "\n"


def _yaml_text(text: str) -> str:
    """A header as a YAML double-quoted scalar (a JSON string is one), with every character a
    terminal could act on (escapes, bidi overrides) written as \\uXXXX: it reads back the same."""
    quoted = json.dumps(text, ensure_ascii=False)
    return "".join(c if c.isprintable() else f"\\u{ord(c):04x}" for c in quoted)
