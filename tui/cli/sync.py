"""`loopdeck sync [--init] [--remote URL]`: share the data file with your other machines via git.

Commits the data file, pulls (git merges it record by record with loopdeck's
merge driver, installed here when missing), pushes, and retries when another
machine pushed meanwhile. Without a remote it commits locally and says so.
"""

from __future__ import annotations

import argparse

from tui.cli.context import Context
from tui.cli.output import say
from tui.cli.parsing import Subparsers


def register(subparsers: Subparsers) -> None:
    parser = subparsers.add_parser(
        "sync", help="commit, pull and push the data file through git", description=__doc__
    )
    parser.add_argument(
        "--init", action="store_true", help="make the data file's folder a git repository"
    )
    parser.add_argument("--remote", metavar="URL", help="the remote to sync with (as origin)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, ctx: Context) -> int:
    from storage.gitsync import sync

    result = sync(ctx.db_path, init=args.init, remote_url=args.remote)
    say("\n".join(result.summary()))
    return 0
