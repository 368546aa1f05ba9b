"""`mentorhub diff BASE_REF`: what a change does to the hub, in Markdown.

The base revision's content folder is read with `git archive` into a temporary
folder (the work tree is never touched), both hubs are loaded with the same
loader, and :mod:`mentorhub.changes` compares them. The pull-request workflow
appends the output to `$GITHUB_STEP_SUMMARY`. KPIs and suggestions use the
options of the `mentorhub`, `mentorhub-kpi` and `mentorhub-matching` plugins in
mkdocs.yml, so the figures match the built site.
"""

from __future__ import annotations

import argparse
import importlib
import io
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import yaml

from ..changes import KpiFunction, SuggestionFunction, compare, to_markdown
from ..cycle.storage import DEFAULT_FOLDER
from ..hub.loader import LoadResult, load_hub
from ..hub.models import Hub
from ..hub.printable import one_line
from ..hub.site_config import read_config
from ..impact.kpis import DEFAULT_MIN_RESPONSES, DEFAULT_TREND_DAYS, compute_kpis
from ..site.build_date import build_date
from .common import add_project_argument, content_dir, load_project, min_responses
from .notes import hub_options


class DiffError(Exception):
    """The comparison cannot be made (not a git repository, unknown revision …)."""


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "diff", help="print in Markdown what changes against BASE_REF: records, KPIs, suggestions",
        description="Compare the hub at BASE_REF (a branch, tag or commit) with the work tree "
                    "(or --head REF) and print a Markdown summary.",
    )
    parser.add_argument("base", metavar="BASE_REF", help="the revision to compare with, e.g. origin/main")
    parser.add_argument("--head", metavar="REF", help="compare this revision instead of the work tree")
    add_project_argument(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    project: Path = args.project
    try:
        settings = read_config(project / "mkdocs.yml").plugins
        with tempfile.TemporaryDirectory(prefix="mentorhub-diff-") as tmp:
            crowd = min_responses(project)
            base = load_revision(project, args.base, Path(tmp) / "base", crowd)
            head = load_revision(project, args.head, Path(tmp) / "head", crowd) if args.head \
                else load_project(project)
            hub_settings = settings.get("mentorhub", {})
            as_of = build_date(_text(hub_settings.get("as_of")))
            impact = compare(base, head, kpi_function(settings, as_of),
                             suggestion_function(settings, as_of))
    except DiffError as exc:
        print(one_line(f"mentorhub diff: {exc}"), file=sys.stderr)
        return 2
    except (ValueError, yaml.YAMLError) as exc:
        print(one_line(f"mkdocs.yml: {exc}"), file=sys.stderr)
        return 2
    summary = to_markdown(impact, args.base, as_of.isoformat())
    if records_changed(project, args.base, args.head):
        summary += "\n\n" + RECORDS_CHANGED
    sys.stdout.write(summary + "\n")
    return 0


#: All the summary says about relationship records: they are private, so not which or how.
RECORDS_CHANGED = "**Relationship records changed** (encrypted; nothing more is shown)."


def records_changed(project: Path, base: str, head: str | None) -> bool:
    """Whether any file in the records folder differs between `base` and `head` (or the work tree)."""
    cycle = hub_options(project / "mkdocs.yml").get("cycle")
    folder = str(cycle.get("records", DEFAULT_FOLDER) if isinstance(cycle, dict) else DEFAULT_FOLDER)
    changed = _git(project, "diff", "--name-only", base, *([head] if head else []), "--", folder)
    untracked = b"" if head else _git(project, "ls-files", "--others", "--exclude-standard", "--", folder)
    return bool(changed.strip() or untracked.strip())


# -- reading a revision ---------------------------------------------------------------------


def _git(project: Path, *args: str) -> bytes:
    try:
        done = subprocess.run(["git", *args], cwd=project, capture_output=True, check=False, timeout=300)
    except FileNotFoundError:
        raise DiffError("git is not installed") from None
    if done.returncode != 0:
        raise DiffError(done.stderr.decode("utf-8", "replace").strip() or f"git {args[0]} failed")
    return done.stdout


def load_revision(project: Path, revision: str, folder: Path,
                  min_responses: int = DEFAULT_MIN_RESPONSES) -> LoadResult:
    """The hub as it was at `revision`; an empty hub if its content folder did not exist yet."""
    try:
        _git(project, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}")
    except DiffError:
        raise DiffError(f"'{revision}' is not a revision of the git repository at {project}") from None
    prefix = _git(project, "rev-parse", "--show-prefix").decode().strip()
    relative = content_dir(project).resolve().relative_to(project.resolve()).as_posix()
    target = folder / relative
    target.mkdir(parents=True)
    try:
        archive = _git(project, "archive", "--format=tar", f"{revision}:{prefix}{relative}")
    except DiffError:
        return load_hub(target, display_root=folder, min_responses=min_responses)  # no content there yet
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        # The "data" filter refuses links and paths that would leave the folder; such a
        # member is skipped here, as the loader refuses a symlink leading out of content/.
        tar.extractall(target, filter=_safe_member)
    return load_hub(target, display_root=folder, min_responses=min_responses)


def _safe_member(member: tarfile.TarInfo, path: str) -> tarfile.TarInfo | None:
    try:
        return tarfile.data_filter(member, path)
    except tarfile.FilterError:
        return None


# -- options from mkdocs.yml --------------------------------------------------------------------


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


def _int(settings: Mapping[str, Any], name: str, default: int) -> int:
    value = settings.get(name, default)
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"{name}: expected a whole number, got {value!r}")
    return value


def kpi_function(settings: Mapping[str, Mapping[str, Any]], as_of: Any) -> KpiFunction:
    kpi = settings.get("mentorhub-kpi", {})
    min_responses = _int(kpi, "min_responses", DEFAULT_MIN_RESPONSES)
    trend_days = _int(kpi, "trend_days", DEFAULT_TREND_DAYS)

    def kpis_of(hub: Hub) -> Mapping[str, Any]:
        report = compute_kpis(hub, as_of, min_responses=min_responses, trend_days=trend_days)
        return report.to_json()

    return kpis_of


def suggestion_function(settings: Mapping[str, Mapping[str, Any]], as_of: Any) -> SuggestionFunction | None:
    """Mentee → suggested mentor ids, as the site would show them; None without matching."""
    try:
        # Imported by name: matching is an optional part of an installation.
        matching = importlib.import_module("mentorhub.matching")
    except ModuleNotFoundError as exc:
        if exc.name and exc.name.startswith("mentorhub.matching"):
            return None
        raise
    stale = settings.get("mentorhub", {}).get("stale_after_days", 365)
    options = matching.options_from_settings(
        as_of, settings.get("mentorhub-matching", {}), stale if isinstance(stale, int) else 365
    )

    def suggestions_of(hub: Hub) -> Mapping[str, Sequence[str]]:
        result = matching.match_hub(hub, options)
        return {mentee: [s.person for s in found] for mentee, found in result.mentors_for.items()}

    return suggestions_of
