"""Where and when: country codes and names, offsets in words, the finder's filters."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from mentorhub.hub.countries import countries, country_code
from mentorhub.hub.fields import Country, FieldError
from mentorhub.hub.loader import load_hub
from mentorhub.i18n import localizer
from mentorhub.search import meta as sm
from mentorhub.site.places import OFFSETS, utc_offset_label, utc_offset_minutes

from conftest import MINIMAL_SKILLS, write_project


def test_country_codes_are_iso_3166_alpha_2() -> None:
    codes = countries()
    assert len(codes) == 249
    assert {"NG", "CO", "DE", "BR", "JP"} <= set(codes)
    assert not {"EU", "UN", "ZZ", "XK", "QO", "AC"} & set(codes)  # CLDR regions, not countries
    assert country_code("nigeria") == "NG" and country_code("de") == "DE" and country_code("Atlantis") is None


@pytest.mark.parametrize(("value", "hint"), [
    ("ng", "use 'NG' for Nigeria"), ("Germany", "use 'DE' for Germany"),
    ("XX", "ISO 3166-1 alpha-2 code such as NG"), (49, "ISO 3166-1 alpha-2 code such as NG"),
])
def test_a_wrong_country_gets_a_hint(value: object, hint: str) -> None:
    with pytest.raises(FieldError) as caught:
        Country().check(value, None)  # type: ignore[arg-type]
    assert hint in caught.value.hint


def test_country_names_follow_the_ui_language() -> None:
    assert localizer("en").country("DE") == "Germany"
    assert localizer("es").country("DE") == "Alemania"
    assert localizer("fr").country("DE") == "Allemagne"
    assert localizer("de").country("CO") == "Kolumbien"


@pytest.mark.parametrize(("zone", "day", "label"), [
    ("Europe/Berlin", dt.date(2026, 1, 15), "UTC+1"),
    ("Europe/Berlin", dt.date(2026, 7, 15), "UTC+2"),  # daylight saving time counts
    ("America/Bogota", dt.date(2026, 7, 15), "UTC\u22125"),
    ("Asia/Kolkata", dt.date(2026, 7, 15), "UTC+5:30"),
    ("Asia/Kathmandu", dt.date(2026, 7, 15), "UTC+5:45"),
    ("Africa/Accra", dt.date(2026, 7, 15), "UTC"),
])
def test_offsets_in_words(zone: str, day: dt.date, label: str) -> None:
    minutes = utc_offset_minutes(zone, day)
    assert minutes is not None and utc_offset_label(minutes) == label
    assert minutes in OFFSETS  # "My time zone" offers every offset a mentor can have


def test_unknown_zone_has_no_offset() -> None:
    assert utc_offset_minutes("Mars/Olympus", dt.date(2026, 1, 1)) is None


PEOPLE = {
    "content/people/ana.md": """\
        ---
        name: Ana Mentor
        roles: [mentor]
        languages: [es]
        offers: [python]
        country: CO
        timezone: America/Bogota
        consent: true
        ---
        """,
    "content/people/bo.md": """\
        ---
        name: Bo Mentor
        roles: [mentor]
        languages: [en]
        offers: [python]
        consent: true
        ---
        """,
}


def test_search_records_carry_country_and_offset(tmp_path: Path) -> None:
    project = write_project(tmp_path / "hub", {"content/skills.yml": MINIMAL_SKILLS, **PEOPLE})
    result = load_hub(project / "content", display_root=project)
    assert result.problems == []
    records = sm.search_records(result.hub, today=dt.date(2026, 11, 22), stale_after_days=365,
                                i18n=localizer("es"), images={"ana": "assets/mentorhub/photos/ab-112.webp"})
    ana, bo = records["people/ana.md"], records["people/bo.md"]
    assert ana.values(sm.COUNTRY) == ("Colombia",) and bo.values(sm.COUNTRY) == ()
    assert ana.values(sm.UTC_OFFSET) == ("UTC\u22125",)
    assert bo.values(sm.UTC_OFFSET) == (sm.NO_OFFSET,)  # listed apart, never dropped
    assert dict(ana.meta)["image"] == "assets/mentorhub/photos/ab-112.webp"
    assert "image" not in dict(bo.meta) and "Colombia" in dict(ana.meta)["details"]
