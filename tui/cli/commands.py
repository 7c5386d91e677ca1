"""The registry of subcommands: one module per command, listed once here.

Each module has `register(subparsers)`, which adds its parser and sets
`run=<function(args, ctx) -> int>` as the parser's default. Adding a command is
one new module and one line below, naming the commands the module registers.

Modules are imported by name, and only those the command line needs: opening
the app imports none (no icalendar, no git plumbing before the first frame),
`loopdeck next ...` imports only `next_steps`. Anything else (`--help`, a
mistyped command) registers every module, so help and "invalid choice" messages
list all commands exactly as before.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence

from tui.cli.parsing import Subparsers

# In the order `loopdeck --help` lists them: daily questions first, then edits.
# (module in tui.cli, the command names its register() adds)
COMMANDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("next_steps", ("next",)),
    ("listing", ("list",)),
    ("show", ("show",)),
    ("add", ("add",)),
    ("edit", ("edit",)),
    ("stage", ("stage",)),
    ("move", ("move",)),
    ("cancel", ("cancel",)),
    ("done", ("done",)),
    ("log", ("log",)),
    ("did", ("did",)),
    ("intake", ("intake",)),
    ("contact", ("contact",)),
    ("forget", ("forget",)),
    ("owner", ("owner",)),
    ("hold", ("hold", "resume")),
    ("close", ("close",)),
    ("delete", ("delete",)),
    ("offer", ("offer",)),
    ("offers", ("offers",)),
    ("told", ("told",)),
    ("draft", ("draft",)),
    ("prep", ("prep",)),
    ("stats", ("stats",)),
    ("pace", ("pace",)),
    ("export", ("export",)),
    ("importing", ("import",)),
    ("config", ("config",)),
    ("undo", ("undo",)),
    ("check", ("check",)),
    ("sync", ("sync",)),
    ("conflicts", ("conflicts",)),
    ("merge_driver", ("merge-driver",)),
    ("completion", ("completion",)),
)

APP_FLAGS = {"--demo"}
"""Top-level options without a value: they leave the command slot empty."""
APP_OPTIONS = {"--db"}
"""Top-level options taking the next word as their value."""


def modules_for(argv: Sequence[str]) -> list[str]:
    """The modules whose commands `argv` may need, in help order.

    The first word that is not a top-level option decides: a command name needs
    its own module; no such word (the app) needs none; anything else (help, a
    typo, an abbreviated option) needs them all, so argparse answers as before.
    """
    words = iter(argv)
    for word in words:
        if word in APP_FLAGS or word.startswith("--db="):
            continue
        if word in APP_OPTIONS:
            next(words, None)
            continue
        named = [module for module, names in COMMANDS if word in names]
        return named or [module for module, _ in COMMANDS]
    return []


def register_all(subparsers: Subparsers, argv: Sequence[str] | None = None) -> None:
    """Register the commands `argv` needs (every command when `argv` is None)."""
    modules = [module for module, _ in COMMANDS] if argv is None else modules_for(argv)
    for name in modules:
        importlib.import_module(f"tui.cli.{name}").register(subparsers)
