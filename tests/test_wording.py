"""One word for one thing across the built showcase (issue 15's wording items).

Roles read "Mentor, Peer" on cards as in the finder's results; a profile's formats are
the finder's Format values; "May be inactive" says why in visible text; Thanks counts
the hub's members apart from authors known only by name (a foundation, a fund).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

pytestmark = pytest.mark.build


def test_roles_on_cards_are_written_as_the_finder_writes_them(demo_site: Path) -> None:
    page = (demo_site / "people" / "index.html").read_text(encoding="utf-8")
    roles = re.findall(r'<span class="mh-roles">(.*?)</span>', page)
    assert len(roles) >= 10
    for text in roles:
        assert re.fullmatch(r"(Mentor|Mentee|Peer)(, (Mentor|Mentee|Peer))*", text), text
    assert "Mentor, Peer" in roles or "Mentor, Mentee" in roles


def test_a_profiles_formats_are_the_finders_format_values(demo_site: Path) -> None:
    checked = 0
    for profile in sorted((demo_site / "people").glob("*/index.html")):
        page = profile.read_text(encoding="utf-8")
        meets = re.search(r"<dt>Meets</dt><dd>(.*?)</dd>", page)
        if not meets:
            continue
        filters = re.findall(r'data-pagefind-filter="Format">(.*?)</span>', page)
        shown = sorted(word[:1].upper() + word[1:] for word in meets.group(1).split(", "))
        assert sorted(filters) == shown, profile
        checked += 1
    assert checked >= 10


def test_may_be_inactive_says_why_in_visible_text(demo_site: Path) -> None:
    pages = [p.read_text(encoding="utf-8") for p in (demo_site / "people").glob("*/index.html")]
    badge = re.compile(r'<span class="mh-badge mh-badge--stale"([^>]*)>')
    badges = [m for page in pages for m in badge.finditer(page)]
    assert badges
    for match in badges:
        assert "title=" not in match.group(1)
        after = match.string[match.end():match.end() + 200]
        why = r'May be inactive</span> <span class="mh-stale-why">Profile not confirmed since \d'
        assert re.match(why, after), after


def test_thanks_counts_members_apart_from_authors_known_by_name(demo_site: Path) -> None:
    page = (demo_site / "thanks" / "index.html").read_text(encoding="utf-8")
    lead = re.search(r'<p class="mh-lead">(.*?)</p>', page, re.S)
    assert lead
    members = re.search(r"we thank the (\d+) members? who", lead.group(1))
    named = re.search(r"Also credited: (\d+) authors? known only by name", lead.group(1))
    assert members and named, lead.group(1)
    profiles = set(re.findall(r'<li><a href="\.\./people/([^/"]+)/">', page))
    plain = set(re.findall(r"<li>([^<]+?) <span class=\"mh-muted\">", page))
    assert "Python Software Foundation" in plain and "Community Seed Fund" in plain
    assert int(named.group(1)) == len(plain)
    assert int(members.group(1)) >= len(profiles) > 0
