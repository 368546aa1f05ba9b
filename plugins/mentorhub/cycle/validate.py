"""A decrypted relationship record → :class:`Relationship`, or every problem with it.

Decrypted text is untrusted (anyone with a recipient's key could have written it):
it goes through the strict YAML reader (no tags, no duplicate keys, an alias budget)
and is checked field by field. Problems point at the record file and the line inside
the decrypted document (`records/ab12cd34.age:7: checkins[2].status: …`) and never
quote a value: every value in a record is private, so messages describe, not echo.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import yaml

from ..hub.fields import ID_PATTERN
from ..hub.problems import Msg, Problem
from ..hub.strict_yaml import Document, Path_, YamlError, load
from .models import GOAL_STATES, PARTIES, REASONS, STATUSES, Checkin, Closure, Goal, Relationship

#: Most values one record may hold: a relationship with ten years of weekly check-ins
#: stays well under it, and a hostile record cannot expand without limit.
RECORD_BUDGET = 20_000
NOTE_LIMIT = 2_000
GOAL_LIMIT = 300
HINT = Msg("line of the decrypted record; open it with mentorhub pair show, see docs/guide/cycle.md")
_TOP = ("mentee", "mentor", "circle", "facilitator", "started", "planned_end", "ended",
        "closure", "checkins", "goals")


class _Checker:
    def __init__(self, path: str, document: Document) -> None:
        self.path = path
        self.document = document
        self.problems: list[Problem] = []

    def problem(self, where: Path_, message: str, hint: str = HINT, *, at: Path_ | None = None) -> None:
        """A problem with the field at `where`, on the line of `at` (default: `where`)."""
        field = "".join(f"[{p + 1}]" if isinstance(p, int) else (f".{p}" if i else p)
                        for i, p in enumerate(where)) or "record"
        line = self.document.line_of(where if at is None else at)
        self.problems.append(Problem(self.path, line, field, message, hint))

    def mapping(self, value: Any, where: Path_, keys: tuple[str, ...]) -> dict[str, Any]:
        if not isinstance(value, dict):
            self.problem(where, Msg("expected a map of fields"))
            return {}
        for key in value:
            if key not in keys:
                # A key is written by an organizer and may be anything: located, not quoted.
                self.problem(where, Msg("unknown field on this line (expected %(names)s)",
                                        names=', '.join(keys)),
                             at=(*where, key))
        return value

    def date(self, data: dict[str, Any], where: Path_, key: str, *, required: bool) -> dt.date | None:
        value = data.get(key)
        if value is None:
            if required:
                self.problem((*where, key), Msg("%(key)s is required (a date, YYYY-MM-DD)", key=key))
            return None
        if not isinstance(value, dt.date):
            self.problem((*where, key), Msg("expected a date (YYYY-MM-DD)"))
            return None
        return value

    def choice(self, data: dict[str, Any], where: Path_, key: str, choices: tuple[str, ...]) -> str:
        value = data.get(key)
        if value is None:
            self.problem(where, Msg("%(key)s is required (one of %(names)s)",
                                    key=key, names=', '.join(choices)))
            return ""
        if value not in choices:
            self.problem((*where, key), Msg("not one of %(names)s", names=', '.join(choices)))
            return ""
        return str(value)

    def text(self, data: dict[str, Any], where: Path_, key: str, limit: int, *, required: bool) -> str:
        value = data.get(key)
        if value is None:
            if required:
                self.problem(where, Msg("%(key)s is required", key=key))
            return ""
        if not isinstance(value, str) or (required and not value.strip()):
            self.problem((*where, key), Msg("expected text"))
            return ""
        if len(value) > limit:
            self.problem((*where, key), Msg("longer than %(limit)s characters", limit=f"{limit:,}"))
        return value.strip()

    def person(self, data: dict[str, Any], key: str) -> str:
        value = data.get(key)
        if not isinstance(value, str) or not ID_PATTERN.match(value):
            self.problem((key,) if key in data else (),
                         Msg("%(key)s must be a person id (the file name without .md, e.g. ana-lima)",
                             key=key))
            return ""
        return value

    def items(self, data: dict[str, Any], key: str, read: Callable[[Any, Path_], Any]) -> tuple[Any, ...]:
        value = data.get(key)
        if value is None:
            return ()
        if not isinstance(value, list):
            self.problem((key,), Msg("expected a list"))
            return ()
        found = (read(item, (key, index)) for index, item in enumerate(value))
        return tuple(item for item in found if item is not None)


def parse_record(text: str, *, path: str, record_id: str) -> tuple[Relationship | None, list[Problem]]:
    """The relationship in a decrypted record, or None and what is wrong (all of it)."""
    try:
        document = load(text, budget=RECORD_BUDGET, what=Msg("relationship record"))
    except YamlError as exc:
        # The YAML reader's messages describe the syntax, never the values around it.
        return None, [Problem(path, exc.line, "record", exc.message, exc.hint or HINT)]
    check = _Checker(path, document)
    data = check.mapping(document.data, (), _TOP)
    if not data and not check.problems:
        check.problem((), Msg("the record is empty"))
    circle = "circle" in data or "facilitator" in data
    if circle:
        mentee = check.text(data, (), "circle", 200, required=True)
        mentor = check.person(data, "facilitator")
        if "mentee" in data or "mentor" in data:
            check.problem(("mentee",) if "mentee" in data else ("mentor",),
                          Msg("a record is a pair (mentee, mentor) or a circle (circle, facilitator), "
                              "not both"))
    else:
        mentee, mentor = check.person(data, "mentee"), check.person(data, "mentor")
    started = check.date(data, (), "started", required=True)
    planned_end = check.date(data, (), "planned_end", required=False)
    ended = check.date(data, (), "ended", required=False)
    closure = _closure(check, data)
    if started and planned_end and planned_end <= started:
        check.problem(("planned_end",), Msg("planned_end must come after started"))
    if started and ended and ended < started:
        check.problem(("ended",), Msg("ended is before started"))
    if ended and closure is None and "closure" not in data:
        check.problem(("ended",), Msg("an ended relationship needs a closure: {reason, initiated_by}"))
    if closure and ended is None and "ended" not in data:
        check.problem(("closure",), Msg("a closure needs an ended date"))
    checkins = check.items(data, "checkins", lambda item, where: _checkin(check, item, where, started))
    goals = check.items(data, "goals", lambda item, where: _goal(check, item, where))
    if check.problems or started is None:
        return None, check.problems
    return Relationship(id=record_id, path=path, mentee=mentee, mentor=mentor, started=started,
                        planned_end=planned_end, ended=ended, closure=closure,
                        checkins=tuple(sorted(checkins, key=lambda c: c.date)), goals=goals,
                        circle=circle), []


def _closure(check: _Checker, data: dict[str, Any]) -> Closure | None:
    if data.get("closure") is None:
        return None
    closure = check.mapping(data["closure"], ("closure",), ("reason", "initiated_by"))
    if not closure:
        return None
    reason = check.choice(closure, ("closure",), "reason", REASONS)
    by = check.choice(closure, ("closure",), "initiated_by", PARTIES)
    return Closure(reason, by) if reason and by else None


def _checkin(check: _Checker, item: Any, where: Path_, started: dt.date | None) -> Checkin | None:
    before = len(check.problems)
    values = check.mapping(item, where, ("date", "by", "status", "note"))
    if not values:
        return None
    date = check.date(values, where, "date", required=True)
    by = check.choice(values, where, "by", PARTIES)
    status = check.choice(values, where, "status", STATUSES)
    note = check.text(values, where, "note", NOTE_LIMIT, required=False)
    if date and started and date < started:
        check.problem((*where, "date"), Msg("a check-in before the relationship started"))
    if len(check.problems) > before or date is None:
        return None
    return Checkin(date, by, status, note)


def _goal(check: _Checker, item: Any, where: Path_) -> Goal | None:
    before = len(check.problems)
    values = check.mapping(item, where, ("goal", "state"))
    if not values:
        return None
    goal = check.text(values, where, "goal", GOAL_LIMIT, required=True)
    state = check.choice(values, where, "state", GOAL_STATES)
    return Goal(goal, state) if len(check.problems) == before else None


def record_text(relationship: Relationship) -> str:
    """The record as YAML, the way `pair` and `checkin` write it (parse_record reads it back)."""
    data: dict[str, Any] = ({"circle": relationship.mentee, "facilitator": relationship.mentor}
                            if relationship.circle else
                            {"mentee": relationship.mentee, "mentor": relationship.mentor})
    data["started"] = relationship.started
    if relationship.planned_end:
        data["planned_end"] = relationship.planned_end
    if relationship.ended:
        data["ended"] = relationship.ended
    if relationship.closure:
        data["closure"] = {"reason": relationship.closure.reason,
                           "initiated_by": relationship.closure.initiated_by}
    if relationship.checkins:
        data["checkins"] = [{"date": c.date, "by": c.by, "status": c.status,
                             **({"note": c.note} if c.note else {})} for c in relationship.checkins]
    if relationship.goals:
        data["goals"] = [{"goal": g.goal, "state": g.state} for g in relationship.goals]
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
