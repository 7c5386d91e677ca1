"""How dates, owners and next steps read on screen, shared by panes and screens."""

from __future__ import annotations

import datetime as dt

from rich.text import Text

from planner.dates import dated, day_words, relative
from planner.models import Process
from planner.owner_words import owner_words
from planner.steps import NextStep, Signal
from tui.theme import OWNER_SHORT, SIGNAL_LABEL, Palette


def short_date(day: dt.date | None, today: dt.date | None = None) -> str:
    """'Wed 18 Mar': `planner.dates.day_words`, the one way a date is written for people
    (with the year when it is not `today`'s)."""
    return day_words(day, today) if day else "no date"


def due_words(due: dt.date, today: dt.date) -> str:
    """'due today', 'due tomorrow', else 'due Wed 18 Mar (in 2 days)' or '(3 days ago)'."""
    when = relative(due, today)
    if when in ("today", "tomorrow", "yesterday"):
        return f"due {when}"
    return f"due {dated(due, today)}"


def step_due(step: NextStep, today: dt.date) -> str | None:
    """The step's due date in words, or None when there is none or its signal says it
    already ("due today" twice in a row reads as a stutter)."""
    if step.due is None or (step.signal == Signal.DUE_TODAY and step.due == today):
        return None
    return due_words(step.due, today)


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
    since = short_date(step.since, today)
    text.append(f" · waiting {step.waiting_days}d since {since}", palette.muted)
    if (due := step_due(step, today)) is not None:
        text.append(f" · {due}")
    if step.nudge is not None:
        text.append(f" · nudge {step.nudge.name}", style=palette.heading)
    if step.expected is not None:
        text.append(f" · they said by {short_date(step.expected, today)}", palette.muted)
    if step.last_touch is not None:
        text.append(f" · last touch {ago(step.last_touch, today)}", palette.muted)
    if step.next_nudge is not None:
        text.append(f" · next nudge {short_date(step.next_nudge, today)}", palette.muted)
    return text
