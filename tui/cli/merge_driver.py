"""`loopdeck merge-driver BASE OURS THEIRS [PATH]`: the merge git runs for the data file.

Git calls it with `%O %A %B %P` (see `storage.gitdriver`); it writes the merged
file into OURS and exits 0, or leaves OURS untouched and exits 1 with one line
on stderr, so git reports a conflict instead of committing a guess.

Git runs it as `python -P -m tui.cli.merge_driver`: a merge must not depend on
anything the rest of the command line reads (the data file location, today's
date), and starting without them keeps a pull fast.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from storage.errors import StorageError
from storage.mergefiles import merge_files
from tui.cli.parsing import CliParser, Subparsers, UsageError

if TYPE_CHECKING:
    from tui.cli.context import Context


def register(subparsers: Subparsers) -> None:
    parser = subparsers.add_parser(
        "merge-driver",
        help="merge three versions of the data file (git runs this during a pull)",
        description=__doc__,
    )
    add_arguments(parser)
    parser.set_defaults(run=run)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("base", type=Path, help="the common ancestor (git's %%O)")
    parser.add_argument("ours", type=Path, help="our version; receives the result (git's %%A)")
    parser.add_argument("theirs", type=Path, help="their version (git's %%B)")
    parser.add_argument("path", nargs="?", default="", help="the file's path in the repo (%%P)")


def run(args: argparse.Namespace, ctx: Context | None = None) -> int:
    name = Path(args.path).name or args.ours.name
    try:
        merge_files(args.base, args.ours, args.theirs, name)
    except StorageError as error:
        sys.stderr.write(f"loopdeck merge-driver: {error}\n")
        return 1
    except OSError as error:
        sys.stderr.write(f"loopdeck merge-driver: cannot read or write {name}: {error.strerror}\n")
        return 1
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = CliParser(prog="loopdeck merge-driver", description=__doc__)
    add_arguments(parser)
    try:
        return run(parser.parse_args(argv))
    except UsageError as error:
        sys.stderr.write(f"loopdeck merge-driver: {error}\n")
        return 2


def leave(code: int) -> NoReturn:
    """End the process without freeing three parsed copies of the file one object at a time.

    The result is in place (renamed over OURS) before `run` returns, and git
    reads it from disk; nothing else is left to do.
    """
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


if __name__ == "__main__":
    leave(main())
