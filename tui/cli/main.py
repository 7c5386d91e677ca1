"""`loopdeck`: the entry point. A subcommand for scripts, none for the full-screen app.

Every user mistake ends here as one line on stderr, prefixed `loopdeck: `, with
exit code 2 for a malformed command line and 1 for everything else; the data
file is never written on the way (the repository writes whole transactions or
nothing). Textual is imported only when the app opens, never for a subcommand;
and opening the app imports neither pydantic nor the storage layer here, so
that its first frame comes before they load (the app opens the file in a worker).
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from planner import clock
from planner.dates import DateError
from planner.text import visible
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
    from pydantic_core import ValidationError

    from planner.changes.base import Refused
    from planner.quickadd import QuickAddError
    from planner.validation import describe
    from tui.demo import DemoDataMissing

    if isinstance(error, ValidationError):
        return describe(error)
    if isinstance(error, (QuickAddError, DemoDataMissing, Refused)):
        return str(error)
    return None


def fail(message: str) -> None:
    sys.stderr.write(f"loopdeck: {visible(message)}\n")


def leave(code: int) -> NoReturn:
    """End the process now: the output is flushed and any write is already durable.

    A command has nothing left to do once its output is out: the data file
    was fsynced before its transaction returned, and the lock is released
    when the process ends. Tearing down every model, dict and module one by
    one at exit would only cost time (tens of milliseconds on a large file).
    """
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


def entry() -> None:
    """The `loopdeck` script: `main`, leaving at once after a command (see `leave`)."""
    sys.exit(main(exit_after_command=True))


def main(argv: Sequence[str] | None = None, *, exit_after_command: bool = False) -> int:
    """Run the command line `argv`; its exit status.

    `exit_after_command` ends the process once a command succeeded (see
    `leave`), for the script alone: in-process callers such as tests get
    the status back. The app always returns, so a save still running in a
    worker thread finishes before the interpreter exits.
    """
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
        from tui.cli.output import warn

        context = Context(db_path=path, today=today)
        code: int = args.run(args, context)
        for notice in context.notices():
            warn(notice)
        sys.stdout.flush()  # the output first: the cache is for the next run
        context.done()
        if exit_after_command:
            leave(code)  # a closed pipe raises here, on the flush, and is handled below
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
