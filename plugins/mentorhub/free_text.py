"""Emails and phone numbers in a record's free text are problems (they would be published).

Free text is every text field of a record type (`Text`, a list of `Text`, the names of
a map such as `links`) and the Markdown body. Values under `contact` and `private`
are not free text: they are never published as written. A person may repeat their own
`contact.email` when it has `public: true`: it is on their page anyway.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from .fields import Kind, ListOf, MapOf, Text
from .pii import EMAIL_KIND, Finding, find_pii
from .problems import Problem
from .quoting import label
from .schema import RecordType
from .strict_yaml import Document

_HINTS = {
    EMAIL_KIND: "an email is published only as 'contact: {email: …, public: true}'; "
                "remove it from the text",
    "a phone number": "phone numbers are never published; organizers can keep one under 'private:'",
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
    for field_label, line, text in _texts(record_type, values, doc):
        problems += [_problem(path, line, field_label, f) for f in find_pii(text, allowed)]
    problems += [_problem(path, body_line + f.line, "body", f) for f in find_pii(body, allowed)]
    return problems


def _problem(path: str, line: int, field_label: str, finding: Finding) -> Problem:
    return Problem(path, line, field_label, f"contains {finding.kind}", _HINTS[finding.kind])


def _own_public_email(values: Mapping[str, Any]) -> tuple[str, ...]:
    contact = values.get("contact")
    if isinstance(contact, Mapping) and contact.get("public") is True and contact.get("email"):
        return (str(contact["email"]),)
    return ()


def _texts(
    record_type: RecordType, values: Mapping[str, Any], doc: Document
) -> Iterator[tuple[str, int, str]]:
    """(field label, line, text) of every free-text value the record holds."""
    for spec in record_type.fields:
        value = values.get(spec.name)
        if value is None:
            continue
        kind: Kind = spec.kind
        if isinstance(kind, Text):
            yield spec.name, doc.line_of((spec.name,)), str(value)
        elif isinstance(kind, ListOf) and isinstance(kind.item, Text):
            for index, item in enumerate(value):
                yield spec.name, doc.line_of((spec.name, index)), str(item)
        elif isinstance(kind, MapOf):
            for name, _ in value:  # the names are shown as link text; the values are checked links
                yield f"{spec.name}.{label(name)}", doc.line_of((spec.name, name)), name
