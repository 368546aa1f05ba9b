"""`mentorhub nudges`: the body of the "Profiles to confirm" issue, or a terminal list.

The scheduled workflow `.github/workflows/nudges.yml` runs `mentorhub nudges --format
markdown --output nudges.md --title-output … --closing-output …` and opens, updates or
closes one issue with them (docs/guide/nudges.md), in the hub's language.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from ..hub.printable import one_line
from ..hub.site_config import read_config
from ..matching import match_hub, options_from_settings
from ..matching.controls import check_controls, load_controls
from ..matching.options import DEFAULT_STALE_AFTER_DAYS
from ..nudges import Nudges, closing_comment, find_nudges, issue_body, issue_title
from ..site.build_date import build_date
from ..site.contribute import edit_base, edit_url
from ..site.render import person_src
from ..site.urls import dest_path
from .common import add_project_argument, content_dir, load_valid_hub
from .hub_language import hub_localizer

if TYPE_CHECKING:
    from ..i18n import Localizer

DEFAULT_WARN_DAYS = 30
DEFAULT_WAITING_DAYS = 30


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "nudges", help="list profiles to confirm and mentees waiting for a mentor",
        description="Profiles whose `confirmed` date is older than stale_after_days minus --warn-days, "
                    "each with a link to the file in the web editor, and mentees who joined more "
                    "than --waiting-days days ago with no mentor and no suggestion. Public facts "
                    "only. Prints nothing when there is nobody to nudge.")
    parser.add_argument("--format", choices=("text", "markdown"), default="text",
                        help="markdown: the issue body the nudges workflow posts (default: text)")
    parser.add_argument("--warn-days", type=int, default=DEFAULT_WARN_DAYS, metavar="DAYS",
                        help=f"list a profile this many days before it reads \"may be inactive\" "
                             f"(default: {DEFAULT_WARN_DAYS})")
    parser.add_argument("--waiting-days", type=int, default=DEFAULT_WAITING_DAYS, metavar="DAYS",
                        help=f"list mentees waiting longer than this (default: {DEFAULT_WAITING_DAYS})")
    parser.add_argument("--as-of", metavar="YYYY-MM-DD", help="the day to count from (default: today)")
    parser.add_argument("--output", "-o", type=Path, metavar="FILE",
                        help="write to FILE instead of the terminal (empty when nobody is listed)")
    parser.add_argument("--title-output", type=Path, metavar="FILE",
                        help="also write the issue's title, in the hub's language, to FILE")
    parser.add_argument("--closing-output", type=Path, metavar="FILE",
                        help="also write the comment that closes the issue when nobody is left, "
                             "in the hub's language, to FILE")
    add_project_argument(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.warn_days < 0 or args.waiting_days < 0:
        print("mentorhub nudges: --warn-days and --waiting-days are 0 or more", file=sys.stderr)
        return 2
    hub = load_valid_hub(args.project)
    if hub is None:
        return 1
    try:
        config = read_config(args.project / "mkdocs.yml")
        # Today, not as_of or SOURCE_DATE_EPOCH: a nudge is about the day it is sent.
        today = build_date(args.as_of) if args.as_of else dt.datetime.now(tz=dt.UTC).date()
    except (ValueError, yaml.YAMLError) as exc:
        print(one_line(f"mentorhub nudges: {exc}"), file=sys.stderr)
        return 2
    stale = config.plugins.get("mentorhub", {}).get("stale_after_days", DEFAULT_STALE_AFTER_DAYS)
    stale = stale if isinstance(stale, int) and not isinstance(stale, bool) else DEFAULT_STALE_AFTER_DAYS
    options = options_from_settings(today, config.plugins.get("mentorhub-matching", {}), stale)
    controls, problems = load_controls(content_dir(args.project), args.project)
    if not problems and not check_controls(controls, hub):
        options = controls.apply(options)
    suggested = match_hub(hub, options).mentors_for
    nudges = find_nudges(hub, today=today, stale_after_days=stale, warn_days=args.warn_days,
                         waiting_days=args.waiting_days, suggested=suggested)
    # The issue speaks the hub's first language (as `check` does); the terminal list stays English.
    words = hub_localizer(args.project) if args.format == "markdown" or args.title_output \
        or args.closing_output else None
    text = _markdown(nudges, args.project, config.data, words) if args.format == "markdown" else _text(nudges)
    if args.title_output:
        args.title_output.write_text(issue_title(words) + "\n", encoding="utf-8")
    if args.closing_output:
        args.closing_output.write_text(closing_comment(words) + "\n", encoding="utf-8")
    if args.output:
        args.output.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


def _markdown(nudges: Nudges, project: Path, settings: Mapping[str, Any], words: Localizer | None) -> str:
    base = edit_base(_text_or_none(settings.get("repo_url")), _text_or_none(settings.get("edit_uri")))
    site_url = _text_or_none(settings.get("site_url")) or ""
    site_url = site_url if not site_url or site_url.endswith("/") else site_url + "/"
    paths = _content_paths(nudges, project)
    return issue_body(
        nudges,
        edit_link=lambda path: edit_url(base, path),
        profile_link=lambda person_id: (site_url + dest_path(person_src(person_id)).removesuffix("index.html")
                                        if site_url.startswith("https://") else ""),
        path_in_content=lambda person_id: paths[person_id],
        words=words,
    )


def _content_paths(nudges: Nudges, project: Path) -> dict[str, str]:
    """Person id → its file relative to the content folder (`people/ana.md`)."""
    folder = content_dir(project).relative_to(project).as_posix().strip("/") + "/"
    people = [s.person for s in nudges.stale] + [w.person for w in nudges.waiting]
    return {p.id: p.source.path.removeprefix(folder) for p in people}


def _text_or_none(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def _text(nudges: Nudges) -> str:
    lines = []
    for item in nudges.stale:
        person = item.person
        state = "not suggested since" if item.is_inactive(nudges.today) else "may be inactive from"
        lines.append(f"{person.source.path}: confirmed {person.confirmed} ({state} {item.inactive_from}): "
                     f"set confirmed: {nudges.today}")
    for wait in nudges.waiting:
        lines.append(f"{wait.person.source.path}: mentee waiting {wait.days} days with no mentor "
                     "and no suggestion")
    return "".join(one_line(line) + "\n" for line in lines)
