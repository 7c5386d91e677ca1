"""`O` offer: a validated form, stored with its offer round, undoable."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from apphelp import TODAY, make_app, open_on, screen_text, settle, stored
from textual.pilot import Pilot
from textual.widgets import Input, Select, Static

from planner.models import RoundKind, RoundStatus
from planner.offers import Offer, OfferStatus
from storage.repository import Repository
from tui.app import LoopdeckApp
from tui.screens.form import FormScreen

FRESH = "Orchard Vector"
"""A demo loop without an offer."""
OFFERED = "Tidewater Compute"
"""A demo loop with a written offer due in two days."""


def fill(app: LoopdeckApp, **values: str) -> None:
    for name, value in values.items():
        app.screen.query_one(f"#field-{name}", Input).value = value


def error_beside(app: LoopdeckApp, name: str) -> str:
    return str(app.screen.query_one(f"#error-{name}", Static).render())


def offers_of(path: Path, pid: str) -> list[Offer]:
    return Repository.open(path).records(Offer, pid)


def step_of(app: LoopdeckApp, pid: str) -> str:
    """What the board says the loop's next step is."""
    row = app.board.row(pid) if app.board else None
    assert row is not None and row.step is not None
    return row.step.what


async def save(pilot: Pilot[None]) -> None:
    await pilot.press("ctrl+s")
    await settle(pilot)


async def test_an_offer_typed_as_on_the_command_line_is_stored_with_its_round(
    demo_db: Path,
) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 40)) as pilot:
        pid = await open_on(pilot, FRESH)
        await pilot.press("O")
        assert isinstance(app.screen, FormScreen)
        fill(app, base="250k", bonus="15%", equity="1.2m", sign_on="20,000", deadline="+7d")
        fill(app, currency="eur")
        await save(pilot)
        assert not isinstance(app.screen, FormScreen)
        assert step_of(app, pid) == "Decide on the offer"
        assert "Decide on the offer" in screen_text(app)
    [offer] = offers_of(demo_db, pid)
    assert (offer.base, offer.bonus, offer.equity, offer.sign_on) == (
        250_000,
        37_500,
        1_200_000,
        20_000,
    )
    assert (offer.currency, offer.deadline, offer.received_on) == (
        "EUR",
        dt.date(2026, 3, 23),
        TODAY,
    )
    assert offer.status == OfferStatus.VERBAL
    rounds = [r for r in stored(demo_db, FRESH).rounds if r.kind == RoundKind.OFFER]
    assert [(r.status, r.deadline) for r in rounds] == [(RoundStatus.SCHEDULED, offer.deadline)]


async def test_editing_keeps_the_offer_and_changes_only_what_was_typed(demo_db: Path) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 40)) as pilot:
        pid = await open_on(pilot, OFFERED)
        [before] = offers_of(demo_db, pid)
        await pilot.press("O")
        assert app.screen.query_one("#field-base", Input).value == "182000"
        app.screen.query_one("#field-status", Select).value = OfferStatus.NEGOTIATING.value
        fill(app, base="190k")
        await save(pilot)
    [after] = offers_of(demo_db, pid)
    assert after.id == before.id
    assert (after.base, after.status) == (190_000, OfferStatus.NEGOTIATING)
    assert after.model_dump(exclude={"base", "status"}) == before.model_dump(
        exclude={"base", "status"}
    )


async def test_bad_offer_values_stay_in_the_form_beside_their_field(demo_db: Path) -> None:
    before = demo_db.read_bytes()
    app = make_app(demo_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_on(pilot, FRESH)
        await pilot.press("O")
        fill(app, base="lots")
        await save(pilot)
        assert isinstance(app.screen, FormScreen)
        assert "'lots' is not an amount" in error_beside(app, "base")
        fill(app, base="200k", deadline="someday")
        await save(pilot)
        assert "someday" in error_beside(app, "deadline")
        assert error_beside(app, "base") == ""
        fill(app, deadline="", vesting_years="0")
        await save(pilot)
        assert error_beside(app, "vesting_years") != ""
        fill(app, vesting_years="4", currency="euro")
        await save(pilot)
        assert error_beside(app, "currency") != ""
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, FormScreen)
    assert demo_db.read_bytes() == before


async def test_undo_takes_the_offer_and_its_round_back(demo_db: Path) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 40)) as pilot:
        pid = await open_on(pilot, FRESH)
        await pilot.press("O")
        fill(app, base="200k", deadline="+5d")
        await save(pilot)
        assert len(offers_of(demo_db, pid)) == 1
        await pilot.press("u")
        await settle(pilot)
        assert step_of(app, pid) == "Waiting for a reply to the application"
    assert offers_of(demo_db, pid) == []
    assert not [r for r in stored(demo_db, FRESH).rounds if r.kind == RoundKind.OFFER]
