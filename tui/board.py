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

from planner.models import Loop, Owner, ProcessStatus, Settings
from planner.offers import Offer
from planner.stage import stage_of
from planner.steps import NextStep, Signal, Thread
from planner.threads import threads_by_loop
from tui.row_filter import parse
from tui.views import RowView, Summary


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

    @property
    def process_id(self) -> str:
        return self.loop.process.id

    @property
    def closed(self) -> bool:
        return self.loop.process.status == ProcessStatus.CLOSED

    @cached_property
    def view(self) -> RowView:
        """The line the loops pane draws (and the first screen cache keeps)."""
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


def _urgency(row: BoardRow) -> tuple[int, tuple[int, dt.date, int], str]:
    """Open loops by the rules' urgency, closed loops last, ties by name."""
    if row.step is None:
        return (1, (0, dt.date.max, 0), row.loop.process.title.casefold())
    return (0, row.step.urgency_key(), row.loop.process.title.casefold())


def build_board(
    loops: list[Loop], today: dt.date, settings: Settings, offers: Iterable[Offer] = ()
) -> list[BoardRow]:
    """Every loop with its state and to-dos, most urgent first; offer deadlines pace the others."""
    by_loop = threads_by_loop(loops, today, settings, offers)
    rows = []
    for loop in loops:
        found = by_loop[loop.process.id]  # the state first; [] when closed
        state = found[0] if found else None
        rows.append(BoardRow(loop, state, stage_of(loop, today), tuple(found[1:])))
    return sorted(rows, key=_urgency)


def summarize(rows: list[BoardRow], today: dt.date) -> Summary:
    """Count active loops, whose court each loop's state is in, cooling loops, and my to-dos.

    A loop counts once, under the owner of its state; my to-dos beside it are
    counted apart, so an offer deadline elsewhere never moves a loop to "me".
    """
    owners = Counter(row.step.owner for row in rows if row.step is not None)
    return Summary(
        active=sum(1 for row in rows if not row.closed),
        on_me=owners[Owner.ME],
        on_recruiter=owners[Owner.RECRUITER],
        on_hiring_manager=owners[Owner.HIRING_MANAGER],
        cooling=sum(
            1 for row in rows if row.step is not None and row.step.signal == Signal.COOLING
        ),
        todos=sum(len(row.todos) for row in rows if not row.closed),
        today=today,
    )
