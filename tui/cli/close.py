"""`loopdeck close PROCESS --reason ...`: end a loop, recording who made the call.

Who decided matters: a rejection by the hiring manager before their own call
reads differently from one by the panel, and the next loop's prep should know.
"""

from __future__ import annotations

import argparse

from planner.models import CloseReason, DecidedBy, Process, ProcessStatus
from tui.cli.context import CliError, Context
from tui.cli.output import emit
from tui.cli.parsing import Subparsers

# When the user does not say who decided, the reason usually does.
DEFAULT_DECIDER: dict[CloseReason, DecidedBy] = {
    CloseReason.REJECTED: DecidedBy.UNKNOWN,
    CloseReason.WITHDREW: DecidedBy.ME,
    CloseReason.ACCEPTED: DecidedBy.ME,
    CloseReason.DECLINED: DecidedBy.ME,
}


def register(subparsers: Subparsers) -> None:
    parser = subparsers.add_parser(
        "close",
        help="close a loop",
        description="Close a loop: rejected, withdrew, accepted or declined.",
    )
    parser.add_argument("process", metavar="PROCESS", help="id prefix or part of 'company / role'")
    parser.add_argument("--reason", required=True, choices=[r.value for r in CloseReason])
    parser.add_argument(
        "--by", choices=[d.value for d in DecidedBy], help="who made the call (default from reason)"
    )
    parser.add_argument("--on", metavar="DATE", help="when (default: today)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, ctx: Context) -> int:
    process = ctx.repo.find_process(args.process)
    if process.status == ProcessStatus.CLOSED:
        raise CliError(f"{process.title} is already closed; 'loopdeck resume' reopens it")
    reason = CloseReason(args.reason)
    closed = Process.model_validate(
        {
            **process.model_dump(),
            "status": ProcessStatus.CLOSED,
            "close_reason": reason,
            "closed_by": DecidedBy(args.by) if args.by else DEFAULT_DECIDER[reason],
            "closed_on": ctx.date(args.on),
        }
    )
    with ctx.repo.transaction(f"close {process.title}") as tx:
        tx.put(closed)
    by = (closed.closed_by or DecidedBy.UNKNOWN).value.replace("_", " ")
    emit(f"Closed {process.title}: {reason.value} (by {by})")
    return 0
