"""The command palette's own commands: jump to a loop by name, add, next steps, undo.

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
    ("Next steps by owner", "next_steps", "Recruiter, hiring manager and my own steps"),
    ("Prep for the next round", "prep", "Questions, talking points, how they decide"),
    (
        "Told the recruiter about a deadline",
        "told",
        "Log that this loop's recruiter heard about another offer deadline",
    ),
    ("Undo the last change", "undo", "Take back the latest write"),
    ("Sync through git", "sync", "Commit, pull and push the data file"),
    ("Review kept conflicts", "conflicts", "Values a sync overwrote: take back or let go"),
    ("Show or hide closed loops", "toggle_closed", "Closed loops are hidden by default"),
    ("Filter the loops", "filter", "Type part of a company, role, stage or tag"),
    ("Keys and quick-add grammar", "help", "Every key with what it does"),
)


class LoopdeckCommands(Provider):
    """Loops are found by 'Company / Role'; actions by their description."""

    @property
    def _app(self) -> LoopdeckApp:
        return cast("LoopdeckApp", self.app)

    def _commands(self) -> list[tuple[str, Callable[[], object], str]]:
        app, main = self._app, self._app.main
        found: list[tuple[str, Callable[[], object], str]] = [
            (f"Go to {title}", partial(main.select_loop, process_id), "Select this loop")
            for process_id, title in main.loop_titles()
        ]
        for name, action, help_text in ACTIONS:
            found.append((name, partial(app.run_action, action, main), help_text))
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
