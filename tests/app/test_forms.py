"""`c`, `l`, `e`, `o`, `x`, `d`, `a`: forms that call a change, keep a refusal open beside
its field and write nothing until the change is accepted."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from apphelp import TODAY, make_app, open_on, screen_text, settle, stored, stored_loops, type_text
from textual.pilot import Pilot
from textual.widgets import Input, Select, Static

from planner.models import (
    CloseReason,
    DecidedBy,
    EventKind,
    Owner,
    ProcessStatus,
    RoundKind,
    RoundStatus,
)
from tui.app import LoopdeckApp
from tui.screens.form import FormScreen
from tui.screens.quick_line import QuickLineScreen


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


async def test_done_on_a_round_dated_after_today_asks_when_it_took_place(demo_db: Path) -> None:
    """Kestrel's technical interview is dated Thu 19 Mar; today is Mon 16 Mar."""
    before = demo_db.read_bytes()
    app = make_app(demo_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_on(pilot, "Kestrel Grid")
        await pilot.press("d")
        assert isinstance(app.screen, FormScreen)
        assert field(app, "date").value == "", "the date is not filled in for the user"
        assert "Thu 19 Mar, after today" in screen_text(app)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, FormScreen)
        assert "say on which day it took place" in error_beside(app, "date")
        assert demo_db.read_bytes() == before
        field(app, "date").value = "today"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, FormScreen)
    tech = next(r for r in stored(demo_db, "Kestrel Grid").rounds if r.kind == RoundKind.TECH)
    assert (tech.status, tech.date) == (RoundStatus.DONE, TODAY)


async def test_edit_dates_the_application_and_refuses_a_date_after_today(demo_db: Path) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_on(pilot, "Orchard Vector")
        await pilot.press("e")
        assert field(app, "applied_on").value == "2026-03-12"
        field(app, "applied_on").value = "2026-03-20"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "after today" in error_beside(app, "applied_on")
        field(app, "applied_on").value = "2026-03-02"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, FormScreen)
    applied = [r for r in stored(demo_db, "Orchard Vector").rounds if r.kind == RoundKind.APPLIED]
    assert [r.date for r in applied] == [dt.date(2026, 3, 2)]


async def test_a_second_loop_with_the_same_name_takes_a_second_enter(demo_db: Path) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        before = demo_db.read_bytes()
        await pilot.press("a")
        await type_text(pilot, "kestrel grid / staff data infrastructure engineer")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, QuickLineScreen)
        assert "already an open loop" in screen_text(app)
        assert demo_db.read_bytes() == before
        await pilot.press("enter")
        await settle(pilot)
        assert not isinstance(app.screen, QuickLineScreen)
    kestrels = [
        loop for loop in stored_loops(demo_db) if loop.process.company.lower() == "kestrel grid"
    ]
    assert len(kestrels) == 2


async def test_a_received_touch_says_when_i_will_hear_and_only_it_may(demo_db: Path) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 40)) as pilot:
        pid = await open_on(pilot, "Orchard Vector")
        await pilot.press("l")
        field(app, "text").value = "Decision by Friday"
        field(app, "expect").value = "fri"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, FormScreen), "a note carries no promised date of theirs"
        assert error_beside(app, "expect")
        app.screen.query_one("#field-kind", Select).value = EventKind.RECEIVED.value
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, FormScreen)
        row = app.board.row(pid) if app.board else None
        assert row is not None and row.step is not None
        assert row.step.expected == dt.date(2026, 3, 20)
    heard = next(e for e in stored(demo_db, "Orchard Vector").events if e.text.startswith("Dec"))
    assert (heard.kind, heard.expect) == (EventKind.RECEIVED, dt.date(2026, 3, 20))
