"""Offers side by side (`$`): one column per open offer, the totals drawn as bars.

The numbers are `planner.offers`' first-year and annualised totals, the
same as `loopdeck offers`; the bars compare each offer's first year with the
best one, so the gap reads at a glance (offers in other currencies are not
converted: the bar compares numbers, the label says the currency).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from planner.dates import relative
from planner.models import Process
from planner.offers import Offer, money
from planner.text import visible
from tui.screens.insight import InsightScreen

BAR = 16


def offers_table(
    offers: list[Offer], processes: dict[str, Process], today: dt.date
) -> RenderableType:
    if not offers:
        return Text(
            "No open offers. Record one with: loopdeck offer PROCESS --base ... --deadline ..."
        )
    table = Table(show_edge=False, pad_edge=False, box=None, padding=(0, 2))
    # One-line headers (the company; the role is the first row) under a named first
    # column: a header line that began with blanks would lose them on screen.
    table.add_column("Offer", min_width=13, no_wrap=True)
    for offer in offers:
        table.add_column(
            visible(processes[offer.process_id].company), justify="right", max_width=28
        )

    def row(label: str, cell: Callable[[Offer], str]) -> None:
        table.add_row(label, *(cell(o) for o in offers))

    row("Role", lambda o: visible(processes[o.process_id].role))
    row("Status", lambda o: o.status.value)
    row("Base", lambda o: money(o.base, o.currency))
    row("Bonus", lambda o: money(o.bonus, o.currency))
    row("Equity / year", lambda o: money(o.equity_per_year, o.currency))
    row("Vesting", lambda o: f"{o.vesting_years}y, {o.cliff_months}m cliff")
    row("Sign-on", lambda o: money(o.sign_on, o.currency))
    best = max(o.first_year for o in offers) or 1
    row("First year", lambda o: money(o.first_year, o.currency))
    row("  vs the best", lambda o: "█" * round(BAR * o.first_year / best) or "·")
    row("Annualised", lambda o: money(o.annualised, o.currency))
    row("Deadline", lambda o: _deadline(o, today))
    formula = Text(
        "First year = base + bonus + sign-on + a year of equity (none if the cliff is over "
        "12 months). Annualised = base + bonus + a year of equity.",
        style="dim",
    )
    return Group(table, Text(""), formula)


def _deadline(offer: Offer, today: dt.date) -> str:
    return f"{offer.deadline} ({relative(offer.deadline, today)})" if offer.deadline else "-"


class OffersScreen(InsightScreen):
    """Every open offer, best first year first."""

    def __init__(self, offers: list[Offer], processes: dict[str, Process], today: dt.date) -> None:
        ordered = sorted(offers, key=lambda o: -o.first_year)
        super().__init__("Offers side by side", lambda: offers_table(ordered, processes, today))
