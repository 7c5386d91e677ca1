"""Writing a planner change from the command line: apply its patch, print what it did.

Every editing command parses its arguments, asks a `planner.changes` function
for the patch (or its refusal, which `main()` prints as the one error line),
and ends here, so each prints its summary and notes the same way.
"""

from __future__ import annotations

from planner.changes.base import Patch
from tui.cli.context import Context
from tui.cli.output import say


def apply(ctx: Context, patch: Patch, notes: bool = True) -> None:
    """Write the patch as one transaction (nothing when empty) and say what changed.

    `notes=False` leaves its notes to the caller, who prints them after lines of its own.
    """
    ctx.repo.apply(patch)
    say(patch.summary)
    if notes:
        print_notes(patch)


def print_notes(patch: Patch) -> None:
    """The warnings that did not stop the change (a round on a day off)."""
    for note in patch.notes:
        say(f"Note: {note}")
