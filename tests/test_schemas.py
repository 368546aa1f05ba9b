"""The published JSON Schemas: up to date, valid, and in agreement with the validator.

Fixtures live in cases/schemas/{good,bad}/<type>--<name>.md (or skills--<name>.yml).
Each is laid over a small valid hub and judged twice, by `load_hub` and by the
schema; both must give the fixture's verdict. Bad fixtures are limited to what one
file can show (cross-file rules such as unknown skills are the validator's alone).
"""

from __future__ import annotations

import datetime as dt
import json
import textwrap
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mentorhub.commands.cli import main
from mentorhub.commands.schemas import SCHEMA_DIR, schema_documents, stale_files, write_schemas
from mentorhub.hub.frontmatter import split
from mentorhub.hub.loader import load_hub
from mentorhub.hub.schema import PERSON, RECORD_TYPES, SESSION
from mentorhub.hub.strict_yaml import load

from conftest import MENTOR_MO, MINIMAL_SKILLS, SHOWCASE

CASES = Path(__file__).parent / "cases" / "schemas"
TYPES = {t.name: t for t in RECORD_TYPES}

BASE = {
    "people/mentor-mo.md": MENTOR_MO,
    "people/mentee-mia.md": """\
        ---
        name: Mia Mentee
        roles: [mentee]
        languages: [en]
        seeks: [python]
        consent: true
        ---
        """,
    "resources/guide-one.md": """\
        ---
        title: Guide one
        kind: guide
        summary: A guide.
        topics: [python]
        url: https://example.org/guide
        ---
        """,
}


def as_json(value: Any) -> Any:
    """YAML data as JSON data: dates become the ISO strings a JSON tool would see."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_json(v) for v in value]
    return value


def schema_for(name: str) -> jsonschema.protocols.Validator:
    document = schema_documents()[f"{name}.schema.json"]
    return jsonschema.Draft202012Validator(
        document, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


def write_hub(root: Path, files: dict[str, str]) -> Path:
    content = root / "content"
    for relative, text in files.items():
        path = content / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return content


def validator_accepts(root: Path, relative: str, text: str) -> tuple[bool, list[str]]:
    """Whether `mentorhub check` finds no problem in this one file of an otherwise valid hub."""
    if relative == "skills.yml":
        content = write_hub(root, {"skills.yml": text})  # no records: they need the base skills
    else:
        content = write_hub(root, {"skills.yml": MINIMAL_SKILLS, **BASE, relative: text})
    result = load_hub(content, display_root=root)
    mine = [str(p) for p in result.problems if p.path == f"content/{relative}"]
    others = [str(p) for p in result.problems if p.path != f"content/{relative}"]
    assert others == [], f"the base hub should be valid: {others}"
    return not mine, mine


def schema_accepts(type_name: str, text: str) -> tuple[bool, list[str]]:
    data = load(text).data if type_name == "skills" else split(text.encode("utf-8")).front_matter.data
    errors = sorted(schema_for(type_name).iter_errors(as_json(data)), key=str)
    return not errors, [e.message for e in errors]


def fixtures(verdict: str) -> list[Path]:
    found = sorted((CASES / verdict).glob("*--*.*"))
    assert found, f"no {verdict} fixtures"
    return found


def placement(path: Path) -> tuple[str, str]:
    """(type name, path under content/) for a fixture file."""
    type_name, stem = path.stem.split("--", 1)
    if type_name == "skills":
        return type_name, "skills.yml"
    if type_name == "page":
        return type_name, f"pages/{stem}.md"
    return type_name, f"{TYPES[type_name].folder}/{stem}.md"


# -- generated files ----------------------------------------------------------------------


def test_committed_schemas_are_up_to_date() -> None:
    assert stale_files(SCHEMA_DIR) == [], "run `mentorhub schemas --write` and commit the result"
    names = sorted(p.name for p in SCHEMA_DIR.glob("*.schema.json"))
    assert names == sorted([f"{t.name}.schema.json" for t in RECORD_TYPES]
                           + ["skills.schema.json", "page.schema.json"])


def test_schemas_command_writes_and_checks(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schemas", "--check", "--dir", str(tmp_path)]) == 1
    assert main(["schemas", "--write", "--dir", str(tmp_path)]) == 0
    assert main(["schemas", "--check", "--dir", str(tmp_path)]) == 0
    (tmp_path / "person.schema.json").write_text("{}", encoding="utf-8")
    (tmp_path / "retired.schema.json").write_text("{}", encoding="utf-8")
    assert stale_files(tmp_path) == ["person.schema.json", "retired.schema.json"]
    assert write_schemas(tmp_path) == ["person.schema.json", "retired.schema.json"]
    assert not (tmp_path / "retired.schema.json").exists()
    capsys.readouterr()
    assert main(["schemas", "story"]) == 0
    assert json.loads(capsys.readouterr().out)["title"] == "mentorhub story"


@pytest.mark.parametrize("name", sorted(schema_documents()))
def test_schema_is_a_valid_draft_2020_12_schema(name: str) -> None:
    jsonschema.Draft202012Validator.check_schema(schema_documents()[name])


def test_schemas_describe_every_field_of_the_content_model() -> None:
    for record in RECORD_TYPES:
        published = schema_documents()[f"{record.name}.schema.json"]["else"]
        assert list(published["properties"]) == list(record.field_names)
        assert published["required"] == [f.name for f in record.fields if f.required]
        assert all(p["description"] for p in published["properties"].values())


# -- agreement with the validator --------------------------------------------------------------


@pytest.mark.parametrize("path", fixtures("good"), ids=lambda p: p.name)
def test_good_fixture_passes_both(path: Path, tmp_path: Path) -> None:
    type_name, relative = placement(path)
    text = path.read_text(encoding="utf-8")
    accepted, problems = validator_accepts(tmp_path, relative, text)
    assert accepted, problems
    valid, errors = schema_accepts(type_name, text)
    assert valid, errors


@pytest.mark.parametrize("path", fixtures("bad"), ids=lambda p: p.name)
def test_bad_fixture_fails_both(path: Path, tmp_path: Path) -> None:
    type_name, relative = placement(path)
    text = path.read_text(encoding="utf-8")
    accepted, _ = validator_accepts(tmp_path, relative, text)
    assert not accepted, "the validator accepts this bad fixture"
    if path.name == "story--front-matter-is-a-list.md":
        data = load(text.split("---\n")[1]).data
        assert not schema_for(type_name).is_valid(data)
        return
    valid, _ = schema_accepts(type_name, text)
    assert not valid, "the schema accepts this bad fixture"


def test_every_record_of_the_demo_hub_matches_its_schema() -> None:
    checked = 0
    for record in RECORD_TYPES:
        validator = schema_for(record.name)
        for path in sorted((SHOWCASE / "content" / record.folder).rglob("*.md")):
            data = split(path.read_bytes()).front_matter.data
            errors = [e.message for e in validator.iter_errors(as_json(data))]
            assert errors == [], f"{path}: {errors}"
            checked += 1
    assert checked > 50
    skills = load((SHOWCASE / "content" / "skills.yml").read_text(encoding="utf-8")).data
    assert schema_for("skills").is_valid(skills)


# Random front matter, mixing valid and invalid values for every field: the schema
# and the validator must reach the same verdict on each file. Values stay clear of
# what only the validator can judge (skill ids, time zones, other records).
_PERSON_VALUES: dict[str, list[Any]] = {
    "name": ["Ana", 7, "  ", "", "two\nlines", None, True],
    "roles": [["mentor"], ["mentee"], ["peer"], ["mentor", "mentee"], [], ["boss"], "mentor", None],
    "languages": [["en"], ["en", "no"], [], ["english"], "en", None],
    "offers": [["python"], [], None, "python", [3]],
    "seeks": [["public-speaking"], ["presenting"], [], None],
    "headline": ["Hi", None, "x" * 121, ["a"]],
    "timezone": ["Europe/Berlin", None, 5],
    "formats": [["group"], [], ["fax"], None],
    "capacity": [0, 3, -1, 101, "2", 1.5, None, False],
    "availability": ["open", "closed", "sometimes", None],
    "mentors": [["mentor-mo"], [], None, ["Mo Mentor"], "mentor-mo"],
    "joined": [dt.date(2026, 1, 1), "2026-02-30", "soon", None],
    "links": [{"site": "https://example.org"}, {"site": "http://example.org"}, {}, "x", None],
    "contact": [{"email": "a@example.org"}, {"email": "a@example.org", "public": True},
                {"public": True}, {"email": "nope"}, {"email": "a@b.org", "phone": 1}, None],
    "consent": [True, False, "yes", None],
    "private": [{"a": 1}, "secret", None],
    "draft": [False, True, "true", None],
    "pronouns": ["they/them", None],
    "github": ["ana-souza", "A1", "@ana", "-ana", "ana-", "a--b", "x" * 39, "x" * 40, " ana", 7, None],
}

_SESSION_VALUES: dict[str, list[Any]] = {
    "title": ["Kickoff", "", None],
    "date": [dt.date(2026, 1, 10), "2026-13-01", None],
    "format": ["workshop", "party", None],
    "facilitators": [["mentor-mo"], [], ["Mo"], None],
    "topics": [["python"], [], None],
    "group": ["Circle", "g" * 81, None],
    "participants": [["mentee-mia"], "mentee-mia", None],
    "attendance": [0, 12, -1, None],
    "duration": [90, 0, 1441, None],
    "feedback": [{"responses": 3, "satisfaction": 4.2}, {"responses": 0}, {"responses": 0, "satisfaction": 3},
                 {"satisfaction": 3}, {"responses": 2, "satisfaction": 0}, {"responses": 1, "mood": 2}, None],
    "resources": [["guide-one"], ["Guide One"], None],
    "draft": [False, True, None],
}


def front_matter(base: dict[str, Any], values: dict[str, list[Any]]) -> st.SearchStrategy[dict[str, Any]]:
    """A valid record with up to three fields set to candidate values and maybe one dropped."""
    changes = st.lists(
        st.sampled_from([(key, value) for key, choices in values.items() for value in choices]),
        max_size=3,
    )
    dropped = st.none() | st.sampled_from(sorted(base))

    def build(pairs: list[tuple[str, Any]], drop: str | None) -> dict[str, Any]:
        data = {**base, **dict(pairs)}
        if drop is not None:
            data.pop(drop, None)
        return data

    return st.builds(build, changes, dropped)


def _to_yaml(data: dict[str, Any]) -> str:
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, default_style=None)


_BASES: dict[str, dict[str, Any]] = {
    "person": {"name": "Sam", "roles": ["peer"], "languages": ["en"], "consent": True},
    "session": {"title": "Kickoff", "date": dt.date(2026, 1, 10), "format": "workshop",
                "facilitators": ["mentor-mo"], "topics": ["python"]},
}


@pytest.mark.parametrize(("record", "values"), [(PERSON, _PERSON_VALUES), (SESSION, _SESSION_VALUES)],
                         ids=["person", "session"])
def test_schema_and_validator_agree_on_random_front_matter(
    record: Any, values: dict[str, list[Any]], tmp_path_factory: pytest.TempPathFactory
) -> None:
    @settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(front_matter(_BASES[record.name], values))
    def check(data: dict[str, Any]) -> None:
        text = f"---\n{_to_yaml(data)}---\nBody.\n"
        root = tmp_path_factory.mktemp("random")
        accepted, problems = validator_accepts(root, f"{record.folder}/subject.md", text)
        valid, errors = schema_accepts(record.name, text)
        assert accepted == valid, f"{text}\nvalidator: {problems}\nschema: {errors}"

    check()


def test_a_malformed_link_is_a_problem_not_a_traceback(tmp_path: Path) -> None:
    text = (
        "---\nname: Ana\nroles: [peer]\nlanguages: [en]\n"
        "links: {site: 'https://[oops'}\nconsent: true\n---\n"
    )
    accepted, problems = validator_accepts(tmp_path, "people/ana.md", text)
    assert not accepted
    assert problems == [
        "content/people/ana.md:5: links.site: 'https://[oops' is not a valid link (check the address)"
    ]
