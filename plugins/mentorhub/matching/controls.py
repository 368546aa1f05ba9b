"""Organizer controls for matching: `content/matching.yml`, validated like content.

    weights: {skills: 0.7, timezone: 0.3}   # replaces the plugin's weights (ratios matter)
    off: [formats]                          # criteria switched off: they score 0
    pinned:                                 # always proposed in the cohort (and suggested)
      - {mentee: ana-lima, mentor: joao-silva}
    blocked:                                # never suggested, never proposed
      - {mentee: bo-chen, mentor: kim-park}

Read with the strict YAML reader (line numbers, duplicate keys, no tags); every
problem is `content/matching.yml:LINE: field: message (hint)`, all reported at once.
Imports only the hub room (strict_yaml, problems, quoting); the content walk
(hub/files.py) already admits `matching.yml` and never publishes it, so this module
only reads it. Rejected values go through quote()/label(), like every content problem.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..hub.files import MATCHING_FILE
from ..hub.models import Hub
from ..hub.problems import Problem, did_you_mean
from ..hub.quoting import label, quote
from ..hub.strict_yaml import Document, YamlError, load
from .options import DEFAULT_WEIGHTS, MatchOptions, Weights

CONTROLS_FILE = MATCHING_FILE
CRITERIA = tuple(DEFAULT_WEIGHTS)
KEYS = ("weights", "off", "pinned", "blocked")


@dataclass(frozen=True)
class PairRule:
    mentee: str
    mentor: str
    line: int


@dataclass(frozen=True)
class Controls:
    weights: dict[str, float] | None = None  # replaces the plugin's weights when given
    off: tuple[str, ...] = ()
    pinned: tuple[PairRule, ...] = ()
    blocked: tuple[PairRule, ...] = ()
    path: str = f"content/{CONTROLS_FILE}"

    def apply(self, options: MatchOptions) -> MatchOptions:
        base = self.weights or dataclasses.asdict(options.weights)
        weights = {name: 0.0 if name in self.off else float(base.get(name, 0.0)) for name in CRITERIA}
        return dataclasses.replace(
            options, weights=Weights(**weights),
            pinned=tuple((r.mentee, r.mentor) for r in self.pinned),
            blocked=frozenset((r.mentee, r.mentor) for r in self.blocked))


def load_controls(content_dir: Path, display_root: Path) -> tuple[Controls, list[Problem]]:
    """The controls in `content_dir/matching.yml` (none when the file is absent), and problems."""
    file = content_dir / CONTROLS_FILE
    try:
        shown = file.relative_to(display_root).as_posix()
    except ValueError:
        shown = file.as_posix()
    if not file.is_file():
        return Controls(path=shown), []
    try:
        document = load(file.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        return Controls(path=shown), [Problem(shown, 1, "file", "not UTF-8 text", "save it as UTF-8")]
    except YamlError as exc:
        return Controls(path=shown), [Problem(shown, exc.line, "file", exc.message, exc.hint)]
    return _read(document, shown)


def _read(doc: Document, path: str) -> tuple[Controls, list[Problem]]:
    problems: list[Problem] = []

    def problem(where: tuple[str | int, ...], message: str, hint: str = "") -> None:
        field = ".".join(label(str(p)) for p in where) or "file"
        problems.append(Problem(path, doc.line_of(where), field, message, hint))

    data = doc.data
    if data is None:
        return Controls(path=path), []
    if not isinstance(data, dict):
        problem((), "expected a map of weights, off, pinned and blocked")
        return Controls(path=path), problems
    for key in data:
        if key not in KEYS:
            problem((key,), "unknown setting", did_you_mean(str(key), KEYS) or f"settings: {', '.join(KEYS)}")
    weights = None
    if "weights" in data:
        raw = data["weights"]
        if not isinstance(raw, dict):
            problem(("weights",), "expected a map of criteria to numbers", f"criteria: {', '.join(CRITERIA)}")
        else:
            weights = {}
            for name, value in raw.items():
                if name not in CRITERIA:
                    problem(("weights", name), "unknown criterion",
                            did_you_mean(str(name), CRITERIA) or f"criteria: {', '.join(CRITERIA)}")
                elif isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
                    problem(("weights", name), "expected a number, 0 or more")
                else:
                    weights[name] = float(value)
    off: list[str] = []
    raw_off = data.get("off", [])
    if not isinstance(raw_off, list):
        problem(("off",), "expected a list of criteria", f"criteria: {', '.join(CRITERIA)}")
    else:
        for index, name in enumerate(raw_off):
            if name not in CRITERIA:
                problem(("off", index), f"unknown criterion {quote(str(name))}",
                        did_you_mean(str(name), CRITERIA) or f"criteria: {', '.join(CRITERIA)}")
            else:
                off.append(name)
    merged = {n: (weights or DEFAULT_WEIGHTS).get(n, 0.0) for n in CRITERIA}
    if all(merged[n] == 0 or n in off for n in CRITERIA) and not any(p.field == "off" for p in problems):
        problem(("off",) if off else ("weights",), "every criterion is off or weighs 0",
                "keep at least one criterion with a weight above 0")
    pinned = _pairs(doc, "pinned", problem)
    blocked = _pairs(doc, "blocked", problem)
    both = {(r.mentee, r.mentor) for r in pinned} & {(r.mentee, r.mentor) for r in blocked}
    for rule in pinned:
        if (rule.mentee, rule.mentor) in both:
            problems.append(Problem(path, rule.line, "pinned",
                                    f"{quote(rule.mentee)} and {quote(rule.mentor)} are "
                                    "both pinned and blocked", "keep one of the two"))
    seen: dict[str, PairRule] = {}
    for rule in pinned:
        if rule.mentee in seen:
            problems.append(Problem(path, rule.line, "pinned", f"{quote(rule.mentee)} is pinned twice "
                                    f"(also on line {seen[rule.mentee].line})",
                                    "the cohort gives each mentee one mentor"))
        seen.setdefault(rule.mentee, rule)
    return Controls(weights, tuple(off), tuple(pinned), tuple(blocked), path), sorted(problems)


def _pairs(doc: Document, key: str, problem: Callable[..., None]) -> list[PairRule]:
    data = doc.data
    raw = data.get(key, [])
    if not isinstance(raw, list):
        problem((key,), "expected a list of {mentee: id, mentor: id}")
        return []
    found = []
    for index, item in enumerate(raw):
        where = (key, index)
        if not isinstance(item, dict):
            problem(where, "expected {mentee: id, mentor: id}")
            continue
        for name in item:
            if name not in ("mentee", "mentor"):
                problem((*where, name), "unknown key", "a pair has only mentee and mentor")
        missing = [k for k in ("mentee", "mentor") if not isinstance(item.get(k), str)]
        if missing:
            problem(where, f"needs {' and '.join(missing)} (a person id)")
            continue
        found.append(PairRule(item["mentee"], item["mentor"], doc.line_of(where)))
    return found


def check_controls(controls: Controls, hub: Hub) -> list[Problem]:
    """Pairs that name no person, or a person without the needed role (with "did you mean")."""
    problems = []
    for key, rules in (("pinned", controls.pinned), ("blocked", controls.blocked)):
        for rule in rules:
            for role, person_id in (("mentee", rule.mentee), ("mentor", rule.mentor)):
                person = hub.people.get(person_id)
                if person is None:
                    problems.append(Problem(controls.path, rule.line, f"{key}.{role}",
                                            f"unknown person {quote(person_id)}",
                                            did_you_mean(person_id, hub.people)))
                elif role not in person.roles:
                    problems.append(Problem(controls.path, rule.line, f"{key}.{role}",
                                            f"{quote(person_id)} does not have the {role} role"))
    return sorted(problems)
