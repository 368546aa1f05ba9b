"""The `mentorhub` command line: each subcommand lives in `mentorhub.commands`."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from typing import Any

#: Subcommand modules in `mentorhub.commands`; each has `register(subparsers)` and sets
#: `run` on its parser. Only the one being run is imported: `check` runs before every
#: pull request and should not pay for rendering, matching and KPI imports.
COMMANDS = ("check", "new", "schemas", "kpi", "match", "diff", "verify", "init", "seal", "contacts",
            "pair", "checkin", "attention", "nudges", "import")
#: Commands whose module has another name (`import` is a Python keyword).
MODULES = {"import": "importing"}


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    parser = argparse.ArgumentParser(
        prog="mentorhub", description="Validate, explore and measure a mentorship hub."
    )
    parser.add_argument("--version", action=_Version,
                        help="print the engine's version and where it was installed from")
    subparsers = parser.add_subparsers(dest="command", required=True)
    wanted = [arguments[0]] if arguments and arguments[0] in COMMANDS else COMMANDS
    for name in wanted:
        importlib.import_module(f"{__package__}.{MODULES.get(name, name)}").register(subparsers)
    args = parser.parse_args(arguments)
    try:
        return int(args.run(args))
    except KeyboardInterrupt:  # pragma: no cover
        return 130
    except BrokenPipeError:  # pragma: no cover - e.g. `mentorhub match | head`
        return 0


class _Version(argparse.Action):
    """`--version`: the version, and the git commit, wheel or folder it was installed from."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: Any) -> None:
        super().__init__(option_strings, argparse.SUPPRESS, nargs=0, default=argparse.SUPPRESS, **kwargs)

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace,
                 values: Any, option_string: str | None = None) -> None:
        from ..releases import installed_engine  # reads package metadata: only when asked

        print(f"mentorhub {installed_engine().describe}")
        parser.exit()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
