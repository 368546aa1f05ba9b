"""skills.yml: a label (and description) per UI language; a plain string stays valid.

Each language tree shows its language's label everywhere a skill is named (skill pages,
profiles, the finder's filter, matching reasons, join forms, kpi.json); a missing
translation falls back to the hub's first language, and `check` warns, naming it.
"""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

import mentorhub
from mentorhub.commands.cli import main
from mentorhub.hub.loader import load_hub
from mentorhub.hub.models import Skill

from conftest import MINIMAL_CONFIG, run_mkdocs, write_project

SKILLS = """\
python:
  label: Python
  category: Technology
public-speaking:
  label: {en: Public speaking, es: Hablar en público}
  category: Communication
  description:
    en: Speaking to a room with confidence.
    es: Hablar ante un grupo con confianza.
grant-writing:
  label:
    en: Grant writing
  category: Community
"""
MENTOR = """\
---
name: Mia Mentor
roles: [mentor]
languages: [en, es]
offers: [public-speaking, grant-writing]
capacity: 2
consent: true
---
"""
MENTEE = """\
---
name: Tea Mentee
roles: [mentee]
languages: [es]
seeks: [hablar en público]
consent: true
---
"""
FILES = {"content/skills.yml": SKILLS, "content/people/mia.md": MENTOR, "content/people/tea.md": MENTEE}
CONFIG = MINIMAL_CONFIG.replace("  - mentorhub\n", "  - mentorhub:\n      languages: [en, es]\n") + """\
  - mentorhub-matching
  - mentorhub-kpi
  - mentorhub-search
site_url: https://hub.example.org/
"""


def _load(tmp_path: Path, skills: str) -> tuple[dict[str, Skill], list[str]]:
    project = write_project(tmp_path, {**FILES, "content/skills.yml": skills})
    result = load_hub(project / "content", display_root=project)
    return result.hub.skills, [str(p) for p in result.problems]


def test_a_label_per_language_and_a_plain_label_both_load(tmp_path: Path) -> None:
    skills, problems = _load(tmp_path, SKILLS)
    assert problems == []
    speaking = skills["public-speaking"]
    assert speaking.labels == (("en", "Public speaking"), ("es", "Hablar en público"))
    assert speaking.label == "Public speaking"  # the first written until a tree picks its own
    assert skills["python"].labels == () and skills["python"].label == "Python"
    assert load_hub(tmp_path / "content", display_root=tmp_path).hub.people["tea"].seeks == (
        "public-speaking",)  # any language's label names the skill


def test_each_language_gets_its_label_and_falls_back_to_the_first(tmp_path: Path) -> None:
    skills, _ = _load(tmp_path, SKILLS)
    assert skills["public-speaking"].in_language("es", "en").label == "Hablar en público"
    assert skills["public-speaking"].in_language("es-MX", "en").description == (
        "Hablar ante un grupo con confianza.")
    assert skills["grant-writing"].in_language("es", "en").label == "Grant writing"  # fallback
    assert skills["public-speaking"].in_language("de", "es").label == "Hablar en público"
    assert skills["python"].in_language("es", "en").label == "Python"


@pytest.mark.parametrize(("label", "expected"), [
    ("{en: Public speaking, xx: Hablar}", "content/skills.yml:5: public-speaking.label: "
                                          "'xx' is not an ISO 639-1 language code"),
    ("{}", "content/skills.yml:5: public-speaking.label: must not be empty"),
    ("{en: Public speaking, es: [a, b]}", "content/skills.yml:5: public-speaking.label: expected text"),
    ("{en: Public speaking, es: write to ana@example.org}", "content/skills.yml:5: public-speaking.label:"),
])
def test_a_bad_per_language_label_is_a_problem_at_its_line(tmp_path: Path, label: str, expected: str) -> None:
    _, problems = _load(tmp_path, SKILLS.replace("{en: Public speaking, es: Hablar en público}", label))
    assert any(p.startswith(expected) for p in problems), problems


def test_check_warns_about_missing_translations(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = write_project(tmp_path, FILES, CONFIG)
    assert main(["check", "--project", str(project)]) == 0
    err = capsys.readouterr().err
    assert ("content/skills.yml:10: grant-writing.label: no translation for es: those pages show "
            "the en text (add a line per language, e.g. 'es: …')") in err
    assert "public-speaking" not in err and "python" not in err  # complete, and plain
    assert "1 warning" in err


def test_a_one_language_hub_is_not_warned(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = write_project(tmp_path, FILES)
    assert main(["check", "--project", str(project)]) == 0
    assert "warning" not in capsys.readouterr().err


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = write_project(tmp_path_factory.mktemp("labels"), FILES, CONFIG)
    result = run_mkdocs(project, "--strict")
    assert result.returncode == 0, result.stderr
    return project / "site"


@pytest.mark.build
@pytest.mark.parametrize(("tree", "label", "other"), [("", "Public speaking", "Hablar en público"),
                                                      ("es/", "Hablar en público", "Public speaking")])
def test_each_tree_names_the_skill_in_its_language(site: Path, tree: str, label: str, other: str) -> None:
    for page in ("skills/index.html", "skills/public-speaking/index.html", "people/mia/index.html",
                 "people/tea/index.html", "find/index.html"):
        text = (site / tree / page).read_text(encoding="utf-8")
        assert label in text, page
        assert other not in text, page
    kpis = json.loads((site / tree / "kpi.json").read_text(encoding="utf-8"))
    assert {"id": "public-speaking", "label": label}.items() <= next(
        s for s in kpis["skills"] if s["id"] == "public-speaking").items()
    reasons = json.loads((site / tree / "matches.json").read_text(encoding="utf-8"))["mentees"]["tea"][0]
    assert any(label in reason for reason in reasons["reasons"]), reasons
    join = (site / tree / "join/profile/index.html").read_text(encoding="utf-8")
    assert label in join and other not in join
    description = (site / tree / "skills/public-speaking/index.html").read_text(encoding="utf-8")
    assert ("Hablar ante un grupo" in description) == (tree == "es/")


def test_the_json_schema_takes_both_forms_and_refuses_a_bad_code() -> None:
    schema = json.loads((Path(mentorhub.__file__).parent / "schemas/skills.schema.json").read_text(
        encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    assert list(validator.iter_errors(yaml.safe_load(SKILLS))) == []
    bad = yaml.safe_load(SKILLS.replace("es: Hablar en público", "xx: Hablar en público"))
    assert list(validator.iter_errors(bad))
