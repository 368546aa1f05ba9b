"""The `mentorhub` command line: each subcommand lives in `mentorhub.commands`."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from .commands import check, diff, kpi, match, new, schemas

#: Subcommand modules; each has `register(subparsers)` and sets `run` on its parser.
COMMANDS = [check, new, schemas, kpi, match, diff]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="mentorhub", description="Validate, explore and measure a mentorship hub."
    )
    subparsers = parser.add_subparsers(dest="command", required=True)
    for command in COMMANDS:
        command.register(subparsers)
    args = parser.parse_args(argv)
    try:
        return int(args.run(args))
    except KeyboardInterrupt:  # pragma: no cover
        return 130
    except BrokenPipeError:  # pragma: no cover - e.g. `mentorhub match | head`
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
