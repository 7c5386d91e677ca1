"""Plain, aligned text for people: fast to print, easy to read, safe to pipe.

No rich here on purpose: the command line must start fast for scripts, and an
aligned table with a header line reads well in any terminal and in `less`.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from planner.dates import dated, describe_days
from planner.owner_words import owner_words
from planner.signals import Signal
from planner.text import visible, visible_lines

if TYPE_CHECKING:  # the rules' results are only named here: `log` never computes one
    from planner.steps import NextStep

SIGNAL_LABELS: dict[Signal, str] = {
    Signal.OVERDUE: "OVERDUE",
    Signal.MISSED: "missed",
    Signal.COOLING: "cooling",
    Signal.FOLLOW_UP: "follow up",
    Signal.DUE_TODAY: "due today",
    Signal.DUE_SOON: "due soon",
    Signal.RACING: "racing",
    Signal.OK: "",
    Signal.PAUSED: "on hold",
}
MAX_CELL = 48


def clip(text: str, width: int = MAX_CELL) -> str:
    """Keep one cell from pushing the whole table off the screen."""
    return text if len(text) <= width else text[: width - 1] + "…"


def table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """Columns padded to their widest cell, two spaces apart, no trailing blanks.

    Cells are measured as they will print: control characters as escapes.
    """
    shown = [[visible(cell) for cell in row] for row in rows]
    columns = zip(headers, *shown, strict=True)
    widths = [max(len(str(cell)) for cell in column) for column in columns]
    lines = []
    for row in (headers, *shown):
        cells = [cell.ljust(width) for cell, width in zip(row, widths, strict=True)]
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines)


def owner_text(step: NextStep, note: str = "") -> str:
    """'Hiring manager', or with an override 'Hiring manager, set by hand: <note>'."""
    return owner_words(step.owner, step.overridden, note)


def nudge_text(step: NextStep) -> str:
    """The person to prompt; a role alone when the loop has no card for them yet."""
    nudge = step.nudge
    if nudge is None:
        return "-"
    if nudge.contact_id is None:
        return nudge.name
    return f"{nudge.name} ({nudge.role.value.replace('_', ' ')})"


def count(n: int, singular: str, plural: str = "") -> str:
    """'1 loop', '3 loops': counts that read like a sentence."""
    return f"{n} {singular if n == 1 else plural or singular + 's'}"


def waiting_text(step: NextStep) -> str:
    return "since today" if step.waiting_days == 0 else describe_days(step.waiting_days)


def due_text(due: dt.date | None, today: dt.date) -> str:
    return dated(due, today) if due else "-"


def emit(text: str) -> None:
    """Print to stdout; the one place human output goes (control characters as escapes)."""
    sys.stdout.write(visible_lines(text) + "\n")


def say(text: str, indent: str = "  ") -> None:
    """Print sentences for people within the width, each long line folded at spaces
    under a hanging indent (`tui.cli.fit.fit_prose`); tables go through `fit_table`."""
    from tui.cli.fit import fit_prose, output_width

    emit("\n".join(fit_prose(text.split("\n"), output_width(), indent)))


def warn(message: str) -> None:
    """One `loopdeck: warning: ` line on stderr: the command still did its work."""
    sys.stderr.write(f"loopdeck: warning: {visible_lines(message)}\n")
