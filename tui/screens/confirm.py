"""A one-key confirm before a deletion (`x` on an item): `y` goes ahead, any other key keeps it.

One key, not a form: deleting is undoable (`u`), so the question only has to
stop a slip of the finger, and it should cost one keystroke to answer.
"""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static


class ConfirmScreen(ModalScreen[bool]):
    """Dismisses with True for `y`, False for anything else."""

    def __init__(self, question: str, detail: str = "") -> None:
        super().__init__()
        self._question = question
        self._detail = detail

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="confirm"):
            yield Static(Text(self._question), classes="dialog-title")
            if self._detail:
                yield Static(Text(self._detail))
            yield Static(
                "y deletes · any other key keeps it (u undoes a deletion)", classes="dialog-hint"
            )

    def on_key(self, event: events.Key) -> None:
        event.stop()
        event.prevent_default()
        self.dismiss(event.key == "y")
