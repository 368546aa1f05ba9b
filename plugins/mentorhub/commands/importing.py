"""`mentorhub import SOURCE --map MAPPING`: bring a spreadsheet or directory into the hub.

The work is in `mentorhub.importer`; this entry point reads the arguments, hands in
what only commands may use (age sealing, the ids `mentorhub new` makes), and prints
the report: one line per problem (`responses.csv:17: languages: …`), then a summary.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..hub.loader import load_vocabulary
from ..hub.printable import one_line
from ..hub.problems import Translate, format_problems
from ..hub.schema import RECORD_TYPES
from ..importer.mapping import proposed_mapping, read_mapping
from ..importer.run import WRITES, ImportReport, Options, run_import
from ..importer.sources import SourceError, Table, read_table
from .age_tools import AgeError, seal
from .common import add_project_argument, content_dir, project_recipients
from .hub_language import hub_localizer
from .new_ids import MAX_ID_LENGTH, id_from_title


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "import", help="bring people (or stories, resources) in from CSV, XLSX, JSON or YAML",
        description="Import rows from a form export or a directory into content/, driven by a "
                    "mapping file (docs/guide/importing.md). Nothing is written unless the result "
                    "passes 'mentorhub check'.")
    parser.add_argument("source", type=Path, help="the CSV, XLSX, JSON or YAML file")
    parser.add_argument("--map", "-m", type=Path, dest="mapping", metavar="MAPPING",
                        help="the mapping file (make a first one with --init-map)")
    parser.add_argument("--init-map", action="store_true",
                        help="print a proposed mapping for SOURCE's columns, and stop")
    parser.add_argument("--record", choices=[t.name for t in RECORD_TYPES], default="person",
                        help="with --init-map: what each row is (default: person)")
    parser.add_argument("--language", default="en",
                        help="with --init-map: the form's language (default: en)")
    parser.add_argument("--sheet", help="XLSX: the sheet to read (default: the first)")
    parser.add_argument("--dry-run", "-n", action="store_true",
                        help="report what would be written, and write nothing")
    parser.add_argument("--add-skills", action="store_true",
                        help="add unknown skills to content/skills.yml (category 'Imported')")
    add_project_argument(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    source: Path = args.source
    shown = one_line(source.name)
    try:
        table = read_table(source, args.sheet)
    except SourceError as exc:
        return _refuse(f"{shown}:{exc.line}: {exc.message}")
    if args.init_map:
        record = next(t for t in RECORD_TYPES if t.name == args.record)
        sys.stdout.write(proposed_mapping(table.headers, record, args.language))
        return 0
    if args.mapping is None:
        return _refuse(f"give the mapping file with --map (start one with: mentorhub import "
                       f"{shown} --init-map > mapping.yml)")
    words = hub_localizer(args.project)  # problems in the hub's language; the summary stays English
    translate = words.gettext if words is not None else None
    mapping, problems = read_mapping(args.mapping, one_line(str(args.mapping)), table.headers)
    if mapping is None:
        print(format_problems(problems, translate=translate), file=sys.stderr)
        return _refuse("the mapping file has problems: nothing was imported")
    if not mapping.media:
        mapping.media = str(source.parent)
    content = content_dir(args.project)
    vocab, vocab_problems = load_vocabulary(content, args.project)
    if vocab_problems:
        print(format_problems(vocab_problems, translate=translate), file=sys.stderr)
        return _refuse("content/skills.yml has problems (mentorhub check): nothing was imported")
    recipients, problem = project_recipients(args.project)
    if problem:
        return _refuse(f"mkdocs.yml: recipients: {problem}")
    options = Options(
        dry_run=args.dry_run, add_skills=args.add_skills,
        seal=(lambda email, person_id: seal(email, recipients, person_id)) if recipients else None,
        make_id=lambda title: id_from_title(title, MAX_ID_LENGTH),
        recipients=tuple(recipients),
    )
    try:
        report = run_import(shown, table, mapping, content, vocab, options)
    except AgeError as exc:
        return _refuse(str(exc))
    _print_report(report, table, args, translate)
    return 1 if report.blocked else 0


def _print_report(report: ImportReport, table: Table, args: argparse.Namespace,
                  translate: Translate | None) -> None:
    if report.problems:
        print(format_problems(sorted(report.problems), translate=translate), file=sys.stderr)
    if report.blocked:
        print(format_problems(report.blocked, translate=translate), file=sys.stderr)
        why = ("the mapping file has problems" if report.blocked[0].path != report.source
               and not report.planned else "the hub would not pass 'mentorhub check' after this import")
        print(f"\n{why[0].upper()}{why[1:]}: nothing was written.", file=sys.stderr)
    project = args.project
    for plan in report.planned:
        if plan.action in WRITES and args.dry_run:
            where = one_line(str(Path(content_dir(project).name) / plan.path)) if plan.path else ""
            print(f"would {plan.action} {where} ({', '.join(plan.fields) or 'no new values'})")
    read = f"{len(table.rows)} rows"
    if table.encoding and table.encoding != "xlsx":
        read += f", {table.encoding}"
    if table.delimiter:
        read += ", separated by " + {",": "commas", ";": "semicolons", "\t": "tabs"}.get(
            table.delimiter, repr(table.delimiter))
    lines = [f"\n{report.source} ({read}):",
             f"  imported {report.created} new, updated {report.updated}, unchanged {report.unchanged}, "
             f"skipped {len(report.skipped)}"]
    if report.defaulted:
        lines.append("  defaulted: " + ", ".join(f"{field} in {n} row{'' if n == 1 else 's'}" for field, n in
                                                 sorted(report.defaulted.items())))
    if report.changed:
        lines.append("  changed: " + ", ".join(f"{what} ({n})" for what, n in sorted(report.changed.items())))
    if report.dropped_columns:
        lines.append("  dropped (no field for them in the mapping): " +
                     ", ".join(f"'{one_line(c)[:60]}'" for c in report.dropped_columns))
    if report.dropped_values:
        lines.append("  left out: " + ", ".join(f"{field} in {n} row{'' if n == 1 else 's'}" for field, n in
                                               sorted(report.dropped_values.items())))
    if report.added_skills:
        lines.append("  added to skills.yml: " + ", ".join(sorted(report.added_skills)))
    elif report.unknown_skills:
        lines.append("  unknown skills (add them to content/skills.yml, or run again with "
                     "--add-skills): " +
                     ", ".join(f"'{one_line(s)[:60]}'" for s in sorted(report.unknown_skills)))
    if args.dry_run:
        lines.append("Dry run: nothing was written.")
    elif report.written:
        lines.append("Written. Next: mentorhub check, then commit the changed files.")
    print("\n".join(lines))


def _refuse(message: str) -> int:
    print(f"mentorhub import: {one_line(message)}", file=sys.stderr)
    return 1
