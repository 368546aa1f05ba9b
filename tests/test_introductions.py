"""The organizers' contact and "Ask for an introduction" (site/introductions.py).

Bad `organizers`/`introductions` options fail the build with one clear line; a
built hub shows the right link for each `via`, on profiles and Find a mentor; the
organizers' emails are never written in plain text anywhere in the site.
"""

from __future__ import annotations

import gzip
import json
import re
import shutil
from html import unescape
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

import pytest
import yaml
from pagefind_support import all_index_bytes, fragments

from mentorhub.commands.cli import main
from mentorhub.i18n import ENGLISH
from mentorhub.site.introductions import ContactError, intro_href, intro_template, read_contact

from conftest import FIXTURE_HUB, MENTOR_MO, copy_fixture_hub, run_mkdocs, write_project

EDIT = "https://github.com/org/hub/edit/main/content/"
ORGANIZERS = [{"name": "Rosa Example", "email": "rosa.organizer@example.org"},
              {"name": "Hub team", "url": "https://example.org/contact"}]

#: (organizers, introductions) → the one line the build reports. Golden: change a message
#: here and in site/introductions.py together.
BAD_CONFIG = [
    ([{"email": "a@example.org"}], None, "organizers[0].name: required (a person's or team's name)"),
    ([{"name": "Ana", "email": "not-an-email"}], None,
     "organizers[0].email: 'not-an-email' is not an email address"),
    ([{"name": "Ana", "email": "a@example.org?cc=x@evil.example"}], None,
     "organizers[0].email: 'a@example.org?cc=x@evil.example' is not an email address"),
    ([{"name": "Ana", "url": "http://example.org"}], None,
     "organizers[0].url: 'http://example.org' must start with https://"),
    ([{"name": "Ana"}], None, "organizers[0]: give an email or a url, so readers can reach Ana"),
    ([{"name": "Ana", "phone": "1"}], None,
     "organizers[0]: unknown key 'phone' (expected name, email, url)"),
    (["Ana"], None, "organizers[0]: expected a mapping such as {name: …, email: …}"),
    (ORGANIZERS, {"via": "pigeon"}, "introductions.via: 'pigeon' is not one of email, url, issue"),
    (ORGANIZERS, {"via": "email", "to": "x"}, "introductions: unknown key 'to' (expected via, url)"),
    ([{"name": "Team", "url": "https://example.org"}], {"via": "email"},
     "introductions.via: email needs at least one organizer with an email"),
    (ORGANIZERS, {"via": "url"}, "introductions.url: required with via: url, e.g. "
                                 "https://forms.example.org/intro?mentor={mentor}"),
    (ORGANIZERS, {"via": "url", "url": "http://forms.example.org/?m={mentor}"},
     "introductions.url: 'http://forms.example.org/?m={mentor}' must start with https://"),
    (ORGANIZERS, {"via": "url", "url": "https://forms.example.org/?m={mentor_email}"},
     "introductions.url: unknown placeholder {mentor_email} (use {mentor} or {mentor_name})"),
]


@pytest.mark.parametrize(("organizers", "introductions", "message"), BAD_CONFIG)
def test_bad_options_name_the_field(organizers: list[Any], introductions: dict[str, str] | None,
                                    message: str) -> None:
    with pytest.raises(ContactError) as raised:
        read_contact(organizers, introductions, edit_base=EDIT)
    assert str(raised.value) == message


def test_via_issue_needs_a_repository() -> None:
    with pytest.raises(ContactError, match=r"^introductions.via: issue needs edit_uri"):
        read_contact(ORGANIZERS, {"via": "issue"}, edit_base="")
    contact = read_contact(ORGANIZERS, {"via": "issue"}, edit_base=EDIT)
    assert contact.url == "https://github.com/org/hub/issues/new"


def test_the_mailto_link_escapes_the_name_and_uses_crlf() -> None:
    contact = read_contact(ORGANIZERS, {"via": "email"}, edit_base="")
    name = "Zoë O'Brien & Co? #1"
    href = intro_href(contact, ENGLISH, mentor="zoe", mentor_name=name,
                      page_url="https://hub.example.org/people/zoe/")
    to, _, query = href.removeprefix("mailto:").partition("?")
    assert to == "rosa.organizer@example.org"
    assert re.fullmatch(r"subject=[^&?#]*&body=[^&?#]*", query), query  # nothing leaks out
    fields = {k: v[0] for k, v in parse_qs(query).items()}
    assert fields["subject"] == f"Introduction to {name}"
    assert f"introduction to {name} (https://hub.example.org/people/zoe/).\r\n\r\n" in fields["body"]
    assert "+" not in query  # spaces are %20 in mailto:, never +


def test_url_templates_encode_each_value() -> None:
    contact = read_contact(ORGANIZERS, {"via": "url", "url": "https://forms.example.org/i?m={mentor}"
                                        "&n={mentor_name}"}, edit_base="")
    href = intro_href(contact, ENGLISH, mentor="ana", mentor_name="Ana & Bo/Ça", page_url="x")
    assert href == "https://forms.example.org/i?m=ana&n=Ana%20%26%20Bo%2F%C3%87a"


def test_the_script_template_leaves_placeholders() -> None:
    contact = read_contact(ORGANIZERS, {"via": "issue"}, edit_base=EDIT)
    template = intro_template(contact, ENGLISH)
    assert template.startswith("https://github.com/org/hub/issues/new?template=introduction.yml&")
    assert "title=Introduction%20to%20{mentor_name}" in template
    assert "mentor={mentor_name}%20%28{mentor}%29" in template and "page={page}" in template


# -- built sites ---------------------------------------------------------------------------

CLOSED = MENTOR_MO.replace("Mo Mentor", "Cleo Closed").replace("consent: true",
                                                              "availability: closed\nconsent: true")
FULL = MENTOR_MO.replace("Mo Mentor", "Fay Full").replace("consent: true", "capacity: 1\nconsent: true")
MENTEE = """\
---
name: Tim Mentee
roles: [mentee]
languages: [en]
seeks: [python]
mentors: [fay-full]
consent: true
---
"""
PEOPLE = {"content/people/zoe-o-brien.md": MENTOR_MO.replace("Mo Mentor", "Zoë O'Brien & Co"),
          "content/people/cleo-closed.md": CLOSED, "content/people/fay-full.md": FULL,
          "content/people/tim-mentee.md": MENTEE}


def config(introductions: dict[str, str] | None, organizers: list[Any] = ORGANIZERS) -> str:
    options: dict[str, Any] = {"organizers": organizers}
    if introductions:
        options["introductions"] = introductions
    return yaml.safe_dump({
        "site_name": "Test hub", "docs_dir": "content", "site_url": "https://hub.example.org/",
        "edit_uri": EDIT, "theme": {"name": "material", "font": False},
        "plugins": [{"mentorhub": options}],
    }, sort_keys=False)


def button(page: Path) -> str | None:
    """The unescaped href of the page's "Ask for an introduction" button, if any."""
    found = re.search(r'<a class="md-button md-button--primary" href="([^"]*)"[^>]*>Ask for an '
                      r"introduction</a>", page.read_text(encoding="utf-8"))
    return unescape(found.group(1)) if found else None


def built(tmp_path: Path, introductions: dict[str, str] | None,
          organizers: list[Any] = ORGANIZERS) -> Path:
    project = write_project(tmp_path / "hub", PEOPLE, config(introductions, organizers))
    result = run_mkdocs(project, "--strict")
    assert result.returncode == 0, result.stderr
    return project / "site"


@pytest.mark.build
@pytest.mark.parametrize(("introductions", "expected"), [
    ({"via": "email"}, "mailto:rosa.organizer@example.org?subject=Introduction%20to%20Zo%C3%AB%20O%27Brien"
                       "%20%26%20Co&body=Hello%2C%20I%20would%20like%20an%20introduction%20to%20Zo%C3%AB"
                       "%20O%27Brien%20%26%20Co%20%28https%3A%2F%2Fhub.example.org%2Fpeople%2Fzoe-o-brien"
                       "%2F%29.%0D%0A%0D%0AAbout%20me%20and%20what%20I%20hope%20to%20learn%3A%0D%0A"),
    ({"via": "url", "url": "https://forms.example.org/intro?mentor={mentor}&name={mentor_name}"},
     "https://forms.example.org/intro?mentor=zoe-o-brien&name=Zo%C3%AB%20O%27Brien%20%26%20Co"),
    ({"via": "issue"}, "https://github.com/org/hub/issues/new?template=introduction.yml"
                       "&title=Introduction%20to%20Zo%C3%AB%20O%27Brien%20%26%20Co"
                       "&mentor=Zo%C3%AB%20O%27Brien%20%26%20Co%20%28zoe-o-brien%29"
                       "&page=https%3A%2F%2Fhub.example.org%2Fpeople%2Fzoe-o-brien%2F"),
], ids=["email", "url", "issue"])
def test_each_via_gives_the_profile_its_button(tmp_path: Path, introductions: dict[str, str],
                                               expected: str) -> None:
    site = built(tmp_path, introductions)
    assert button(site / "people/zoe-o-brien/index.html") == expected
    text = unescape((site / "people/zoe-o-brien/index.html").read_text(encoding="utf-8"))
    if introductions["via"] == "issue":
        assert "Your request opens a public issue in the hub's repository" in text
    else:
        assert "Your request goes to the hub's organizers: Rosa Example (" in text
    # Closed and full mentors say why instead; mentees have no button at all.
    for person, reason in (("cleo-closed", "Not taking mentees at the moment"),
                           ("fay-full", "Every mentoring place is taken at the moment.")):
        page = site / f"people/{person}/index.html"
        assert button(page) is None
        assert reason in page.read_text(encoding="utf-8")
        assert "The hub's organizers can suggest other mentors." in unescape(page.read_text("utf-8"))
    assert "Ask for an introduction" not in (site / "people/tim-mentee/index.html").read_text("utf-8")


@pytest.mark.build
def test_organizer_emails_are_never_in_plain_text(tmp_path: Path) -> None:
    site = built(tmp_path, {"via": "email"})
    for path in site.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            if data[:2] == b"\x1f\x8b":
                data = gzip.decompress(data)
            assert b"rosa.organizer@example.org" not in data, path
            assert b"rosa.organizer%40example.org" not in data, path
    # … yet every page's footer names them, readable once the browser decodes it.
    home = unescape((site / "index.html").read_text(encoding="utf-8"))
    footer = home[home.index('<footer class="md-footer"'):]
    assert ("Questions? Write to the hub's organizers: Rosa Example (<a class=\"mh-email\" "
            "href=\"mailto:rosa.organizer@example.org\">rosa.organizer [at] example.org</a>), Hub team "
            "(<a href=\"https://example.org/contact\" rel=\"noopener\">example.org/contact</a>).") in footer


@pytest.mark.build
def test_without_organizers_nothing_changes_and_bad_options_fail_cleanly(tmp_path: Path) -> None:
    site = built(tmp_path, None, organizers=[])
    assert "Ask for an introduction" not in (site / "people/zoe-o-brien/index.html").read_text("utf-8")
    assert "mh-footer-contact" not in (site / "index.html").read_text(encoding="utf-8")
    shutil.rmtree(tmp_path / "hub")
    project = write_project(tmp_path / "hub", PEOPLE,
                            config({"via": "url", "url": "http://x.example.org/{mentor}"}))
    result = run_mkdocs(project)
    assert result.returncode != 0
    assert ("mentorhub plugin option introductions.url: 'http://x.example.org/{mentor}' must start "
            "with https:// (see docs/guide/introductions.md)") in result.stderr
    assert "Traceback" not in result.stderr


@pytest.fixture(scope="module")
def fixture_hub_with_intros(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture hub (every plugin) with organizers and email introductions."""
    project = copy_fixture_hub(tmp_path_factory.mktemp("intro-hub"))
    text = (FIXTURE_HUB / "mkdocs.yml").read_text(encoding="utf-8")
    options = '      as_of: "2026-11-22"\n'
    assert options in text
    (project / "mkdocs.yml").write_text(text.replace(options, options + (
        "      organizers: [{name: Rosa Example, email: rosa.organizer@example.org}]\n"
        "      introductions: {via: email}\n")), encoding="utf-8")
    (project / "content/people/cleo-closed.md").write_text(CLOSED, encoding="utf-8")
    result = run_mkdocs(project, "--strict")
    assert result.returncode == 0, result.stderr
    return project / "site"


@pytest.mark.build
def test_find_a_mentor_carries_the_link_template_and_next_steps(fixture_hub_with_intros: Path) -> None:
    page = (fixture_hub_with_intros / "find/index.html").read_text(encoding="utf-8")
    raw = re.search(r'data-mh-intro="([^"]*)"', page)
    assert raw and "@" not in raw.group(1)  # every character written as a reference
    intro = json.loads(unescape(raw.group(1)))
    assert intro == {"label": "Ask for an introduction",
                     "href": "mailto:rosa.organizer@example.org?subject=Introduction%20to%20{mentor_name}"
                             "&body=Hello%2C%20I%20would%20like%20an%20introduction%20to%20{mentor_name}"
                             "%20%28{page}%29.%0D%0A%0D%0AAbout%20me%20and%20what%20I%20hope%20to%20learn"
                             "%3A%0D%0A"}
    text = unescape(page)
    assert "When you find someone who fits, choose “Ask for an introduction”." in text
    empty = re.search(r'<div class="mh-finder__empty" hidden>(.*?)</div>', page, re.S)
    assert empty, "the no-results next step is missing"
    assert "add yourself" in empty.group(1)
    # The next step is the join form (no contribute_links hook here, so no GitHub link).
    join = '<a class="md-button md-button--primary mh-join-link" href="../join/">Join the hub</a>'
    assert join in empty.group(1)
    assert 'href="../circles/"' in empty.group(1)
    # Without JavaScript, the fallback says where the button is.
    assert "Each mentor's profile has an “Ask for an introduction” button." in text
    # The search page and Find a resource have neither.
    for other in ("search/index.html", "find/resources/index.html"):
        assert "data-mh-intro" not in (fixture_hub_with_intros / other).read_text(encoding="utf-8")


@pytest.mark.build
def test_circles_and_directories_point_at_the_organizers(fixture_hub_with_intros: Path) -> None:
    circles = unescape((fixture_hub_with_intros / "circles/index.html").read_text(encoding="utf-8"))
    assert "talk to an organizer" not in circles
    assert "If you see yourself here, tell the organizers. Questions? Write to the hub's organizers: " \
           "Rosa Example (" in circles
    for path in ("people/index.html", "index.html"):
        text = (fixture_hub_with_intros / path).read_text(encoding="utf-8")
        assert "<strong>Join the hub.</strong>" in text, path
        # No contribute_links hook here, so the pull-request route (the hook's "Add
        # yourself" link is tested in test_contribute_links and the browser tests).
        assert "<code>mentorhub new person \"Your Name\"</code>" in unescape(text), path


@pytest.mark.build
def test_full_or_closed_mentors_carry_the_reason_for_the_finder(fixture_hub_with_intros: Path) -> None:
    """Pagefind metadata (`nointro`) tells the script to show why instead of the button."""
    by_title = {f["meta"].get("title"): f["meta"] for f in fragments(fixture_hub_with_intros)}
    assert by_title["Cleo Closed"]["nointro"] == ("Not taking mentees at the moment, so introductions "
                                                  "are paused.")
    assert "nointro" not in by_title["Mia Mentor"]


@pytest.mark.build
def test_the_search_index_and_every_page_keep_the_email_out(fixture_hub_with_intros: Path) -> None:
    assert b"rosa.organizer" not in all_index_bytes(fixture_hub_with_intros)
    for path in fixture_hub_with_intros.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".json", ".xml", ".js", ".txt"):
            assert b"rosa.organizer@example.org" not in path.read_bytes(), path


@pytest.mark.build
def test_verify_suggests_organizers_without_failing(fixture_hub_build: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["verify", "--project", str(fixture_hub_build)]) == 0
    assert "suggestion: mkdocs.yml: plugins: mentorhub: no 'organizers'" in capsys.readouterr().err
