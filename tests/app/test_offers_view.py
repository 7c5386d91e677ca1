"""The offers view (`$`): bars only across currencies the user gave a rate, and the projections."""

from __future__ import annotations

from pathlib import Path

from apphelp import TODAY, make_app, screen_text, settle

from planner.offers import Offer
from planner.projection import projections
from storage.repository import Repository
from tui.screens.offers_view import OffersScreen

NOTE_WITHOUT_RATE = "Only USD offers are compared; EUR left out, no rate set"


async def offers_text(path: Path) -> str:
    app = make_app(path)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        await pilot.press("dollar_sign")
        await settle(pilot)
        assert isinstance(app.screen, OffersScreen)
        return screen_text(app)


def bar_row(text: str) -> str:
    return next(line for line in text.splitlines() if "vs the best" in line)


async def test_without_a_rate_no_bar_crosses_currencies_and_the_note_says_so(
    demo_db: Path,
) -> None:
    """The demo: Tidewater in USD, Saltmarsh and Brightwell in EUR, no rate set."""
    text = await offers_text(demo_db)
    assert NOTE_WITHOUT_RATE in text
    bars = bar_row(text)
    assert bars.count("no rate") == 2 and "█" * 16 in bars
    assert "not compared" in text  # the "in USD" row


async def test_with_a_rate_every_offer_is_on_one_scale(demo_db: Path) -> None:
    repo = Repository.open(demo_db)
    with repo.transaction("set fx.EUR") as tx:
        tx.put_settings(repo.settings().model_copy(update={"fx": {"EUR": 1.08}}))
    text = await offers_text(demo_db)
    assert NOTE_WITHOUT_RATE not in text
    assert "Compared in USD at your rates (1 EUR = 1.08 USD)." in text
    assert "no rate" not in bar_row(text)
    assert "USD 240,624" in text  # Brightwell's EUR 222,800 at 1.08


async def test_the_projections_flag_a_loop_behind_an_open_offers_deadline(
    demo_db: Path,
) -> None:
    repo = Repository.open(demo_db)
    found = projections(
        repo.loops(include_closed=True), repo.records(Offer), TODAY, repo.settings()
    )
    behind = [p for p in found if p.behind]
    assert behind and len(behind) < len(found)
    text = await offers_text(demo_db)
    assert "Projected offer dates" in text
    for p in found:
        assert p.title[:20] in text
    assert text.count(": Offer projected around") == len(behind)
    assert text.count("⚠ Tidewater Compute") == len(behind)  # the deadline each one misses
