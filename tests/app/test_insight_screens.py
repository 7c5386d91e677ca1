"""Offers (`$`), funnel (`f`) and prep (`p`) in the app, and pacing on the board."""

from __future__ import annotations

from pathlib import Path

from apphelp import make_app, screen_text, settle

from planner.funnel import funnel
from planner.models import Owner
from planner.offers import Offer, money
from planner.prep import Question
from storage.repository import Repository
from tui.screens.funnel_view import FunnelScreen
from tui.screens.offers_view import OffersScreen
from tui.screens.prep_view import PrepScreen


async def test_offers_screen_shows_each_open_offer_with_its_totals(demo_db: Path) -> None:
    repo = Repository.open(demo_db)
    offers = [o for o in repo.records(Offer) if o.status.is_open]
    assert offers
    app = make_app(demo_db)
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(pilot)
        await pilot.press("$")
        assert isinstance(app.screen, OffersScreen)
        text = screen_text(app)
        assert "Offers side by side" in text
        for offer in offers:
            assert money(offer.first_year, offer.currency) in text
        await pilot.press("escape")
        assert not isinstance(app.screen, OffersScreen)


async def test_funnel_screen_shows_the_planners_numbers(demo_db: Path) -> None:
    result = funnel(Repository.open(demo_db).loops(include_closed=True))
    app = make_app(demo_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("f")
        assert isinstance(app.screen, FunnelScreen)
        text = screen_text(app)
        assert "Pass-through per stage" in text and "Median reply time" in text
        applied = result.stages[0]
        assert f"{applied.passed}/{applied.passed + applied.rejected}" in text
        assert f"{result.loops} loops, closed ones included." in text
        assert f"Applied to offer: {result.overall.words()}" in text
        for stage in result.stages:
            assert stage.rate_words() in text and stage.median_words() in text
        thin = [s for s in result.stages if not s.enough_data]
        assert thin, "the demo has stages with too few outcomes for a rate"
        for stage in thin:
            row = next(line for line in text.splitlines() if f"│{stage.kind.label} " in line)
            assert "█" not in row and "100%" not in row, row


async def test_prep_screen_is_for_the_selected_loop(demo_db: Path) -> None:
    repo = Repository.open(demo_db)
    loop = repo.loops()[0]
    with repo.transaction("ask") as tx:
        tx.put(Question(process_id=loop.process.id, text="Who owns the roadmap?"))
    app = make_app(demo_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.main.select_loop(loop.process.id)
        await pilot.press("p")
        assert isinstance(app.screen, PrepScreen)
        text = screen_text(app)
        assert f"Prep: {loop.process.title}" in text
        assert "[ ] Who owns the roadmap?" in text


async def test_the_board_paces_other_loops_while_an_offer_has_a_deadline(demo_db: Path) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.board is not None
        paced = [r for r in app.board.rows if any(" deadline (" in t.what for t in r.todos)]
        assert paced and all(t.what.startswith("Tell ") for r in paced for t in r.todos)
        # The to-do sits beside the state; the state still says who has the ball.
        assert all(r.step and " deadline (" not in r.step.what for r in paced)
        assert any(r.step and r.step.owner != Owner.ME for r in paced)
