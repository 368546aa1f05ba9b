"""`mentorhub new` speaks the hub's language and understands answers in it.

Questions, help and choices come from the join forms' words (the catalogs); answers
may be language names in the UI language or English, the UI language's yes/no, names
without their accents, and cities or countries in the UI language. A placeholder left
in any file, written by `new` in any language, fails `check` with "fill in this field".
"""

from __future__ import annotations

from pathlib import Path

import pytest
from test_new_interactive import answer

from mentorhub.commands.cli import main
from mentorhub.commands.new_words import AnswerWords, plain
from mentorhub.hub.loader import load_hub
from mentorhub.hub.placeholders import PLACEHOLDERS
from mentorhub.i18n import localizer, shipped_languages, translations

from conftest import MINIMAL_CONFIG, MINIMAL_SKILLS, write_project

LUCIA = """\
---
name: Lucía Gómez
roles: [mentor]
languages: [es]
offers: [python]
capacity: 2
consent: true
---
"""


def _hub(tmp_path: Path, lang: str) -> Path:
    config = MINIMAL_CONFIG.replace("  font: false\n", f"  font: false\n  language: {lang}\n")
    return write_project(tmp_path, {"content/skills.yml": MINIMAL_SKILLS, "content/people/lucia.md": LUCIA},
                         config)


def _problems(project: Path) -> list[str]:
    return [str(p) for p in load_hub(project / "content", display_root=project).problems]


def test_a_spanish_hub_is_asked_and_answered_in_spanish(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    project = _hub(tmp_path, "es")
    asked = answer(monkeypatch,
                    "Ana Pérez",          # name
                    "mentee",             # roles
                    "español, Inglés",    # languages: a Spanish name and a Spanish name with a capital
                    "python",             # seeks
                    "", "", "",           # headline, pronouns, location
                    "Sevilla",            # no such city: did you mean …
                    "España",             # … a country instead
                    "3",                  # Europe/Madrid, third of Spain's zones
                    "", "",               # country, photo
                    "en grupo",           # formats: the Spanish word
                    "Lucia",              # mentors: without the accent
                    "sí",                 # consent: Spanish yes
                    "Enseño matemáticas en Sevilla.", "Me gustaría aprender Python.", "")  # the bio
    assert main(["new", "person", "--interactive", "--project", str(project)]) == 0
    text = (project / "content/people/ana-perez.md").read_text(encoding="utf-8")
    assert "languages: [es, en]" in text and "timezone: Europe/Madrid" in text
    assert "formats: [group]" in text and "mentors: [lucia]" in text and "consent: true" in text
    assert text.endswith("---\n\nEnseño matemáticas en Sevilla.\nMe gustaría aprender Python.\n")
    out = capsys.readouterr().out
    for spanish in ("\nTu nombre\n  Tal como quieres que aparezca en el hub.",  # the join forms' words
                    "¿Cómo te gustaría participar?", "2. mentorado (mentee)", "2. en grupo (group)",
                    "Nombres o códigos, p. ej. español, en", "\nAcepto que este perfil se publique en el hub",
                    "  sí / no", "→ lucia (Lucía Gómez)", "Sobre ti: Una breve biografía"):
        assert spanish in out, spanish
    assert "Ninguna ciudad se llama 'Sevilla'" in out and "(O escribe tu país.)" in out
    assert "Madrid (Europe/Madrid)" in out
    assert "Pasa `mentorhub check`" in out
    assert any("(Intro para omitir)" in prompt for prompt in asked)
    assert "Enter to skip" not in "".join(asked) and "This one is needed" not in out
    assert _problems(project) == []


def test_a_skeleton_speaks_the_hubs_language_and_fails_until_filled(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = _hub(tmp_path, "fr")
    assert main(["new", "person", "Zoé Martin", "--no-input", "--project", str(project)]) == 0
    assert "Remplacez chaque À REMPLIR" in capsys.readouterr().out
    text = (project / "content/people/zoe-martin.md").read_text(encoding="utf-8")
    assert "roles: [À REMPLIR]" in text and "FILL IN" not in text
    assert "À REMPLIR: Quelques phrases sur vous" in text
    assert main(["check", "--project", str(project)]) == 1
    err = capsys.readouterr().err
    assert "content/people/zoe-martin.md:12: body: remplissez ce champ" in err
    assert err.count("remplissez ce champ") == 6  # roles, languages, seeks, timezone, consent, body


@pytest.mark.parametrize("lang", sorted(set(shipped_languages()) - {"en"}))
def test_every_languages_placeholder_is_known_to_check(lang: str) -> None:
    assert translations(lang).gettext("FILL IN") in PLACEHOLDERS


def test_a_placeholder_from_another_language_fails_an_english_hub(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = _hub(tmp_path, "en")
    (project / "content/people/jo.md").write_text(
        "---\nname: AUSFÜLLEN\nroles: [mentee]\nlanguages: [de]\nseeks: [python]\nconsent: true\n---\n\n"
        "PREENCHER: Algumas frases sobre você.\n", encoding="utf-8")
    assert main(["check", "--project", str(project)]) == 1
    err = capsys.readouterr().err
    assert "content/people/jo.md:2: name: fill in this field" in err
    assert "content/people/jo.md:9: body: fill in this field" in err


@pytest.mark.parametrize(("lang", "yes", "no"), [("en", "yes", "n"), ("es", "Sí", "no"), ("fr", "oui", "non"),
                                                 ("pt", "s", "não"), ("de", "ja", "Nein")])
def test_yes_and_no_in_the_ui_language(lang: str, yes: str, no: str) -> None:
    words = AnswerWords(localizer(lang))
    assert words.yes_no(yes) is True and words.yes_no(no) is False
    assert words.yes_no("yes") is True and words.yes_no("maybe") is None


def test_language_names_in_the_ui_language_and_english() -> None:
    words = AnswerWords(localizer("de"))
    assert [words.language(t) for t in ("Spanisch", "spanish", "ES", "Französisch", "Klingonisch")] == [
        "es", "es", "es", "fr", None]


def test_names_and_cities_without_their_accents() -> None:
    words = AnswerWords(localizer("es"))
    assert plain("Lucía") == "lucia"
    assert words.people("lucia", {"lucia-g": "Lucía Gómez", "mo": "Mo"}) == ["lucia-g"]
    assert words.time_zones("ciudad de mexico")[0][0] == "America/Mexico_City"
    assert words.time_zones("Nueva York") == (["America/New_York"], False)  # CLDR's Spanish city
    assert words.time_zones("Bogota") == (["America/Bogota"], False)
    assert words.time_zones("Londres") == (["Europe/Belfast", "Europe/London"], False)
    assert words.time_zones("Bogotta") == (["America/Bogota"], True)  # did you mean
