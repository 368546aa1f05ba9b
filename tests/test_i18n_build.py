"""A hub built with `theme.language: es` shows none of the engine's English words.

The English words are not typed here: they are every msgid of the English catalog
long enough to be unmistakable, so a string added to a template without a Spanish
translation fails this test the day it is added.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from mentorhub.i18n import LOCALE_DIR, catalog_path

from conftest import MINIMAL_CONFIG, run_mkdocs, write_project

pytestmark = pytest.mark.build

SPANISH_CONFIG = MINIMAL_CONFIG.replace("  font: false\n", "  font: false\n  language: es\n") + """\
  - mentorhub-matching
  - mentorhub-kpi:
      min_responses: 1
  - mentorhub-search
  - mentorhub-feeds
"""

FILES = {
    "content/people/mia.md": """\
        ---
        name: Mia Mentor
        roles: [mentor]
        languages: [es, en]
        offers: [python, grant-writing]
        timezone: America/Mexico_City
        formats: [one-on-one, group]
        capacity: 3
        consent: true
        joined: 2026-10-01
        confirmed: 2026-10-01
        lang: es
        ---
        Bio de Mia.
        """,
    "content/people/leo.md": """\
        ---
        name: Leo Mentor
        roles: [mentor]
        languages: [es]
        offers: [python]
        timezone: America/Bogota
        capacity: 1
        consent: true
        confirmed: 2026-09-01
        ---
        """,
    "content/people/tea.md": """\
        ---
        name: Tea Mentee
        roles: [mentee]
        languages: [es]
        seeks: [python, public-speaking]
        timezone: America/Mexico_City
        formats: [one-on-one, group]
        consent: true
        joined: 2026-11-01
        ---
        """,
    "content/people/ada.md": """\
        ---
        name: Ada Mentee
        roles: [mentee, peer]
        languages: [es]
        seeks: [grant-writing]
        mentors: [mia]
        consent: true
        ---
        """,
    "content/people/leo-en.md": """\
        ---
        name: Leo English
        roles: [peer]
        languages: [en, es]
        lang: en
        headline: Writes his bio in English
        consent: true
        ---
        My bio, in English.
        """,
    "content/pages/about.md": """\
        ---
        title: About us
        lang: en
        ---
        This page is written in English.
        """,
    "content/resources/guia.md": """\
        ---
        title: Guía de Python
        kind: guide
        summary: Una guía.
        topics: [python]
        level: beginner
        audience: [mentee]
        authors: [mia]
        updated: 2026-11-14
        ---
        Cómo empezar.
        """,
    "content/sessions/2026-11-10-taller.md": """\
        ---
        title: Taller de Python
        date: 2026-11-10
        format: workshop
        group: Círculo de Python
        facilitators: [mia]
        participants: [tea]
        attendance: 8
        duration: 90
        topics: [python]
        feedback: {responses: 4, satisfaction: 4.5}
        ---
        """,
    "content/stories/tea-crece.md": """\
        ---
        title: Tea crece
        date: 2026-11-12
        mentee: tea
        mentors: [mia]
        outcomes: [skill-gained]
        skills: [python]
        summary: Tea aprendió Python.
        confidence: {before: 2, after: 4}
        ---
        """,
}

#: Pages whose visible text must be Spanish.
PAGES = ("index.html", "people/index.html", "people/tea/index.html", "people/mia/index.html",
         "find/index.html", "impact/index.html", "thanks/index.html", "skills/python/index.html")


def english_words() -> set[str]:
    """The English catalog's msgids (both plural forms) that are unmistakably English:
    several words, placeholders and markup cut out, so each piece can be searched for."""
    with catalog_path("en").open("rb") as handle:
        catalog = read_po(handle)
    found: set[str] = set()
    for message in catalog:
        ids = [message.id] if isinstance(message.id, str) else list(message.id)
        for msgid in ids:
            msgid = re.sub(r"<code>.*?</code>", " ", msgid)  # commands and field names stay as they are
            for piece in re.split(r"%\(\w+\)s|\{\w\}|<[^>]+>|[“”\"]", msgid):
                piece = piece.strip(" .,:;()→←·")
                if len(piece.split()) >= 3:  # one or two words may be the same in Spanish
                    found.add(piece)
    return found


def visible_text(page: str) -> str:
    """The page's main content as text: Material's own chrome and scripts left out."""
    main = page[page.find('<article'):page.rfind("</article>")]
    main = re.sub(r"<script.*?</script>|<svg.*?</svg>", " ", main, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", main))


@pytest.fixture(scope="module")
def spanish_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = write_project(tmp_path_factory.mktemp("es"), FILES, SPANISH_CONFIG)
    result = run_mkdocs(project, "--strict")
    assert result.returncode == 0, result.stderr
    return project / "site"


def test_the_english_word_list_is_long_enough_to_mean_something() -> None:
    words = english_words()
    assert len(words) > 150
    assert "Wants to grow in" in words and "mentors offer it" in words


@pytest.mark.parametrize("page", PAGES)
def test_a_spanish_hub_shows_none_of_the_engines_english(spanish_site: Path, page: str) -> None:
    text = visible_text((spanish_site / page).read_text(encoding="utf-8"))
    leaked = sorted(w for w in english_words() if w in text)
    assert not leaked, f"{page}: English words left: {leaked}"


def test_spanish_pages_use_spanish_formats_and_names(spanish_site: Path) -> None:
    tea = (spanish_site / "people/tea/index.html").read_text(encoding="utf-8")
    assert '<html lang="es"' in tea
    assert "Quiere crecer en" in tea and "Mentores sugeridos" in tea
    assert "ambos habláis español" in tea  # CLDR's language name in the UI language
    mia = (spanish_site / "people/mia/index.html").read_text(encoding="utf-8")
    assert "español, inglés" in mia
    guide = (spanish_site / "resources/guia/index.html").read_text(encoding="utf-8")
    assert "14 nov 2026" in guide  # CLDR's medium date, not strftime's English
    session = (spanish_site / "sessions/2026-11-10-taller/index.html").read_text(encoding="utf-8")
    assert "1 hora 30 minutos" in session
    skill = (spanish_site / "skills/python/index.html").read_text(encoding="utf-8")
    assert "2 mentores la ofrecen" in skill and "1 mentorado la busca" in skill


def test_the_header_search_box_speaks_materials_language(spanish_site: Path) -> None:
    page = (spanish_site / "index.html").read_text(encoding="utf-8")
    form = page[page.find('<form class="mh-header-search"'):]
    form = form[: form.find("</form>")]
    assert 'placeholder="Búsqueda"' in form and 'title="Buscar"' in form


def test_search_facets_and_feeds_are_spanish(spanish_site: Path) -> None:
    finder = (spanish_site / "find/index.html").read_text(encoding="utf-8")
    assert 'value="Acepta mentorados"' in finder and ">español</option>" in finder
    assert '"prompt": "Escribe una palabra' in html.unescape(finder)
    profile = (spanish_site / "people/mia/index.html").read_text(encoding="utf-8")
    assert '<span data-pagefind-filter="Language">español</span>' in profile
    feed = (spanish_site / "feed-sessions.xml").read_text(encoding="utf-8")
    assert "nuevas notas de sesiones" in feed and 'xml:lang="es"' in feed


def test_every_shipped_catalog_is_in_the_package() -> None:
    assert {p.parent.parent.name for p in LOCALE_DIR.glob("*/LC_MESSAGES/mentorhub.po")} >= {
        "en", "es", "fr", "pt", "de"}


def test_a_records_own_language_marks_its_text(spanish_site: Path) -> None:
    """`lang:` says what a record's text is written in: text in another language than the
    UI's carries `lang`, so screen readers pronounce it right; the page stays `es`."""
    leo = (spanish_site / "people/leo-en/index.html").read_text(encoding="utf-8")
    assert '<html lang="es"' in leo
    assert '<p class="mh-lead" lang="en">Writes his bio in English</p>' in leo
    assert '<div class="mh-body" lang="en">' in leo
    mia = (spanish_site / "people/mia/index.html").read_text(encoding="utf-8")
    assert '<div class="mh-body">' in mia and 'lang="es"' not in mia.split("<body", 1)[1]
    about = (spanish_site / "pages/about/index.html").read_text(encoding="utf-8")
    assert '<html lang="es"' in about
    assert '<div class="mh-body" lang="en">' in about and "This page is written in English." in about


@pytest.mark.parametrize("lang", ["fr", "pt", "de"])
def test_the_other_shipped_languages_build_strict(tmp_path: Path, lang: str) -> None:
    config = SPANISH_CONFIG.replace("  language: es\n", f"  language: {lang}\n")
    project = write_project(tmp_path / lang, FILES, config)
    result = run_mkdocs(project, "--strict")
    assert result.returncode == 0, result.stderr
    tea = (project / "site/people/tea/index.html").read_text(encoding="utf-8")
    assert f'<html lang="{lang}"' in tea
    wants = {"fr": "Veut progresser en", "pt": "Quer crescer em", "de": "Möchte wachsen in"}[lang]
    assert wants in tea
