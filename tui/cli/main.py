"""`loopdeck`: the entry point. A subcommand for scripts, none for the full-screen app.

Every user mistake ends here as one line on stderr, prefixed `loopdeck: `, with
exit code 2 for a malformed command line and 1 for everything else; the data
file is never written on the way (the repository writes whole transactions or
nothing). Textual is imported only when the app opens, never for a subcommand.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from pydantic import ValidationError

from planner import clock
from planner.dates import DateError
from planner.quickadd import QuickAddError
from storage.errors import StorageError
from storage.locations import resolve_db_path
from tui.cli.commands import register_all
from tui.cli.context import CliError, Context
from tui.cli.parsing import CliParser, UsageError
from tui.demo import DemoDataMissing, make_demo_copy

USAGE_EXIT = 2
ERROR_EXIT = 1


def build_parser(argv: Sequence[str] | None = None) -> CliParser:
    """The parser for `argv`, with the commands it may need (every command when None)."""
    parser = CliParser(
        prog="loopdeck",
        description="Many interview loops, one view: who owns the next step, and whom to nudge.",
        epilog="Without a command, loopdeck opens the full-screen app.",
    )
    parser.add_argument(
        "--db", metavar="PATH", help="the data file (default: $LOOPDECK_DB, else your data folder)"
    )
    parser.add_argument(
        "--demo", action="store_true", help="work on a fresh temp copy of the demo data"
    )
    subparsers = parser.add_subparsers(
        dest="command", metavar="COMMAND", title="commands", parser_class=CliParser
    )
    register_all(subparsers, argv)
    return parser


def read_today() -> dt.date:
    try:
        return clock.today()
    except ValueError as error:  # a malformed LOOPDECK_TODAY
        raise CliError(str(error)) from None


def data_path(args: argparse.Namespace, today: dt.date) -> Path:
    if args.demo and args.db:
        raise UsageError("--demo and --db cannot be used together")
    return make_demo_copy(today) if args.demo else resolve_db_path(args.db)


def open_app(path: Path) -> int:
    """The full-screen app, imported here so that no subcommand pays for textual."""
    from tui.app import run_app

    return run_app(path)


def fail(message: str) -> None:
    sys.stderr.write(f"loopdeck: {message}\n")


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    try:
        args = build_parser(argv).parse_args(argv)
        today = read_today()
        ctx = Context(db_path=data_path(args, today), today=today)
        if args.command is None:
            return open_app(ctx.db_path)
        code: int = args.run(args, ctx)
        return code
    except SystemExit as done:  # --help prints and exits cleanly
        return done.code if isinstance(done.code, int) else 0
    except UsageError as error:
        fail(str(error))
        return USAGE_EXIT
    except ValidationError as error:
        from planner.validation import describe

        fail(describe(error))
        return ERROR_EXIT
    except (StorageError, QuickAddError, DateError, CliError, DemoDataMissing) as error:
        fail(str(error))
        return ERROR_EXIT
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `loopdeck next | head`: the reader has all it wanted
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # so the exit-time flush does not fail again
        return 0
