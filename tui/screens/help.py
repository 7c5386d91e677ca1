"""Help (`?` / F1): the keys, written from the app's own bindings so it cannot go stale."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static

GRAMMAR = (
    'Quick-add a loop:  Company / Role [rec:"Name <email>"] [hm:NAME] [via:SOURCE]\n'
    "                   [level:L5] [loc:Berlin] [next:KIND on:DATE at:HH:MM] [#tag]\n"
    'Add a round:       KIND [on:DATE] [at:HH:MM] [with:"Name"] [fmt:video] [due:DATE]\n'
    "Dates:             today, tomorrow, fri, +3d, +2w, 2026-03-20"
)


class HelpScreen(ModalScreen[None]):
    """A table of key, what it does, and the longer tooltip."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape,question_mark,f1,q", "close", "Close", tooltip="Close help", id="help-close"
        ),
    ]

    def __init__(self, bindings: list[tuple[str, Binding]]) -> None:
        super().__init__()
        self._keys = bindings

    def compose(self) -> ComposeResult:
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold", no_wrap=True)
        table.add_column(no_wrap=True)
        table.add_column()
        for keys, binding in self._keys:
            table.add_row(keys, binding.description, Text(binding.tooltip, style="dim"))
        with Vertical(id="dialog", classes="help"):
            yield Label("loopdeck keys", classes="dialog-title")
            with VerticalScroll():
                yield Static(table)
                yield Static(Text(GRAMMAR), id="grammar")
            yield Label("Esc closes · ctrl+p opens the command palette", classes="dialog-hint")

    def action_close(self) -> None:
        self.dismiss(None)
