"""The next-steps board (`n`): every open step in its owner's column, most urgent first."""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Footer, Label, OptionList
from textual.widgets.option_list import Option

from planner.models import Owner
from tui.board import BoardRow
from tui.theme import SIGNAL_LABEL, Palette
from tui.visible_text import visible_text
from tui.widgets.labels import short_date

COLUMNS = (Owner.RECRUITER, Owner.HIRING_MANAGER, Owner.ME)


class NextStepsScreen(Screen[str | None]):
    """Dismisses with the chosen loop's process id, or None on Escape."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,n", "close", "Back", tooltip="Back to the loops", id="steps-back"),
        Binding(
            "left", "column(-1)", "Left", show=False, tooltip="Previous column", id="steps-left"
        ),
        Binding("right", "column(1)", "Right", show=False, tooltip="Next column", id="steps-right"),
    ]

    def __init__(self, rows: list[BoardRow], palette: Palette, today: dt.date) -> None:
        super().__init__()
        self._rows = rows
        self._palette = palette
        self._today = today

    def compose(self) -> ComposeResult:
        with Horizontal(id="step-columns"):
            for owner in COLUMNS:
                mine = [r for r in self._rows if r.step is not None and r.step.owner == owner]
                mine.sort(key=lambda r: r.step.urgency_key() if r.step else (9,))
                with Vertical(classes="step-column"):
                    yield Label(f"{owner.label}  ({len(mine)})", classes="column-title")
                    options: list[Option | None] = []
                    for row in mine:
                        options += [Option(self._prompt(row), id=row.process_id), None]
                    yield OptionList(*options[:-1], id=f"steps-{owner.value}")
        yield Footer()

    def _prompt(self, row: BoardRow) -> Text:
        step = row.step
        assert step is not None
        palette = self._palette
        text = Text(row.loop.process.title, style="bold")
        text.append(f"\n{step.what}")
        text.append(f"\n{step.waiting_days}d waiting", style=palette.muted)
        if step.due is not None:
            text.append(f" · due {short_date(step.due)}")
        if step.nudge is not None:
            text.append(f" · nudge {step.nudge.name}", style=palette.heading)
        text.append(f" · {SIGNAL_LABEL[step.signal]}", style=palette.signal[step.signal])
        return visible_text(text)

    def on_mount(self) -> None:
        for owner in (Owner.ME, *COLUMNS):
            column = self.query_one(f"#steps-{owner.value}", OptionList)
            if column.option_count:
                column.focus()
                column.highlighted = 0
                return

    @on(OptionList.OptionSelected)
    def _jump(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_column(self, step: int) -> None:
        lists = list(self.query(OptionList).results(OptionList))
        focused = self.focused
        index = lists.index(focused) if isinstance(focused, OptionList) else 0
        target = lists[(index + step) % len(lists)]
        target.focus()
        if target.option_count and target.highlighted is None:
            target.highlighted = 0

    def action_close(self) -> None:
        self.dismiss(None)
