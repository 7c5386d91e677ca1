"""The next-steps board (`n`): every thread in its owner's column, most urgent first.

Each loop's state sits under its owner (a loop waiting on the hiring manager
under Hiring manager); my to-dos beside it (promises, deadlines to pass on)
sit under Me as cards of their own.

The columns are as tall as their cards and the board scrolls as one, so a
long column never scrolls alone beside two half-empty ones; a column's card
under the cursor shows only while that column has the focus. The keys are
every list's (`tui.widgets.list_keys`), and ←→, h/l or Tab between columns.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.geometry import Offset, Region, Spacing
from textual.screen import Screen
from textual.types import AnimationLevel, CallbackType, EasingFunction
from textual.widgets import Footer, Label, OptionList
from textual.widgets.option_list import Option

from planner.models import Event, Loop, Owner
from planner.steps import Thread, ThreadKind
from tui.board import BoardRow
from tui.theme import SIGNAL_LABEL, Palette
from tui.visible_text import visible_text
from tui.widgets.labels import step_due
from tui.widgets.list_keys import ItemList

COLUMNS = (Owner.RECRUITER, Owner.HIRING_MANAGER, Owner.ME)


class StepList(ItemList):
    """One owner's cards, as tall as they are; the board around it scrolls to the cursor."""

    def scroll_to_region(
        self,
        region: Region,
        *,
        spacing: Spacing | None = None,
        animate: bool = True,
        speed: float | None = None,
        duration: float | None = None,
        easing: EasingFunction | str | None = None,
        center: bool = False,
        top: bool = False,
        origin_visible: bool = True,
        force: bool = False,
        on_complete: CallbackType | None = None,
        level: AnimationLevel = "basic",
        x_axis: bool = True,
        y_axis: bool = True,
        immediate: bool = False,
    ) -> Offset:
        """The list never scrolls (it is as tall as its cards): show `region` on the board,
        the column's title with its first card."""
        board = self.screen.query_one("#step-board", VerticalScroll)
        if not board.size or not self.size:
            return Offset()  # not laid out yet: the board opens at its top
        shift = self.content_region.offset - board.content_region.offset + board.scroll_offset
        target = region.translate(shift)
        if region.y == 0:
            target = Region(target.x, 0, target.width, target.bottom)
        return board.scroll_to_region(
            target,
            spacing=spacing,
            animate=animate,
            speed=speed,
            duration=duration,
            easing=easing,
            center=center,
            top=top,
            origin_visible=origin_visible,
            force=force,
            on_complete=on_complete,
            level=level,
            x_axis=x_axis,
            y_axis=y_axis,
            immediate=immediate,
        )


class NextStepsScreen(Screen[str | None]):
    """Dismisses with the chosen loop's process id, or None on Escape."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,n", "close", "Back", tooltip="Back to the loops", id="steps-back"),
        Binding(
            "left,h", "column(-1)", "Left", show=False, tooltip="Previous column", id="steps-left"
        ),
        Binding(
            "right,l", "column(1)", "Right", show=False, tooltip="Next column", id="steps-right"
        ),
        Binding("tab", "column(1)", "Column", show=False, tooltip="Next column", id="steps-tab"),
        Binding(
            "shift+tab",
            "column(-1)",
            "Column back",
            show=False,
            tooltip="Previous column",
            id="steps-shift-tab",
        ),
        Binding(
            "D",
            "did",
            "Did",
            tooltip="Tick off the selected promise of mine (one undo step)",
            id="steps-did",
        ),
        Binding(
            "m",
            "draft",
            "Draft",
            tooltip="Draft the message the selected card calls for (nudge, deadline, thanks)",
            id="steps-draft",
        ),
    ]

    def __init__(
        self,
        rows: list[BoardRow],
        palette: Palette,
        today: dt.date,
        tick_off: Callable[[Loop, Event], None] | None = None,
    ) -> None:
        super().__init__()
        self._palette = palette
        self._today = today
        self._tick_off = tick_off
        """Writes a kept promise (the main screen's `tick_off`); the new board comes to `reload`."""
        self.cards = _cards(rows)
        """Every thread of the listed loops by its option id."""

    async def reload(self, rows: list[BoardRow]) -> None:
        """A new board: redraw the cards, the cursor staying in the column it was in."""
        focused = self.focused.id if isinstance(self.focused, OptionList) else None
        self.cards = _cards(rows)
        await self.recompose()
        column = self.query_one(f"#{focused}", OptionList) if focused else None
        if column is not None and column.option_count:
            column.focus(scroll_visible=False)
            column.highlighted = 0
        else:
            self.on_mount()

    def compose(self) -> ComposeResult:
        cards = self.cards
        with VerticalScroll(id="step-board"), Horizontal(id="step-columns"):
            for owner in COLUMNS:
                mine = sorted(
                    ((key, card) for key, card in cards.items() if card[1].owner == owner),
                    key=lambda item: item[1][1].urgency_key(),
                )
                with Vertical(classes="step-column"):
                    yield Label(f"{owner.label}  ({len(mine)})", classes="column-title")
                    options: list[Option | None] = []
                    for key, (row, thread) in mine:
                        options += [Option(self._prompt(row, thread), id=key), None]
                    yield StepList(*options[:-1], id=f"steps-{owner.value}")
        yield Footer()

    def _prompt(self, row: BoardRow, step: Thread) -> Text:
        palette = self._palette
        text = Text(row.loop.process.title, style="bold")
        text.append("\n")
        if step.kind != ThreadKind.STATE:
            text.append(f"to-do ({step.kind.value}): ", style=palette.muted)
        text.append(step.what)
        text.append(f"\n{step.waiting_days}d waiting", style=palette.muted)
        if (due := step_due(step, self._today)) is not None:
            text.append(f" · {due}")
        if step.nudge is not None:
            text.append(f" · nudge {step.nudge.name}", style=palette.heading)
        text.append(f" · {SIGNAL_LABEL[step.signal]}", style=palette.signal[step.signal])
        return visible_text(text)

    def on_mount(self) -> None:
        for owner in (Owner.ME, *COLUMNS):
            column = self.query_one(f"#steps-{owner.value}", OptionList)
            if column.option_count:
                column.focus(scroll_visible=False)  # the board stays at its top
                column.highlighted = 0
                return

    @on(OptionList.OptionSelected)
    def _jump(self, event: OptionList.OptionSelected) -> None:
        card = self.cards.get(event.option.id or "")
        self.dismiss(card[0].process_id if card else None)

    def action_did(self) -> None:
        """Tick off the promise under the cursor; other cards say how they are done."""
        column = self.focused
        if not isinstance(column, OptionList) or column.highlighted is None:
            return
        option = column.get_option_at_index(column.highlighted)
        row, thread = self.cards[option.id or ""]
        promise = next((e for e in row.loop.events if e.id == thread.event_id), None)
        if promise is None or self._tick_off is None:
            how = (
                "log the telling (T on the loop)"
                if thread.kind == ThreadKind.PACING
                else "log what happened on the loop"
            )
            self.notify(f"Only a promise of mine is ticked off here; for this one, {how}.")
            return
        self._tick_off(row.loop, promise)

    def action_draft(self) -> None:
        """The draft of the card under the cursor, opened by the main screen (`M` there)."""
        from tui.screens.mail_keys import MailKeys

        column, main = self.focused, self.app.screen_stack[0]
        if not isinstance(column, OptionList) or column.highlighted is None:
            return
        if isinstance(main, MailKeys):
            row, thread = self.cards[column.get_option_at_index(column.highlighted).id or ""]
            main.open_draft(row.loop, thread)

    def action_column(self, step: int) -> None:
        lists = list(self.query(OptionList).results(OptionList))
        focused = self.focused
        index = lists.index(focused) if isinstance(focused, OptionList) else 0
        target = lists[(index + step) % len(lists)]
        # At once, not after this message: `m` or Enter typed right behind `l` acts on
        # the column it was typed for.
        self.set_focus(target, scroll_visible=False)
        if target.option_count and target.highlighted is None:
            target.highlighted = 0
        target.scroll_to_highlight()

    def action_close(self) -> None:
        self.dismiss(None)


def _cards(rows: list[BoardRow]) -> dict[str, tuple[BoardRow, Thread]]:
    """Each open loop's state (its id: the process id), then its to-dos (id: process/kind/n)."""
    found: dict[str, tuple[BoardRow, Thread]] = {}
    for row in rows:
        if row.step is None:
            continue
        found[row.process_id] = (row, row.step)
        for index, todo in enumerate(row.todos):
            found[f"{row.process_id}/{todo.kind.value}/{index}"] = (row, todo)
    return found
