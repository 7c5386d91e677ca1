"""On a large file, closed loops' people and log are read when something first needs them.

The demo file is small, so these tests ask for it (`closed_later=True`): the
first board then carries closed loops' processes and rounds only, and every
key that shows or reads more of them waits for a worker to read the rest,
then does exactly what it does on a board that had them from the start.
"""

from __future__ import annotations

from pathlib import Path

from apphelp import TODAY, screen_text, settle, stored_loops

from planner.funnel import funnel
from storage.repository import Repository
from tui.app import LoopdeckApp
from tui.screens.funnel_view import FunnelScreen
from tui.screens.intake_box import IntakeBox
from tui.session import CLOSED_LATER_BYTES, Session
from tui.widgets.processes_table import ProcessesTable


def later_app(path: Path) -> LoopdeckApp:
    return LoopdeckApp(Repository.open(path), TODAY, watch_interval=None, closed_later=True)


def test_a_board_without_closed_loops_lists_the_same_rows(demo_db: Path) -> None:
    whole = Session(Repository.open(demo_db), TODAY).board()
    later = Session(Repository.open(demo_db), TODAY, closed_later=True).board()
    assert whole.closed_whole and not later.closed_whole
    assert [r.view for r in later.rows] == [r.view for r in whole.rows]
    assert later.summary == whole.summary
    closed = [r for r in later.rows if r.closed]
    assert closed and all(not r.loop.contacts and not r.loop.events for r in closed)
    assert any(r.loop.rounds for r in closed), "the pace reads closed loops' rounds"


def test_a_small_file_has_closed_loops_whole_from_the_start(demo_db: Path) -> None:
    assert demo_db.stat().st_size < CLOSED_LATER_BYTES
    assert Session(Repository.open(demo_db), TODAY).board().closed_whole


async def test_showing_closed_loops_reads_them_first(demo_db: Path) -> None:
    full = {loop.process.id: loop for loop in stored_loops(demo_db)}
    app = later_app(demo_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.board is not None and not app.board.closed_whole
        table = app.query_one("#processes", ProcessesTable)
        before = table.row_count
        closed = [r.process_id for r in app.board.rows if r.closed]
        await pilot.press("t")
        await settle(pilot)
        assert app.board.closed_whole
        assert table.row_count == before + len(closed)
        assert "closed shown" in screen_text(app)
        person = next(full[pid].contacts[0] for pid in closed if full[pid].contacts)
        app.main.select_loop(person.process_id)
        await settle(pilot)
        assert person.name in screen_text(app)


async def test_going_to_a_closed_loop_reads_them_first(demo_db: Path) -> None:
    loops = stored_loops(demo_db)
    loop = next(lp for lp in loops if lp.process.status == "closed" and lp.contacts)
    app = later_app(demo_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.main.select_loop(loop.process.id)
        await settle(pilot)
        assert app.main.show_closed and app.main.selected_id == loop.process.id
        assert loop.contacts[0].name in screen_text(app)


async def test_the_funnel_counts_closed_loops_it_read_first(demo_db: Path) -> None:
    result = funnel(stored_loops(demo_db))
    app = later_app(demo_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("f")
        await settle(pilot)
        assert isinstance(app.screen, FunnelScreen)
        # Reply times come from closed loops' people and log: the funnel waited for them.
        assert app.board is not None and app.board.closed_whole
        text = screen_text(app)
        assert f"{result.loops} loops, closed ones included." in text
        assert f"Applied to offer: {result.overall.words()}" in text
        for stage in result.stages:
            assert stage.rate_words() in text and stage.median_words() in text


async def test_keys_typed_while_reading_all_apply_and_boards_stay_whole(demo_db: Path) -> None:
    app = later_app(demo_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("t", "t")
        await settle(pilot)
        assert app.board is not None and app.board.closed_whole
        assert not app.main.show_closed, "two presses: shown, then hidden again"
        assert app.session is not None and app.session.board().closed_whole


async def test_the_intake_box_matches_against_closed_loops_read_first(demo_db: Path) -> None:
    app = later_app(demo_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("i")
        await settle(pilot)
        assert isinstance(app.screen, IntakeBox)
        # An invite or a mail may belong to a closed loop's people: the box waited for them.
        assert app.board is not None and app.board.closed_whole
