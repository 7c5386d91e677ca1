"""`loopdeck hold PROCESS` / `loopdeck resume PROCESS`: pause a loop, or bring it back.

A loop on hold (a hiring freeze, my own pause) stops raising follow-up and
cooling signals; `resume` also reopens a closed loop, clearing its close reason.
"""

from __future__ import annotations

import argparse

from planner.models import Process, ProcessStatus
from tui.cli.context import CliError, Context
from tui.cli.output import emit
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
    process = ctx.repo.find_process(args.process)
    if process.status != ProcessStatus.ACTIVE:
        raise CliError(f"{process.title} is {process.status.value.replace('_', ' ')}, not active")
    write(ctx, process, {"status": ProcessStatus.ON_HOLD}, f"hold {process.title}")
    emit(f"{process.title} is on hold")
    return 0


def run_resume(args: argparse.Namespace, ctx: Context) -> int:
    process = ctx.repo.find_process(args.process)
    if process.status == ProcessStatus.ACTIVE:
        raise CliError(f"{process.title} is already active")
    reopen = {"status": ProcessStatus.ACTIVE, "close_reason": None, "closed_by": None}
    write(ctx, process, {**reopen, "closed_on": None}, f"resume {process.title}")
    emit(f"{process.title} is active again")
    return 0


def write(ctx: Context, process: Process, changes: dict[str, object], label: str) -> None:
    updated = Process.model_validate({**process.model_dump(), **changes})
    with ctx.repo.transaction(label) as tx:
        tx.put(updated)
