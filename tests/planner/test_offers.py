"""Offer totals by the documented formula, and amounts as people type them."""

from __future__ import annotations

import datetime as dt

import pytest
from builders import TODAY
from pydantic_core import ValidationError

from planner.models import Loop, Outcome, Process, Round, RoundKind, RoundStatus
from planner.offers import AmountError, Offer, OfferStatus, money, parse_amount, synced_round

RECEIVED = dt.date(2026, 3, 10)


def offer(**terms: int) -> Offer:
    return Offer(process_id="p1", received_on=RECEIVED, **terms)


def test_first_year_counts_sign_on_and_one_year_of_equity() -> None:
    o = offer(base=200_000, bonus=30_000, equity=400_000, sign_on=25_000)
    assert o.equity_per_year == 100_000
    assert o.first_year == 200_000 + 30_000 + 25_000 + 100_000
    assert o.annualised == 200_000 + 30_000 + 100_000


def test_a_cliff_longer_than_a_year_vests_nothing_in_the_first_year() -> None:
    o = offer(base=100_000, equity=300_000, vesting_years=3, cliff_months=18)
    assert o.first_year == 100_000
    assert o.annualised == 200_000


def test_equity_per_year_rounds_down_to_a_whole_unit() -> None:
    assert offer(equity=100_000, vesting_years=3).equity_per_year == 33_333


def test_days_left_counts_to_the_deadline() -> None:
    o = Offer(process_id="p1", received_on=RECEIVED, deadline=dt.date(2026, 3, 20))
    assert o.days_left(dt.date(2026, 3, 16)) == 4
    assert offer().days_left(dt.date(2026, 3, 16)) is None


def test_only_accepted_and_declined_offers_are_closed() -> None:
    assert [s for s in OfferStatus if s.is_open] == [
        OfferStatus.VERBAL,
        OfferStatus.WRITTEN,
        OfferStatus.NEGOTIATING,
    ]


@pytest.mark.parametrize("bad", [{"base": -1}, {"currency": "usd"}, {"vesting_years": 0}])
def test_impossible_terms_are_refused(bad: dict[str, object]) -> None:
    with pytest.raises(ValidationError):
        Offer(process_id="p1", received_on=RECEIVED, **bad)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("250000", 250_000),
        ("250,000", 250_000),
        ("250k", 250_000),
        ("1.2M", 1_200_000),
        ("$90K", 90_000),
        ("0", 0),
    ],
)
def test_amounts_as_typed(text: str, expected: int) -> None:
    assert parse_amount(text) == expected


def test_a_percentage_is_of_the_base() -> None:
    assert parse_amount("15%", base=200_000) == 30_000
    with pytest.raises(AmountError, match="needs the base"):
        parse_amount("15%")


@pytest.mark.parametrize("bad", ["", "lots", "12x", "-5", "%", "1.2.3k"])
def test_bad_amounts_say_what_would_parse(bad: str) -> None:
    with pytest.raises(AmountError, match="'"):
        parse_amount(bad, base=100)


def test_money_groups_thousands_behind_the_currency() -> None:
    assert money(1_234_567, "EUR") == "EUR 1,234,567"


def offer_loop(*rounds: Round) -> Loop:
    process = Process(id="p1", company="Acme", role="MLE", created_on=RECEIVED)
    return Loop(process=process, rounds=list(rounds))


def test_an_open_offer_opens_an_offer_round_with_its_deadline() -> None:
    o = offer().model_copy(update={"deadline": dt.date(2026, 3, 20)})
    added = synced_round(offer_loop(), o, TODAY)
    assert added is not None
    assert (added.kind, added.status, added.date, added.deadline) == (
        RoundKind.OFFER,
        RoundStatus.SCHEDULED,
        RECEIVED,
        dt.date(2026, 3, 20),
    )
    assert synced_round(offer_loop(added), o, TODAY) is None
    moved = synced_round(offer_loop(added), o.model_copy(update={"deadline": None}), TODAY)
    assert moved is not None and moved.id == added.id and moved.deadline is None


def test_an_answered_offer_closes_the_round_once() -> None:
    o = offer()
    opened = synced_round(offer_loop(), o, TODAY)
    assert opened is not None
    accepted = o.model_copy(update={"status": OfferStatus.ACCEPTED})
    done = synced_round(offer_loop(opened), accepted, TODAY)
    assert done is not None and done.id == opened.id
    assert (done.status, done.outcome, done.outcome_on) == (RoundStatus.DONE, Outcome.PASSED, TODAY)
    assert synced_round(offer_loop(done), accepted, TODAY) is None
    fresh = synced_round(offer_loop(), accepted, TODAY)
    assert fresh is not None and fresh.status == RoundStatus.DONE
