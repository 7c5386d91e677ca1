"""The timeline pane: the selected loop's rounds, its next step and its log.

A round reads on one line with its outcome when the pane is wide enough, and
otherwise carries the outcome on its second line, never on a line alone. The
log runs newest first, the reverse of `Loop.log()` (the order `show` prints),
so lines of one day keep one order on every machine.
"""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType

from planner.models import Event, EventKind, Loop, Outcome, Round, RoundKind, RoundStatus
from planner.steps import Signal
from tui.board import BoardRow
from tui.theme import Palette
from tui.widgets.labels import due_words, short_date, step_lines
from tui.widgets.loop_pane import LoopPane, Sheet

ROUND_MARK = {
    RoundStatus.DONE: "✓",
    RoundStatus.SCHEDULED: "●",
    RoundStatus.PLANNED: "○",
    RoundStatus.CANCELLED: "✗",
}
EVENT_VERB = {
    EventKind.NOTE: "note",
    EventKind.SENT: "sent",
    EventKind.RECEIVED: "received",
    EventKind.PROMISE: "promise",
}


class TimelinePane(LoopPane):
    """The selected loop's rounds, its next step and its log; rounds and log lines are items."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "m",
            "choose('move')",
            "Move",
            tooltip="Give the round under the cursor a new date and time",
            id="item-move",
        ),
    ]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "choose" and parameters == ("move",) and not isinstance(self.item, Round):
            return None  # only a round moves; a log line is edited (Enter)
        return True

    def content(self, row: BoardRow, palette: Palette, today: dt.date, width: int) -> Sheet:
        return _render(row, palette, today, width)

    def empty(self, palette: Palette) -> list[Text]:
        return [Text("No loop selected. Press a to add one.", style=palette.muted)]


def _render(row: BoardRow, palette: Palette, today: dt.date, width: int) -> Sheet:
    process = row.loop.process
    facts = " · ".join(x for x in (process.level, process.location, process.source) if x)
    sheet = Sheet()
    sheet.add(Text(process.title, style=palette.heading))
    if facts:
        sheet.add(Text(facts, style=palette.muted))
    if process.tags:
        sheet.add(Text(" ".join(f"#{tag}" for tag in process.tags), style=palette.heading))
    if row.step is not None:
        sheet.add(step_lines(row.step, process, palette, today))
        for todo in row.todos:
            sheet.add(step_lines(todo, process, palette, today))
    elif process.closed_on is not None:
        by = f" by {process.closed_by.value}" if process.closed_by else ""
        closed = short_date(process.closed_on, today)
        sheet.add(Text(f"Closed {closed}{by}", style=palette.muted))
    if row.conflicts:
        kept = "value" if row.conflicts == 1 else "values"
        sheet.add(
            Text(
                f"⚠ {row.conflicts} {kept} overwritten by a sync, kept for review: K",
                style=palette.signal[Signal.OVERDUE],
            )
        )
    sheet.add(Text("Rounds", style=palette.heading))
    for r in row.loop.timeline():
        sheet.add(_round(r, palette, today, width), r)
    if not row.loop.rounds:
        sheet.add(Text("  none yet (s adds one)", style=palette.muted))
    sheet.add(Text("Log", style=palette.heading))
    events = list(reversed(row.loop.log()))
    for event in events:
        sheet.add(_event(event, row.loop, palette, today), event)
    if not events:
        sheet.add(Text("  nothing logged yet (l)", style=palette.muted))
    return sheet


def _round(r: Round, palette: Palette, today: dt.date, width: int) -> Text:
    """Mark, date, kind and result; the time, format and panel on a second, quieter line.

    The dates line up in a column. The result stays on the round's line if it
    fits there, else it opens the second line, so a word like "passed" never
    wraps onto a line of its own.
    """
    when = short_date(r.date, today) if r.date else "no date"
    head = Text.assemble(f"{ROUND_MARK[r.status]} {when:<10}  ", (r.label, "bold"))
    result = _result(r, palette, today)
    details = [f"at {r.time:%H:%M}"] if r.time else []
    details += [r.format] if r.format else []
    if r.interviewers:
        details.append("with " + ", ".join(r.interviewers))
    below = Text(" · ".join(details), style=palette.muted)
    if result.plain and head.cell_len + 2 + result.cell_len <= width:
        head.append("  ")
        head.append_text(result)
    elif result.plain:
        below = Text.assemble(result, " · " if details else "", below)
    if below.plain:
        head.append("\n    ")
        head.append_text(below)
    return head


def _result(r: Round, palette: Palette, today: dt.date) -> Text:
    """Status, or for a round held its outcome and who decided; a deadline if any."""
    text = Text(r.status.value, style=palette.muted)
    if r.kind == RoundKind.APPLIED:
        text = Text("")
    elif r.status == RoundStatus.DONE:
        text = Text(r.outcome.value, style="bold" if r.outcome != Outcome.PENDING else "")
        if r.decided_by is not None:
            text.append(f" by {r.decided_by.value}", style=palette.muted)
    if r.deadline is not None:
        text.append(f"{' · ' if text.plain else ''}deadline {short_date(r.deadline, today)}")
    return text


def _event(event: Event, loop: Loop, palette: Palette, today: dt.date) -> Text:
    contact = loop.contact_by_id(event.contact_id)
    who = f" {contact.name}" if contact else ""
    line = Text.assemble(
        f"  {short_date(event.on, today)} ", (f"{EVENT_VERB[event.kind]}{who}: ", palette.muted)
    )
    line.append(event.text)
    if event.kind == EventKind.PROMISE:
        state = "done" if event.done else due_words(event.due, today) if event.due else "open"
        line.append(f" ({state})", style=palette.heading)
    return line
