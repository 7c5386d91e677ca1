"""Record or edit the selected loop's offer (`O`): terms, status, dates.

Amounts and dates are read exactly as `loopdeck offer` reads them
(`planner.offers.parse_amount`: 250k, 1.2m, a bonus of 15% of the base;
`planner.dates.parse_date`: +7d, fri, 2026-03-20), so the form and the
command line never disagree about what a value means; the terms go to
`planner.changes.offers.record_offer`, as `loopdeck offer` sends them, which
keeps the loop's OFFER round in step.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from textual.app import ComposeResult
from textual.widgets import Input, Select

from planner.changes.base import Patch
from planner.changes.offers import current_offer, record_offer
from planner.models import Loop
from planner.offers import AMOUNT_FORMS, AmountError, Offer, OfferStatus, parse_amount
from tui.screens.choices import options
from tui.screens.form import FieldError, FormScreen

AMOUNTS = ("base", "bonus", "equity", "sign_on")
DATES = ("start_date", "deadline")


class OfferForm(FormScreen):
    """The loop's open offer with its terms changed, or a new one when none is open."""

    def __init__(self, loop: Loop, offers: list[Offer], today: dt.date) -> None:
        offer = current_offer(offers, loop)
        verb = "Offer" if offer is None else "Edit the offer"
        super().__init__(f"{verb} from {loop.process.title}")
        self._loop = loop
        self._offers = offers
        self._offer = offer
        self._today = today

    def fields(self) -> ComposeResult:
        o = self._offer or Offer(process_id=self._loop.process.id, received_on=self._today)
        status = Select(options(OfferStatus), value=o.status.value, allow_blank=False)
        yield self.row("status", "Status", status)
        yield self.row("currency", "Currency (three letters)", Input(o.currency))
        yield self.row("base", f"Base per year ({AMOUNT_FORMS})", Input(_amount(o.base)))
        yield self.row(
            "bonus", "Target bonus (an amount, or 15% of the base)", Input(_amount(o.bonus))
        )
        yield self.row("equity", "Equity: the whole grant", Input(_amount(o.equity)))
        yield self.row("vesting_years", "Vesting years", Input(str(o.vesting_years)))
        yield self.row("cliff_months", "Cliff months", Input(str(o.cliff_months)))
        yield self.row("sign_on", "Sign-on bonus", Input(_amount(o.sign_on)))
        yield self.row("start_date", "Start date", Input(_date(o.start_date)))
        yield self.row("deadline", "Deadline (e.g. +7d or fri)", Input(_date(o.deadline)))

    def build(self) -> Patch:
        fields: dict[str, Any] = {
            "status": OfferStatus(self.choice("status")),
            "currency": self.text("currency").upper(),
            "vesting_years": self.text("vesting_years"),
            "cliff_months": self.text("cliff_months"),
        }
        base = fields["base"] = self._amount("base", None)
        for name in AMOUNTS[1:]:
            fields[name] = self._amount(name, base)
        for name in DATES:
            fields[name] = self.date(name, self._today)
        return record_offer(self._loop, self._today, self._offers, fields)

    def _amount(self, name: str, base: int | None) -> int:
        """A blank amount is zero: an offer without a sign-on bonus is common."""
        text = self.text(name)
        try:
            return parse_amount(text, base) if text else 0
        except AmountError as error:
            raise FieldError(name, str(error)) from None


def _amount(value: int) -> str:
    return str(value) if value else ""


def _date(value: dt.date | None) -> str:
    return value.isoformat() if value else ""
