"""Help (`?` / F1): the keys, written from the app's own bindings so it cannot go stale,
and what each signal means, in the README's words."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from planner.signals import Signal
from tui.theme import SIGNAL_LABEL, palette_for

GRAMMAR = (
    'Quick-add a loop:  Company / Role [rec:"Name <email>"] [hm:NAME] [via:SOURCE]\n'
    "                   [level:L5] [loc:Berlin] [next:KIND on:DATE at:HH:MM] [#tag]\n"
    'Add a round:       KIND [on:DATE] [at:HH:MM] [with:"Name"] [fmt:video] [due:DATE]\n'
    "Dates:             today, tomorrow, fri, +3d, +2w, 2026-03-20"
)

SIGNAL_LEGEND = {
    Signal.OVERDUE: "a step of mine is past its due date",
    Signal.MISSED: "they named a day for their answer, it passed and nothing came: nudge",
    Signal.COOLING: "waiting on them, no word from them for the cooling days: going cold",
    Signal.FOLLOW_UP: "waiting on them, no touch either way for the follow-up days: nudge",
    Signal.DUE_TODAY: "a step of mine falls due today",
    Signal.DUE_SOON: "a step of mine falls due within the due-soon days",
    Signal.RACING: "their last decision came within the racing days of the round: a good sign",
    Signal.OK: "nothing to worry about",
    Signal.PAUSED: "the loop is on hold",
}
"""One line per signal, worst first, as the README's signal table says it."""


if TYPE_CHECKING:
    from textual.app import App

Section = tuple[str, list[tuple[str, Binding]]]
"""A heading ("" for the main screen's keys) and its (keys as shown, binding) rows."""


def key_sections(app: App[None]) -> list[Section]:
    """The main screen's keys and the app's, then each pane's and view's own, as bound."""
    from tui.screens.main import MainScreen
    from tui.screens.next_steps import NextStepsScreen
    from tui.screens.prep_view import PrepScreen
    from tui.widgets.list_keys import ItemList
    from tui.widgets.loop_pane import LoopPane
    from tui.widgets.timeline_pane import TimelinePane

    list_ids = {b.id for b in ItemList.BINDINGS if isinstance(b, Binding)}
    pane_keys = [b for b in LoopPane.BINDINGS if not isinstance(b, Binding) or b.id not in list_ids]
    sections = [
        ("", [*MainScreen.BINDINGS, *type(app).BINDINGS]),
        (
            "In every list: the loops, a pane's items, questions, pickers, next steps",
            ItemList.BINDINGS,
        ),
        ("On an item of the timeline or the contacts (Tab)", pane_keys),
        ("On a round in the timeline", TimelinePane.BINDINGS),
        ("In the prep view (p)", PrepScreen.BINDINGS),
        ("On the next steps (n)", NextStepsScreen.BINDINGS),
    ]
    return [(title, _key_rows(app, bindings)) for title, bindings in sections]


def _key_rows(app: App[None], bindings: list[BindingType]) -> list[tuple[str, Binding]]:
    return [
        (" ".join(app.get_key_display(b.with_key(k.strip())) for k in b.key.split(",")), b)
        for b in bindings
        if isinstance(b, Binding)
    ]


class HelpScreen(ModalScreen[None]):
    """A table of key, what it does, and the longer tooltip; a view's own keys under its name."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape,question_mark,f1,q", "close", "Close", tooltip="Close help", id="help-close"
        ),
    ]

    def __init__(self, sections: list[Section]) -> None:
        super().__init__()
        self._sections = sections

    def compose(self) -> ComposeResult:
        key_width = max((len(keys) for _, rows in self._sections for keys, _ in rows), default=1)
        desc_width = max(
            (len(b.description) for _, rows in self._sections for _, b in rows), default=1
        )
        with Vertical(id="dialog", classes="help"):
            yield Label("loopdeck keys", classes="dialog-title")
            with VerticalScroll():
                for heading, rows in self._sections:
                    if heading:
                        yield Label(heading, classes="help-heading")
                    yield Static(_table(rows, key_width, desc_width))
                yield Label("Signals", classes="help-heading")
                yield Static(self._legend(), id="legend")
                yield Static(Text(GRAMMAR), id="grammar")
            yield Label(
                "Esc closes · ctrl+p palette · the last column: ids for keymap.toml",
                classes="dialog-hint",
            )

    def _legend(self) -> Table:
        palette = palette_for(self.app.current_theme)
        table = Table.grid(padding=(0, 2))
        table.add_column(no_wrap=True)
        table.add_column()
        for signal, meaning in SIGNAL_LEGEND.items():
            table.add_row(Text(f"● {SIGNAL_LABEL[signal]}", style=palette.signal[signal]), meaning)
        return table

    def action_close(self) -> None:
        self.dismiss(None)


def _table(rows: list[tuple[str, Binding]], key_width: int, desc_width: int) -> Table:
    """One section's keys; every section gets the same column widths so they line up."""
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold", no_wrap=True, min_width=key_width)
    table.add_column(no_wrap=True, min_width=desc_width)
    table.add_column()
    table.add_column(no_wrap=True, style="dim italic")
    for keys, binding in rows:
        table.add_row(keys, binding.description, Text(binding.tooltip, style="dim"), binding.id)
    return table
