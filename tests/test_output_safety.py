"""Contributor text cannot break the one-line problem form, reach a terminal as an
escape sequence, or add Markdown or HTML to the `mentorhub diff` job summary."""

from __future__ import annotations

import re
from pathlib import Path

import markdown
import pytest

from mentorhub.changes import Impact, RecordChanges, SkillDelta, SuggestionChange, code, escape, to_markdown
from mentorhub.commands.cli import main
from mentorhub.hub.models import Hub, Person, Skill, Source
from mentorhub.hub.printable import UNSAFE, json_safe, one_line
from mentorhub.hub.problems import Problem, format_problems

from conftest import write_project

#: Values a hostile contributor might write, one per trick.
HOSTILE = (
    "x\n\n## All checks passed\n\n",
    "<details><summary>All checks passed</summary>",
    "</details><script>alert(1)</script>",
    "[click me](https://evil.example) ![pixel](https://evil.example/p.png)",
    "www.evil.example and https://evil.example and evil@evil.example",
    "| a | b |\n|---|---|\n| c | d |",
    "`` end the span `",
    "\x1b[2J\x1b]0;pwned\x07\u202eevil\x00\x85\u2028",
    "*em* _em_ ~~gone~~ # > quote - item 1. item +",
    "&lt;b&gt; &#60;script&#62;",
)


# -- problems and annotations ----------------------------------------------------------------


@pytest.mark.parametrize("value", HOSTILE)
def test_a_problem_is_one_line_without_control_characters(value: str) -> None:
    problem = Problem(f"content/people/{value}.md", 3, value, f"got {value}", value)
    for text in (str(problem), problem.as_github_annotation(), format_problems([problem], github=True)):
        assert "\n" not in text and "\r" not in text
        assert not UNSAFE.search(text), text
    assert str(problem).startswith("content/people/")
    assert ":3: " in str(problem)


def test_annotations_keep_their_fields_apart() -> None:
    problem = Problem("content/people/a,b:c.md", 4, "links.x\ny", "bad\nvalue", "fix\x1b[31m it")
    assert problem.as_github_annotation() == (
        "::error file=content/people/a%2Cb%3Ac.md,line=4,title=links.x\\ny::"
        "links.x\\ny: bad\\nvalue (fix\\x1b[31m it)"
    )


def test_one_line_escapes_what_would_act_on_a_terminal() -> None:
    assert one_line("a\tb\nc\x1b[0m\x7f\x9b\u202e\u2066d") == "a\\tb\\nc\\x1b[0m\\x7f\\x9b\\u202e\\u2066d"
    assert one_line("Zoë 李雷 Алия 👩🏽‍💻") == "Zoë 李雷 Алия 👩🏽‍💻"  # letters and emoji untouched


def test_json_output_escapes_c1_and_bidi_characters() -> None:
    import json

    data = {"name": "a\x85b\u202ec\x1b\n", "list": ["\u2028"]}
    safe = json_safe(json.dumps(data, indent=2, ensure_ascii=False))
    assert not UNSAFE.search(safe.replace("\n", ""))
    assert json.loads(safe) == data
    assert safe.count("\n") == json.dumps(data, indent=2).count("\n")  # layout kept


# -- match ---------------------------------------------------------------------------------


def test_match_prints_names_without_bidi_controls(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = write_project(tmp_path, {
        "content/people/mo.md": """\
            ---
            name: "Mo \\u202eMentor\\u2066"
            roles: [mentor]
            languages: [en]
            offers: [python]
            consent: true
            ---
            """,
        "content/people/mia.md": """\
            ---
            name: "Mia\\u061cMentee\\u200f"  # (a line separator is refused in a name)
            roles: [mentee]
            languages: [en]
            seeks: [python]
            consent: true
            ---
            """,
    })
    for args in (["match"], ["match", "mia"], ["match", "mia", "--json"], ["match", "--json"]):
        assert main([*args, "--project", str(project)]) == 0
        out, err = capsys.readouterr()
        assert not UNSAFE.search(out.replace("\n", "")), args
        assert not UNSAFE.search(err.replace("\n", "")), args
    assert main(["match", "mia", "--project", str(project)]) == 0
    assert "Mo \\u202eMentor\\u2066" in capsys.readouterr().out


# -- the diff summary ----------------------------------------------------------------------


def _person(person_id: str, name: str) -> Person:
    return Person(id=person_id, source=Source(f"content/people/{person_id}.md"), name=name,
                  roles=("mentor",), languages=("en",))


def _hostile_impact() -> Impact:
    people = {f"p{i}": _person(f"p{i}", value) for i, value in enumerate(HOSTILE)}
    skills = {f"s{i}": Skill(f"s{i}", value, "Other") for i, value in enumerate(HOSTILE)}
    head = Hub(skills=skills, people=people)
    return Impact(
        records=(
            RecordChanges("people", tuple(people), (), (), tuple(HOSTILE)),
            RecordChanges("skills", tuple(skills), (), (), ()),
        ),
        kpis=(),
        skills=tuple(SkillDelta(f"s{i}", value, (0, 1), (1, 1)) for i, value in enumerate(HOSTILE)),
        suggestions=(SuggestionChange("p0", tuple(people), ()),),
        head_problems=tuple(str(Problem(f"content/people/{v}.md", 2, v, v, v)) for v in HOSTILE),
        base=Hub(),
        head=head,
    )


def test_the_diff_summary_gains_no_markup_from_values() -> None:
    text = to_markdown(_hostile_impact(), "main`\n\n# Forged", "2026-11-22")
    html = markdown.markdown(text, extensions=["tables"])
    headings = re.findall(r"<h\d>(.*?)</h\d>", html)
    assert headings == ["What this change does to the hub", "Records", "KPIs", "Mentor suggestions"]
    for tag in ("<details", "<summary", "<script", "<a ", "<img", "<em>", "<strong>Added</strong> x",
                "<del"):
        assert tag not in html, tag
    assert html.count("<blockquote") == 1  # ours: the warning about content problems
    # one table row per skill delta, header and records table included: no forged rows
    assert html.count("<tr>") == 1 + 2 + 1 + len(HOSTILE)
    assert not UNSAFE.search(text.replace("\n", ""))
    # every line is ours: a list item, a table row, a heading, a note, or blank
    for line in text.splitlines():
        assert re.match(r"(- |\| |\|---|#{2,3} |> |Compared with |No |Not |…|$)", line), line


def test_escape_makes_every_construct_inert() -> None:
    assert escape("a <b> & [link](x) `code` | *em*") == (
        "a &lt;b&gt; &amp; \\[link\\]\\(x\\) \\`code\\` \\| \\*em\\*"
    )
    assert escape("two\n\nlines") == "two lines"
    assert escape("www.evil.example a@b.org https://x") == (
        "www\\.evil\\.example a\\@b\\.org https\\:\\/\\/x"
    )
    assert escape("\x1b[2J") == "\\\\x1b\\[2J"


@pytest.mark.parametrize(("text", "expected"), [
    ("ana", "`ana`"),
    ("a`b", "``a`b``"),
    ("`` x", "``` `` x ```"),
    ("two\n\nlines", "`two lines`"),
    ("\x1b[2J", "`\\x1b[2J`"),
])
def test_code_spans_cannot_be_ended_by_their_text(text: str, expected: str) -> None:
    assert code(text) == expected


def test_code_spans_in_tables_escape_pipes() -> None:
    assert code("a|b", in_table=True) == "`a\\|b`"


def test_kpi_prints_group_names_without_bidi_controls(tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    """A group name is one line of text but may hold U+202E, which reverses what follows."""
    from conftest import MENTOR_MO

    project = write_project(tmp_path, {
        "content/people/mentor-mo.md": MENTOR_MO,
        "content/sessions/2026-01-05-circle.md": (
            '---\ntitle: Circle\ndate: 2026-01-05\nformat: peer-circle\nfacilitators: [mentor-mo]\n'
            'topics: [python]\ngroup: "Evening \\u202ecircle"\n---\n'),
    })
    for args in (["kpi"], ["kpi", "--json"]):
        assert main([*args, "--project", str(project)]) == 0, capsys.readouterr().err
        out = capsys.readouterr().out
        assert not UNSAFE.search(out.replace("\n", "")), args
        assert "Evening \\u202ecircle" in out, args
