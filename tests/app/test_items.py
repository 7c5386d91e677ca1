"""The timeline's and contacts' items: Tab to a pane, walk its items, Enter edits, `m` moves a
round, `x` deletes after a one-key confirm; each change is one undo step (`u`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from apphelp import make_app, open_on, screen_text, settle, stored
from textual.pilot import Pilot
from textual.widgets import Input, Static

from planner.models import Contact, Event, Round, RoundKind
from tui.app import LoopdeckApp
from tui.screens.confirm import ConfirmScreen
from tui.screens.form import FormScreen
from tui.screens.move_form import MoveForm
from tui.widgets.contact_cards import ContactCards
from tui.widgets.loop_pane import ItemRecord, LoopPane
from tui.widgets.timeline_pane import TimelinePane

SCHEDULED = "Kestrel Grid"
"""A demo loop whose technical interview is scheduled for Thu 19 Mar, three days ahead."""
THURSDAY = dt.date(2026, 3, 19)
NUDGING = "Quarry Systems"
"""A demo loop whose next step nudges its one recruiter, Jonas Weber."""


def timeline(app: LoopdeckApp) -> TimelinePane:
    return app.query_one("#timeline", TimelinePane)


def contacts(app: LoopdeckApp) -> ContactCards:
    return app.query_one("#contacts", ContactCards)


async def walk_to(pilot: Pilot[None], pane: LoopPane, wanted: Callable[[ItemRecord], bool]) -> None:
    """From the first item, press down until the cursor is on the first item `wanted` accepts."""
    while pane.cursor > 0:
        await pilot.press("up")
    for _ in range(40):
        if pane.item is not None and wanted(pane.item):
            return
        await pilot.press("down")
    raise AssertionError("no such item in the pane")


def is_tech(item: ItemRecord) -> bool:
    return isinstance(item, Round) and item.kind == RoundKind.TECH


def tech_round(path: Path) -> Round | None:
    return next((r for r in stored(path, SCHEDULED).rounds if r.kind == RoundKind.TECH), None)


def fill(app: LoopdeckApp, **values: str) -> None:
    for name, value in values.items():
        app.screen.query_one(f"#field-{name}", Input).value = value


async def press(pilot: Pilot[None], *keys: str) -> None:
    await pilot.press(*keys)
    await settle(pilot)


async def test_tab_and_shift_tab_move_between_the_list_and_the_panes(demo_db: Path) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_on(pilot, SCHEDULED)
        await pilot.press("tab")
        assert timeline(app).has_focus
        assert isinstance(timeline(app).item, Round), "the cursor starts on the first round"
        await pilot.press("tab")
        assert contacts(app).has_focus
        assert isinstance(contacts(app).item, Contact)
        await pilot.press("shift+tab")
        assert timeline(app).has_focus
        await pilot.press("shift+tab")
        assert app.query_one("#processes").has_focus


async def test_the_cursor_walks_rounds_then_log_lines_and_is_drawn_on_its_item(
    demo_db: Path,
) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_on(pilot, SCHEDULED)
        await pilot.press("tab")
        pane = timeline(app)
        seen: list[ItemRecord] = []
        for _ in range(12):
            assert pane.item is not None
            seen.append(pane.item)
            await pilot.press("down")
        rounds = [item for item in seen if isinstance(item, Round)]
        assert [r.kind for r in rounds][:4] == [
            RoundKind.APPLIED,
            RoundKind.SCREEN,
            RoundKind.HM,
            RoundKind.TECH,
        ]
        assert any(isinstance(item, Event) for item in seen), "log lines follow the rounds"
        first_event = next(i for i, item in enumerate(seen) if isinstance(item, Event))
        assert all(isinstance(item, Round) for item in seen[:first_event])
        # The cursor's rows are drawn in the cursor colour, the others not.
        await walk_to(pilot, pane, is_tech)
        cursor = pane.get_component_rich_style("loop-pane--cursor").bgcolor
        height = pane.scrollable_content_region.height
        marked = [
            pane.render_line(y).text
            for y in range(height)
            if any(s.style and s.style.bgcolor == cursor for s in pane.render_line(y))
        ]
        assert marked and "Technical interview" in marked[0]


async def test_m_moves_a_round_and_undo_moves_it_back(demo_db: Path) -> None:
    before = tech_round(demo_db)
    assert before is not None and (before.date, before.time) == (THURSDAY, dt.time(14, 0))
    app = make_app(demo_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_on(pilot, SCHEDULED)
        await pilot.press("tab")
        await walk_to(pilot, timeline(app), is_tech)
        await press(pilot, "m")
        assert isinstance(app.screen, MoveForm)
        fill(app, date="2026-03-23", time="09:30")
        await press(pilot, "ctrl+s")
        assert not isinstance(app.screen, FormScreen)
        moved = tech_round(demo_db)
        assert moved is not None
        assert (moved.date, moved.time) == (dt.date(2026, 3, 23), dt.time(9, 30))
        shown = screen_text(app)
        assert "Mon 23 Mar  Technical interview" in shown and "at 09:30" in shown
        assert is_tech(timeline(app).item), "the cursor stays on the moved round"
        await press(pilot, "u")
    assert tech_round(demo_db) == before


async def test_enter_on_a_round_edits_it_in_a_form_and_undo_takes_it_back(
    demo_db: Path,
) -> None:
    before = tech_round(demo_db)
    app = make_app(demo_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_on(pilot, SCHEDULED)
        await pilot.press("tab")
        await walk_to(pilot, timeline(app), is_tech)
        await press(pilot, "enter")
        assert isinstance(app.screen, FormScreen)
        assert app.screen.query_one("#field-date", Input).value == "2026-03-19"
        fill(app, date="fri", time="11:00")
        await press(pilot, "ctrl+s")
        edited = tech_round(demo_db)
        assert edited is not None and before is not None
        assert (edited.date, edited.time) == (dt.date(2026, 3, 20), dt.time(11, 0))
        assert edited.interviewers == before.interviewers and edited.format == before.format
        await press(pilot, "u")
    assert tech_round(demo_db) == before


async def test_a_move_the_change_refuses_is_shown_beside_the_date(demo_db: Path) -> None:
    before = demo_db.read_bytes()
    app = make_app(demo_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_on(pilot, SCHEDULED)
        await pilot.press("tab")
        await walk_to(pilot, timeline(app), is_tech)
        await press(pilot, "m")
        fill(app, date="2026-03-02")
        await press(pilot, "ctrl+s")
        assert isinstance(app.screen, MoveForm)
        error = str(app.screen.query_one("#error-date", Static).render())
        assert "before today" in error
        await press(pilot, "escape")
    assert demo_db.read_bytes() == before


async def test_x_then_y_deletes_a_round_and_undo_brings_it_back(demo_db: Path) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_on(pilot, SCHEDULED)
        await pilot.press("tab")
        await walk_to(pilot, timeline(app), is_tech)
        await press(pilot, "x")
        assert isinstance(app.screen, ConfirmScreen)
        assert "Delete the technical interview (Thu 19 Mar)" in screen_text(app)
        await press(pilot, "y")
        assert tech_round(demo_db) is None
        assert timeline(app).has_focus
        assert not any(is_tech(item.record) for item in timeline(app).items)
        await press(pilot, "u")
        assert any(is_tech(item.record) for item in timeline(app).items)
    restored = tech_round(demo_db)
    assert restored is not None and restored.date == THURSDAY


async def test_x_then_any_other_key_keeps_the_round(demo_db: Path) -> None:
    before = demo_db.read_bytes()
    app = make_app(demo_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_on(pilot, SCHEDULED)
        await pilot.press("tab")
        await walk_to(pilot, timeline(app), is_tech)
        await press(pilot, "x")
        assert isinstance(app.screen, ConfirmScreen)
        await press(pilot, "n")
        assert not isinstance(app.screen, ConfirmScreen)
        assert timeline(app).has_focus and is_tech(timeline(app).item)
        await press(pilot, "x", "escape")
        assert not isinstance(app.screen, ConfirmScreen)
    assert demo_db.read_bytes() == before


def priya(path: Path) -> Contact:
    return next(c for c in stored(path, SCHEDULED).contacts if c.name == "Priya Rao")


async def test_enter_on_a_contact_edits_their_card_and_undo_takes_it_back(
    demo_db: Path,
) -> None:
    before = priya(demo_db)
    app = make_app(demo_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_on(pilot, SCHEDULED)
        await pilot.press("tab", "tab")
        await walk_to(pilot, contacts(app), lambda c: getattr(c, "name", "") == "Priya Rao")
        await press(pilot, "enter")
        assert isinstance(app.screen, FormScreen)
        assert app.screen.query_one("#field-name", Input).value == "Priya Rao"
        fill(app, email="priya@kestrel.example", phone="+49 30 1234")
        await press(pilot, "ctrl+s")
        assert "priya@kestrel.example" in screen_text(app)
        edited = priya(demo_db)
        assert (edited.email, edited.phone) == ("priya@kestrel.example", "+49 30 1234")
        assert edited.model_dump(exclude={"email", "phone"}) == before.model_dump(
            exclude={"email", "phone"}
        )
        await press(pilot, "u")
    assert priya(demo_db) == before


async def test_x_then_y_deletes_a_contact_and_undo_brings_them_back(demo_db: Path) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_on(pilot, SCHEDULED)
        await pilot.press("tab", "tab")
        await walk_to(pilot, contacts(app), lambda c: getattr(c, "name", "") == "Priya Rao")
        await press(pilot, "x")
        assert "Delete Priya Rao from Kestrel Grid" in screen_text(app)
        await press(pilot, "y")
        names = [c.name for c in stored(demo_db, SCHEDULED).contacts]
        assert "Priya Rao" not in names
        await press(pilot, "u")
    assert "Priya Rao" in [c.name for c in stored(demo_db, SCHEDULED).contacts]


async def test_deleting_the_recruiter_a_step_nudges_asks_again_before_forcing(
    demo_db: Path,
) -> None:
    """Quarry's step nudges its only recruiter: the change refuses, a second y forces."""
    app = make_app(demo_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_on(pilot, NUDGING)
        row = app.main.selected_row()
        assert row is not None and row.step is not None and row.step.nudge is not None
        nudged = row.step.nudge.name
        await pilot.press("tab", "tab")
        await walk_to(pilot, contacts(app), lambda c: getattr(c, "name", "") == nudged)
        await press(pilot, "x", "y")
        assert isinstance(app.screen, ConfirmScreen), "the refusal asks before forcing"
        assert "next step nudges them" in screen_text(app)
        await press(pilot, "n")
        assert nudged in [c.name for c in stored(demo_db, NUDGING).contacts]
        await press(pilot, "x", "y", "y")
        gone = [c for c in stored(demo_db, NUDGING).contacts if c.name == nudged]
        assert gone == []


async def test_enter_on_a_log_line_edits_it_and_x_deletes_it(demo_db: Path) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_on(pilot, SCHEDULED)
        await pilot.press("tab")
        await walk_to(pilot, timeline(app), lambda item: isinstance(item, Event))
        event = timeline(app).item
        assert isinstance(event, Event)
        await press(pilot, "enter")
        assert app.screen.query_one("#field-text", Input).value == event.text
        fill(app, text="Rescheduled call, confirmed by mail")
        await press(pilot, "ctrl+s")
        edited = next(e for e in stored(demo_db, SCHEDULED).events if e.id == event.id)
        assert (edited.text, edited.on, edited.kind) == (
            "Rescheduled call, confirmed by mail",
            event.on,
            event.kind,
        )
        await press(pilot, "x", "y")
        assert event.id not in [e.id for e in stored(demo_db, SCHEDULED).events]
        await press(pilot, "u")
        assert event.id in [e.id for e in stored(demo_db, SCHEDULED).events]
        await press(pilot, "u")
    back = next(e for e in stored(demo_db, SCHEDULED).events if e.id == event.id)
    assert back.text == event.text


async def test_a_pane_without_a_loop_or_items_says_so_on_a_key(db_path: Path) -> None:
    app = make_app(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("tab")
        assert timeline(app).has_focus and timeline(app).item is None
        await press(pilot, "enter")
        assert app.screen is app.main
    assert not db_path.exists()


async def test_enter_on_a_round_edits_its_format_people_and_notes(demo_db: Path) -> None:
    before = tech_round(demo_db)
    assert before is not None
    app = make_app(demo_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_on(pilot, SCHEDULED)
        await pilot.press("tab")
        await walk_to(pilot, timeline(app), is_tech)
        await press(pilot, "enter")
        fill(app, format="onsite", interviewers="Greta Holm, Samir Haddad", notes="bring laptop")
        await press(pilot, "ctrl+s")
        assert not isinstance(app.screen, FormScreen)
        edited = tech_round(demo_db)
        assert edited is not None
        assert (edited.format, edited.interviewers, edited.notes) == (
            "onsite",
            ["Greta Holm", "Samir Haddad"],
            "bring laptop",
        )
        assert (edited.date, edited.time, edited.kind) == (before.date, before.time, before.kind)
        await press(pilot, "u")
    assert tech_round(demo_db) == before
