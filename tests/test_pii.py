"""`find_pii`: emails and phone numbers in free text, and what it must not flag."""

from __future__ import annotations

from pathlib import Path

import pytest

from mentorhub.hub.frontmatter import split
from mentorhub.hub.pii import EMAIL_KIND, PHONE_KIND, find_pii, kind_of

CONTENT = Path(__file__).parent.parent / "content"


@pytest.mark.parametrize(("text", "kinds"), [
    ("Counselor - keisha.j@example.org", [EMAIL_KIND]),
    ("write to mailto:ana@example.org", [EMAIL_KIND]),
    ("KEISHA.J+hub@Mail.Example.co.uk.", [EMAIL_KIND]),
    ("josé@exämple.org", [EMAIL_KIND]),
    ("call +49 151 12345678", [PHONE_KIND]),
    ("call 0049 151 12345678", [PHONE_KIND]),
    ("ring 020 7946 0958 (UK)", [PHONE_KIND]),
    ("US: (415) 555-0132", [PHONE_KIND]),
    ("text 98765 43210", [PHONE_KIND]),
    ("a@b.org then +44 20 7946 0958", [EMAIL_KIND, PHONE_KIND]),
])
def test_finds_emails_and_phone_numbers(text: str, kinds: list[str]) -> None:
    assert [f.kind for f in find_pii(text)] == kinds


@pytest.mark.parametrize("text", [
    "Met on 2026-11-14 for 90 minutes, from 10:00-11:30.",
    "ISO 27001:2013 and ISO 9001; ISBN 978-3-16-148410-0",
    "Born 1987, joined 2019; cohort 2024/2025; 45-60 minutes; 12.5 hours",
    "Room 1204, floor 12, 30 people, 1,250 hours, v2.3.1",
    "https://medium.com/@ana and https://example.org/@team/about",
    "https://user@example.org/path is a link, not an address",
    "@ana on Mastodon; a@b is not an address; name at example dot org",
])
def test_leaves_dates_numbers_handles_and_links_alone(text: str) -> None:
    assert find_pii(text) == []


def test_lines_are_counted_from_zero_and_allowed_emails_skipped() -> None:
    found = find_pii("bio\nme@example.org\nyou@example.org", allowed_emails=["ME@example.org"])
    assert [(f.kind, f.line) for f in found] == [(EMAIL_KIND, 2)]
    assert kind_of("x@ex.org") == EMAIL_KIND and kind_of("hello") is None


def test_no_finding_in_the_demo_contents_free_text() -> None:
    """The demo hub's bodies hold dates, durations and ISO numbers, and no address."""
    for path in sorted(CONTENT.rglob("*.md")):
        assert find_pii(split(path.read_bytes()).body) == [], path
