"""`mentorhub check`: validate the content without building the site."""

from __future__ import annotations

import argparse
import datetime as dt
import gettext
import os
import sys
from pathlib import Path
from typing import Any

from ..hub.files import SKILLS_FILE, display_path
from ..hub.loader import gc_paused
from ..hub.models import Hub
from ..hub.problems import Problem, format_problems
from ..hub.vocabulary import translation_warnings
from ..hub.warnings import content_warnings
from ..site.build_date import build_date
from .common import add_project_argument, content_dir, load_project, print_problems
from .hub_language import hub_languages, hub_localizer
from .notes import DEFAULT_STALE_AFTER_DAYS, hub_options, stale_notes


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("check", help="validate content/ and print every problem")
    parser.add_argument("--pause-stale", action="store_true",
                        help="opt-in (pause_after_days in mkdocs.yml): set availability: paused for mentors "
                             "not confirmed within stale_after_days + pause_after_days")
    parser.add_argument("--drafts", action="store_true",
                        help="hold drafts to every rule too (they are still not published)")
    add_project_argument(parser)
    parser.set_defaults(run=run)


# What check loads lives until it ends: with the collector on again after loading,
# its scans of a 20,000-record hub would cost ~0.08 s.
@gc_paused()
def run(args: argparse.Namespace) -> int:
    result = load_project(args.project, check_drafts=args.drafts)
    # The hub's language (English without Babel's import cost in an English hub), with
    # real plural forms ("1 resource"); the `path:line: field:` prefix never changes.
    words = hub_localizer(args.project)
    print_problems(result, words)
    if result.problems:
        return 1
    if args.pause_stale:
        from .pause import pause_stale  # only when asked: check stays light

        if not pause_stale(result.hub, args.project):
            return 2
        result = load_project(args.project, check_drafts=args.drafts)  # what was written is checked too
        print_problems(result, words)
        if result.problems:
            return 1
    hub = result.hub
    catalog = words.catalog if words is not None else gettext.NullTranslations()
    ngettext, translate = catalog.ngettext, catalog.gettext if words is not None else None
    options = hub_options(args.project / "mkdocs.yml")
    today = _today(options)
    warnings = sorted([*content_warnings(hub, today, args.project, result.media, result.drafts),
                       *result.warnings, *skill_translation_warnings(args.project, hub)])
    if warnings:
        print(format_problems(warnings, translate=translate), file=sys.stderr)
        if os.environ.get("GITHUB_ACTIONS") == "true":
            print(format_problems(warnings, github=True, translate=translate))
        summary = ngettext("%(num)s warning: published as it is, but probably a mistake.",
                           "%(num)s warnings: published as they are, but probably mistakes.",
                           len(warnings))
        print("\n" + summary % {"num": len(warnings)} + "\n", file=sys.stderr)
    counts = [
        ngettext("%(num)s person", "%(num)s people", len(hub.people)),
        ngettext("%(num)s resource", "%(num)s resources", len(hub.resources)),
        ngettext("%(num)s session", "%(num)s sessions", len(hub.sessions)),
        ngettext("%(num)s story", "%(num)s stories", len(hub.stories)),
        ngettext("%(num)s skill", "%(num)s skills", len(hub.skills)),
    ]
    sizes = [len(hub.people), len(hub.resources), len(hub.sessions), len(hub.stories), len(hub.skills)]
    print("OK: " + ", ".join(text % {"num": size} for text, size in zip(counts, sizes, strict=True)) + ".")
    stale = options.get("stale_after_days", DEFAULT_STALE_AFTER_DAYS)
    notes = stale_notes(hub, args.project, today,
                        stale if isinstance(stale, int) and not isinstance(stale, bool)
                        else DEFAULT_STALE_AFTER_DAYS)
    if notes:
        print("\n".join(["", catalog.gettext("Notes for profile owners (not problems):"), *notes]))
    return 0


def skill_translation_warnings(project: Path, hub: Hub) -> list[Problem]:
    """Per-language skill labels lacking one of the hub's languages (docs/guide/content.md)."""
    skills = content_dir(project) / SKILLS_FILE
    if not any(s.labels or s.descriptions for s in hub.skills.values()) or not skills.is_file():
        return []
    return translation_warnings(hub.skills, hub_languages(project), display_path(skills, project),
                                skills.read_text(encoding="utf-8"))


def _today(options: dict[str, Any]) -> dt.date:
    """The day the hub describes: the mentorhub plugin's as_of, SOURCE_DATE_EPOCH, or today."""
    as_of = options.get("as_of")
    try:
        return build_date(None if as_of is None else str(as_of))
    except ValueError:
        return build_date()  # the build reports a bad as_of; check is about content
