"""The board's rows and counts, as the rules give them: its order and its summary line."""

from __future__ import annotations

import dataclasses

import builders
from builders import TODAY, day, held

from planner.models import (
    CloseReason,
    Loop,
    ProcessStatus,
    Round,
    RoundKind,
    Settings,
)
from planner.steps import Signal
from planner.threads import threads_by_loop
from tui.board import BoardRow, build_board, summarize


def make_loop(company: str, *rounds: Round, **process: object) -> Loop:
    """A loop two months old, its id the company's name in small letters."""
    pid = company.casefold()
    mine = [r.model_copy(update={"process_id": pid}) for r in rounds]
    return builders.make_loop(pid, company, *mine, role="ML", created_on=day(-60), **process)


def took_place(on: int) -> Round:
    """A technical interview `on` days from today, no outcome yet: the hiring manager decides."""
    return held("x", RoundKind.TECH, on)


def closed(company: str) -> Loop:
    return make_loop(
        company, status=ProcessStatus.CLOSED, close_reason=CloseReason.REJECTED, closed_on=day(-9)
    )


LOOPS = [
    closed("Zeta"),
    make_loop("Delta", took_place(-2)),  # waiting two days: fine
    closed("alpha"),
    make_loop("Gamma", took_place(-20)),  # cooling
    make_loop("beta", took_place(-2)),  # ties with Delta: by name, whatever the case
    closed("Epsilon"),
]


def test_open_loops_come_by_urgency_then_closed_ones_ties_and_all_by_name() -> None:
    rows = build_board(LOOPS, TODAY, Settings())
    assert [row.loop.process.company for row in rows] == [
        "Gamma",
        "beta",
        "Delta",
        "alpha",
        "Epsilon",
        "Zeta",
    ]
    assert [row.step.signal if row.step else None for row in rows] == [
        Signal.COOLING,
        Signal.OK,
        Signal.OK,
        None,
        None,
        None,
    ]
    assert [row.stage for row in rows[-3:]] == ["Rejected"] * 3


def test_each_row_holds_its_loops_threads_and_the_summary_counts_them() -> None:
    rows = build_board(LOOPS, TODAY, Settings())
    threads = threads_by_loop(LOOPS, TODAY, Settings())
    for row in rows:
        assert [row.step, *row.todos] == (threads[row.process_id] or [None])
        assert row.closed == (row.step is None)
    summary = summarize(rows, TODAY)
    assert (summary.active, summary.on_hiring_manager, summary.cooling, summary.todos) == (
        3,
        3,
        1,
        0,
    )


def test_a_row_built_fast_is_the_row_the_plain_constructor_builds() -> None:
    loop = LOOPS[4]
    (state,) = threads_by_loop([loop], TODAY, Settings())[loop.process.id]
    fast = BoardRow.of(loop, state, "Technical interview", ())
    plain = BoardRow(loop, state, "Technical interview", ())
    assert list(vars(fast).items()) == list(vars(plain).items())
    assert fast.view == plain.view
    assert dataclasses.replace(fast, conflicts=2).conflicts == 2
