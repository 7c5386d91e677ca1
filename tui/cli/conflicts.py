"""`loopdeck conflicts`: the values a sync overwrote, and putting one of them back.

`--resolve N --take other` writes the kept value back; `--take current` just
drops it from the list. Either is one change that `loopdeck undo` takes back.
`--from-git` finishes a merge git did line by line (the merge driver was not
installed yet on this clone) with loopdeck's record-level merge.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

import orjson

from tui.cli.context import CliError, Context
from tui.cli.output import clip, count, emit, table
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

        emit("\n".join(resolve_from_git(ctx.db_path)))
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
    headers = ("#", "loop", "record", "field", "kept (other)", "current", "other written")
    emit(table(headers, [row(c) for c in conflicts]))
    emit(
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
    emit(f"Resolved conflict {conflict.number} on {conflict.loop}: {conflict.field} is {kept}")
    emit("('loopdeck undo' brings the conflict back)")
    return 0


def row(conflict: KeptConflict) -> list[str]:
    from storage.conflicts import stamp_time

    written = stamp_time(conflict.stamp)
    return [
        str(conflict.number),
        clip(conflict.loop, 32),
        f"{conflict.noun} {conflict.record_id[:8]}",
        "deleted" if conflict.field == "_deleted" else conflict.field,
        clip(value_text(conflict.field, conflict.value), 32),
        clip(value_text(conflict.field, conflict.current), 32),
        written.strftime("%Y-%m-%d %H:%M") if written else "-",
    ]


def value_text(field: str, value: Any) -> str:
    """A value as the user reads it; for deletion, the state rather than a stamp."""
    if field == "_deleted":
        return "alive" if value is None else "deleted"
    if isinstance(value, str):
        return repr(value) if value else "(empty)"
    return orjson.dumps(value).decode()
