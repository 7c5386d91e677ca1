"""The loops pane: each loop's next step, my to-dos, and a filter on owners, signals and text."""

from __future__ import annotations

from pathlib import Path

from apphelp import make_app, screen_text, settle, type_text
from textual.pilot import Pilot

from planner.models import Owner
from planner.steps import Signal
from tui.app import LoopdeckApp
from tui.board import BoardRow
from tui.row_filter import parse
from tui.widgets.processes_table import ProcessesTable


def _listed(app: LoopdeckApp) -> set[str]:
    table = app.query_one("#processes", ProcessesTable)
    return {str(table.coordinate_to_cell_key((r, 0)).row_key.value) for r in range(table.row_count)}


async def _filter(pilot: Pilot[None], text: str) -> None:
    await pilot.press("slash")
    await type_text(pilot, text)
    await pilot.pause()
    await pilot.pause()


def _open(app: LoopdeckApp) -> list[BoardRow]:
    assert app.board is not None
    return [r for r in app.board.rows if r.step is not None]


async def test_the_table_shows_the_next_step_and_a_mark_for_my_todos(demo_db: Path) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(pilot)
        text = screen_text(app)
        assert "Next step" in text and "To-do" in text
        lumen = next(r for r in _open(app) if r.loop.process.company == "Lumen Forge")
        assert lumen.step is not None and lumen.step.nudge is not None and lumen.todos
        table = app.query_one("#processes", ProcessesTable)
        cells = [str(c) for c in table.get_row(lumen.process_id)]
        assert f"+{len(lumen.todos)}" in cells
        next_cell = next(c for c in cells if c.startswith(lumen.step.what[:8]))
        assert lumen.next_step.startswith(next_cell.rstrip("…"))
        assert lumen.next_step.endswith(f"nudge {lumen.step.nudge.name}")


async def test_the_next_step_column_stays_at_80_columns(demo_db: Path) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert "Next step" in screen_text(app)


async def test_filter_by_owner_and_signal(demo_db: Path) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        rows = _open(app)
        hm = {r.process_id for r in rows if r.step and r.step.owner == Owner.HIRING_MANAGER}
        await _filter(pilot, "owner:hm")
        assert _listed(app) == hm and hm
        await pilot.press("escape")
        await _filter(pilot, "signal:follow-up")
        follow = {r.process_id for r in rows if r.step and r.step.signal == Signal.FOLLOW_UP}
        assert _listed(app) == follow and follow
        await pilot.press("escape")
        await _filter(pilot, "owner:me")
        mine = {r.process_id for r in rows if r.step and r.step.owner == Owner.ME}
        assert _listed(app) == mine and mine != hm


async def test_filter_finds_peoples_names_and_log_text(demo_db: Path) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        rows = _open(app)
        kestrel = next(r for r in rows if r.loop.process.company == "Kestrel Grid")
        person = kestrel.loop.contacts[0].name
        await _filter(pilot, person.split()[-1])
        assert kestrel.process_id in _listed(app)
        await pilot.press("escape")
        line = next(e.text for e in kestrel.loop.events if len(e.text.split()) > 2)
        word = max(line.split(), key=len)
        await _filter(pilot, word)
        listed = _listed(app)
        assert kestrel.process_id in listed
        assert listed == {r.process_id for r in rows if r.matches(word)}


def test_filter_words_all_must_match_and_unknown_terms_match_nothing() -> None:
    query = parse("owner:hm cooling")
    assert query.owners == frozenset({Owner.HIRING_MANAGER}) and query.words == ("cooling",)
    assert query.matches("waiting · cooling", Owner.HIRING_MANAGER, frozenset())
    assert not query.matches("waiting", Owner.HIRING_MANAGER, frozenset())
    assert not query.matches("cooling", Owner.ME, frozenset())
    assert not parse("owner:nobody").matches("x", Owner.ME, frozenset())
    assert parse("owner:").matches("x", Owner.ME, frozenset())  # still being typed
    assert parse("signal:follow_up").signals == frozenset({Signal.FOLLOW_UP})
    assert not parse("signal:missed").matches("x", Owner.ME, frozenset({Signal.OK}))
