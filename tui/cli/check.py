"""`loopdeck check`: is the data file sound? Exit 0 if so, else 1 with the reason.

Meant for scripts and git hooks (e.g. before a commit of the synced folder):
it reads the file exactly as the app would and never writes it. In a clone
that syncs the file it also checks the merge driver (exit 1 if git would
merge the file line by line) and names committed attributes that would
switch the driver off and `.gitattributes`/`.gitignore` files that are links.
"""

from __future__ import annotations

import argparse

from storage.gitdriver import (
    bystander_root,
    committed_overrides,
    driver_status,
    symlinked_files,
)
from tui.cli.context import CliError, Context
from tui.cli.output import count, say, warn
from tui.cli.parsing import Subparsers


def register(subparsers: Subparsers) -> None:
    parser = subparsers.add_parser("check", help="validate the data file", description=__doc__)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, ctx: Context) -> int:
    repo = ctx.repo  # a file that cannot be read (a folder, a link to itself) stops here
    if repo.version is None:
        say(f"No data file at {ctx.db_path} yet (the first change creates it)")
        return 0
    if repo.read_only is not None:
        raise CliError(repo.read_only)
    loops = repo.loops(include_closed=True)
    rounds = sum(len(loop.rounds) for loop in loops)
    contacts = sum(len(loop.contacts) for loop in loops)
    events = sum(len(loop.events) for loop in loops)
    counts = [
        count(len(loops), "loop"),
        count(rounds, "round"),
        count(contacts, "contact"),
        count(events, "log entry", "log entries"),
    ]
    say(f"{ctx.db_path.name} is sound: " + ", ".join(counts))
    bystander = bystander_root(ctx.db_path)
    if bystander is not None:
        say(
            f"Not synced: git does not track {ctx.db_path.name} in {bystander}, so loopdeck "
            "leaves that repository alone ('loopdeck sync --init' syncs it there)"
        )
    for finding in symlinked_files(ctx.db_path) + committed_overrides(ctx.db_path):
        warn(finding)
    driver_problem = driver_status(ctx.db_path)
    if driver_problem is not None:
        # The file itself is fine, but the next sync would merge it line by line and could
        # leave conflict markers: that is worth a non-zero exit in a hook.
        raise CliError(driver_problem)
    return 0
