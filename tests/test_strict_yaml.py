"""The strict YAML reader: plain data, YAML 1.2 booleans, line numbers, refusals."""

from __future__ import annotations

import datetime as dt

import pytest

from mentorhub.hub.frontmatter import FrontMatterError, split
from mentorhub.hub.strict_yaml import YamlError, load


def test_yaml_1_1_booleans_stay_text() -> None:
    doc = load("languages: [no, yes, on, off, y, n]\nflag: true\nother: False\n")
    assert doc.data == {"languages": ["no", "yes", "on", "off", "y", "n"], "flag": True, "other": False}


def test_keys_are_the_text_as_written() -> None:
    assert load("on: 1\n2026: x\ntrue: y\n").data == {"on": 1, "2026": "x", "true": "y"}


def test_scalars_resolve_like_yaml_core() -> None:
    doc = load("a: 3\nb: 2.5\nc: 2026-02-01\nd: '3'\ne:\nf: ~\ng: 2026-02-30\nh: 1e3\n")
    assert doc.data == {
        "a": 3, "b": 2.5, "c": dt.date(2026, 2, 1), "d": "3", "e": None, "f": None,
        "g": "2026-02-30", "h": 1000.0,
    }


def test_line_numbers_for_keys_and_items() -> None:
    doc = load("name: Ana\nseeks:\n  - a\n  - b\n", first_line=2)
    assert doc.line_of(("name",)) == 2
    assert doc.line_of(("seeks", 1)) == 5
    assert doc.line_of(("seeks", 7)) == 3  # falls back to the nearest located ancestor


def test_duplicate_keys_are_errors() -> None:
    with pytest.raises(YamlError) as caught:
        load("a: 1\nb: 2\na: 3\n")
    assert caught.value.line == 3
    assert "duplicate key 'a' (first given on line 1)" in caught.value.message


def test_nested_duplicate_keys_are_errors() -> None:
    with pytest.raises(YamlError, match="duplicate key 'x'"):
        load("m:\n  x: 1\n  x: 2\n")


@pytest.mark.parametrize(
    "text",
    [
        "a: !!python/object/apply:os.system ['true']\n",
        "a: !!python/name:os.system\n",
        "a: !custom 3\n",
        "a: !!binary aGVsbG8=\n",
        "a: !!int '3'\n",
    ],
)
def test_tags_are_refused(text: str) -> None:
    with pytest.raises(YamlError, match="is not allowed"):
        load(text)


def test_alias_expansion_has_a_budget() -> None:
    lines = ["a: &a [" + ", ".join(["x"] * 10) + "]"]
    for prev, name in zip("abcdefg", "bcdefgh", strict=False):
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 10) + "]")
    with pytest.raises(YamlError, match="too many values"):
        load("\n".join(lines) + "\n")


def test_small_aliases_are_fine() -> None:
    assert load("a: &x [1, 2]\nb: *x\n").data == {"a": [1, 2], "b": [1, 2]}


def test_deep_nesting_is_an_error_not_a_crash() -> None:
    with pytest.raises(YamlError):
        load("a: " + "[" * 5000 + "]" * 5000 + "\n")


def test_merge_keys_are_plain_keys() -> None:
    assert load("a: &x {k: 1}\nb:\n  <<: *x\n").data == {"a": {"k": 1}, "b": {"<<": {"k": 1}}}


def test_front_matter_split_with_bom_and_crlf() -> None:
    split_file = split("\ufeff---\r\nname: Ana\r\n---\r\nHello\r\n".encode())
    assert split_file.front_matter.data == {"name": "Ana"}
    assert split_file.body == "Hello\n"
    assert split_file.body_line == 4


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"", "missing front matter"),
        (b"\n---\nname: a\n---\n", "text before the opening '---'"),
        (b"---\nname: a\n", "never closed"),
        (b"---\n---\n", "front matter is empty"),
        (b"---\n- a\n---\n", "not a set of 'field: value' lines"),
        (b"---\nname: \xff\n---\n", "not UTF-8"),
        (b"---\nname: 'open\n---\n", "invalid YAML"),
    ],
)
def test_front_matter_errors(raw: bytes, message: str) -> None:
    with pytest.raises(FrontMatterError, match=message):
        split(raw)
