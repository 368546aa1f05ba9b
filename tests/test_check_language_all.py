"""Every kind of problem `check` prints is in the hub's language (issue 23, item 4).

One fixture hub in Spanish breaks one rule from each family of checks: the content walk,
media and photos, free pages, front matter and YAML, field values, free text, the body's
shape, sealing, records and ids, links and content warnings; relationship records
(`cycle/`) and import mappings (`importer/`) are checked through their own functions.
No printed message or hint may hold an English source text, and the `path:line: field:`
prefix stays exactly as in English.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from mentorhub.commands.cli import main
from mentorhub.commands.common import load_project
from mentorhub.cycle.validate import parse_record
from mentorhub.hub.problems import Msg, Problem, format_problems
from mentorhub.i18n.catalogs import LOCALE_DIR, read_catalog, translations
from mentorhub.importer.mapping import read_mapping

from conftest import MINIMAL_CONFIG, copy_fixture_hub, write_project

PERSON = """\
---
name: {name}
roles: [mentor]
languages: [en]
offers: [python]
consent: true
{extra}---
{body}"""

#: One problem from each family of checks that stops a file.
BROKEN = {
    "content/notes.txt": "hello\n",  # the content walk
    "content/people/Bea.MD": "x\n",  # the content walk, in a record folder
    "content/media/logo.svg": "<svg/>",  # media
    "content/media/people/broken.png": "not an image",  # photos
    "content/people/ana.md": PERSON.format(  # fields, photo, free text and PII, body shape
        name="Ana", extra="photo: media/people/broken.png\ngithub: '@ana'\n",
        body="Write to ana@example.org.\n" + "[" * 20 + "\n"),
    "content/people/carl.md": PERSON.format(name="Carl", extra="name: Carl again\n", body=""),  # YAML
    "content/people/mentors.md": PERSON.format(name="Mentors", extra="", body=""),  # ids
    "content/people/dee.md": PERSON.format(name="Dee", extra="contact: {sealed: 'garbage'}\n",
                                           body=""),  # sealing
    "content/people/eve.md": PERSON.format(name="Eve", extra="prefers: [ana]\n", body=""),  # records
    "content/resources/nofm.md": "Just text\n",  # front matter
    "content/pages/about.md": "---\ntitle: About\ncolour: red\n---\nHi\n",  # free pages
}
#: Published, but probably mistakes: warnings (printed when nothing stops the build).
WARNED = {
    "content/people/ana.md": PERSON.format(
        name="Ana", extra="joined: 2026-03-01\nconfirmed: 2026-01-01\n",
        body="See [notes](../resources/notes.md) and [nobody](/people/nobody.md).\n"),
    "content/stories/later.md": "---\ntitle: Later\ndate: 2999-01-01\nsummary: Soon.\n"
                                "outcomes: [skill-gained]\n---\nSoon.\n",
}
PREFIX = re.compile(r"^(?P<prefix>[^:]+:\d+: [^:]+): ")
#: Lines each fixture prints at least, so a fixture that stops breaking fails the test.
LEAST = {"broken": 14, "warned": 4}


def _english_fragments() -> set[str]:
    """The engine's English texts between placeholders, three words or longer."""
    catalog = read_catalog(LOCALE_DIR / "en" / "LC_MESSAGES" / "mentorhub.po", "en")
    fragments = set()
    for message in catalog:
        if isinstance(message.id, str) and message.id:
            for part in re.split(r"%\(\w+\)s", message.id):
                if len(re.findall(r"[A-Za-z]{2,}", part)) >= 3:
                    fragments.add(part.strip(" '\"()"))
    return fragments


ENGLISH = _english_fragments()


def _config(lang: str) -> str:
    return MINIMAL_CONFIG.replace("  font: false\n", f"  font: false\n  language: {lang}\n")


def _check(tmp_path: Path, files: dict[str, str], lang: str,
           capsys: pytest.CaptureFixture[str]) -> list[str]:
    project = write_project(tmp_path / lang, files, _config(lang))
    main(["check", "--project", str(project)])
    return [line for line in capsys.readouterr().err.splitlines() if PREFIX.match(line)]


def _english_in(lines: list[str]) -> list[tuple[str, str]]:
    """(line, English text) for every English source text in a line's message or hint."""
    return [(line, text) for line in lines for text in ENGLISH
            if text in line[PREFIX.match(line).end():]]  # type: ignore[union-attr]


@pytest.mark.parametrize("fixture", ["broken", "warned"])
def test_every_family_of_problems_is_told_in_spanish(tmp_path: Path, fixture: str,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    files = BROKEN if fixture == "broken" else WARNED
    english = _check(tmp_path, files, "en", capsys)
    spanish = _check(tmp_path, files, "es", capsys)
    assert len(english) >= LEAST[fixture], english
    # The prefix is the same, line for line; only the words after it change.
    assert [PREFIX.match(line)["prefix"] for line in spanish] == [  # type: ignore[index]
        PREFIX.match(line)["prefix"] for line in english]  # type: ignore[index]
    pairs = list(zip(spanish, english, strict=True))
    assert all(es != en for es, en in pairs), pairs
    assert _english_in(english), "the English texts are found where they are printed"
    assert not _english_in(spanish)


def test_every_problem_that_stops_a_file_is_a_translatable_message(tmp_path: Path) -> None:
    project = write_project(tmp_path, BROKEN, _config("es"))
    problems = load_project(project).problems
    assert len(problems) >= LEAST["broken"]
    plain = [p for p in problems if not isinstance(p.message, Msg)
             or (p.hint and not isinstance(p.hint, Msg))]
    assert not plain


RECORD = """\
mentee: ana
mentor: ben
started: 2026-03-01
ended: 2026-02-01
colour: red
"""


def _spanish(problems: list[Problem]) -> list[str]:
    return format_problems(problems, translate=translations("es").gettext).splitlines()


def test_relationship_record_problems_are_told_in_spanish() -> None:
    _, problems = parse_record(RECORD, path="records/ana-ben.age", record_id="ana-ben")
    english, spanish = format_problems(problems).splitlines(), _spanish(problems)
    assert len(spanish) >= 2 and _english_in(english) and not _english_in(spanish), spanish
    assert [PREFIX.match(line)["prefix"] for line in spanish] == [  # type: ignore[index]
        PREFIX.match(line)["prefix"] for line in english]  # type: ignore[index]


def test_import_mapping_problems_are_told_in_spanish(tmp_path: Path) -> None:
    path = tmp_path / "map.yml"
    path.write_text("record: person\ncolour: red\nfields: {name: Nombre, bio: Missing}\n", encoding="utf-8")
    _, problems = read_mapping(path, "map.yml", ("Nombre",))
    english, spanish = format_problems(problems).splitlines(), _spanish(problems)
    assert len(spanish) >= 2 and _english_in(english) and not _english_in(spanish), spanish
    # A record type inside a sentence is said in the hub's language too, not as "person".
    assert "map.yml:3: fields.bio: una persona no tiene el campo 'bio'" in "\n".join(spanish)


def test_import_row_problems_are_told_in_spanish(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fixtures = Path(__file__).parent / "fixtures" / "import"
    lines = {}
    for lang in ("en", "es"):
        project = copy_fixture_hub(tmp_path / lang)
        config = project / "mkdocs.yml"
        config.write_text(config.read_text(encoding="utf-8").replace("  language: en\n",
                                                                      f"  language: {lang}\n"),
                          encoding="utf-8")
        main(["import", str(fixtures / "google-forms-en.csv"), "--map",
              str(fixtures / "google-forms-en.map.yml"), "-p", str(project), "--dry-run"])
        lines[lang] = [line for line in capsys.readouterr().err.splitlines() if PREFIX.match(line)]
    assert len(lines["es"]) >= 3 and _english_in(lines["en"]) and not _english_in(lines["es"]), lines
    assert ("google-forms-en.csv:8: offers: habilidad desconocida 'Pyhton' (¿quisiste decir 'python'?)"
            in lines["es"])
