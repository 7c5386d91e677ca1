"""Offer terms, and the two totals that let offers be compared side by side.

An offer is its own record (one per loop and offer), apart from the loop's
OFFER round: the round says where the loop stands in its timeline, the offer
keeps the terms, which change during a negotiation without touching the
timeline.

Amounts are whole units of the offer's currency, never floats, so a total
shown in the app is the same number in the CSV. The totals are deliberately
simple and spelled out, because a candidate must be able to redo them by hand:

    equity per year = equity / vesting_years
    first year      = base + bonus + sign_on + (equity per year if cliff_months <= 12 else 0)
    annualised      = base + bonus + equity per year       (sign-on is one-off: left out)

`bonus` is the target bonus as an amount (a "15%" typed on the command line is
turned into an amount of the base when parsed). Totals round down to a whole unit.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Annotated, Any

from planner.models import (
    DecidedBy,
    Key,
    Loop,
    Outcome,
    Record,
    Round,
    RoundKind,
    RoundStatus,
    Settings,
    Text,
)
from planner.records import Limits

# Patterns, compiled (and cached by `re`) on the first amount typed: `next` never parses one.
_AMOUNT = r"(\d+(?:\.\d+)?)\s*([km]?)"
_PERCENT = r"\d+(?:\.\d+)?"
_MULTIPLIERS = {"": 1, "k": 1_000, "m": 1_000_000}
AMOUNT_FORMS = "use a whole number such as 250000, 250k or 1.2m"
MAX_AMOUNT = 10**12
"""No pay package comes near it; a larger number is a typo (and would not fit in the file)."""


class OfferStatus(StrEnum):
    """Where an offer stands. The first three are open: they still have a deadline to meet."""

    VERBAL = "verbal"
    WRITTEN = "written"
    NEGOTIATING = "negotiating"
    ACCEPTED = "accepted"
    DECLINED = "declined"

    @property
    def is_open(self) -> bool:
        return self not in (OfferStatus.ACCEPTED, OfferStatus.DECLINED)


Amount = Annotated[int, Limits(ge=0, le=MAX_AMOUNT)]


@dataclass(kw_only=True)
class Offer(Record):
    """The terms of one offer from one loop."""

    process_id: Key
    status: OfferStatus = OfferStatus.VERBAL
    currency: Annotated[str, Limits(pattern=r"^[A-Z]{3}$")] = "USD"
    base: Amount = 0
    bonus: Amount = 0
    equity: Amount = 0
    vesting_years: Annotated[int, Limits(ge=1, le=10)] = 4
    cliff_months: Annotated[int, Limits(ge=0, le=60)] = 12
    vesting_note: Text = ""
    sign_on: Amount = 0
    start_date: dt.date | None = None
    deadline: dt.date | None = None
    received_on: dt.date
    notes: Text = ""

    @property
    def equity_per_year(self) -> int:
        return self.equity // self.vesting_years

    @property
    def first_year(self) -> int:
        """What the first twelve months pay, sign-on included (see the module doc)."""
        vested = self.equity_per_year if self.cliff_months <= 12 else 0
        return self.base + self.bonus + self.sign_on + vested

    @property
    def annualised(self) -> int:
        """A steady year once vesting runs: base, bonus and a year of equity."""
        return self.base + self.bonus + self.equity_per_year

    def days_left(self, today: dt.date) -> int | None:
        """Days until the deadline (negative once it has passed), None without one."""
        return None if self.deadline is None else (self.deadline - today).days


@dataclass
class Comparison:
    """Offers brought onto one scale, so that a bar or a ranking compares like with like.

    `currency` is the scale; `values` holds each compared offer's total on it,
    by offer id. An offer missing from `values` is not compared: its currency
    has no rate (`Settings.fx`). `note` says what was done in one sentence for
    the reader ("" when every offer is in one currency and nothing needs saying).
    """

    currency: str
    values: dict[str, int]
    note: str

    @property
    def best(self) -> int:
        """The highest compared total (0 when nothing is compared)."""
        return max(self.values.values(), default=0)

    def share(self, offer: Offer) -> float | None:
        """The offer's total as a share of the best one (0..1), None when not compared."""
        value = self.values.get(offer.id)
        if value is None:
            return None
        return value / self.best if self.best else 0.0

    def ranked(self, offers: Iterable[Offer]) -> list[Offer]:
        """Compared offers best first, then the others, each by its own total."""
        return sorted(
            offers,
            key=lambda o: (o.id not in self.values, -self.values.get(o.id, o.first_year)),
        )


def compare(
    offers: Iterable[Offer],
    settings: Settings,
    total: Callable[[Offer], int] = lambda offer: offer.first_year,
) -> Comparison:
    """Put `offers` on one scale: the one rule for every "which offer is best".

    One currency: compared as they are. Several: converted into
    `settings.base_currency` with the user's own rates (`settings.fx`), never a
    guessed one; an offer in a currency without a rate is left out and the note
    says which rate to set. When no offer can be converted at all, the offers of
    one currency (the one most offers are in) are compared with each other.
    Converted totals round to a whole unit.
    """
    offers = list(offers)
    base = settings.base_currency
    currencies = sorted({o.currency for o in offers})
    if len(currencies) <= 1:
        scale = currencies[0] if currencies else base
        return Comparison(scale, {o.id: total(o) for o in offers}, "")
    rates = {**settings.fx, base: 1.0}
    convertible = [c for c in currencies if c in rates]
    if convertible:
        scale = base
    else:
        counts = {c: sum(o.currency == c for o in offers) for c in currencies}
        scale = max(currencies, key=lambda c: (counts[c], -currencies.index(c)))
        convertible, rates = [scale], {scale: 1.0}
    values = {o.id: round(total(o) * rates[o.currency]) for o in offers if o.currency in rates}
    return Comparison(scale, values, _note(scale, convertible, currencies, rates, base))


def _note(
    scale: str, compared: list[str], currencies: list[str], rates: dict[str, float], base: str
) -> str:
    """What `compare` did, in one sentence: the rates it used, and what it left out."""
    used = [f"1 {c} = {rates[c]:g} {scale}" for c in compared if c != scale]
    if len(compared) == 1:
        done = f"Only {compared[0]} offers are compared"
        if used:
            done += f", in {scale} at your rate ({used[0]})"
    else:
        done = f"Compared in {scale} at your rates ({', '.join(used)})"
    left = [c for c in currencies if c not in compared]
    if not left:
        return done + "."
    missing = [c for c in currencies if c != base and (c in left or scale != base)]
    if len(missing) == 1:
        how = f"loopdeck config fx.{missing[0]} RATE, one {missing[0]} in {base}"
    else:
        how = f"loopdeck config {' '.join(f'fx.{c}' for c in missing)}: one of each in {base}"
    return f"{done}; {', '.join(left)} left out, no rate set ({how})."


class AmountError(ValueError):
    """An amount the user typed that does not parse; the message says what would."""


def parse_amount(text: str, base: int | None = None) -> int:
    """`250000`, `250,000`, `250k`, `1.2m`; `15%` of `base` when a base is given."""
    cleaned = text.strip().replace(",", "").replace("_", "").lstrip("$€£")
    if cleaned.endswith("%"):
        if base is None:
            raise AmountError(f"'{text}': a percentage needs the base salary first")
        percent = re.fullmatch(_PERCENT, cleaned[:-1], re.ASCII)
        if percent is None:
            raise AmountError(f"'{text}' is not a percentage (use e.g. 15%)")
        return _bounded(text, base * float(percent.group(0)) / 100)
    match = re.fullmatch(_AMOUNT, cleaned, re.ASCII | re.IGNORECASE)
    if match is None:
        raise AmountError(f"'{text}' is not an amount ({AMOUNT_FORMS})")
    return _bounded(text, float(match.group(1)) * _MULTIPLIERS[match.group(2).lower()])


def _bounded(text: str, amount: float) -> int:
    if amount > MAX_AMOUNT:
        raise AmountError(f"'{text}' is too large (at most {MAX_AMOUNT:,})")
    return int(amount)


def money(amount: int, currency: str) -> str:
    """`USD 250,000`: thousands grouped, the currency code in front, as in a spreadsheet."""
    return f"{currency} {amount:,}"


def synced_round(loop: Loop, offer: Offer, today: dt.date) -> Round | None:
    """The loop's OFFER round brought in line with the offer, or None if it already is.

    The timeline and the next step read rounds, the comparison reads offers, so
    recording an offer keeps the two in step: an open offer has an open OFFER
    round carrying its deadline ("Decide on the offer" by then); an answered
    one marks that round done, which hands the loop back to me to close.
    """
    rounds = [r for r in loop.timeline() if r.kind == RoundKind.OFFER]
    current = next((r for r in reversed(rounds) if r.status != RoundStatus.CANCELLED), None)
    is_open = current is not None and current.status != RoundStatus.DONE
    if offer.status.is_open:
        if current is None or not is_open:
            return Round(
                process_id=loop.process.id,
                kind=RoundKind.OFFER,
                status=RoundStatus.SCHEDULED,
                date=offer.received_on,
                deadline=offer.deadline,
                created_on=today,
            )
        if current.deadline == offer.deadline:
            return None
        return current.model_copy(update={"deadline": offer.deadline})
    answered: dict[str, Any] = {
        "status": RoundStatus.DONE,
        "outcome": Outcome.PASSED,
        "outcome_on": today,
        "decided_by": DecidedBy.ME,
    }
    if current is not None and is_open:
        return current.model_copy(update=answered)
    if current is not None:
        return None
    return Round(
        process_id=loop.process.id,
        kind=RoundKind.OFFER,
        date=offer.received_on,
        deadline=offer.deadline,
        created_on=today,
        **answered,
    )
