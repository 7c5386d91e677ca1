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
its rounds `r1…`, ITEM with every handle `forget` or `edit` takes (and
`offer`, `decision`), WHICH with my open promises `l3…`.
A file that cannot be read, or a loop that does not resolve, completes
nothing; completing never writes anything.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TextIO

from storage.errors import StorageError


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
        names = short_names(repo.processes())
    except (StorageError, OSError):
        return []
    wanted = prefix.casefold()
    return [prefix + name[len(prefix) :] for name in names.values() if name.startswith(wanted)]


def round_handles(prefix: str, parsed_args: argparse.Namespace, **_: object) -> list[str]:
    """The named loop's rounds by handle (`r1`, `r2`, ...), for ROUND.

    `move PROCESS [ROUND] DATE` takes its words together: a handle only as the first.
    """
    if getattr(parsed_args, "words", None):
        return []
    return [h for h in loop_items(parsed_args) if h.startswith("r")]


def item_handles(prefix: str, parsed_args: argparse.Namespace, **_: object) -> list[str]:
    """The handles ITEM takes: `forget` every one and the loop's `offer` or `decision` by
    name, `edit` those of rounds, log lines, questions and talking points (not people)."""
    items = loop_items(parsed_args)
    if getattr(parsed_args, "command", None) == "edit":
        return [h for h in items if h[0] in EDITABLE]
    return list(items)


def promise_handles(prefix: str, parsed_args: argparse.Namespace, **_: object) -> list[str]:
    """The handles of the named loop's open promises (`l3`), for `did`'s WHICH."""
    from planner.models import Event, EventKind

    return [
        handle
        for handle, item in loop_items(parsed_args).items()
        if isinstance(item, Event) and item.kind == EventKind.PROMISE and not item.done
    ]


EDITABLE = "rlqt"
"""The handles `edit PROCESS ITEM` changes: rounds, log lines, questions, talking points."""


def loop_items(parsed_args: argparse.Namespace) -> dict[str, object]:
    """Handle -> item of the loop PROCESS names on the line being typed, in `show`'s order,
    then `offer` and `decision` when it has them; empty when PROCESS names no loop.

    argcomplete keeps only the words that start like the one being typed.
    """
    from planner.handles import handles
    from planner.offers import Offer
    from planner.prep import Decision, Question, TalkingPoint
    from storage.repository import Repository

    query = getattr(parsed_args, "process", None)
    if not query:
        return {}
    try:
        repo = Repository.open(data_file(parsed_args), save_cache=False)
        pid = repo.find_process(query).id
        questions, points = repo.records(Question, pid), repo.records(TalkingPoint, pid)
        items: dict[str, object] = dict(handles(repo.loop(pid), questions, points).items)
        for word, model in (("offer", Offer), ("decision", Decision)):
            found = repo.records(model, pid)
            if found:
                items[word] = found[0]
        return items
    except (StorageError, OSError):
        return {}


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
