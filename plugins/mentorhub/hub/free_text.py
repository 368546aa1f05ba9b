"""Emails and phone numbers in a record's free text are problems (they would be published).

Free text is every text field of a record type (`Text`, a list of `Text`, the names of
a map such as `links`) and the Markdown body. Values under `contact` and `private`
are not free text: they are never published as written. A person may repeat their own
`contact.email` when it has `public: true`: it is on their page anyway.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from .body_shape import body_shape_problems
from .fields import Kind, ListOf, MapOf, Text
from .pii import EMAIL_KIND, PHONE_KIND, Finding, find_pii, may_hold_pii
from .printable import CONTROL
from .problems import Msg, Problem
from .quoting import label
from .schema import RecordType
from .strict_yaml import Document, Path_

_HINTS: dict[str, str] = {
    EMAIL_KIND: Msg("an email is published only as 'contact: {email: …, public: true}'; remove it "
                    "from the text"),
    PHONE_KIND: Msg("phone numbers are never published; organizers can keep one under "
                          "'private:'"),
}


def free_text_problems(
    record_type: RecordType,
    values: Mapping[str, Any],
    doc: Document,
    body: str,
    body_line: int,
    path: str,
) -> list[Problem]:
    """A problem for each email address or phone number in the record's free text."""
    allowed = _own_public_email(values)
    problems = []
    texts = list(_texts(record_type, values))
    if may_hold_pii("\n\n".join(text for _, _, text in texts)):  # most records: one look for all
        for field_label, where, text in texts:
            problems += [_problem(path, doc.line_of(where), field_label, f) for f in find_pii(text, allowed)]
    problems += [_problem(path, body_line + f.line, "body", f) for f in find_pii(body, allowed)]
    problems += [Problem(path, body_line + shape.line, "body", shape.message, shape.hint)
                 for shape in body_shape_problems(body)]
    return problems + _control_characters(path, body, body_line)


def pii_problems(path: str, line: int, field_label: str, text: str) -> list[Problem]:
    """A problem for each email address or phone number in one published text value."""
    return [_problem(path, line, field_label, f) for f in find_pii(text, ())]


def _control_characters(path: str, body: str, body_line: int) -> list[Problem]:
    """The first control character of each body line that has one (a NUL, an escape …)."""
    first: dict[int, str] = {}
    for match in CONTROL.finditer(body):
        first.setdefault(body_line + body.count("\n", 0, match.start()), match.group())
    return [
        Problem(path, line, "body", Msg("contains the control character U+%(code)s",
                                        code=f"{ord(char):04X}"),
                Msg("remove it: editors may show it as a box, a space or ^@"))
        for line, char in first.items()
    ]


def _problem(path: str, line: int, field_label: str, finding: Finding) -> Problem:
    return Problem(path, line, field_label, Msg("contains %(kind)s", kind=finding.kind), _HINTS[finding.kind])


def _own_public_email(values: Mapping[str, Any]) -> tuple[str, ...]:
    contact = values.get("contact")
    if isinstance(contact, Mapping) and contact.get("public") is True and contact.get("email"):
        return (str(contact["email"]),)
    return ()


def _texts(record_type: RecordType, values: Mapping[str, Any]) -> Iterator[tuple[str, Path_, str]]:
    """(field label, path to its line, text) of every free-text value the record holds."""
    for name, shape in _text_fields(record_type):
        value = values.get(name)
        if value is None:
            continue
        if shape == _ONE:
            yield name, (name,), str(value)
        elif shape == _LIST:
            for index, item in enumerate(value):
                yield name, (name, index), str(item)
        else:  # the names of a map are shown as link text; its values are checked links
            for key, _ in value:
                yield f"{name}.{label(key)}", (name, key), key


_ONE, _LIST, _NAMES = "one", "list", "names"
_TEXT_FIELDS: dict[str, tuple[tuple[str, str], ...]] = {}


def _text_fields(record_type: RecordType) -> tuple[tuple[str, str], ...]:
    """(name, shape) of the record type's free-text fields, worked out once per type."""
    found = _TEXT_FIELDS.get(record_type.name)
    if found is None:
        found = tuple((f.name, shape) for f in record_type.fields
                      if (shape := _shape(f.kind)) is not None)
        _TEXT_FIELDS[record_type.name] = found
    return found


def _shape(kind: Kind) -> str | None:
    if isinstance(kind, Text):
        return _ONE
    if isinstance(kind, ListOf) and isinstance(kind.item, Text):
        return _LIST
    if isinstance(kind, MapOf):
        return _NAMES
    return None
