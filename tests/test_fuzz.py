"""Fuzzing: mutated content never crashes, hangs, garbles problems or slips through.

Hypothesis mutates the files of a small valid hub — byte flips, truncation, YAML
constructs (anchors, aliases, tags, flow maps, `---` fences, extra documents), unicode
(RTL overrides, combining marks, NUL, surrogates written as bytes, BOM), control
characters, huge numbers and huge lists — and checks, for every mutated hub:

* `load_hub` and `mentorhub check` (run in-process) never raise, and finish within a
  time budget;
* `check` prints each problem on one line, `<path>:<line>: <field>: …`, naming a file
  that exists and a line inside it, with no control characters;
* nothing is lost: every content file is published in the hub, named in a problem,
  or a draft.

Fast by default (a few seconds). A long run::

    MENTORHUB_FUZZ_EXAMPLES=20000 .venv/bin/python -m pytest tests/test_fuzz.py -q
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import signal
import tempfile
import time
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from types import FrameType

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mentorhub.commands.cli import main
from mentorhub.hub.frontmatter import FrontMatterError, split
from mentorhub.hub.loader import LoadResult, load_hub
from mentorhub.hub.models import Person, Resource, Session, Story
from mentorhub.hub.schema import RECORD_TYPES
from mentorhub.hub.strict_yaml import YamlError, load

from conftest import MINIMAL_SKILLS

EXAMPLES = int(os.environ.get("MENTORHUB_FUZZ_EXAMPLES", "30"))
#: Wall time one mutated hub may take to load and check, twice over. Real front matter
#: takes milliseconds; the budget is generous for a shared CI machine.
BUDGET_SECONDS = float(os.environ.get("MENTORHUB_FUZZ_BUDGET", "10"))

SEED: dict[str, str] = {
    "content/skills.yml": MINIMAL_SKILLS,
    "content/people/mo.md": (
        "---\nname: Mo Mentor\nroles: [mentor]\nlanguages: [en, es]\noffers: [python, grant-writing]\n"
        "headline: Data and grants\ntimezone: Europe/Berlin\ncapacity: 2\navailability: open\n"
        "joined: 2025-01-10\nconfirmed: 2026-10-01\nlinks: {site: 'https://example.org/mo'}\n"
        "contact: {email: mo@example.org, public: false}\nconsent: true\ndraft: false\n---\n"
        "Mo's *bio*.\n"
    ),
    "content/people/tea.md": (
        "---\nname: Tea Mentee\nroles: [mentee, peer]\nlanguages: [en]\nseeks:\n  - python\n"
        "  - presenting\nmentors: [mo]\nformats: [one-on-one, peer-circle]\nconsent: true\n"
        "private:\n  note: organizers only\n---\nTea's bio.\n"
    ),
    "content/resources/guide.md": (
        "---\ntitle: A grant guide\nkind: guide\nsummary: How to write a first grant.\n"
        "topics: [grant-writing]\naudience: [mentee]\nlevel: beginner\nauthors: [mo, Pat Plain]\n"
        "url: https://example.org/guide\nupdated: 2026-09-01\n---\nThe guide.\n"
    ),
    "content/sessions/2026-10-01-python.md": (
        "---\ntitle: Python circle\ndate: 2026-10-01\nformat: peer-circle\nfacilitators: [mo]\n"
        "participants: [tea]\ntopics: [python]\nduration: 90\nattendance: 5\n"
        "feedback: {responses: 5, satisfaction: 4.2}\nresources: [guide]\n---\n"
        "## Takeaways\n\n- practise\n"
    ),
    "content/stories/tea.md": (
        "---\ntitle: Tea's first talk\ndate: 2026-10-15\nsummary: A first talk.\n"
        "outcomes: [skill-gained]\nmentee: tea\nmentors: [mo]\nskills: [public-speaking]\n"
        "confidence: {before: 2, after: 4}\nquote: \"It helped.\"\n---\nThe story.\n"
    ),
}
FILES = tuple(SEED)

# -- what to insert -------------------------------------------------------------------------

YAML_CONSTRUCTS = (
    b"&a [x, y]", b"*a", b"&anchor value\nother: *anchor", b"<<: *a", b"<<: {name: X}",
    b"!!python/object/apply:os.system ['true']", b"!!binary aGVsbG8=", b"!custom x", b"!!str 1",
    b"{a: 1, b: [2, 3], c: {d: e}}", b"[[[[", b"]]}}", b"? complex\n: key", b"---", b"...",
    b"--- !!map", b"%YAML 1.1\n---", b"- item", b"|\n  block\n", b">-\n folded", b"'unclosed",
    b'"unclosed', b'"\\x00\\x1b[31m"', b'"\\uD800"', b'"\\U0010FFFF"', b"~", b"null",
    b"a: &a [x,x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\n"
    b"c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]",
    b"\n---\nname: second\n---\n", b"\n---\n", b"\n\t\n", b"key: value: other",
    b"name: dup\nname: dup", b"yes", b"no", b"on", b"2026-02-30", b"0000-00-00", b"12:30:00",
)
UNICODE = (
    *(s.encode("utf-8") for s in (
        "\u202e", "\u202a", "\u2066", "\u2069", "\u200d", "\u200b", "e" + "\u0301" * 40, "\ufeff",
        "\u2028", "\u2029", "\U0001F600", "李雷", "Алия", "\uFFFD", "\u0085",
    )),
    # NUL, then surrogates, an overlong encoding and stray bytes: not UTF-8 at all
    b"\x00", b"\xed\xa0\x80", b"\xed\xbf\xbf", b"\xc0\xaf", b"\xff\xfe", b"\xef\xbb\xbf", b"\x80",
)
CONTROL = (
    *(bytes([c]) for c in (*range(0x01, 0x09), 0x0B, 0x0C, 0x0D, *range(0x0E, 0x20), 0x7F)),
    b"\x1b[31mred\x1b[0m", b"\x1b]0;title\x07", b"\r\n", b"\x1b[2J",
)
HUGE_INTS = (b"9" * 5000, b"-" + b"9" * 5000, b"1" * 4301, b"+" + b"0" * 4400 + b"7")
HUGE = (
    b"1e999", b"-1e999", b".inf", b".nan",
    b"0x" + b"f" * 1000, b"1_000", b"0o777", b"1." + b"0" * 5000 + b"1",
    b"[" + b", ".join([b"python"] * 20000) + b"]",
    b"[" + b",".join(str(i).encode() for i in range(30000)) + b"]",
    b"{" + b", ".join(b"k%d: v" % i for i in range(5000)) + b"}",
    b"[" * 2000 + b"]" * 2000, b"{a: " * 1000 + b"x" + b"}" * 1000, b"x" * 200_000,
)
STRAY_PATHS = (
    "content/people/mo.md~", "content/people/mo.md.bak", "content/people/mo", "content/People/x.md",
    "content/mentors/x.md", "content/about.md", "content/people/x.html", "content/people/x.mdx",
    "content/resources/.hidden.md", "content/skills.yaml",
)

SNIPPETS = YAML_CONSTRUCTS + UNICODE + CONTROL + HUGE + HUGE_INTS
FIELD_NAMES = sorted({f.name for t in RECORD_TYPES for f in t.fields} | {"label", "category", "aliases"})


# -- mutations ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Mutation:
    kind: str
    position: float  # 0..1, where in the file
    data: bytes = b""

    def apply(self, raw: bytes) -> bytes:
        at = int(self.position * len(raw))
        if self.kind == "flip":
            return raw[:at] + bytes([raw[at] ^ (self.data[0] or 1)]) + raw[at + 1:] if raw else raw
        if self.kind == "truncate":
            return raw[:at]
        if self.kind == "insert":
            return raw[:at] + self.data + raw[at:]
        lines = raw.split(b"\n")
        index = min(int(self.position * len(lines)), len(lines) - 1)
        if self.kind == "value":  # replace what follows the first ': ' of a line
            key, sep, _ = lines[index].partition(b": ")
            lines[index] = key + b": " + self.data if sep else lines[index] + self.data
        elif self.kind == "field":  # a new `field: value` line, inside the front matter
            key = FIELD_NAMES[index % len(FIELD_NAMES)].encode()
            lines.insert(max(1, min(index, 3)), key + b": " + self.data)
        elif self.kind == "item":  # a new list item or nested value
            lines.insert(max(1, index), b"  - " + self.data)
        return b"\n".join(lines)


snippets = st.sampled_from(SNIPPETS) | st.binary(min_size=1, max_size=12)
mutations = st.one_of(
    st.builds(Mutation, st.just("flip"), st.floats(0, 0.999), st.binary(min_size=1, max_size=1)),
    st.builds(Mutation, st.just("truncate"), st.floats(0, 1)),
    st.builds(Mutation, st.sampled_from(["insert", "value", "field", "item"]), st.floats(0, 0.999),
              snippets),
)
hubs = st.dictionaries(st.sampled_from(FILES), st.lists(mutations, min_size=1, max_size=3),
                       min_size=1, max_size=3)
#: Stray files: a copy of a record file saved where no record belongs.
strays = st.dictionaries(st.sampled_from(STRAY_PATHS), st.sampled_from(FILES[1:]), max_size=2)


# -- the properties -------------------------------------------------------------------------

_PROBLEM = re.compile(r"(?P<path>content/[^:\x00-\x1f]+):(?P<line>[1-9][0-9]*): (?P<field>.+?): .")
_ANNOTATION = re.compile(r"::error file=(?P<path>[^,]+),line=(?P<line>[1-9][0-9]*),title=[^:]*::.")


def _unprintable(text: str) -> list[str]:
    """Characters that would garble a terminal or split a log line, as code points."""
    return sorted({f"U+{ord(c):04X}" for c in text
                   if unicodedata.category(c) in ("Cc", "Zl", "Zp", "Cs")
                   or c in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"})


class _Timeout(Exception):
    pass


@contextlib.contextmanager
def _time_limit(seconds: float) -> Iterator[None]:
    """Abort a hang (hypothesis' deadline only measures examples that finish)."""
    def expire(signum: int, frame: FrameType | None) -> None:
        raise _Timeout(f"took over {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _write(root: Path, files: dict[str, bytes]) -> None:
    (root / "mkdocs.yml").write_text("site_name: Fuzz\ndocs_dir: content\n", encoding="utf-8")
    for relative, raw in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(raw)


def _check(root: Path) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["check", "--project", str(root)])
    return code, out.getvalue(), err.getvalue()


def _is_draft(raw: bytes) -> bool:
    try:
        data: object = split(raw).front_matter.data
    except (FrontMatterError, ValueError):
        return False
    return isinstance(data, dict) and dict(data).get("draft") is True


def _published(result: LoadResult, relative: str) -> bool:
    hub = result.hub
    records: dict[str, Mapping[str, Person | Resource | Session | Story]] = {
        "people": hub.people, "resources": hub.resources, "sessions": hub.sessions,
        "stories": hub.stories}
    if relative == "content/skills.yml":  # published when it yields the vocabulary
        return bool(hub.skills)
    folder, _, name = relative.removeprefix("content/").partition("/")
    if folder not in records:
        return False
    record = records[folder].get(Path(name).stem)
    return record is not None and record.source.path == relative


def assert_hub_is_handled(files: dict[str, bytes]) -> None:
    with tempfile.TemporaryDirectory(prefix="mentorhub-fuzz-") as folder:
        root = Path(folder)
        _write(root, files)
        started = time.monotonic()
        with _time_limit(BUDGET_SECONDS):
            result = load_hub(root / "content", display_root=root)
            code, out, err = _check(root)
        elapsed = time.monotonic() - started
    assert elapsed < BUDGET_SECONDS
    # check and the loader agree
    assert code == (1 if result.problems else 0), (code, err)
    if code == 0:
        # stderr holds nothing but warnings (the seed's plain hidden email is one).
        assert out.startswith("OK: ")
        assert err == "" or err.rstrip().endswith(("probably a mistake.", "probably mistakes.")), err
    else:
        printed = set(err.split("\n"))
        for problem in result.problems:
            line = str(problem)
            assert line in printed, f"not printed on a line of its own: {line[:300]!r}"
            match = _PROBLEM.match(line)
            assert match, f"not a one-line problem: {line[:300]!r}"
            assert match["path"] in files, line[:300]
            raw = files[match["path"]]
            line_count = len(re.split(rb"\r\n|\r|\n", raw))  # the line breaks the loader counts
            assert int(match["line"]) <= line_count, f"past line {line_count}: {line[:300]!r}"
        lines = err.rstrip("\n").split("\n")
        count = len(result.problems)
        assert lines[-2:] == ["", summary_line(count)], err[-500:]
        assert len(lines) - 2 == len(result.problems), "a problem took more than one line"
        for annotation in out.splitlines():  # only when GITHUB_ACTIONS=true
            assert _ANNOTATION.match(annotation), annotation[:300]
        assert _unprintable((out + err).replace("\n", "")) == []
    assert lost_files(result, files) == []


def lost_files(result: LoadResult, files: dict[str, bytes]) -> list[str]:
    """Files neither published, nor named in a problem, nor drafts: silently dropped."""
    named = {p.path for p in result.problems} | result.held  # held: counted on skills.yml's line
    return [relative for relative, raw in files.items()
            if not _published(result, relative) and relative not in named and not _is_draft(raw)]


def summary_line(count: int) -> str:
    """The CLI's closing line: its number is grouped the English way ("1,000"), whatever
    the machine's locale, since `check` prints through the English catalog."""
    return f"{count:,} problem{'s' if count != 1 else ''} found."


def test_summary_line_groups_thousands_like_the_cli(tmp_path: Path) -> None:
    """A run with 1,000+ problems printed "1,000 problems found." where the fuzz check
    expected "1000": the count is compared as the CLI formats it, in any locale."""
    files = {f"content/people/p{number}.md": b"---\nname: X\n---\n" for number in range(1001)}
    _write(tmp_path, {"content/skills.yml": SEED["content/skills.yml"].encode(), **files})
    code, _, err = _check(tmp_path)
    lines = err.rstrip("\n").split("\n")
    assert code == 1 and len(lines) - 2 > 1000
    assert lines[-1] == summary_line(len(lines) - 2)


# -- the tests ------------------------------------------------------------------------------


def test_the_seed_hub_is_valid() -> None:
    """Mutations start from a hub with no problems, so each problem comes from a mutation."""
    files = {path: text.encode() for path, text in SEED.items()}
    with tempfile.TemporaryDirectory() as folder:
        _write(Path(folder), files)
        result = load_hub(Path(folder) / "content", display_root=Path(folder))
    assert result.problems == []
    assert len(result.hub.people) == 2 and result.hub.resources and result.hub.sessions
    assert result.hub.stories
    assert_hub_is_handled(files)


@settings(max_examples=EXAMPLES, deadline=timedelta(seconds=BUDGET_SECONDS), database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(hubs, strays)
def test_mutated_content_is_always_handled(changes: dict[str, list[Mutation]],
                                           stray: dict[str, str]) -> None:
    files = {path: text.encode() for path, text in SEED.items()}
    for path, steps in changes.items():
        for step in steps:
            files[path] = step.apply(files[path])
    files.update({path: files[copied] for path, copied in stray.items()})
    assert_hub_is_handled(files)


def test_a_stray_file_is_named_not_lost() -> None:
    files = {path: text.encode() for path, text in SEED.items()}
    files["content/people/mo.md~"] = files["content/people/mo.md"]
    assert_hub_is_handled(files)


def test_the_loses_nothing_check_sees_a_dropped_file() -> None:
    """A file the loader never saw (here: added after loading) counts as lost."""
    files = {path: text.encode() for path, text in SEED.items()}
    with tempfile.TemporaryDirectory() as folder:
        _write(Path(folder), files)
        result = load_hub(Path(folder) / "content", display_root=Path(folder))
    files["content/people/mo.md~"] = files["content/people/mo.md"]
    assert lost_files(result, files) == ["content/people/mo.md~"]


@settings(max_examples=max(EXAMPLES // 2, 15), deadline=timedelta(seconds=BUDGET_SECONDS),
          database=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.sampled_from(FILES[1:]), st.sampled_from(SNIPPETS), st.integers(1, 12))
def test_every_snippet_as_a_value(path: str, snippet: bytes, line: int) -> None:
    """Each hostile snippet, placed as the value of a front-matter field."""
    files = {p: text.encode() for p, text in SEED.items()}
    lines = files[path].split(b"\n")
    index = min(line, lines.index(b"---", 1) - 1)
    key = lines[index].partition(b":")[0]
    lines[index] = key + b": " + snippet
    files[path] = b"\n".join(lines)
    assert_hub_is_handled(files)


@pytest.mark.parametrize("text", [
    "a: " + "[" * 2000 + "]" * 2000,
    "a: " + "{b: " * 1500 + "c" + "}" * 1500,
    "a: " + "[x, " * 1500 + "]" * 1500,
    "a: !!str x\nb: " + "[" * 3000,  # a tag sends the text down the pure-Python path
    "a: " + "[" * 900 + "]" * 900,  # within what libyaml composes
])
def test_deep_nesting_is_refused_quickly(text: str) -> None:
    """Found by fuzzing: 2,000 `[` took PyYAML's scanner 2-4 s before a RecursionError."""
    started = time.process_time()  # CPU time: other jobs on a shared machine do not count
    with pytest.raises(YamlError, match="nested too deeply"):
        load(text)
    assert time.process_time() - started < 1.0


def test_the_checks_catch_what_they_look_for() -> None:
    """The properties are not vacuous: each one rejects what it should."""
    assert _PROBLEM.match("content/people/a.md:3: name: missing (hint)")
    assert not _PROBLEM.match("content/people/a.md:0: name: x")
    assert not _PROBLEM.match("just text")
    assert _unprintable("a\x1b[31mb\x00\u202e") == ["U+0000", "U+001B", "U+202E"]
    assert _is_draft(b"---\nname: x\ndraft: true\n---\n")
    assert not _is_draft(b"---\nname: x\ndraft: false\n---\n")
    flipped = Mutation("flip", 0.0, b"\x01").apply(b"---")
    assert flipped == b",--"
    assert Mutation("value", 0.5, b"X").apply(b"---\nname: a\n---") == b"---\nname: X\n---"
