"""Offers side by side (`$`): one column per open offer, the totals drawn as bars, then
when each loop still interviewing could reach an offer.

The numbers are `planner.offers`' first-year and annualised totals, the
same as `loopdeck offers`. The bars are `planner.offers.compare`'s: each
offer's first year as a share of the best one on one scale, offers in one
currency as they are, several only at the user's own rates (`fx`); an offer
left out draws no bar, and the comparison's note says why under the table.
The projections are `loopdeck pace`'s (`planner.projection.projections`),
flagged when another open offer's deadline comes first.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from planner.dates import dated, day_words
from planner.models import Loop, Process, Settings
from planner.offers import Comparison, Offer, compare, money
from planner.projection import Projection, projections, speed_up_note
from planner.text import visible
from tui.screens.insight import InsightScreen

BAR = 16


def offers_view(
    offers: list[Offer], loops: list[Loop], settings: Settings, today: dt.date
) -> RenderableType:
    """The offers table and the projected offer dates, one under the other."""
    processes = {loop.process.id: loop.process for loop in loops}
    found = projections(loops, offers, today, settings)
    return Group(
        offers_table(offers, processes, settings, today), Text(""), projection_table(found, today)
    )


def offers_table(
    offers: list[Offer], processes: dict[str, Process], settings: Settings, today: dt.date
) -> RenderableType:
    if not offers:
        return Text(
            "No open offers. Record one with: loopdeck offer PROCESS --base ... --deadline ..."
        )
    comparison = compare(offers, settings)
    offers = comparison.ranked(offers)
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
    row("First year", lambda o: money(o.first_year, o.currency))
    if any(o.currency != comparison.currency for o in offers):
        row(f"  in {comparison.currency}", lambda o: _compared(comparison, o))
    row("  vs the best", lambda o: _bar(comparison, o))
    row("Annualised", lambda o: money(o.annualised, o.currency))
    row("Deadline", lambda o: _deadline(o, today))
    parts: list[RenderableType] = [table, Text("")]
    if comparison.note:
        parts.append(Text(visible(comparison.note), style="bold"))
    parts.append(
        Text(
            "First year = base + bonus + sign-on + a year of equity (none if the cliff is over "
            "12 months). Annualised = base + bonus + a year of equity.",
            style="dim",
        )
    )
    return Group(*parts)


def projection_table(found: list[Projection], today: dt.date) -> RenderableType:
    """Each loop still interviewing: its projected offer date and range, and the deadline it
    misses, with the sentence its pacing to-do says (as `loopdeck pace` shows them)."""
    title = Text("Projected offer dates", style="bold")
    if not found:
        return Group(title, Text("No open loop to project: none is still interviewing."))
    table = Table(show_edge=False, pad_edge=False, box=None, padding=(0, 2))
    table.add_column("Loop", max_width=30, overflow="ellipsis", no_wrap=True)
    table.add_column("Offer around", no_wrap=True)
    table.add_column("Range", no_wrap=True)
    table.add_column("Deadline first", no_wrap=True)
    for p in found:
        missed = p.deadline
        table.add_row(
            visible(p.title),
            dated(p.offer_on, today),
            f"{day_words(p.earliest, today)} – {day_words(p.latest, today)}",
            Text(f"⚠ {visible(missed.company)}", style="bold red") if missed else "",
        )
    notes = [
        Text(f"⚠ {visible(p.title)}: {visible(note)}", style="red")
        for p in found
        if (note := speed_up_note(p, today)) is not None
    ]
    return Group(title, table, *([Text(""), *notes] if notes else []))


def _deadline(offer: Offer, today: dt.date) -> str:
    if offer.deadline is None:
        return "-"
    return dated(offer.deadline, today)


def _compared(comparison: Comparison, offer: Offer) -> str:
    value = comparison.values.get(offer.id)
    return "not compared" if value is None else money(value, comparison.currency)


def _bar(comparison: Comparison, offer: Offer) -> str:
    """The share of the best offer as a bar; none for an offer no rate brings onto the scale."""
    share = comparison.share(offer)
    if share is None:
        return "no rate"
    return "█" * round(BAR * share) or "·"


class OffersScreen(InsightScreen):
    """Every open offer, best first (`Comparison.ranked`), then the projected offer dates."""

    def __init__(
        self, offers: list[Offer], loops: list[Loop], settings: Settings, today: dt.date
    ) -> None:
        super().__init__("Offers side by side", lambda: offers_view(offers, loops, settings, today))
