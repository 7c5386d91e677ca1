"""Answering the shell's Tab: what `loopdeck` does when the completion script runs it.

The script (`loopdeck completion SHELL`, from argcomplete) runs `loopdeck` with
`_ARGCOMPLETE` and the command line in the environment; `main()` sends that
here before anything else, and argcomplete writes the answer for the shell.
Only the commands the line names are registered, as for a normal run
(`tui.cli.commands.modules_for`): completing `loopdeck show ` imports one
command module, a partial command name registers them all.

Beyond argparse's own choices, an argument shown as PROCESS completes with one
word per loop of the data file (`storage.lookup.short_names`), read from the
file `--db` names or the usual one. A file that cannot be read completes no
loops; completing never writes anything.
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
        names = short_names(loop.process for loop in repo.loops(include_closed=True))
    except (StorageError, OSError):
        return []
    wanted = prefix.casefold()
    return [prefix + name[len(prefix) :] for name in names.values() if name.startswith(wanted)]


def data_file(parsed_args: argparse.Namespace) -> Path:
    """The file the command line being typed would open (`--demo`: the demo's seed)."""
    if getattr(parsed_args, "demo", False):
        from tui.demo import SEED_FILE

        return SEED_FILE
    from storage.locations import resolve_db_path

    return resolve_db_path(getattr(parsed_args, "db", None))


COMPLETERS: dict[str, Callable[..., list[str]]] = {"PROCESS": loop_words}
"""What an argument completes with, by the metavar its command gives it."""
