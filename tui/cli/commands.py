"""The registry of subcommands: one module per command, listed once here.

Each module has `register(subparsers)`, which adds its parser and sets
`run=<function(args, ctx) -> int>` as the parser's default. Adding a command is
one new module and one line below. Modules keep heavy imports (textual, rich,
git plumbing) inside their functions so `loopdeck next` starts fast.
"""

from __future__ import annotations

from types import ModuleType

from tui.cli import (
    add,
    check,
    close,
    config,
    conflicts,
    done,
    export,
    hold,
    importing,
    listing,
    log,
    merge_driver,
    next_steps,
    offer,
    offers,
    owner,
    prep,
    show,
    stage,
    stats,
    sync,
    told,
    undo,
)
from tui.cli.parsing import Subparsers

# In the order `loopdeck --help` lists them: daily questions first, then edits.
COMMANDS: tuple[ModuleType, ...] = (
    next_steps,
    listing,
    show,
    add,
    stage,
    done,
    log,
    owner,
    hold,
    close,
    offer,
    offers,
    told,
    prep,
    stats,
    export,
    importing,
    config,
    undo,
    check,
    sync,
    conflicts,
    merge_driver,
)


def register_all(subparsers: Subparsers) -> None:
    for module in COMMANDS:
        module.register(subparsers)
