"""How dates, owners and next steps read on screen, shared by panes and screens."""

from __future__ import annotations

import datetime as dt

from rich.text import Text

from planner.models import Process
from planner.owner_words import owner_words
from planner.steps import NextStep
from tui.theme import OWNER_SHORT, SIGNAL_LABEL, Palette


def short_date(day: dt.date | None) -> str:
    """'Wed 18 Mar': the weekday matters more than the year when planning a week."""
    return day.strftime("%a %d %b") if day else "no date"


def ago(day: dt.date | None, today: dt.date) -> str:
    """'3d ago', 'today', 'in 2d': how far a date is from today."""
    if day is None:
        return "never"
    days = (today - day).days
    if days == 0:
        return "today"
    return f"{days}d ago" if days > 0 else f"in {-days}d"


def step_lines(step: NextStep, process: Process, palette: Palette, today: dt.date) -> Text:
    """The next step: badge and what; an owner set by hand and why; then signal, wait,
    due date and nudge."""
    text = Text.assemble(
        (f" {OWNER_SHORT[step.owner]} ", palette.owner[step.owner]), " ", step.what, "\n"
    )
    if step.overridden:
        words = owner_words(step.owner, True, process.override_note)
        text.append(f"{words}\n", style=palette.heading)
    text.append(f"● {SIGNAL_LABEL[step.signal]}", style=palette.signal[step.signal])
    text.append(f" · waiting {step.waiting_days}d since {short_date(step.since)}", palette.muted)
    if step.due is not None:
        text.append(f" · due {short_date(step.due)} ({ago(step.due, today)})")
    if step.nudge is not None:
        text.append(f" · nudge {step.nudge.name}", style=palette.heading)
    if step.expected is not None:
        text.append(f" · they said by {short_date(step.expected)}", palette.muted)
    if step.last_touch is not None:
        text.append(f" · last touch {ago(step.last_touch, today)}", palette.muted)
    if step.next_nudge is not None:
        text.append(f" · next nudge {short_date(step.next_nudge)}", palette.muted)
    return text
