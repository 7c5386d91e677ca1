"""`loopdeck check`: is the data file sound? Exit 0 if so, else 1 with the reason.

Meant for scripts and git hooks (e.g. before a commit of the synced folder):
it reads the file exactly as the app would and never writes it.
"""

from __future__ import annotations

import argparse

from storage.gitdriver import driver_status
from tui.cli.context import CliError, Context
from tui.cli.output import count, emit
from tui.cli.parsing import Subparsers


def register(subparsers: Subparsers) -> None:
    parser = subparsers.add_parser("check", help="validate the data file", description=__doc__)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, ctx: Context) -> int:
    if not ctx.db_path.exists():
        emit(f"No data file at {ctx.db_path} yet (the first change creates it)")
        return 0
    repo = ctx.repo
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
    emit(f"{ctx.db_path.name} is sound: " + ", ".join(counts))
    driver_problem = driver_status(ctx.db_path)
    if driver_problem is not None:
        # The file itself is fine, but the next sync would merge it line by line and could
        # leave conflict markers: that is worth a non-zero exit in a hook.
        raise CliError(driver_problem)
    return 0
