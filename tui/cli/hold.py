"""`loopdeck hold PROCESS` / `loopdeck resume PROCESS`: pause a loop, or bring it back.

A loop on hold (a hiring freeze, my own pause) stops raising follow-up and
cooling signals; `resume` also reopens a closed loop, clearing its close reason.
"""

from __future__ import annotations

import argparse

from planner.changes.status import hold_loop, resume_loop
from tui.cli.applying import apply
from tui.cli.context import Context
from tui.cli.parsing import Subparsers


def register(subparsers: Subparsers) -> None:
    hold = subparsers.add_parser("hold", help="put a loop on hold", description=__doc__)
    hold.add_argument("process", metavar="PROCESS", help="id prefix or part of 'company / role'")
    hold.set_defaults(run=run_hold)
    resume = subparsers.add_parser(
        "resume", help="resume a loop on hold, or reopen a closed one", description=__doc__
    )
    resume.add_argument("process", metavar="PROCESS", help="id prefix or part of 'company / role'")
    resume.set_defaults(run=run_resume)


def run_hold(args: argparse.Namespace, ctx: Context) -> int:
    apply(ctx, hold_loop(ctx.loop(args.process), ctx.today))
    return 0


def run_resume(args: argparse.Namespace, ctx: Context) -> int:
    apply(ctx, resume_loop(ctx.loop(args.process), ctx.today))
    return 0
