"""Kept conflicts (`K`): the values a sync merge overwrote, to take back or let go.

A merge never asks the user mid-sync; it keeps the newest value and parks the
other. This screen is where the user judges them: Enter takes the other value,
`c` keeps the current one. Either choice is an ordinary undoable write, made by
the app (the screen only says which conflict and which side).
"""

from __future__ import annotations

from typing import Any, ClassVar, Literal

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from storage.conflicts import KeptConflict, stamp_time
from tui.visible_text import visible_text
from tui.widgets.list_keys import ItemList

Take = Literal["other", "current"]
Choice = tuple[int, Take]


def _shown(value: Any) -> str:
    if value is None:
        return "(empty)"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value) or "(empty)"
    text = str(value)
    return text if len(text) <= 60 else text[:59] + "…"


class ConflictsScreen(ModalScreen[Choice | None]):
    """Dismisses with (conflict number, side to take), or None on Escape."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,K", "close", "Back", tooltip="Back to the loops", id="conflicts-back"),
        Binding(
            "c", "keep_current", "Keep current", tooltip="Keep today's value", id="conflicts-keep"
        ),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._conflicts: list[KeptConflict] | None = None
        """None until `fill`: the read waits for the file's lock in a worker."""

    def fill(self, conflicts: list[KeptConflict]) -> None:
        """The conflicts, read: list them in place of the loading line."""
        self._conflicts = conflicts
        if self.is_attached:
            self.refresh(recompose=True)
            self.call_after_refresh(self._focus_list)

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="conflicts"):
            if self._conflicts is None:
                yield Label("Kept conflicts", classes="dialog-title")
                yield Static("Reading the file…")
            elif not self._conflicts:
                yield Label("Kept conflicts (0)", classes="dialog-title")
                yield Static("No kept conflicts: every sync merged cleanly.")
            else:
                yield Label(f"Kept conflicts ({len(self._conflicts)})", classes="dialog-title")
                yield ItemList(
                    *[Option(self._prompt(c), id=str(c.number)) for c in self._conflicts],
                    id="conflict-list",
                )
            yield Static(
                "Enter takes the other value · c keeps the current one · u undoes · Esc closes",
                classes="dialog-hint",
            )

    def _prompt(self, conflict: KeptConflict) -> Text:
        when = stamp_time(conflict.stamp)
        text = Text(f"{conflict.loop}", style="bold")
        text.append(f"  {conflict.noun} · {conflict.field}")
        text.append(f"\n  now:   {_shown(conflict.current)}")
        text.append(f"\n  other: {_shown(conflict.value)}", style="bold")
        if when is not None:
            text.append(f"  (written {when:%a %d %b %H:%M})", style="dim")
        return visible_text(text)

    def _highlighted(self) -> int | None:
        if not self._conflicts:
            return None
        options = self.query_one("#conflict-list", OptionList)
        if options.highlighted is None:
            return None
        return self._conflicts[options.highlighted].number

    def _focus_list(self) -> None:
        if self._conflicts:
            options = self.query_one("#conflict-list", OptionList)
            options.focus()
            options.highlighted = 0

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        number = self._highlighted()
        if number is not None:
            self.dismiss((number, "other"))

    def action_keep_current(self) -> None:
        number = self._highlighted()
        if number is not None:
            self.dismiss((number, "current"))

    def action_close(self) -> None:
        self.dismiss(None)
