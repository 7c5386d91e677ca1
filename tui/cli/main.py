"""`loopdeck`: the entry point. A subcommand for scripts, none for the full-screen app.

Every user mistake ends here as one line on stderr, prefixed `loopdeck: `, with
exit code 2 for a malformed command line and 1 for everything else; the data
file is never written on the way (the repository writes whole transactions or
nothing). Textual is imported only when the app opens, never for a subcommand;
and opening the app imports neither pydantic nor the storage layer here, so
that it can paint a cached first screen before they load (`tui.first_screen`).
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from planner import clock
from planner.dates import DateError
from storage.errors import StorageError
from storage.locations import resolve_db_path
from tui.cli.commands import register_all
from tui.cli.errors import CliError
from tui.cli.parsing import CliParser, UsageError

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
    if args.demo:
        from tui.demo import make_demo_copy

        return make_demo_copy(today)
    return resolve_db_path(args.db)


def open_app(path: Path, today: dt.date) -> int:
    """The full-screen app, imported here so that no subcommand pays for textual.

    The collector stays off while the app's modules load (none of it is
    garbage); the app turns it back on once the file is open (`run_app`).
    """
    gc.disable()
    from tui.app import run_app

    return run_app(path, today)


def user_error(error: Exception) -> str | None:
    """The one line to print for a mistake of the user's, or None for a bug.

    The error types of the models and the quick-add grammar are imported only
    here, on the way out, because importing them costs every start.
    """
    if isinstance(error, (StorageError, DateError, CliError)):
        return str(error)
    from pydantic import ValidationError

    from planner.quickadd import QuickAddError
    from planner.validation import describe
    from tui.demo import DemoDataMissing

    if isinstance(error, ValidationError):
        return describe(error)
    if isinstance(error, (QuickAddError, DemoDataMissing)):
        return str(error)
    return None


def fail(message: str) -> None:
    sys.stderr.write(f"loopdeck: {message}\n")


def main(argv: Sequence[str] | None = None) -> int:
    if "_ARGCOMPLETE" in os.environ:  # the shell asks for completions: answer and exit
        from tui.cli.completing import answer

        answer()
    argv = sys.argv[1:] if argv is None else argv
    try:
        args = build_parser(argv).parse_args(argv)
        today = read_today()
        path = data_path(args, today)
        if args.command is None:
            return open_app(path, today)
        from tui.cli.context import Context

        code: int = args.run(args, Context(db_path=path, today=today))
        return code
    except SystemExit as done:  # --help prints and exits cleanly
        return done.code if isinstance(done.code, int) else 0
    except UsageError as error:
        fail(str(error))
        return USAGE_EXIT
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `loopdeck next | head`: the reader has all it wanted
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # so the exit-time flush does not fail again
        return 0
    except Exception as error:
        message = user_error(error)
        if message is None:
            raise
        fail(message)
        return ERROR_EXIT
