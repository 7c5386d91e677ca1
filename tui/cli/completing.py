"""Answering the shell's Tab: what `loopdeck` does when the completion script runs it.

The script (`loopdeck completion SHELL`, from argcomplete) runs `loopdeck` with
`_ARGCOMPLETE` and the command line in the environment; `main()` sends that
here before anything else, and argcomplete writes the answer for the shell.
Only the commands the line names are registered, as for a normal run
(`tui.cli.commands.modules_for`): completing `loopdeck show ` imports one
command module, a partial command name registers them all.

Beyond argparse's own choices, an argument shown as PROCESS completes with one
word per loop of the data file (`storage.lookup.short_names`), read from the
file `--db` names or the usual one. The item arguments after it complete with
that loop's handles (`planner.handles`, the numbers `show` prints): ROUND with
its rounds `r1…`, ITEM with every handle, WHICH with my open promises `l3…`.
A file that cannot be read, or a loop that does not resolve, completes
nothing; completing never writes anything.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from storage.errors import StorageError

if TYPE_CHECKING:
    from planner.handles import Handles
    from planner.models import Record


def answer(exit_method: Callable[[int], Any] = os._exit, output: TextIO | None = None) -> None:
    """Write the completions of the line in the environment, then exit (`exit_method`)."""
    import argcomplete

    from tui.cli.main import build_parser

    line = os.environ.get("COMP_LINE", "")
    point = int(os.environ.get("COMP_POINT", len(line)))
    _, prefix, _, words, _ = argcomplete.split_line(line, point)
    start = int(os.environ.get("_ARGCOMPLETE", "1"))  # where the program's own words begin
    parser = build_parser([*words[start:], prefix])
    for action in arguments(parser):
        if action.metavar in COMPLETERS:
            action.completer = COMPLETERS[action.metavar]  # type: ignore[attr-defined]
    argcomplete.autocomplete(
        parser, always_complete_options=False, exit_method=exit_method, output_stream=output
    )


def arguments(parser: argparse.ArgumentParser) -> Iterator[argparse.Action]:
    """Every argument of the parser and of its subcommands' parsers.

    argparse keeps them in `_actions` (argcomplete reads the same list); no
    public accessor exists.
    """
    for action in parser._actions:
        yield action
        if isinstance(action, argparse._SubParsersAction):
            for subparser in action.choices.values():
                yield from arguments(subparser)


def loop_words(prefix: str, parsed_args: argparse.Namespace, **_: object) -> list[str]:
    """One word per loop of the data file that starts like `prefix` (any case)."""
    from storage.lookup import short_names
    from storage.repository import Repository

    try:
        repo = Repository.open(data_file(parsed_args), save_cache=False)
        names = short_names(loop.process for loop in repo.loops(include_closed=True))
    except (StorageError, OSError):
        return []
    wanted = prefix.casefold()
    return [prefix + name[len(prefix) :] for name in names.values() if name.startswith(wanted)]


def round_handles(prefix: str, parsed_args: argparse.Namespace, **_: object) -> list[str]:
    """The named loop's rounds by handle (`r1`, `r2`, ...), for ROUND.

    `move PROCESS [ROUND] DATE` takes its words together: a handle only as the first.
    """
    from planner.models import Round

    if getattr(parsed_args, "words", None):
        return []
    return _handles(prefix, parsed_args, lambda item: isinstance(item, Round))


def item_handles(prefix: str, parsed_args: argparse.Namespace, **_: object) -> list[str]:
    """Every handle of the named loop (`r1`, `p1`, `l1`, `q1`, `t1`), for ITEM."""
    return _handles(prefix, parsed_args, lambda item: True)


def promise_handles(prefix: str, parsed_args: argparse.Namespace, **_: object) -> list[str]:
    """The handles of the named loop's open promises (`l3`), for `did`'s WHICH."""
    from planner.models import Event, EventKind

    return _handles(
        prefix,
        parsed_args,
        lambda item: isinstance(item, Event) and item.kind == EventKind.PROMISE and not item.done,
    )


def _handles(
    prefix: str, parsed_args: argparse.Namespace, wanted: Callable[[Record], bool]
) -> list[str]:
    named = loop_handles(parsed_args)
    if named is None:
        return []
    start = prefix.casefold()
    return [h for h, item in named.items.items() if h.startswith(start) and wanted(item)]


def loop_handles(parsed_args: argparse.Namespace) -> Handles | None:
    """The handles of the loop PROCESS names on the line being typed; None if it names none."""
    from planner.handles import handles
    from planner.prep import Question, TalkingPoint
    from storage.repository import Repository

    query = getattr(parsed_args, "process", None)
    if not query:
        return None
    try:
        repo = Repository.open(data_file(parsed_args), save_cache=False)
        pid = repo.find_process(query).id
        loop = repo.loop(pid)
        return handles(loop, repo.records(Question, pid), repo.records(TalkingPoint, pid))
    except (StorageError, OSError):
        return None


def data_file(parsed_args: argparse.Namespace) -> Path:
    """The file the command line being typed would open (`--demo`: the demo's seed)."""
    if getattr(parsed_args, "demo", False):
        from tui.demo import SEED_FILE

        return SEED_FILE
    from storage.locations import resolve_db_path

    return resolve_db_path(getattr(parsed_args, "db", None))


COMPLETERS: dict[str, Callable[..., list[str]]] = {
    "PROCESS": loop_words,
    "ROUND": round_handles,
    "[ROUND] DATE": round_handles,
    "ITEM": item_handles,
    "WHICH": promise_handles,
}
"""What an argument completes with, by the metavar its command gives it."""
