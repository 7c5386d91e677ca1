"""Which deadline did I tell the recruiter about (`T` when several are open)?

With one open deadline the app logs it straight away, as `loopdeck told` does
without `--about`; with several, the command line asks for `--about` and this
list asks the same question.
"""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from planner.dates import day_words
from planner.models import ContactRole, Loop
from planner.pacing import Deadline, days_left
from planner.text import visible
from tui.visible_text import visible_text
from tui.widgets.list_keys import ItemList


class ToldPicker(ModalScreen[Deadline | None]):
    """Dismisses with the chosen deadline, or None on Escape."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Cancel", tooltip="Log nothing", id="told-cancel"),
    ]

    def __init__(self, loop: Loop, deadlines: list[Deadline], today: dt.date) -> None:
        super().__init__()
        recruiter = loop.contact(ContactRole.RECRUITER)
        who = recruiter.name if recruiter else f"{loop.process.company}'s recruiter"
        self._title = visible(f"Which deadline did {who} hear about?")
        self._deadlines = deadlines
        self._today = today

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="told"):
            yield Label(self._title, classes="dialog-title")
            yield ItemList(
                *[Option(self._prompt(d), id=d.process_id) for d in self._deadlines],
                id="told-list",
            )
            yield Static("Enter logs it · Esc cancels", classes="dialog-hint")

    def _prompt(self, deadline: Deadline) -> Text:
        text = Text(deadline.company, style="bold")
        text.append(f"  offer deadline {day_words(deadline.deadline, self._today)}")
        text.append(f" ({days_left(deadline.deadline, self._today)})", style="dim")
        return visible_text(text)

    def on_mount(self) -> None:
        options = self.query_one("#told-list", OptionList)
        options.focus()
        options.highlighted = 0

    @on(OptionList.OptionSelected, "#told-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self._deadlines[event.option_index])

    def action_close(self) -> None:
        self.dismiss(None)
