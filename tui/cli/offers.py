"""`loopdeck offers`: open offers side by side, with the totals worked out the same way.

Side by side means one column per offer and one row per term, as a candidate
compares them on paper; the totals follow the formula in `planner.offers`.
"""

from __future__ import annotations

import argparse
from typing import Any

from planner.dates import day_words
from planner.offers import Offer, money
from tui.cli.context import Context
from tui.cli.jsonshape import dumps, iso
from tui.cli.output import due_text, emit, table
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
    titles = {loop.process.id: loop.process.title for loop in repo.loops(include_closed=True)}
    offers = [
        o for o in repo.records(Offer) if o.process_id in titles and (args.all or o.status.is_open)
    ]
    offers.sort(key=lambda o: (-o.first_year, titles[o.process_id].casefold()))
    if args.json:
        print(dumps([offer_json(o, titles[o.process_id]) for o in offers]), end="")
        return 0
    if not offers:
        emit("No open offers yet: loopdeck offer PROCESS --base ... --deadline ...")
        return 0
    emit(side_by_side(offers, titles, ctx))
    return 0


def side_by_side(offers: list[Offer], titles: dict[str, str], ctx: Context) -> str:
    def amounts(value: Any) -> list[str]:
        return [money(value(o), o.currency) for o in offers]

    rows = [
        ["Status", *(o.status.value for o in offers)],
        ["Base", *amounts(lambda o: o.base)],
        ["Bonus", *amounts(lambda o: o.bonus)],
        ["Equity / year", *amounts(lambda o: o.equity_per_year)],
        ["Vesting", *(f"{o.vesting_years}y, {o.cliff_months}m cliff" for o in offers)],
        ["Sign-on", *amounts(lambda o: o.sign_on)],
        ["First year", *amounts(lambda o: o.first_year)],
        ["Annualised", *amounts(lambda o: o.annualised)],
        ["Deadline", *(due_text(o.deadline, ctx.today) for o in offers)],
        ["Start", *(day_words(o.start_date, ctx.today) if o.start_date else "-" for o in offers)],
    ]
    return table(["", *(titles[o.process_id] for o in offers)], rows)


def offer_json(offer: Offer, title: str) -> dict[str, Any]:
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
    }
