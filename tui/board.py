"""What the app shows, computed once per load: each loop beside its threads.

The rules live in `planner.ownership`, `planner.threads` and `planner.stage`;
this module only pairs their answers with the loops (the state as the row's
step, my to-dos beside it, the stage word), orders them by urgency and counts
them for the summary line, so every pane reads the same numbers and a cursor
move costs no rule calls.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

from planner.frozen import built
from planner.models import Loop, Owner, ProcessStatus, Settings
from planner.offers import Offer
from planner.stage import stage_of
from planner.steps import NextStep, Signal, Thread
from planner.threads import threads_by_loop
from storage.gcpause import paused_gc
from tui.row_filter import parse
from tui.views import RowView, Summary

# Read once: an enum member's lookup is slow, and the board asks it of every loop.
_CLOSED, _COOLING = ProcessStatus.CLOSED, Signal.COOLING


@dataclass(frozen=True, eq=False)
class BoardRow:
    """One loop as the processes pane lists it."""

    loop: Loop
    step: NextStep | None
    """The loop's state (its STATE thread), or None for a closed loop."""
    stage: str
    """Where the loop stands (`planner.stage.stage_of`), as the exports say it too."""
    todos: tuple[Thread, ...] = ()
    """My to-dos beside the state (promises, deadlines to pass on), most urgent first."""
    conflicts: int = 0
    """Values a sync merge overwrote in this loop and kept for review (`k`)."""

    @classmethod
    def of(
        cls, loop: Loop, step: NextStep | None, stage: str, todos: tuple[Thread, ...]
    ) -> BoardRow:
        """The row `BoardRow(loop, step, stage, todos)` builds, without the frozen dataclass's
        `__init__` (`planner.frozen`): a board builds a row per loop, closed ones included
        (two thousand on an archive)."""
        fields = {"loop": loop, "step": step, "stage": stage, "todos": todos, "conflicts": 0}
        return built(cls, fields)

    @property
    def process_id(self) -> str:
        return self.loop.process.id

    @property
    def closed(self) -> bool:
        return self.loop.process.status == _CLOSED

    @cached_property
    def view(self) -> RowView:
        """The line the loops pane draws."""
        process, step = self.loop.process, self.step
        return RowView(
            process_id=process.id,
            company=process.company,
            role=process.role,
            stage=self.stage,
            closed=self.closed,
            owner=step.owner if step else None,
            overridden=step.overridden if step else False,
            waiting_days=step.waiting_days if step else 0,
            signal=step.signal if step else None,
            next_step=self.next_step,
            todos=len(self.todos),
        )

    @property
    def next_step(self) -> str:
        """The state's what, and whom to nudge: the loops pane's "Next step" cell."""
        step = self.step
        if step is None:
            return ""
        return f"{step.what} · nudge {step.nudge.name}" if step.nudge else step.what

    @cached_property
    def _haystack(self) -> str:
        process, loop = self.loop.process, self.loop
        texts = [process.company, process.role, self.stage, *process.tags, self.next_step]
        texts += [contact.name for contact in loop.contacts]
        texts += [event.text for event in loop.events]
        texts += [todo.what for todo in self.todos]
        return "\n".join(texts).casefold()

    @cached_property
    def _signals(self) -> frozenset[Signal]:
        threads = [self.step, *self.todos] if self.step else []
        return frozenset(thread.signal for thread in threads)

    def matches(self, needle: str) -> bool:
        """Whether the loop passes the filter (`tui.row_filter`): its words, owner and signal."""
        if not needle:
            return True
        owner = self.step.owner if self.step else None
        return parse(needle).matches(self._haystack, owner, self._signals)


def build_board(
    loops: list[Loop], today: dt.date, settings: Settings, offers: Iterable[Offer] = ()
) -> list[BoardRow]:
    """Every loop with its state and to-dos, most urgent first; offer deadlines pace the others.

    Open loops by the rules' urgency, then closed loops; ties (and closed loops) by name.

    With the collector paused: a board is thousands of threads, rows and tuples,
    none of them garbage and none in a cycle, which it would walk again and
    again while they are built (a fifth of the board's time on an archive).
    """
    with paused_gc():
        return _built(loops, today, settings, offers)


def _built(
    loops: list[Loop], today: dt.date, settings: Settings, offers: Iterable[Offer]
) -> list[BoardRow]:
    by_loop = threads_by_loop(loops, today, settings, offers)
    live, closed = [], []
    for loop in loops:
        found = by_loop[loop.process.id]  # the state first; [] when closed
        if found:
            live.append(BoardRow.of(loop, found[0], stage_of(loop, today), tuple(found[1:])))
        else:
            closed.append(BoardRow.of(loop, None, stage_of(loop, today), ()))
    live.sort(key=_urgency)
    closed.sort(key=_name)
    return live + closed


def _urgency(row: BoardRow) -> tuple[tuple[int, dt.date, int], str]:
    """An open row's place: the rules' urgency of its state, then its name."""
    step = row.step
    return (step.urgency_key() if step is not None else (0, dt.date.max, 0), _name(row))


def _name(row: BoardRow) -> str:
    return row.loop.process.title.casefold()


def summarize(rows: list[BoardRow], today: dt.date) -> Summary:
    """Count active loops, whose court each loop's state is in, cooling loops, and my to-dos.

    A loop counts once, under the owner of its state; my to-dos beside it are
    counted apart, so an offer deadline elsewhere never moves a loop to "me".
    """
    owners: Counter[Owner] = Counter()
    active = cooling = todos = 0
    for row in rows:
        step = row.step
        if step is not None:
            owners[step.owner] += 1
            if step.signal == _COOLING:
                cooling += 1
        if not row.closed:
            active += 1
            todos += len(row.todos)
    return Summary(
        active=active,
        on_me=owners[Owner.ME],
        on_recruiter=owners[Owner.RECRUITER],
        on_hiring_manager=owners[Owner.HIRING_MANAGER],
        cooling=cooling,
        todos=todos,
        today=today,
    )
