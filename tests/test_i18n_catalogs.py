"""The message catalogs: complete, current, consistent, and with real plural forms.

CI fails when a catalog lacks a message (empty or fuzzy), when a translation drops or
invents a placeholder, when `mentorhub.pot` is older than the code, and when a build
in a language whose catalog is incomplete does not warn (so `--strict` would pass).
"""

from __future__ import annotations

import gettext
import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from mentorhub.i18n import LOCALE_DIR, Localizer, check_catalog, shipped_languages, translations
from mentorhub.i18n.catalogs import TEMPLATE
from mentorhub.search.messages import plural_forms, plural_formula

from conftest import MINIMAL_CONFIG, REPO, run_mkdocs, write_project

FIXTURES = Path(__file__).parent / "fixtures" / "locale"
SHIPPED = ("ar", "de", "en", "es", "fr", "pt")
PLACEHOLDER = re.compile(r"%\(\w+\)s|\{\w\}")


def test_the_five_languages_ship() -> None:
    assert set(SHIPPED) <= set(shipped_languages())


@pytest.mark.parametrize("lang", SHIPPED)
def test_every_catalog_is_complete(lang: str) -> None:
    report = check_catalog(lang)
    assert report.path is not None
    assert not report.missing, report.summary()
    assert not report.obsolete, f"{lang}: messages the engine no longer uses: {report.obsolete[:5]}"


@pytest.mark.parametrize("lang", SHIPPED)
def test_translations_keep_every_placeholder(lang: str) -> None:
    """A translation may reorder `%(name)s` placeholders but not drop or invent one
    (a dropped `%(num)s` is allowed only in a singular form, "the one mentor")."""
    with (LOCALE_DIR / lang / "LC_MESSAGES" / "mentorhub.po").open("rb") as handle:
        catalog = read_po(handle)
    wrong = []
    for message in catalog:
        if not message.id:
            continue
        ids = [message.id] if isinstance(message.id, str) else list(message.id)
        strings = [message.string] if isinstance(message.string, str) else list(message.string)
        wanted = set().union(*(set(PLACEHOLDER.findall(i)) for i in ids))
        for index, text in enumerate(strings):
            found = set(PLACEHOLDER.findall(text))
            optional = {"%(num)s", "{n}"} if isinstance(message.id, tuple) and index == 0 else set()
            if found - wanted or (wanted - optional) - found:
                wrong.append((ids[0], text))
    assert not wrong, wrong[:5]


def test_the_template_is_current(tmp_path: Path) -> None:
    """`mentorhub.pot` holds exactly what the code marks (run scripts/i18n.sh after changing words)."""
    fresh = tmp_path / "fresh.pot"
    subprocess.run(
        [sys.executable, "-m", "babel.messages.frontend", "extract", "-F", "babel.cfg", "-k", "N_",
         "-k", "Msg", "-k", "plural_forms:2,3", "-o", str(fresh), "plugins/mentorhub"],
        cwd=REPO, check=True, capture_output=True,
    )

    def ids(path: Path) -> set[object]:
        with path.open("rb") as handle:
            return {m.id for m in read_po(handle) if m.id}

    assert ids(fresh) == ids(TEMPLATE), "the .pot is stale: run scripts/i18n.sh"


def test_a_missing_translation_is_reported(tmp_path: Path) -> None:
    catalog = tmp_path / "xx" / "LC_MESSAGES" / "mentorhub.po"
    catalog.parent.mkdir(parents=True)
    english = (LOCALE_DIR / "es" / "LC_MESSAGES" / "mentorhub.po").read_text(encoding="utf-8")
    catalog.write_text(english.replace('msgstr "Quiere crecer en"', 'msgstr ""'), encoding="utf-8")
    (tmp_path / "mentorhub.pot").write_bytes(TEMPLATE.read_bytes())
    report = check_catalog("xx", tmp_path)
    assert report.missing == ("Wants to grow in",)
    assert "lacks 1 of" in report.summary() and "'Wants to grow in'" in report.summary()


@pytest.mark.build
def test_a_build_in_a_language_without_a_catalog_fails_under_strict(tmp_path: Path) -> None:
    config = MINIMAL_CONFIG.replace("  font: false\n", "  font: false\n  language: it\n")
    project = write_project(tmp_path / "it", {}, config)
    result = run_mkdocs(project, "--strict")
    assert result.returncode == 1
    assert "no mentorhub catalog for language 'it'" in result.stderr
    assert "docs/i18n.md" in result.stderr


# -- plural forms ---------------------------------------------------------------------------

COUNTS = (0, 1, 2, 5, 21)


def _offers(lang: str, locale_dir: Path = LOCALE_DIR) -> list[str]:
    i18n = Localizer(lang, translations(lang, locale_dir))
    return [i18n.ngettext("%(num)s mentor offers it", "%(num)s mentors offer it", n) for n in COUNTS]


def test_english_plurals() -> None:
    assert _offers("en") == ["0 mentors offer it", "1 mentor offers it", "2 mentors offer it",
                             "5 mentors offer it", "21 mentors offer it"]


def test_polish_plurals_have_three_forms() -> None:
    assert _offers("pl", FIXTURES) == ["0 mentorów to oferuje", "1 mentor to oferuje",
                                       "2 mentorzy to oferują", "5 mentorów to oferuje",
                                       "21 mentorów to oferuje"]


def test_arabic_plurals_have_six_forms() -> None:
    assert _offers("ar", FIXTURES) == ["لا يقدّمها أي مرشد", "يقدّمها مرشد واحد", "يقدّمها مرشدان",
                                       "يقدّمها 5 مرشدين", "يقدّمها 21 مرشدًا"]


@pytest.mark.parametrize(("lang", "expected"), [
    ("en", ["{n} mentor", "{n} mentors"]),
    ("pl", ["{n} mentor", "{n} mentorzy", "{n} mentorów"]),
    ("ar", ["لا مرشدين", "مرشد واحد", "مرشدان", "{n} مرشدين", "{n} مرشدًا", "{n} مرشد"]),
])
def test_the_finder_script_gets_every_form_and_the_formula(lang: str, expected: list[str]) -> None:
    i18n = Localizer(lang, translations(lang, FIXTURES))
    assert plural_forms(i18n, "{n} mentor", "{n} mentors") == expected
    formula, count = plural_formula(i18n)
    assert count == len(expected)
    # The formula the browser evaluates picks the same form gettext does here
    # (gettext.c2py reads the same C syntax the script hands to the browser).
    chooser = gettext.c2py(formula)  # type: ignore[attr-defined]
    for n in (0, 1, 2, 3, 5, 11, 21, 102):
        assert expected[chooser(n)] == i18n.catalog.ngettext("{n} mentor", "{n} mentors", n)


def test_numbers_follow_the_ui_language() -> None:
    assert Localizer("en").number(12345.5) == "12,345.5"
    assert Localizer("de").number(12345.5) == "12.345,5"
    assert Localizer("fr").percent(0.42) == "42\xa0%"


@pytest.mark.parametrize(("lang", "expected"), [
    ("en", "1,234 mentors offer it"), ("de", "1.234 Mentoren bieten sie an"),
    ("es", "1.234 mentores la ofrecen"),
])
def test_template_counts_use_the_ui_languages_digits(lang: str, expected: str) -> None:
    import datetime as dt

    from mentorhub.hub.models import Hub
    from mentorhub.site.render import RenderOptions, SiteRenderer

    renderer = SiteRenderer(Hub(), RenderOptions(today=dt.date(2026, 11, 22), language=lang))
    template = renderer.env.from_string(
        '{{ ngettext("%(num)s mentor offers it", "%(num)s mentors offer it", n) }}')
    assert template.render(n=1234) == expected
