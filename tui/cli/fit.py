"""Tables that fit the terminal: long text columns shorten, low-priority ones go, rows never wrap.

A row that wraps turns an aligned table into noise, so human output is laid
out for the width it will be read at: `$COLUMNS` when set, else the terminal's
width; piped into another program (no terminal, no `$COLUMNS`) nothing is cut.

How a table is fitted, in this order, until its rows fit:
  1. Columns that may shorten (`Column.shrink`, the long free text: a next
     step, a loop's name) give up characters in proportion to their `shrink`
     widths, down to those widths; a cut text ends with "…".
  2. Columns that may go (`Column.drop`, highest first) are left out, and
     step 1 starts again with every kept column at its full width.
  3. Shortening columns go on, in the same proportions, down to their `floor`.
  4. Each line is cut at the width: the last resort, for a very narrow screen.
Columns without `shrink` or `drop` (the signal) are never cut. Text that is
not a table is cut line by line (`fit_lines`, `keep_tail`), or, for notes whose
end matters, folded at spaces under a hanging indent (`fit_prose`).
"""

from __future__ import annotations

import os
import re
import shutil
import sys
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass

from planner.text import visible

GAP = 2
"""Spaces between two columns."""
FLOOR = 4
"""The narrowest a shortened column gets by default: 3 characters and "…"."""
ELLIPSIS = "…"


@dataclass
class Column:
    """One column of a fitted table."""

    header: str
    shrink: int = 0
    """Shortens down to this many characters when the table is too wide (0: never)."""
    floor: int = FLOOR
    """Shortens down to this many once every column that may go is gone."""
    drop: int = 0
    """Left out when the table is too wide even so; higher goes first (0: never)."""


def output_width() -> int | None:
    """The width human output is read at, or None when it goes to another program.

    `$COLUMNS` first (a user's choice, and what tests set), then the terminal
    on stdout; neither (a pipe, a file) means no limit.
    """
    columns = os.environ.get("COLUMNS", "")
    if columns.strip().isdigit() and int(columns) > 0:
        return int(columns)
    try:
        if not sys.stdout.isatty():
            return None
    except (AttributeError, ValueError):  # a closed or replaced stdout
        return None
    return shutil.get_terminal_size().columns


def clip(text: str, width: int) -> str:
    """`text` in at most `width` characters, "…" ending a cut."""
    if len(text) <= width:
        return text
    return text[: max(0, width - 1)] + ELLIPSIS if width > 0 else ""


def keep_tail(head: str, tail: str, width: int | None) -> str:
    """`head + tail` within the width, cutting the head: for a line whose end matters
    most (a signal, a due date after a long next step)."""
    if width is None:
        return head + tail
    return clip(head, max(width - len(tail), 2)) + tail


def fit_lines(lines: Sequence[str], width: int | None) -> list[str]:
    """Lines cut at the width: text that is not a table, one line each."""
    return list(lines) if width is None else [clip(line, width) for line in lines]


def fit_prose(lines: Sequence[str], width: int | None, indent: str = "  ") -> list[str]:
    """Sentences folded at spaces within the width, each continuation under `indent`.

    For notes and explanations, whose end matters as much as their start: cut,
    "ask Maya Okafor to speed up" would be lost. A table row is never folded
    (`fit_table` shortens it instead); without a width nothing changes.
    """
    if width is None:
        return list(lines)
    folded: list[str] = []
    for line in lines:
        if len(line) <= width:
            folded.append(line)
            continue
        lead = line[: len(line) - len(line.lstrip(" "))]
        held = re.sub(_DAY, lambda m: m.group(0).replace(" ", _HOLD), line.lstrip(" "))
        folded += [
            part.replace(_HOLD, " ")
            for part in textwrap.wrap(
                held,
                width=width,
                initial_indent=lead,
                subsequent_indent=lead + indent,
                break_on_hyphens=False,
            )
        ]
    return folded


_DAY = r"\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d\d [A-Z][a-z]{2}(?: \d{4})?\b"
"""A date as `planner.dates.day_words` writes it: folded as one word (compiled, and
cached by `re`, when a line first needs folding: `--json` never does)."""
_HOLD = "\u00a0"  # textwrap folds at ASCII whitespace only


def widths(
    columns: Sequence[Column], rows: Sequence[Sequence[str]], width: int | None
) -> list[int]:
    """Each column's width once fitted; 0 for a column left out (see the module doc)."""
    natural = [
        max([len(column.header), *(len(row[i]) for row in rows)])
        for i, column in enumerate(columns)
    ]
    if width is None:
        return natural
    kept = list(natural)
    droppable = sorted((c.drop, i) for i, c in enumerate(columns) if c.drop > 0)
    while True:
        fitted = _shrink(columns, kept, width)
        if fitted is not None:
            return fitted
        if not droppable:
            break
        _, gone = droppable.pop()
        kept[gone] = 0
    fitted = _shrink(columns, kept, width, to_floor=True)
    return fitted if fitted is not None else _squeezed(columns, kept)


def _total(sizes: Sequence[int]) -> int:
    shown = [size for size in sizes if size > 0]
    return sum(shown) + GAP * max(0, len(shown) - 1)


def _limit(column: Column, size: int, to_floor: bool) -> int:
    """The narrowest `column` may get (0: it does not shorten)."""
    if size == 0 or column.shrink == 0:
        return 0
    return min(size, min(column.floor, column.shrink) if to_floor else column.shrink)


def _shrink(
    columns: Sequence[Column], sizes: Sequence[int], width: int, to_floor: bool = False
) -> list[int] | None:
    """Shorten the shrinkable columns until the row fits; None if it cannot.

    A character at a time from the column furthest above its `shrink` width
    (as a share of it), so the columns keep the proportions those widths set.
    """
    sizes = list(sizes)
    limits = [_limit(column, size, to_floor) for column, size in zip(columns, sizes, strict=True)]
    excess = _total(sizes) - width
    while excess > 0:
        candidates = [i for i, size in enumerate(sizes) if limits[i] and size > limits[i]]
        if not candidates:
            return None
        widest = max(candidates, key=lambda i: (sizes[i] / columns[i].shrink, sizes[i], i))
        sizes[widest] -= 1
        excess -= 1
    return sizes


def _squeezed(columns: Sequence[Column], sizes: Sequence[int]) -> list[int]:
    """Every shrinkable column at its floor: what is left to cut line by line."""
    return [
        _limit(column, size, to_floor=True) or size
        for column, size in zip(columns, sizes, strict=True)
    ]


def fit_table(columns: Sequence[Column], rows: Sequence[Sequence[str]], width: int | None) -> str:
    """The table laid out for `width` (None: every cell whole), header line first.

    Cells are measured as they will print: a control character shows as its
    escape (`planner.text.visible`), several columns wide.
    """
    shown = [[visible(cell) for cell in row] for row in rows]
    return render(columns, shown, widths(columns, shown, width), width)


def render(
    columns: Sequence[Column],
    rows: Sequence[Sequence[str]],
    sizes: Sequence[int],
    width: int | None,
) -> str:
    """The table with these column widths (from `widths`), each line within `width`."""
    lines = []
    for row in ([c.header for c in columns], *rows):
        cells = [
            clip(cell, size).ljust(size) for cell, size in zip(row, sizes, strict=True) if size
        ]
        lines.append((" " * GAP).join(cells).rstrip())
    return "\n".join(fit_lines(lines, width))
