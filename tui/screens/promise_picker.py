"""Which promise did I keep (`D` when a loop has several open)?

With one open promise the app ticks it off straight away, as `loopdeck did`
does without naming one; with several, the command line asks for a handle
and this list asks the same question.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from planner.models import Event, Loop
from planner.text import visible
from tui.visible_text import visible_text
from tui.widgets.labels import short_date
from tui.widgets.list_keys import ItemList


class PromisePicker(ModalScreen[Event | None]):
    """Dismisses with the chosen promise, or None on Escape."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Cancel", tooltip="Tick off nothing", id="did-cancel"),
    ]

    def __init__(self, loop: Loop, promises: list[Event]) -> None:
        super().__init__()
        self._title = visible(f"Which promise to {loop.process.company} is done?")
        self._promises = promises

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="told"):
            yield Label(self._title, classes="dialog-title")
            yield ItemList(*[Option(self._prompt(e)) for e in self._promises], id="did-list")
            yield Static("Enter ticks it off · Esc cancels", classes="dialog-hint")

    def _prompt(self, promise: Event) -> Text:
        text = Text(promise.text, style="bold")
        if promise.due is not None:
            text.append(f"  due {short_date(promise.due)}", style="dim")
        return visible_text(text)

    def on_mount(self) -> None:
        options = self.query_one("#did-list", OptionList)
        options.focus()
        options.highlighted = 0

    @on(OptionList.OptionSelected, "#did-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self._promises[event.option_index])

    def action_close(self) -> None:
        self.dismiss(None)
