"""`mentorhub check` speaks the hub's language; the `path:line: field:` prefix never changes.

Messages are English source strings with their values kept apart (`Msg`), translated
where they are printed (docs/i18n.md), so an editor or a CI annotation still parses
every line the same way in every language.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from mentorhub.commands.cli import main
from mentorhub.hub.problems import Msg, Problem, did_you_mean, format_problems, translated

from conftest import MINIMAL_CONFIG, run_mkdocs, write_project

BROKEN = """\
---
name: Ana
roles: [mentee]
languages: [es, xx]
seeks: [pyhton]
timezone: Mars/Olympus
consent: false
joined: 2026-02-30
colour: red
mentors: [pepe]
---
"""
PLACEHOLDER = """\
---
name: FILL IN
roles: [mentee]
languages: [es]
seeks: [python]
consent: true
---
"""
#: What the English output says, line by line (the prefix is the same in every language).
ENGLISH = [
    "content/people/ana.md:4: languages: 'xx' is not an ISO 639-1 language code",
    "content/people/ana.md:5: seeks: unknown skill 'pyhton' (did you mean 'python'?)",
    "content/people/ana.md:6: timezone: 'Mars/Olympus' is not a known time zone",
    "content/people/ana.md:7: consent: must be true: a profile is published only with the person's agreement",
    "content/people/ana.md:8: joined: '2026-02-30' is not a real date (dates are YYYY-MM-DD)",
    "content/people/ana.md:9: colour: unknown field",
    "content/people/ana.md:10: mentors: unknown person 'pepe' (no file content/people/pepe.md)",
    "content/people/bea.md:2: name: fill in this field (display name)",
]
SPANISH = [
    "content/people/ana.md:4: languages: 'xx' no es un código de idioma ISO 639-1",
    "content/people/ana.md:5: seeks: habilidad desconocida 'pyhton' (¿quisiste decir 'python'?)",
    "content/people/ana.md:6: timezone: 'Mars/Olympus' no es una zona horaria conocida",
    "content/people/ana.md:7: consent: debe ser true: un perfil solo se publica con el acuerdo de la persona",
    "content/people/ana.md:8: joined: '2026-02-30' no es una fecha real (las fechas se escriben AAAA-MM-DD)",
    "content/people/ana.md:9: colour: campo desconocido",
    "content/people/ana.md:10: mentors: persona desconocida 'pepe' "
    "(no hay ningún archivo content/people/pepe.md)",
    "content/people/bea.md:2: name: rellena este campo (nombre visible)",  # the field's meaning too
]
FILL_IN = {"en": "fill in this field", "es": "rellena este campo", "fr": "remplissez ce champ",
           "pt": "preencha este campo", "de": "füllen Sie dieses Feld aus"}
PREFIX = re.compile(r"^content/people/(ana|bea)\.md:\d+: [a-z]+: ")


def _hub(tmp_path: Path, lang: str) -> Path:
    config = MINIMAL_CONFIG.replace("  font: false\n", f"  font: false\n  language: {lang}\n")
    return write_project(tmp_path, {"content/people/ana.md": BROKEN, "content/people/bea.md": PLACEHOLDER},
                         config)


def _check(project: Path, capsys: pytest.CaptureFixture[str]) -> list[str]:
    assert main(["check", "--project", str(project)]) == 1
    return [line for line in capsys.readouterr().err.splitlines() if line]


def test_an_english_hub_is_told_in_english(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lines = _check(_hub(tmp_path, "en"), capsys)
    for expected in ENGLISH:
        assert any(line.startswith(expected) for line in lines), (expected, lines)
    assert lines[-1] == "8 problems found."


def test_a_spanish_hub_is_told_in_spanish(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lines = _check(_hub(tmp_path, "es"), capsys)
    for expected in SPANISH:
        assert any(line.startswith(expected) for line in lines), (expected, lines)
    assert lines[-1] == "8 problemas encontrados."
    english = ("is not an ISO", "unknown skill", "did you mean", "is not a known", "must be true",
               "is not a real date", "dates are", "unknown field", "unknown person", "no file",
               "fill in", "problems found")
    assert not [line for line in lines if any(words in line for words in english)]


@pytest.mark.parametrize("lang", sorted(FILL_IN))
def test_the_prefix_is_the_same_in_every_language(tmp_path: Path, lang: str,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    lines = _check(_hub(tmp_path, lang), capsys)[:-1]
    assert len(lines) == 8 and all(PREFIX.match(line) for line in lines), lines
    assert [line.split(": ", 2)[0] + ":" + line.split(": ", 2)[1] for line in lines] == [
        line.split(": ", 2)[0] + ":" + line.split(": ", 2)[1] for line in ENGLISH]
    assert f"content/people/bea.md:2: name: {FILL_IN[lang]}" in "\n".join(lines)


def test_github_annotations_are_translated_too(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    project = _hub(tmp_path, "de")
    assert main(["check", "--project", str(project)]) == 1
    out = capsys.readouterr().out
    assert "::error file=content/people/bea.md,line=2,title=name::name: füllen Sie dieses Feld aus" in out


def test_a_message_keeps_its_english_text_and_its_values_apart() -> None:
    hint = did_you_mean("pyhton", ["python", "pythons"])
    message = Msg("unknown skill %(value)s", value="'pyhton'")
    assert message == "unknown skill 'pyhton'" and hint == "did you mean 'python' or 'pythons'?"
    spanish = {"unknown skill %(value)s": "habilidad desconocida %(value)s",
               "did you mean %(choices)s?": "¿quisiste decir %(choices)s?",
               "%(first)s or %(second)s": "%(first)s o %(second)s"}
    problem = Problem("content/people/ana.md", 5, "seeks", message, hint)
    assert problem.text(lambda s: spanish.get(s, s)) == (
        "content/people/ana.md:5: seeks: habilidad desconocida 'pyhton' "
        "(¿quisiste decir 'python' o 'pythons'?)")
    assert str(problem) == ("content/people/ana.md:5: seeks: unknown skill 'pyhton' "
                            "(did you mean 'python' or 'pythons'?)")
    assert format_problems([problem]) == str(problem)


def test_a_plain_string_or_a_broken_translation_stays_english() -> None:
    assert translated("not marked", lambda s: "traducido") == "not marked"
    broken = Msg("unknown skill %(value)s", value="'x'")
    assert translated(broken, lambda s: "habilidad %(otro)s") == "unknown skill 'x'"


@pytest.mark.build
def test_the_build_reports_problems_in_the_hubs_language_too(tmp_path: Path) -> None:
    result = run_mkdocs(_hub(tmp_path, "fr"))
    assert result.returncode != 0
    assert "content/people/bea.md:2: name: remplissez ce champ" in result.stderr
    assert "content/people/ana.md:9: colour: champ inconnu" in result.stderr
