"""`a` and `s`: one-line quick-add with a live preview, inline errors, and undo."""

from __future__ import annotations

from pathlib import Path

from apphelp import make_app, screen_text, settle, stored, stored_loops, type_text
from textual.message import Message
from textual.widgets import Input, Static

from planner.models import ContactRole, Owner, RoundKind, RoundStatus
from tui.app import LoopdeckApp
from tui.screens.quick_line import QuickLineScreen


async def test_add_loop_previews_then_saves_one_loop(demo_db: Path) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("a")
        assert isinstance(app.screen, QuickLineScreen)
        await type_text(pilot, 'Nimbus / Staff MLE rec:"Ada Byron <ada@nimbus.example>" #ml')
        await pilot.pause()
        preview = screen_text(app)
        assert "New loop  Nimbus / Staff MLE" in preview
        assert "Recruiter: Ada Byron <ada@nimbus.example>" in preview
        await pilot.press("enter")
        await settle(pilot)
        assert not isinstance(app.screen, QuickLineScreen)
        loop = stored(demo_db, "Nimbus")
        assert loop.process.role == "Staff MLE"
        assert loop.process.tags == ["ml"]
        assert [c.role for c in loop.contacts] == [ContactRole.RECRUITER]
        assert app.main.selected_id == loop.process.id
        assert "Nimbus" in screen_text(app)


async def test_bad_line_shows_the_error_inline_and_writes_nothing(demo_db: Path) -> None:
    before = demo_db.read_bytes()
    app = make_app(demo_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await type_text(pilot, "Nimbus Staff MLE")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, QuickLineScreen)
        error = app.screen.query_one("#parse-error", Static)
        assert "missing ' / '" in str(error.render())
        assert app.screen.query_one("#line", Input).value == "Nimbus Staff MLE"
        await pilot.press("escape")
        await settle(pilot)
    assert demo_db.read_bytes() == before


async def test_round_then_done_hands_the_step_to_the_hiring_manager_and_undo_reverts(
    db_path: Path,
) -> None:
    """On a file of its own: another loop's offer deadline would make telling
    this loop's recruiter my step, which is right but not what this test is about."""
    demo_db = db_path
    app = make_app(demo_db)
    notes: list[str] = []

    def hook(message: Message) -> None:
        if isinstance(message, LoopdeckApp.BoardReady) and message.note:
            notes.append(message.note)

    async with app.run_test(size=(120, 40), message_hook=hook) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await type_text(pilot, "Nimbus / Staff MLE on:-7d")
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("s")
        await type_text(pilot, "tech on:-1d with:Grace")
        await pilot.pause()
        assert "Technical interview  Sun 15 Mar  with Grace" in screen_text(app)
        await pilot.press("enter")
        await settle(pilot)
        rounds = stored(demo_db, "Nimbus").rounds
        tech = next(r for r in rounds if r.kind == RoundKind.TECH)
        assert tech.status == RoundStatus.SCHEDULED
        assert tech.interviewers == ["Grace"]

        await pilot.press("d")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await settle(pilot)
        tech = next(r for r in stored(demo_db, "Nimbus").rounds if r.kind == RoundKind.TECH)
        assert tech.status == RoundStatus.DONE
        assert app.board is not None
        row = app.board.row(app.main.selected_id)
        assert row is not None and row.step is not None
        assert row.step.owner == Owner.HIRING_MANAGER
        assert " HM " in screen_text(app)

        await pilot.press("u")
        await settle(pilot)
        tech = next(r for r in stored(demo_db, "Nimbus").rounds if r.kind == RoundKind.TECH)
        assert tech.status == RoundStatus.SCHEDULED
        assert notes[-1] == "Undone: Technical interview done at Nimbus / Staff MLE."


async def test_undo_of_an_added_loop_removes_it_from_the_file(demo_db: Path) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await type_text(pilot, "Nimbus / Staff MLE")
        await pilot.press("enter")
        await settle(pilot)
        assert any(loop.process.company == "Nimbus" for loop in stored_loops(demo_db))
        await pilot.press("u")
        await settle(pilot)
        assert not any(loop.process.company == "Nimbus" for loop in stored_loops(demo_db))
        assert "Nimbus" not in screen_text(app)


async def test_a_dated_round_fills_in_the_planned_one_and_undo_unplans_it(db_path: Path) -> None:
    app = make_app(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await type_text(pilot, "Nimbus / Staff MLE next:screen")
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("s")
        await type_text(pilot, "screen on:wed at:10:00")
        await pilot.press("enter")
        await settle(pilot)

        screens = [r for r in stored(db_path, "Nimbus").rounds if r.kind == RoundKind.SCREEN]
        assert [(r.status, str(r.date)) for r in screens] == [(RoundStatus.SCHEDULED, "2026-03-18")]
        await pilot.press("u")
        await settle(pilot)
        screens = [r for r in stored(db_path, "Nimbus").rounds if r.kind == RoundKind.SCREEN]
        assert [(r.status, r.date) for r in screens] == [(RoundStatus.PLANNED, None)]


async def test_the_round_preview_notes_a_day_outside_my_working_days(demo_db: Path) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("s")
        await type_text(pilot, "tech on:sat")
        await pilot.pause()
        assert "Note: Sat 21 Mar is not one of your working days" in screen_text(app)
        await pilot.press("backspace", "backspace", "backspace", *"fri")
        await pilot.pause()
        assert "working days" not in screen_text(app)
        await pilot.press("escape")
