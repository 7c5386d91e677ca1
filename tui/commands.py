"""The command palette's own commands: jump to a loop by name, and every key's action.

Each command runs one of the main screen's actions, so the palette, the keys and the
help can never disagree about what a command does or when it is allowed.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider

if TYPE_CHECKING:
    from tui.app import LoopdeckApp

ACTIONS = (
    ("Add a loop", "add_loop", "New loop from one quick-add line"),
    ("Add a round", "add_round", "A round for the selected loop, from one quick-add line"),
    ("Mark the round done", "done", "The current round took place: its outcome and who decided"),
    ("Log a touch, note or promise", "log", "Sent, received, a note, or a promise I made"),
    ("Add a contact", "add_contact", "A contact card for the selected loop"),
    ("Edit the loop", "edit", "The selected loop's fields and its application date"),
    ("Set or clear the owner", "owner", "Who owns the next step, until cleared"),
    ("Record or edit the offer", "offer", "The selected loop's offer and its deadline"),
    ("Close the loop", "close_loop", "With a reason and who made the call"),
    ("Tick off a promise", "did", "An open promise of mine in the selected loop is done"),
    ("Draft a message", "draft", "The message the selected loop calls for: copy it, mark it sent"),
    ("Intake an invite or a mail", "intake", "Paste an invite or a mail (or a file's path)"),
    ("Next steps by owner", "next_steps", "Recruiter, hiring manager and my own steps"),
    ("Prep for the next round", "prep", "Questions, talking points, how they decide"),
    (
        "Told the recruiter about a deadline",
        "told",
        "Log that this loop's recruiter heard about another offer deadline",
    ),
    ("Show the offers side by side", "offers", "Open offers with their totals"),
    ("Show the funnel", "funnel", "Pass-through and reply times"),
    ("Export the loops as CSV", "export('csv')", "One row per loop, into the current folder"),
    (
        "Export a calendar (ICS)",
        "export('ics')",
        "Scheduled rounds and offer deadlines, into the current folder",
    ),
    ("Export a Markdown summary", "export('md')", "One page per loop, into the current folder"),
    ("Undo the last change", "undo", "Take back the latest write"),
    ("Sync through git", "sync", "Commit, pull and push the data file"),
    ("Review kept conflicts", "conflicts", "Values a sync overwrote: take back or let go"),
    ("Show or hide closed loops", "toggle_closed", "Closed loops are hidden by default"),
    ("Filter the loops", "filter", "Type part of a company, role, stage or tag"),
    ("Keys and quick-add grammar", "help", "Every key with what it does"),
)
"""(name, the main screen's action, help); the export has no key, only these commands."""


class LoopdeckCommands(Provider):
    """Loops are found by 'Company / Role'; actions by their description."""

    @property
    def _app(self) -> LoopdeckApp:
        return cast("LoopdeckApp", self.app)

    def _commands(self) -> list[tuple[str, Callable[[], object], str]]:
        main = self._app.main
        found: list[tuple[str, Callable[[], object], str]] = [
            (f"Go to {title}", partial(main.select_loop, process_id), "Select this loop")
            for process_id, title in main.loop_titles()
        ]
        for name, action, help_text in ACTIONS:
            found.append((name, partial(main.run_command, action), help_text))
        return found

    async def discover(self) -> Hits:
        for name, run, help_text in self._commands():
            if not name.startswith("Go to "):
                yield DiscoveryHit(name, run, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, run, help_text in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), run, help=help_text)
