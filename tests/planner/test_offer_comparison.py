"""`compare`: offers in several currencies are compared only at a rate the user set."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic_core import ValidationError

from planner.models import Settings
from planner.offers import Offer, compare

RECEIVED = dt.date(2026, 3, 10)


def offer(name: str, currency: str, base: int) -> Offer:
    return Offer(id=name, process_id=name, currency=currency, base=base, received_on=RECEIVED)


US = offer("us", "USD", 300_000)
EU1 = offer("eu1", "EUR", 222_800)
EU2 = offer("eu2", "EUR", 210_000)
UK = offer("uk", "GBP", 100_000)


def test_one_currency_compares_as_it_is_and_says_nothing() -> None:
    result = compare([EU1, EU2], Settings())
    assert (result.currency, result.values, result.note) == (
        "EUR",
        {"eu1": 222_800, "eu2": 210_000},
        "",
    )
    assert result.share(EU2) == pytest.approx(210_000 / 222_800)


def test_without_a_rate_only_one_currency_is_compared_and_the_note_says_so() -> None:
    result = compare([US, EU1, EU2], Settings())
    assert result.currency == "USD"
    assert result.values == {"us": 300_000}  # never USD 300,000 against EUR 222,800
    assert (result.share(US), result.share(EU1)) == (1.0, None)
    assert result.note == (
        "Only USD offers are compared; EUR left out, no rate set "
        "(loopdeck config fx.EUR RATE, one EUR in USD)."
    )


def test_a_rate_converts_into_the_base_currency() -> None:
    result = compare([US, EU1, EU2], Settings(fx={"EUR": 1.5}))
    assert result.values == {"us": 300_000, "eu1": 334_200, "eu2": 315_000}
    assert result.best == 334_200
    assert [o.id for o in result.ranked([US, EU1, EU2])] == ["eu1", "eu2", "us"]
    assert result.note == "Compared in USD at your rates (1 EUR = 1.5 USD)."


def test_a_currency_without_a_rate_is_left_out_and_ranked_last() -> None:
    result = compare([UK, US, EU1], Settings(fx={"EUR": 1.08}))
    assert set(result.values) == {"us", "eu1"}
    assert [o.id for o in result.ranked([UK, US, EU1])] == ["us", "eu1", "uk"]
    assert result.note.endswith(
        "GBP left out, no rate set (loopdeck config fx.GBP RATE, one GBP in USD)."
    )


def test_no_offer_in_the_base_currency_and_no_rate_compares_the_commonest_currency() -> None:
    result = compare([UK, EU1, EU2], Settings(base_currency="CHF"))
    assert (result.currency, set(result.values)) == ("EUR", {"eu1", "eu2"})
    assert result.note == (
        "Only EUR offers are compared; GBP left out, no rate set "
        "(loopdeck config fx.EUR fx.GBP: one of each in CHF)."
    )


def test_another_total_can_be_compared() -> None:
    paid = Offer(id="x", process_id="x", base=100, sign_on=50, received_on=RECEIVED)
    assert compare([paid], Settings(), total=lambda o: o.annualised).values == {"x": 100}


@pytest.mark.parametrize(
    "rates", [{"eur": 1.0}, {"EURO": 1.0}, {"EUR": 0.0}, {"EUR": -2.0}, {"EUR": float("nan")}]
)
def test_rates_are_validated(rates: dict[str, float]) -> None:
    with pytest.raises(ValidationError):
        Settings(fx=rates)
