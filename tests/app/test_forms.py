"""`c`, `l`, `e`, `o`, `x`: validated forms that keep bad input open and write nothing."""

from __future__ import annotations

from pathlib import Path

from apphelp import make_app, screen_text, settle, stored, type_text
from textual.pilot import Pilot
from textual.widgets import Input, Select, Static

from planner.models import CloseReason, DecidedBy, EventKind, Owner, ProcessStatus
from tui.app import LoopdeckApp
from tui.screens.form import FormScreen


async def select_first_loop(pilot: Pilot[None]) -> str:
    """Wait for the board; the id and company of the loop under the cursor."""
    await settle(pilot)
    app = pilot.app
    assert isinstance(app, LoopdeckApp) and app.main.selected_id is not None
    return app.main.selected_id


def field(app: LoopdeckApp, name: str) -> Input:
    return app.screen.query_one(f"#field-{name}", Input)


def error_beside(app: LoopdeckApp, name: str) -> str:
    return str(app.screen.query_one(f"#error-{name}", Static).render())


def company_of(app: LoopdeckApp, process_id: str) -> str:
    assert app.board is not None
    row = app.board.row(process_id)
    assert row is not None
    return row.loop.process.company


async def test_contact_with_a_bad_email_stays_open_then_saves_when_fixed(demo_db: Path) -> None:
    before = demo_db.read_bytes()
    app = make_app(demo_db)
    async with app.run_test(size=(120, 40)) as pilot:
        process_id = await select_first_loop(pilot)
        company = company_of(app, process_id)
        await pilot.press("c")
        assert isinstance(app.screen, FormScreen)
        await type_text(pilot, "Grace Hopper")
        field(app, "email").value = "grace at navy"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, FormScreen)
        assert "is not an email address" in error_beside(app, "email")
        assert demo_db.read_bytes() == before
        field(app, "email").value = "grace@navy.example"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, FormScreen)
        assert "Grace Hopper" in screen_text(app)
    card = next(c for c in stored(demo_db, company).contacts if c.name == "Grace Hopper")
    assert card.email == "grace@navy.example"


async def test_empty_contact_name_is_refused_beside_the_field(demo_db: Path) -> None:
    before = demo_db.read_bytes()
    app = make_app(demo_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await select_first_loop(pilot)
        await pilot.press("c", "enter")
        await settle(pilot)
        assert "name cannot be empty" in error_beside(app, "name")
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, FormScreen)
    assert demo_db.read_bytes() == before


async def test_log_a_promise_needs_a_due_date(demo_db: Path) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 40)) as pilot:
        process_id = await select_first_loop(pilot)
        company = company_of(app, process_id)
        await pilot.press("l")
        app.screen.query_one("#field-kind", Select).value = EventKind.PROMISE.value
        field(app, "text").value = "Send the design doc"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "a promise needs a due date" in error_beside(app, "due")
        field(app, "due").value = "someday"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "not a date" in error_beside(app, "due") or "someday" in error_beside(app, "due")
        field(app, "due").value = "+2d"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, FormScreen)
    promise = next(e for e in stored(demo_db, company).events if e.text == "Send the design doc")
    assert promise.kind == EventKind.PROMISE
    assert promise.due is not None and promise.due.isoformat() == "2026-03-18"


async def test_edit_renames_the_role(demo_db: Path) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 40)) as pilot:
        process_id = await select_first_loop(pilot)
        company = company_of(app, process_id)
        await pilot.press("e")
        field(app, "role").value = "Distinguished Engineer"
        field(app, "tags").value = "infra #berlin"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "Distinguished" in screen_text(app)
    process = stored(demo_db, company).process
    assert process.role == "Distinguished Engineer"
    assert process.tags == ["infra", "berlin"]


async def test_edit_with_an_empty_company_writes_nothing(demo_db: Path) -> None:
    before = demo_db.read_bytes()
    app = make_app(demo_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await select_first_loop(pilot)
        await pilot.press("e")
        field(app, "company").value = "   "
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "company cannot be empty" in error_beside(app, "company")
    assert demo_db.read_bytes() == before


async def test_owner_override_is_set_then_cleared(demo_db: Path) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 40)) as pilot:
        process_id = await select_first_loop(pilot)
        company = company_of(app, process_id)
        await pilot.press("o")
        app.screen.query_one("#field-owner_override", Select).value = Owner.ME.value
        field(app, "override_note").value = "I promised a follow-up"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert stored(demo_db, company).process.owner_override == Owner.ME
        assert app.board is not None
        row = app.board.row(process_id)
        assert row is not None and row.step is not None and row.step.overridden
        await pilot.press("o")
        app.screen.query_one("#field-owner_override", Select).clear()
        await pilot.press("ctrl+s")
        await settle(pilot)
    process = stored(demo_db, company).process
    assert process.owner_override is None
    assert process.override_note == ""


async def test_close_hides_the_loop_and_records_who_decided(demo_db: Path) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 40)) as pilot:
        process_id = await select_first_loop(pilot)
        company = company_of(app, process_id)
        await pilot.press("x")
        select = app.screen.query_one("#field-closed_by", Select)
        select.value = DecidedBy.HIRING_MANAGER.value
        await pilot.press("ctrl+s")
        await settle(pilot)
        visible = [r.process_id for r in app.main.visible_rows()]
        assert process_id not in visible
        assert app.main.selected_id in visible, "the cursor moved on to a listed loop"
    process = stored(demo_db, company).process
    assert process.status == ProcessStatus.CLOSED
    assert process.close_reason == CloseReason.REJECTED
    assert process.closed_by == DecidedBy.HIRING_MANAGER
