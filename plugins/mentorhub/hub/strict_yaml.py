"""A strict, safe YAML reader that remembers where every value came from.

PyYAML's safe loader still resolves YAML 1.1 booleans (`no`, `on`, `yes`), merges
duplicate keys silently and expands aliases without limit. We use only PyYAML's
parser and composer (which build no Python objects) and turn the node tree into
plain data ourselves, so that:

* only `true`/`false` are booleans (YAML 1.2 core schema): `no` stays "no";
* mapping keys are always the text as written (`on:` is the key "on");
* a duplicate key is an error, not a silent overwrite;
* explicit tags (`!!python/object`, `!custom`) are refused;
* alias expansion has a budget (a "billion laughs" file is an error, not a hang);
* every key and list item keeps its line number for error messages.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.reader import ReaderError

from .problems import Msg
from .quoting import quote

Path_ = tuple[str | int, ...]

_STR = "tag:yaml.org,2002:str"
_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"
_INT = re.compile(r"[-+]?[0-9]+\Z")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?\Z")
_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})\Z")
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_TRUE = frozenset({"true", "True", "TRUE"})
_FALSE = frozenset({"false", "False", "FALSE"})
_NUMBER_STARTS = frozenset("+-.0123456789")  # how an int, a float or a date can begin
_KEYWORDS = _NULLS | _TRUE | _FALSE

#: Most values one front matter may expand to; real front matter has a few dozen.
NODE_BUDGET = 10_000
#: Most digits read as a number. Python refuses to convert more than 4,300 (a
#: ValueError, once a traceback), and no field needs more than a handful.
MAX_DIGITS = 100
#: Deepest nesting of lists and maps; real front matter needs three or four levels.
#: PyYAML's pure-Python scanner is quadratic in flow nesting: 2,000 `[` took 2–4 s
#: to end in a RecursionError (found by tests/test_fuzz.py).
MAX_DEPTH = 64
_TOO_DEEP = Msg("nested too deeply")
_INVALID_TOO_DEEP = Msg("invalid YAML: %(too_deep)s", too_deep=_TOO_DEEP)
_DEPTH_HINT = Msg("lists and maps may nest at most %(max_depth)s levels", max_depth=MAX_DEPTH)


class BigNumber(str):
    """A number too large to hold (over MAX_DIGITS digits, or beyond a float's range).

    It stays the text as written, so a text field may still hold it, and number
    fields refuse it by name ("the number is too large") instead of failing.
    """

    @property
    def negative(self) -> bool:
        return self.startswith("-")


def size_budget(text: str) -> int:
    """A value budget for a data file (skills.yml) that grows with the file.

    Every value written out takes at least one character, so a real file never has
    more values than characters; only aliases can expand past that, and an alias
    bomb ("billion laughs") is still stopped after len(text) values.
    """
    return max(NODE_BUDGET, len(text))


class YamlError(Exception):
    """The text is not YAML we accept; `line` is 1-based within the text."""

    def __init__(self, message: str, line: int, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.hint = hint


class _NodeLoader(yaml.SafeLoader):
    """Safe composer with no implicit resolvers: every plain scalar stays text."""

    def fetch_flow_collection_start(self, TokenClass: Any) -> None:
        if self.flow_level >= MAX_DEPTH:  # stop before the scanner's cost grows
            raise yaml.scanner.ScannerError(None, None, _TOO_DEEP, self.get_mark())
        super().fetch_flow_collection_start(TokenClass)


_NodeLoader.yaml_implicit_resolvers = {}

#: libyaml composes the same nodes about 5x faster (pure-Python parsing made
#: `mentorhub check` of a 20k-record hub take ~20 s). Its recursion runs in C and would
#: overflow the C stack, not raise RecursionError, on absurd nesting; text shorter than
#: this cannot nest deeper than it handles safely (20,000 levels, tested).
_FAST_LIMIT = 10_000
_UNUSUAL = re.compile(
    "[\t\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff!?]|[|>][-+0-9]*#"
)
_ScalarNode = yaml.ScalarNode
_DEFAULT_TAGS = {yaml.ScalarNode: _STR, yaml.SequenceNode: _SEQ, yaml.MappingNode: _MAP}


try:
    from yaml._yaml import CParser as _CParser
except ImportError:  # no libyaml: _compose never takes the fast path
    _CParser = yaml.SafeLoader  # type: ignore[misc,assignment]


class _FastNodeLoader(_CParser):
    """libyaml's composer with no resolvers: every node gets its default tag, as above.

    Only the C parser: CSafeLoader would add a constructor and a resolver that are set
    up for every file and never used here.
    """

    def resolve(self, kind: type[yaml.Node], value: Any, implicit: Any) -> str:
        return _DEFAULT_TAGS[kind]

    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        return None  # no path resolvers: nothing to track (called for every node)

    def ascend_resolver(self) -> None:
        return None


def _compose(text: str) -> yaml.Node | None:
    # The parsers differ on a few malformed or unusual inputs: tabs (libyaml allows
    # some), a BOM inside the text, control characters, Unicode line separators, tags
    # (`!`), complex keys (`?`) and a comment glued to a block scalar header (`|#`).
    # Texts with any of these take the pure-Python path (fuzzed: same values, lines
    # and messages either way).
    if yaml.__with_libyaml__ and len(text) < _FAST_LIMIT and not _UNUSUAL.search(text):
        loader = _FastNodeLoader(text)
        try:
            return loader.get_single_node()
        except yaml.YAMLError:
            pass  # parse again below, for the pure-Python parser's messages and lines
        finally:
            loader.dispose()
    return yaml.compose(text, Loader=_NodeLoader)


@dataclass
class Document:
    """Plain data from one YAML document plus the line of each key and item."""

    data: Any
    lines: dict[Path_, int] = field(default_factory=dict)

    def line_of(self, path: Path_, default: int = 1) -> int:
        """The line of `path`, or of its nearest located ancestor."""
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get((), default)


def load(text: str, *, first_line: int = 1, budget: int = NODE_BUDGET,
         what: str = Msg("front matter")) -> Document:
    """Parse one YAML document. Line numbers are offset so that the text starts at `first_line`.

    `budget` is the most values the document may expand to; `what` names the text in
    messages ("front matter", "skills.yml").
    """
    try:
        node = _compose(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line if mark else 0) + first_line
        problem = (exc.problem or exc.context or "invalid YAML").strip()
        raise YamlError(Msg("invalid YAML: %(problem)s", problem=problem), line,
                        _yaml_hint(problem)) from None
    except ReaderError as exc:
        # A NUL or other control character: its str() is two lines with a character
        # offset, not a line; name the character and the line it is on.
        line = text.count("\n", 0, exc.position) + first_line
        raise YamlError(
            Msg("invalid YAML: the control character U+%(code)s is not allowed",
                code=f"{exc.character:04X}"),
            line, Msg("remove it: editors may show it as a box, a space or ^@"),
        ) from None
    except yaml.YAMLError as exc:
        raise YamlError(Msg("invalid YAML: %(problem)s", problem=exc), first_line) from None
    except RecursionError:
        raise YamlError(_INVALID_TOO_DEEP, first_line, _DEPTH_HINT) from None
    document = Document(data=None, lines={(): first_line})
    if node is None:
        return document
    builder = _Builder(document, first_line, budget, what)
    try:
        document.data = builder.build(node, ())
    except RecursionError:
        raise YamlError(_INVALID_TOO_DEEP, first_line, _DEPTH_HINT) from None
    return document


def _yaml_hint(problem: str) -> str:
    if problem == _TOO_DEEP:
        return _DEPTH_HINT
    if "mapping values are not allowed" in problem:
        return Msg("put text that contains ': ' in quotes")
    if "found character '\\t'" in problem or "tab" in problem:
        return Msg("indent with spaces, not tabs")
    return ""


class _Builder:
    def __init__(self, document: Document, first_line: int, budget: int, what: str) -> None:
        self.document = document
        self.first_line = first_line
        self.limit = self.budget = budget
        self.what = what
        self.root: yaml.Node | None = None

    def line(self, node: yaml.Node) -> int:
        return int(node.start_mark.line) + self.first_line

    def build(self, node: yaml.Node, path: Path_) -> Any:
        if self.root is None:
            self.root = node
        self.budget -= 1
        if self.budget < 0:
            self._too_many(node)
        if len(path) > MAX_DEPTH:  # libyaml composes up to 1,000 levels; agree with PyYAML
            raise YamlError(_INVALID_TOO_DEEP, self.line(node), _DEPTH_HINT)
        # The checks below run for every value of every file: tags are compared
        # inline and each path tuple is built once (a 20k-record hub has ~400,000 values).
        if isinstance(node, yaml.ScalarNode):
            if node.tag != _STR:
                self._check_tag(node, _STR)
            return _scalar(node)
        if isinstance(node, yaml.SequenceNode):
            if node.tag != _SEQ:
                self._check_tag(node, _SEQ)
            items = []
            lines, first_line = self.document.lines, self.first_line
            for index, item in enumerate(node.value):
                item_path = (*path, index)
                lines[item_path] = item.start_mark.line + first_line
                items.append(self._scalar_item(item, item_path) if type(item) is _ScalarNode
                             else self.build(item, item_path))
            return items
        if isinstance(node, yaml.MappingNode):
            self._check_tag(node, _MAP)
            return self._mapping(node, path)
        raise YamlError(Msg("invalid YAML: unsupported node"), self.line(node))  # pragma: no cover

    def _scalar_item(self, node: yaml.ScalarNode, path: Path_) -> Any:
        """`build` for a plain scalar (most values), without its other branches."""
        self.budget -= 1
        if self.budget < 0:
            self._too_many(node)
        if len(path) > MAX_DEPTH:
            raise YamlError(f"invalid YAML: {_TOO_DEEP}", self.line(node), _DEPTH_HINT)
        if node.tag != _STR:
            self._check_tag(node, _STR)
        text = node.value
        if node.style:  # quoted or block scalar: always text
            return str(text)
        if text and text[0] not in _NUMBER_STARTS and text not in _KEYWORDS:  # a word
            return text
        return _scalar(node)

    def _too_many(self, node: yaml.Node) -> None:
        # Only on failure: walk the node tree once to tell an alias expansion (one node
        # reached twice) from a file that really is that long.
        assert self.root is not None
        if _has_alias(self.root):
            raise YamlError(
                Msg("invalid YAML: too many values (aliases expand beyond %(limit)s values)",
                    limit=self.limit),
                self.line(node),
                Msg("%(what)s does not need anchors and aliases", what=self.what),
            )
        raise YamlError(
            Msg("too many values (more than %(limit)s)", limit=self.limit),
            self.line(node),
            Msg("%(what)s holds a few dozen values; long data does not belong here", what=self.what),
        )

    def _mapping(self, node: yaml.MappingNode, path: Path_) -> dict[str, Any]:
        result: dict[str, Any] = {}
        lines, first_line = self.document.lines, self.first_line
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise YamlError(Msg("invalid YAML: a key must be plain text"), self.line(key_node))
            if key_node.tag != _STR:
                self._check_tag(key_node, _STR)
            key = str(key_node.value)
            line = key_node.start_mark.line + first_line
            key_path = (*path, key)
            if key in result:
                first = lines[key_path]
                raise YamlError(
                    Msg("duplicate key %(key)s (first given on line %(first)s)",
                        key=quote(key), first=first),
                    line,
                    Msg("keep one of them"),
                )
            lines[key_path] = line
            result[key] = (self._scalar_item(value_node, key_path) if type(value_node) is _ScalarNode
                           else self.build(value_node, key_path))
        return result

    def _check_tag(self, node: yaml.Node, expected: str) -> None:
        if node.tag != expected:
            tag = str(node.tag).replace("tag:yaml.org,2002:", "!!")
            raise YamlError(
                Msg("YAML tag %(tag)s is not allowed", tag=quote(tag)),
                self.line(node),
                Msg("front matter holds plain text, numbers, dates, lists and maps"),
            )


def _has_alias(root: yaml.Node) -> bool:
    """True if some node is reached twice (what an alias `*name` composes to)."""
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            return True
        seen.add(id(node))
        if isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
        elif isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                stack.extend((key, value))
    return False


def _scalar(node: yaml.ScalarNode) -> Any:
    text = str(node.value)
    if node.style:  # quoted or block scalar: always text ('' or None: plain)
        return text
    if text in _NULLS:
        return None
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    if text[0] not in _NUMBER_STARTS:  # most values are words: skip the three patterns
        return text
    if _INT.match(text):
        return int(text) if len(text) <= MAX_DIGITS else BigNumber(text)
    if _FLOAT.match(text) and any(ch.isdigit() for ch in text):
        number = float(text)
        return number if math.isfinite(number) else BigNumber(text)  # e.g. 1e999
    match = _DATE.match(text)
    if match:
        try:
            return dt.date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            return text  # an impossible date stays text; date fields report it
    return text
