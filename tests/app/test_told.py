"""`T`: a recruiter heard about another loop's offer deadline, logged as `loopdeck told` logs it."""

from __future__ import annotations

from pathlib import Path

from apphelp import TODAY, make_app, open_on, screen_text, settle, stored, type_text
from textual.pilot import Pilot

from planner.models import Event, EventKind
from planner.offers import Offer
from planner.pacing import open_deadlines, told_event
from storage.repository import Repository
from tui.app import LoopdeckApp
from tui.screens.told_picker import ToldPicker

PACED = "Vantage Loom"
"""A demo loop whose recruiter has heard of neither open deadline (Tidewater's, Brightwell's)."""
CALM = "Meridian Tensor"
"""A demo loop on hold: nothing to pass on."""


def step_of(app: LoopdeckApp, pid: str) -> str:
    """The loop's first to-do (deadlines to pass on), or its state when it has none."""
    row = app.board.row(pid) if app.board else None
    assert row is not None and row.step is not None
    return row.todos[0].what if row.todos else row.step.what


def told_events(path: Path, company: str) -> list[Event]:
    return [e for e in stored(path, company).events if e.about_process_id is not None]


async def press(pilot: Pilot[None], *keys: str) -> None:
    await pilot.press(*keys)
    await settle(pilot)


async def test_with_two_deadlines_open_it_asks_which_then_logs_the_cli_event(
    demo_db: Path,
) -> None:
    repo = Repository.open(demo_db)
    deadlines = open_deadlines(repo.loops(), repo.records(Offer), TODAY)
    app = make_app(demo_db)
    async with app.run_test(size=(120, 40)) as pilot:
        pid = await open_on(pilot, PACED)
        assert step_of(app, pid).startswith("Tell Ilse Janssen about the Tidewater Compute")
        await press(pilot, "T")
        assert isinstance(app.screen, ToldPicker)
        text = screen_text(app)
        assert "Which deadline did Ilse Janssen hear about?" in text
        assert "Tidewater Compute" in text and "Brightwell Labs" in text
        await press(pilot, "enter")
        assert not isinstance(app.screen, ToldPicker)
        assert step_of(app, pid).startswith("Tell Ilse Janssen about the Brightwell Labs")
        assert "Brightwell Labs deadline" in screen_text(app)
    [event] = told_events(demo_db, PACED)
    loop = stored(demo_db, PACED)
    first = next(d for d in deadlines if d.company == "Tidewater Compute")
    expected = told_event(loop, first, TODAY)
    assert event.model_dump(exclude={"id"}) == expected.model_dump(exclude={"id"})
    assert (event.kind, event.about_process_id) == (EventKind.SENT, first.process_id)


async def test_the_last_deadline_is_logged_at_once_and_undo_brings_the_step_back(
    demo_db: Path,
) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 40)) as pilot:
        pid = await open_on(pilot, PACED)
        await press(pilot, "T")
        await press(pilot, "enter")
        await press(pilot, "T")
        assert not isinstance(app.screen, ToldPicker)
        assert "deadline" not in step_of(app, pid)
        assert len(told_events(demo_db, PACED)) == 2
        before = demo_db.read_bytes()
        await press(pilot, "T")
        assert "no other offer deadline left to pass on" in _notes(app)
        assert demo_db.read_bytes() == before
        await press(pilot, "u")
        assert step_of(app, pid).startswith("Tell Ilse Janssen about the Brightwell Labs")
    assert len(told_events(demo_db, PACED)) == 1


async def test_escape_in_the_picker_or_a_loop_with_nothing_to_tell_writes_nothing(
    demo_db: Path,
) -> None:
    before = demo_db.read_bytes()
    app = make_app(demo_db)
    async with app.run_test(size=(120, 40)) as pilot:
        pid = await open_on(pilot, PACED)
        await press(pilot, "T")
        await press(pilot, "escape")
        assert not isinstance(app.screen, ToldPicker)
        assert step_of(app, pid).startswith("Tell Ilse Janssen")
        await open_on(pilot, CALM)
        await press(pilot, "T")
        assert not isinstance(app.screen, ToldPicker)
    assert demo_db.read_bytes() == before


async def test_the_palette_offers_told(demo_db: Path) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_on(pilot, PACED)
        await pilot.press("ctrl+p")
        await type_text(pilot, "told the recruiter")
        await settle(pilot)
        await press(pilot, "enter")
        assert isinstance(app.screen, ToldPicker)


def _notes(app: LoopdeckApp) -> str:
    return "\n".join(str(n.message) for n in app._notifications)
