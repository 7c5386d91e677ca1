"""`loopdeck offers`: open offers side by side, with the totals worked out the same way.

Side by side means one column per offer and one row per term, as a candidate
compares them on paper; the totals follow the formula in `planner.offers`.
Offers are ranked and measured against the best one by `planner.offers.compare`:
across currencies only at the rates the user set (`loopdeck config fx.EUR 1.08`),
and a line under the table says what was compared.
"""

from __future__ import annotations

import argparse
import textwrap
from typing import Any

from planner.dates import day_words
from planner.offers import Comparison, Offer, compare, money
from tui.cli.context import Context
from tui.cli.fit import Column, fit_table, output_width
from tui.cli.jsonshape import dumps, iso
from tui.cli.output import due_text, emit
from tui.cli.parsing import Subparsers


def register(subparsers: Subparsers) -> None:
    parser = subparsers.add_parser(
        "offers",
        help="compare offers side by side",
        description="Open offers side by side, with first-year and annualised totals.",
    )
    parser.add_argument("--all", action="store_true", help="include accepted and declined ones")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, ctx: Context) -> int:
    ctx.warn_if_read_only()
    repo = ctx.repo
    titles = {process.id: process.title for process in repo.processes()}
    offers = [
        o for o in repo.records(Offer) if o.process_id in titles and (args.all or o.status.is_open)
    ]
    offers.sort(key=lambda o: titles[o.process_id].casefold())
    comparison = compare(offers, repo.settings())
    offers = comparison.ranked(offers)
    if args.json:
        items = [offer_json(o, titles[o.process_id], comparison) for o in offers]
        print(dumps(items), end="")
        return 0
    if not offers:
        emit("No open offers yet: loopdeck offer PROCESS --base ... --deadline ...")
        return 0
    width = output_width()
    emit(side_by_side(offers, titles, comparison, ctx, width))
    if comparison.note:
        emit("")
        emit("\n".join(textwrap.wrap(comparison.note, width or len(comparison.note))))
    return 0


def side_by_side(
    offers: list[Offer],
    titles: dict[str, str],
    comparison: Comparison,
    ctx: Context,
    width: int | None,
) -> str:
    def amounts(value: Any) -> list[str]:
        return [money(value(o), o.currency) for o in offers]

    def compared(offer: Offer) -> str:
        value = comparison.values.get(offer.id)
        return "not compared" if value is None else money(value, comparison.currency)

    def versus(offer: Offer) -> str:
        share = comparison.share(offer)
        return "-" if share is None else f"{share:.0%}"

    rows = [
        ["Status", *(o.status.value for o in offers)],
        ["Base", *amounts(lambda o: o.base)],
        ["Bonus", *amounts(lambda o: o.bonus)],
        ["Equity / year", *amounts(lambda o: o.equity_per_year)],
        ["Vesting", *(f"{o.vesting_years}y, {o.cliff_months}m cliff" for o in offers)],
        ["Sign-on", *amounts(lambda o: o.sign_on)],
        ["First year", *amounts(lambda o: o.first_year)],
    ]
    if any(o.currency != comparison.currency for o in offers):
        rows.append([f"  in {comparison.currency}", *(compared(o) for o in offers)])
    if len(offers) > 1:
        rows.append(["  vs the best", *(versus(o) for o in offers)])
    rows += [
        ["Annualised", *amounts(lambda o: o.annualised)],
        ["Deadline", *(due_text(o.deadline, ctx.today) for o in offers)],
        ["Start", *(day_words(o.start_date, ctx.today) if o.start_date else "-" for o in offers)],
    ]
    # An amount is 11-15 characters ("USD 1,250,000"): a column keeps that much first.
    columns = [Column(""), *(Column(titles[o.process_id], shrink=15) for o in offers)]
    return fit_table(columns, rows, width)


def offer_json(offer: Offer, title: str, comparison: Comparison) -> dict[str, Any]:
    value = comparison.values.get(offer.id)
    return {
        "id": offer.id,
        "process_id": offer.process_id,
        "loop": title,
        "status": offer.status.value,
        "currency": offer.currency,
        "base": offer.base,
        "bonus": offer.bonus,
        "equity": offer.equity,
        "vesting_years": offer.vesting_years,
        "cliff_months": offer.cliff_months,
        "sign_on": offer.sign_on,
        "first_year": offer.first_year,
        "annualised": offer.annualised,
        "deadline": iso(offer.deadline),
        "start_date": iso(offer.start_date),
        "received_on": iso(offer.received_on),
        "compared": None
        if value is None
        else {
            "currency": comparison.currency,
            "first_year": value,
            "share_of_best": comparison.share(offer),
        },
    }
