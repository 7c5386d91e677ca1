"""`loopdeck conflicts`: the values a sync overwrote, and putting one of them back.

`--resolve N --take other` writes the kept value back; `--take current` just
drops it from the list. Either is one change that `loopdeck undo` takes back.
`--from-git` finishes a merge git did line by line (the merge driver was not
installed yet on this clone) with loopdeck's record-level merge.
"""

from __future__ import annotations

import argparse
import datetime as dt
from typing import TYPE_CHECKING, Any

import orjson

from planner.dates import day_words
from tui.cli.context import CliError, Context
from tui.cli.fit import Column, fit_table, output_width
from tui.cli.output import count, emit, say
from tui.cli.parsing import Subparsers

if TYPE_CHECKING:
    from storage.conflicts import KeptConflict


def register(subparsers: Subparsers) -> None:
    parser = subparsers.add_parser(
        "conflicts", help="review values a sync overwrote", description=__doc__
    )
    parser.add_argument("--resolve", type=int, metavar="N", help="resolve conflict N of the list")
    parser.add_argument(
        "--take", choices=("other", "current"), help="with --resolve: which value to keep"
    )
    parser.add_argument(
        "--from-git", action="store_true", help="merge a data file git left unmerged"
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, ctx: Context) -> int:
    if args.from_git:
        from storage.gitresolve import resolve_from_git

        say("\n".join(resolve_from_git(ctx.db_path)))
        return 0
    if args.resolve is not None:
        return resolve(args, ctx)
    if args.take is not None:
        raise CliError("--take goes with --resolve N")
    return show(ctx)


def show(ctx: Context) -> int:
    from storage.conflicts import read_conflicts

    conflicts = read_conflicts(ctx.repo)
    if not conflicts:
        emit("No kept conflicts: every sync merged cleanly")
        return 0
    emit(fit_table(COLUMNS, [row(c, ctx.today) for c in conflicts], output_width()))
    say(
        f"{count(len(conflicts), 'conflict')}; "
        "resolve one with 'loopdeck conflicts --resolve N --take other|current'"
    )
    return 0


def resolve(args: argparse.Namespace, ctx: Context) -> int:
    from storage.conflicts import resolve_conflict

    if args.take is None:
        raise CliError("say which value to keep: --take other or --take current")
    conflict = resolve_conflict(ctx.repo, args.resolve, args.take)
    kept = value_text(conflict.field, conflict.value if args.take == "other" else conflict.current)
    say(f"Resolved conflict {conflict.number} on {conflict.loop}: {conflict.field} is {kept}")
    emit("('loopdeck undo' brings the conflict back)")
    return 0


COLUMNS = (
    Column("#"),
    Column("loop", shrink=16),
    Column("record", drop=2),
    Column("field"),
    Column("kept (other)", shrink=14),
    Column("current", shrink=14),
    Column("other written", drop=1),
)
"""A narrow terminal keeps the number to resolve by, the loop, the field and both values."""


def row(conflict: KeptConflict, today: dt.date) -> list[str]:
    from storage.conflicts import stamp_time

    written = stamp_time(conflict.stamp)
    return [
        str(conflict.number),
        conflict.loop,
        f"{conflict.noun} {conflict.record_id[:8]}",
        "deleted" if conflict.field == "_deleted" else conflict.field,
        value_text(conflict.field, conflict.value),
        value_text(conflict.field, conflict.current),
        f"{day_words(written.date(), today)} {written:%H:%M}" if written else "-",
    ]


def value_text(field: str, value: Any) -> str:
    """A value as the user reads it; for deletion, the state rather than a stamp."""
    if field == "_deleted":
        return "alive" if value is None else "deleted"
    if isinstance(value, str):
        return repr(value) if value else "(empty)"
    return orjson.dumps(value).decode()
