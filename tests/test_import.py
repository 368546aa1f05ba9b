"""`mentorhub import`: realistic exports in, a hub that passes `check` out (issue 21)."""

from __future__ import annotations

import importlib.util
import json
import shutil
from pathlib import Path

import pytest
from pyrage import x25519

from mentorhub.commands.cli import main
from mentorhub.hub.frontmatter import split
from mentorhub.hub.loader import load_hub
from mentorhub.hub.schema import PERSON
from mentorhub.importer.sources import read_table

from conftest import copy_fixture_hub

FIXTURES = Path(__file__).parent / "fixtures" / "import"
HAS_COUNTRY = PERSON.field("country") is not None
HAS_PHOTO = PERSON.field("photo") is not None


def _xlsx_module():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("make_xlsx", FIXTURES / "make_xlsx.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def hub(tmp_path: Path) -> Path:
    return copy_fixture_hub(tmp_path / "hub")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["import", *args])
    out, err = capsys.readouterr()
    return code, out, err


def front(path: Path) -> dict:  # type: ignore[type-arg]
    return dict(split(path.read_bytes()).front_matter.data)


def snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_google_forms_export_in_english(hub: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, str(FIXTURES / "google-forms-en.csv"), "--map",
                         str(FIXTURES / "google-forms-en.map.yml"), "-p", str(hub))
    assert code == 0, err
    people = hub / "content" / "people"
    ana = front(people / "ana-lopez.md")
    assert ana["languages"] == ["en", "es"] and ana["offers"] == ["python", "public-speaking"]
    assert ana["capacity"] == 2 and str(ana["joined"]) == "2026-03-14"
    assert ana["contact"] == {"email": "ana.lopez@example.org", "public": True}
    assert ana["links"] == {"LinkedIn": "https://www.linkedin.com/in/ana-example"}
    assert "Happy to help with first talks." in (people / "ana-lopez.md").read_text()
    kim = front(people / "kim-park.md")
    assert kim["languages"] == ["en"] and kim["links"] == {"LinkedIn": "https://kim.example.org/about"}
    assert "contact" not in kim  # a hidden email and no recipients: left out, never in plain
    assert "kim@example.org" not in (people / "kim-park.md").read_text()
    assert "capacity" not in front(people / "bo-chen.md")  # not stated, not invented
    assert not (people / "lee-jordan.md").exists()  # no consent
    assert not (people / "sam-rivera.md").exists()  # a mentor whose only skill is unknown
    assert "google-forms-en.csv:6: languages: 'Klingon' is not a language we know" in err
    assert "google-forms-en.csv:7: consent: no yes in the consent column" in err
    assert "google-forms-en.csv:8: offers: unknown skill 'Pyhton' (did you mean 'python'?)" in err
    assert "google-forms-en.csv:6: contact.email: the email is not marked public" in err
    assert "kim@example.org" not in err + out and "lee@example.org" not in err + out
    assert "imported 3 new, updated 0, unchanged 0, skipped 2" in out
    assert "defaulted: languages in 1 row" in out  # Sam left the languages empty
    assert "changed: links: http:// made https:// (1)" in out
    assert "dropped (no field for them in the mapping): 'Country', 'Photo file name'" in out
    assert "unknown skills (add them to content/skills.yml, or run again with --add-skills): 'Pyhton'" in out
    assert main(["check", "-p", str(hub)]) == 0


def test_reimport_updates_the_same_files_and_keeps_unmapped_fields(
        hub: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = (str(FIXTURES / "google-forms-en.csv"), "--map", str(FIXTURES / "google-forms-en.map.yml"),
            "-p", str(hub))
    assert run(capsys, *args)[0] == 0
    path = hub / "content" / "people" / "bo-chen.md"
    path.write_text(path.read_text().replace("consent: true", "consent: true\npronouns: he/him"))
    edited = path.read_text()
    code, out, _ = run(capsys, *args)  # the same answers: nothing to write, the hand edit stays as is
    assert code == 0 and "imported 0 new, updated 0, unchanged 3, skipped 2" in out
    assert path.read_text() == edited
    path.write_text(edited.replace("seeks: [python, grant-writing]", "seeks: [python]"))
    before = sorted(p.name for p in (hub / "content" / "people").iterdir())
    code, out, _ = run(capsys, *args)
    assert code == 0 and "imported 0 new, updated 1, unchanged 2, skipped 2" in out  # Bo's file changed
    assert front(path)["seeks"] == ["python", "grant-writing"]
    assert sorted(p.name for p in (hub / "content" / "people").iterdir()) == before
    assert front(path)["pronouns"] == "he/him"


def test_a_broken_record_is_never_replaced_by_a_second_file(
        hub: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = hub / "content" / "people" / "2025" / "bo-chen.md"
    broken.parent.mkdir()
    broken.write_text("name: Bo\n")  # no front matter: `check` reports it; the import leaves it
    code, _, err = run(capsys, str(FIXTURES / "google-forms-en.csv"), "--map",
                       str(FIXTURES / "google-forms-en.map.yml"), "-p", str(hub))
    assert "google-forms-en.csv:5: id: its record content/people/2025/bo-chen.md cannot be read" in err
    assert not (hub / "content" / "people" / "bo-chen.md").exists()
    assert code == 1 and "nothing was written" in err  # the hub itself fails check


def test_dry_run_writes_nothing(hub: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = snapshot(hub)
    code, out, _ = run(capsys, str(FIXTURES / "google-forms-en.csv"), "--map",
                       str(FIXTURES / "google-forms-en.map.yml"), "-p", str(hub), "--dry-run")
    assert code == 0
    assert "would create content/people/ana-lopez.md (name, roles, languages" in out
    assert "Dry run: nothing was written." in out
    assert snapshot(hub) == before


def test_nothing_is_written_when_the_hub_would_fail_check(
        hub: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (hub / "content" / "people" / "broken.md").write_text("---\nname: B\n---\n")
    before = snapshot(hub)
    code, _, err = run(capsys, str(FIXTURES / "google-forms-en.csv"), "--map",
                       str(FIXTURES / "google-forms-en.map.yml"), "-p", str(hub))
    assert code == 1
    assert "content/people/broken.md:1: roles: missing required field" in err
    assert "nothing was written" in err
    assert snapshot(hub) == before


def test_microsoft_forms_csv_with_bom_and_semicolon_lists(
        hub: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, str(FIXTURES / "ms-forms-en.csv"), "--map",
                         str(FIXTURES / "ms-forms-en.map.yml"), "-p", str(hub), "--add-skills")
    assert code == 0, err
    olu = front(hub / "content" / "people" / "olu-adeyemi.md")
    assert olu["roles"] == ["mentor"] and olu["languages"] == ["en", "yo"]
    assert olu["timezone"] == "Africa/Lagos" and olu["private"] == {"import_key": "1"}
    assert olu["offers"] == ["public-speaking", "grant-writing"]
    assert front(hub / "content" / "people" / "priya-raman.md")["languages"] == ["en", "ta"]
    assert "utf-8 with BOM, separated by commas" in out
    assert "dropped (no field for them in the mapping): 'Start time', 'Email', 'Name', " \
           "'Last modified time'" in out


def test_spanish_excel_csv_in_windows_1252_with_semicolons(
        hub: Path, capsys: pytest.CaptureFixture[str]) -> None:
    table = read_table(FIXTURES / "google-forms-es-excel.csv")
    assert table.delimiter == ";" and "País" in table.headers
    code, out, err = run(capsys, str(FIXTURES / "google-forms-es-excel.csv"), "--map",
                         str(FIXTURES / "google-forms-es-excel.map.yml"), "-p", str(hub))
    assert code == 0, err
    maria = front(hub / "content" / "people" / "maria-jose-nunez.md")
    assert maria["languages"] == ["es", "pt"] and maria["capacity"] == 3
    assert str(maria["joined"]) == "2026-02-01"  # dd/mm/yyyy in a Spanish form
    assert maria["offers"] == ["grant-writing"]  # through the mapping's values
    joaquin = front(hub / "content" / "people" / "joaquin-pena.md")
    assert joaquin["languages"] == ["es", "en"] and joaquin["seeks"] == ["python", "public-speaking"]
    assert "google-forms-es-excel.csv:4: consent: no yes" in err
    assert "imported 2 new" in out


def test_xlsx_reads_saved_values_and_never_evaluates_formulas(
        hub: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = _xlsx_module().write(tmp_path / "respuestas.xlsx")
    code, out, err = run(capsys, str(source), "--map", str(FIXTURES / "ms-forms-es.map.yml"),
                         "-p", str(hub))
    assert code == 0, err
    renata = front(hub / "content" / "people" / "renata-silva.md")
    assert renata["languages"] == ["pt", "es"] and renata["offers"] == ["grant-writing"]
    assert renata["links"] == {"web": "https://renata.example.org"}
    assert str(renata["joined"]) == "2026-05-04"
    diego = front(hub / "content" / "people" / "diego-ramos.md")
    assert "links" not in diego  # a formula with no saved value is an empty cell, not a link
    assert "respuestas.xlsx:4: consent: no yes" in err
    assert "imported 2 new, updated 0, unchanged 0, skipped 1" in out


def test_json_directory(hub: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, str(FIXTURES / "directory.json"), "--map",
                         str(FIXTURES / "directory.map.yml"), "-p", str(hub))
    assert code == 0, err
    ada = front(hub / "content" / "people" / "ada-okafor.md")
    assert ada["roles"] == ["mentor"] and ada["languages"] == ["en", "yo"]
    assert ada["offers"] == ["python", "public-speaking"]  # 'public speaking' is the skill's label
    dana = front(hub / "content" / "people" / "dana-petrova.md")
    assert dana["offers"] == ["public-speaking"] and dana["languages"] == ["en"]  # alias; default
    assert not (hub / "content" / "people" / "chris-ng.md").exists()
    assert "directory.json:14: consent: no yes" in err  # the line its object starts on
    assert "'avatar'" in out and "'channels'" in out  # dropped, and said so
    assert "defaulted: languages in 1 row, roles in 2 rows" in out


def test_yaml_list_source(hub: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "mentors.yml"
    source.write_text("- name: Nora North\n  langs: [no, en]\n  skills: py\n  ok: yes\n"
                      "- name: Omar\n  langs: Arabic\n  skills: presenting\n  ok: 'no'\n")
    mapping = tmp_path / "map.yml"
    mapping.write_text("consent: ok\nfields:\n  name: name\n  languages: langs\n  offers: skills\n"
                       "defaults:\n  roles: [mentor]\n")
    code, _, err = run(capsys, str(source), "--map", str(mapping), "-p", str(hub))
    assert code == 0, err
    nora = front(hub / "content" / "people" / "nora-north.md")
    assert nora["languages"] == ["no", "en"]  # `no` is Norwegian, not false
    assert "mentors.yml:5: consent: no yes" in err


def test_mapping_problems_name_their_line(
        hub: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    mapping = tmp_path / "map.yml"
    mapping.write_text("consent: I agree\nfields:\n  name: Full nme\n  langauges: Languages I can meet in\n")
    code, _, err = run(capsys, str(FIXTURES / "google-forms-en.csv"), "--map", str(mapping), "-p", str(hub))
    assert code == 1
    assert "map.yml:1: consent: the source has no column 'I agree'" in err
    assert "map.yml:3: fields.name: the source has no column 'Full nme' (did you mean 'Full name'?)" in err
    assert "map.yml:4: fields.langauges: person has no field 'langauges' (did you mean 'languages'" in err


def test_a_wrong_default_is_reported_once_at_its_line(
        hub: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    mapping = tmp_path / "map.yml"
    mapping.write_text("consent: ok\nfields:\n  name: name\ndefaults:\n  roles: [mentr]\n")
    source = tmp_path / "s.csv"
    source.write_text("name,ok\nA,yes\nB,yes\n")
    code, _, err = run(capsys, str(source), "--map", str(mapping), "-p", str(hub))
    assert code == 1
    assert err.count("map.yml:5: defaults.roles: 'mentr' is not one of: mentor, mentee, peer") == 1
    assert "The mapping file has problems: nothing was written." in err
    assert not (hub / "content" / "people" / "a.md").exists()


def test_init_map_proposes_a_mapping_that_reads(
        hub: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, str(FIXTURES / "google-forms-en.csv"), "--init-map")
    assert code == 0
    assert 'consent: "I agree that my profile (name, languages, skills, bio) is published on the hub"' in out
    assert '  languages: "Languages I can meet in"' in out and '  body: "Tell us about yourself' in out
    mapping = tmp_path / "proposed.yml"
    mapping.write_text(out)
    code, _, err = run(capsys, str(FIXTURES / "google-forms-en.csv"), "--map", str(mapping), "-p", str(hub),
                       "--dry-run")
    assert code == 0, err


def test_with_recipients_a_plain_hidden_email_in_the_hub_blocks_the_import(
        hub: Path, capsys: pytest.CaptureFixture[str]) -> None:
    identity = x25519.Identity.generate()
    config = hub / "mkdocs.yml"
    config.write_text(config.read_text().replace(
        "  - mentorhub:\n", f"  - mentorhub:\n      recipients: [{identity.to_public()}]\n", 1))
    code, _, err = run(capsys, str(FIXTURES / "google-forms-en.csv"), "--map",
                       str(FIXTURES / "google-forms-en.map.yml"), "-p", str(hub))
    assert code == 1 and "content/people/mia-mentor.md:10: contact: holds a hidden email" in err
    assert not (hub / "content" / "people" / "kim-park.md").exists()


def test_hidden_emails_are_sealed_to_the_recipients(hub: Path, capsys: pytest.CaptureFixture[str]) -> None:
    identity = x25519.Identity.generate()
    mia = hub / "content" / "people" / "mia-mentor.md"  # the fixture's own plain hidden email
    mia.write_text(mia.read_text().replace("contact: {email: mia-hidden@example.org, public: false}\n", ""))
    config = hub / "mkdocs.yml"
    config.write_text(config.read_text().replace(
        "  - mentorhub:\n", f"  - mentorhub:\n      recipients: [{identity.to_public()}]\n", 1))
    code, _, err = run(capsys, str(FIXTURES / "google-forms-en.csv"), "--map",
                       str(FIXTURES / "google-forms-en.map.yml"), "-p", str(hub))
    assert code == 0, err
    text = (hub / "content" / "people" / "kim-park.md").read_text()
    assert "kim@example.org" not in text and "-----BEGIN AGE ENCRYPTED FILE-----" in text
    from mentorhub.commands.age_tools import open_sealed

    opened = open_sealed(front(hub / "content" / "people" / "kim-park.md")["contact"]["sealed"],
                         [identity], "kim-park")
    assert (opened.email, opened.bound) == ("kim@example.org", True)  # bound to the file's person
    assert load_hub(hub / "content", recipients=[str(identity.to_public())]).problems == []


def test_add_skills_writes_them_with_labels(
        hub: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "s.json"
    source.write_text(json.dumps([{"n": "Zoe Data", "ok": True, "skills": "Data visualisation, Python"}]))
    mapping = tmp_path / "map.yml"
    mapping.write_text("consent: ok\nfields:\n  name: n\n  offers: skills\ndefaults:\n"
                       "  roles: [mentor]\n  languages: [en]\n")
    code, out, _ = run(capsys, str(source), "--map", str(mapping), "-p", str(hub), "--add-skills")
    assert code == 0
    assert "added to skills.yml: data-visualisation" in out
    skills = (hub / "content" / "skills.yml").read_text()
    assert 'data-visualisation:\n  label: "Data visualisation"' in skills
    assert front(hub / "content" / "people" / "zoe-data.md")["offers"] == ["data-visualisation", "python"]


def test_a_bad_email_is_described_never_quoted(
        hub: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "s.csv"
    source.write_text("name,mail,ok\nAl,al at example dot org +44 20 7946 0958,yes\n")
    mapping = tmp_path / "map.yml"
    mapping.write_text("consent: ok\nfields:\n  name: name\n  contact.email: mail\n"
                       "defaults:\n  roles: [peer]\n  languages: [en]\n")
    code, _, err = run(capsys, str(source), "--map", str(mapping), "-p", str(hub))
    assert code == 0
    assert "s.csv:2: contact.email: a value is not an email address" in err or \
        "s.csv:2: contact.email: a phone number is not an email address" in err
    assert "7946" not in err and "example dot" not in err


def test_xml_is_parsed_safely_and_a_broken_workbook_is_one_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import openpyxl.xml

    assert openpyxl.xml.DEFUSEDXML  # openpyxl refuses entity bombs only with defusedxml installed
    fake = tmp_path / "export.xlsx"
    fake.write_bytes(b"PK\x03\x04 not really a zip")
    code, _, err = run(capsys, str(fake), "--init-map")
    assert code == 1 and err.startswith("mentorhub import: export.xlsx:1: is not an XLSX workbook")


def test_an_unreadable_source_is_one_clear_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "x.json"
    source.write_text('[{"a": 1},\n {"a": }]')
    code, _, err = run(capsys, str(source), "--init-map")
    assert code == 1 and err.startswith("mentorhub import: x.json:2: is not valid JSON")
    assert "Traceback" not in err


@pytest.mark.skipif(not HAS_COUNTRY, reason="needs the `country` field (branch i20-faces)")
def test_country_names_in_any_language_become_iso_codes(hub: Path, tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "s.csv"
    source.write_text("name,country,ok\nA One,Mexique,yes\nB Two,Deutschland,yes\nC Three,ng,yes\n")
    mapping = tmp_path / "map.yml"
    mapping.write_text("consent: ok\nfields:\n  name: name\n  country: country\n"
                       "defaults:\n  roles: [peer]\n  languages: [en]\n")
    assert run(capsys, str(source), "--map", str(mapping), "-p", str(hub))[0] == 0
    people = hub / "content" / "people"
    assert [front(people / f"{i}.md")["country"] for i in ("a-one", "b-two", "c-three")] == ["MX", "DE", "NG"]


@pytest.mark.skipif(not HAS_PHOTO, reason="needs the `photo` field (branch i20-faces)")
def test_photo_file_names_become_files_under_media(hub: Path, tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    from PIL import Image

    Image.new("RGB", (8, 8), (200, 80, 40)).save(tmp_path / "ana.png")
    source = tmp_path / "s.csv"
    source.write_text("name,pic,ok\nAna Photo,ana.png,yes\n")
    mapping = tmp_path / "map.yml"
    mapping.write_text("consent: ok\nfields:\n  name: name\n  photo: pic\n"
                       "defaults:\n  roles: [peer]\n  languages: [en]\n")
    assert run(capsys, str(source), "--map", str(mapping), "-p", str(hub))[0] == 0
    assert front(hub / "content" / "people" / "ana-photo.md")["photo"] == "media/people/ana-photo.png"
    assert (hub / "content" / "media" / "people" / "ana-photo.png").is_file()


def test_dates_in_the_orders_forms_write_them() -> None:
    import datetime as dt

    from mentorhub.hub.vocabulary import SkillVocabulary
    from mentorhub.importer.convert import Converter, ConvertError

    english, spanish = Converter(SkillVocabulary(), "en"), Converter(SkillVocabulary(), "es")
    assert english.date("3/14/2026 10:22:31") == dt.date(2026, 3, 14)
    assert spanish.date("14/03/2026 10:22:31") == spanish.date("14.03.26") == dt.date(2026, 3, 14)
    assert english.date("2026-03-04T09:00:00Z") == spanish.date("2026/03/04") == dt.date(2026, 3, 4)
    with pytest.raises(ConvertError, match="'31/02/2026' is not a date we can read"):
        spanish.date("31/02/2026")


def test_language_and_country_names_through_cldr() -> None:
    from mentorhub.hub.vocabulary import SkillVocabulary
    from mentorhub.importer.convert import Converter, country_code

    convert = Converter(SkillVocabulary(), "fr")
    assert [convert.language_of(n) for n in ("Portugais", "Spanish", "español", "Deutsch", "ar")] == \
        ["pt", "es", "es", "de", "ar"]
    assert [country_code(n) for n in ("Mexique", "Côte d’Ivoire", "co", "Japón")] == ["MX", "CI", "CO", "JP"]


def test_the_worked_mapping_in_the_docs_runs_on_the_google_forms_fixture(
        hub: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    docs = (Path(__file__).parent.parent / "docs" / "guide" / "importing.md").read_text()
    mapping = docs.split("```yaml\n# mapping.yml\n", 1)[1].split("```", 1)[0]
    for field, present in (("country", HAS_COUNTRY), ("photo", HAS_PHOTO)):
        if not present:  # until the branch that adds the field is merged
            mapping = "\n".join(line for line in mapping.splitlines() if not line.startswith(f"  {field}:"))
    (tmp_path / "mapping.yml").write_text(mapping)
    shutil.copy(FIXTURES / "google-forms-en.csv", tmp_path / "responses.csv")
    if HAS_PHOTO:
        from PIL import Image

        Image.new("RGB", (8, 8)).save(tmp_path / "ana.png")
    code, out, err = run(capsys, str(tmp_path / "responses.csv"), "--map", str(tmp_path / "mapping.yml"),
                         "-p", str(hub))
    assert code == 0, err
    assert "imported 3 new, updated 0, unchanged 0, skipped 2" in out
    assert front(hub / "content" / "people" / "kim-park.md")["roles"] == ["mentor", "mentee"]


def test_reviews_become_stories_with_rating_and_reviewer(
        hub: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, str(FIXTURES / "reviews.yml"), "--map",
                         str(FIXTURES / "reviews.map.yml"), "-p", str(hub))
    assert code == 0, err
    story = front(hub / "content" / "stories" / "jo-gave-a-first-conference-talk.md")
    assert story["mentors"] == ["mia-mentor"] and story["rating"] == 5 and story["reviewer"] == "Jo Learner"
    assert "outcomes" not in story and str(story["date"]) == "2026-04-02"
    ken = front(hub / "content" / "stories" / "ken-found-a-grant-for-his-reading-club.md")
    assert str(ken["date"]) == "2026-05-03" and ken["rating"] == 4
    assert "reviews.yml:14: rating: 9 is out of range: use 1 to 5" in err
    assert "reviews.yml:14: mentors: unknown person 'nobody-here'" in err
    assert "imported 2 new, updated 0, unchanged 0, skipped 1" in out
    assert load_hub(hub / "content").problems == []


def test_a_key_column_that_holds_emails_is_refused(hub: Path, tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "s.tsv"
    source.write_text("name\tmail\tsite\tok\nAl Key\tal@example.org\texample.org/al\tyes\n")
    mapping = tmp_path / "map.yml"
    mapping.write_text("key: mail\nconsent: ok\nfields:\n  name: name\n  links.web: site\n"
                       "defaults:\n  roles: [peer]\n  languages: [en]\n")
    _, out, err = run(capsys, str(source), "--map", str(mapping), "-p", str(hub))
    assert ("s.tsv:2: key: the key column holds an email address, which would be stored in "
            "the repository") in err
    assert "al@example.org" not in err + out and "separated by tabs" in out
    assert not (hub / "content" / "people" / "al-key.md").exists()
    mapping.write_text(mapping.read_text().replace("key: mail\n", ""))
    assert run(capsys, str(source), "--map", str(mapping), "-p", str(hub))[0] == 0
    assert front(hub / "content" / "people" / "al-key.md")["links"] == {"web": "https://example.org/al"}
