"""`mentorhub match [PERSON]`: suggestions, peer circles and the cohort proposal in a terminal.

Reads the `mentorhub-matching` options from mkdocs.yml (without MkDocs, so it runs
wherever the core runs) and prints what the site would show.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, TextIO

import yaml

from ..hub.models import Hub
from ..hub.printable import json_safe, one_line
from ..hub.problems import did_you_mean, format_problems
from ..hub.site_config import read_config
from ..matching import (
    MatchContext,
    MatchOptions,
    MatchResult,
    Suggestion,
    cohort_summary,
    match_hub,
    matches_document,
    options_from_settings,
)
from ..matching.controls import check_controls, load_controls
from ..matching.options import DEFAULT_STALE_AFTER_DAYS
from ..matching.peers import in_peer_pool
from ..matching.preferences import preference_problems
from ..matching.reasons import duration
from ..matching.result import circle_record
from ..site.build_date import build_date
from .common import add_project_argument, content_dir, load_valid_hub


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "match", help="print suggested mentors, mentees, peers and circles, and the cohort proposal")
    parser.add_argument("person", nargs="?", help="a person id: show only what concerns them")
    parser.add_argument("--json", action="store_true",
                        help="print JSON (everyone: the same document as the site's matches.json)")
    parser.add_argument("--as-of", metavar="YYYY-MM-DD",
                        help="match as of this date (default: as_of in mkdocs.yml, "
                             "SOURCE_DATE_EPOCH or today)")
    add_project_argument(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    hub = load_valid_hub(args.project)
    if hub is None:
        return 1
    try:
        plugins = read_config(args.project / "mkdocs.yml").plugins
        hub_settings, settings = plugins.get("mentorhub", {}), plugins.get("mentorhub-matching", {})
        today = build_date(args.as_of or hub_settings.get("as_of"))
        stale = hub_settings.get("stale_after_days", DEFAULT_STALE_AFTER_DAYS)
        options = options_from_settings(today, settings, stale if isinstance(stale, int) else
                                        DEFAULT_STALE_AFTER_DAYS)
    except (ValueError, yaml.YAMLError) as exc:
        print(one_line(f"mkdocs.yml: {exc}"), file=sys.stderr)
        return 2
    controls, problems = load_controls(content_dir(args.project), args.project)
    problems += check_controls(controls, hub)
    if problems:
        print(format_problems(problems), file=sys.stderr)
        return 1
    options = controls.apply(options)
    result = match_hub(hub, options)
    if args.person:
        if args.person not in hub.people:
            hint = did_you_mean(args.person, hub.people)
            print(one_line(f"unknown person '{args.person}'" + (f" ({hint})" if hint else "")),
                  file=sys.stderr)
            return 1
        if args.json:
            _print_json(person_document(hub, result, args.person))
        else:
            _print_lines(person_lines(hub, result, args.person))
        return 0
    cohort = result.cohort
    for problem in preference_problems(MatchContext(hub, options)):
        print(one_line(f"warning: {problem}"), file=sys.stderr)
    if args.json:
        _print_json(matches_document(result))
        _print_lines(cohort_summary(cohort), file=sys.stderr)
    else:
        _print_lines([*everyone_lines(hub, result, options), "", *cohort_summary(cohort)])
    return 0


# -- mkdocs.yml -----------------------------------------------------------------------------


# -- output ---------------------------------------------------------------------------------


def _print_json(data: Any) -> None:
    print(json_safe(json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False)))


def _print_lines(lines: Iterable[str], file: TextIO | None = None) -> None:
    """One printed line per line: names and labels cannot add lines or escape sequences."""
    print("\n".join(one_line(line) for line in lines), file=file)


def _suggestion_lines(hub: Hub, suggestions: Sequence[Suggestion], indent: str) -> list[str]:
    lines = []
    for n, s in enumerate(suggestions, 1):
        other = hub.people[s.person]
        lines.append(f"{indent}{n}. {other.name} ({s.person}) — {round(s.score * 100)}% match")
        lines.extend(f"{indent}   · {reason}" for reason in s.reasons)
    return lines


def person_lines(hub: Hub, result: MatchResult, person_id: str) -> list[str]:
    person = hub.people[person_id]
    lines = [f"{person.name} ({person_id})"]
    sections = (
        (person.is_mentee, "Suggested mentors", result.mentors_for, result.why_no_mentor),
        (person.is_mentor, "Mentees you could help", result.mentees_for, result.why_no_mentee),
        (in_peer_pool(person), "Suggested peers", result.peers_for, result.why_no_peer),
    )
    for applies, title, lists, why in sections:
        if not applies:
            continue
        lines += ["", f"{title}:"]
        suggestions = lists.get(person_id, ())
        lines += _suggestion_lines(hub, suggestions, "  ") if suggestions else [
            f"  none: {why[person_id].text}" if person_id in why else "  none"]
    circle = result.circle_of(person_id)
    if circle:
        others = ", ".join(m for m in circle.members if m != person_id)
        lines += ["", f"Proposed peer circle: {circle.id} with {others}"]
    for led in result.circles_led_by(person_id):
        lines += ["", f"Suggested facilitator of the peer circle {led.id}"]
    if len(lines) == 1:
        lines.append("  (not a mentor, mentee or peer-circle member: nothing to suggest)")
    return lines


def everyone_lines(hub: Hub, result: MatchResult, options: MatchOptions) -> list[str]:
    mentors = sum(1 for _ in hub.mentors())
    lines = [f"Matching as of {options.today.isoformat()}: {len(result.mentors_for)} mentees, "
             f"{mentors} mentors, top {options.top_k}.", "", "Suggested mentors:"]
    for mentee_id, suggestions in sorted(result.mentors_for.items()):
        lines.append(f"  {hub.people[mentee_id].name} ({mentee_id})")
        if suggestions:
            lines += _suggestion_lines(hub, suggestions, "    ")
        else:
            lines.append(f"    none: {result.why_no_mentor[mentee_id].text}")
    lines += ["", f"Peer circles: {len(result.circles)}"]
    for circle in result.circles:
        record = circle_record(circle)
        spread = "" if circle.spread is None else f", within {duration(circle.spread)}"
        lines.append(f"  {circle.id} (in {record['language']}{spread}): {', '.join(circle.members)}"
                     f"; facilitator: {circle.facilitator or 'none yet'}")
    return lines


def person_document(hub: Hub, result: MatchResult, person_id: str) -> dict[str, Any]:
    def listing(lists: Mapping[str, Sequence[Suggestion]]) -> list[dict[str, Any]] | None:
        if person_id not in lists:
            return None
        return [{"person": s.person, "score": s.score, "reasons": list(s.reasons)}
                for s in lists[person_id]]

    why = {name: lookup[person_id].text for name, lookup in (
        ("mentors", result.why_no_mentor), ("mentees", result.why_no_mentee),
        ("peers", result.why_no_peer)) if person_id in lookup}
    circle = result.circle_of(person_id)
    return {
        "id": person_id,
        "mentors": listing(result.mentors_for),
        "mentees": listing(result.mentees_for),
        "peers": listing(result.peers_for),
        "why_none": why,
        "circle": circle_record(circle) if circle else None,
        "facilitates": [c.id for c in result.circles_led_by(person_id)],
    }
