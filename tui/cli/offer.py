"""`loopdeck offer PROCESS ...`: record or update an offer's terms, status and deadline.

Terms given on the command line update the loop's latest open offer (a
negotiation changes the numbers, not the offer), or start a new one. The
loop's OFFER round follows (see `planner.offers.synced_round`), so the next
step says "Decide on the offer" by the deadline and every other loop is
asked to tell its recruiter.
"""

from __future__ import annotations

import argparse
from typing import Any

from planner.changes.offers import current_offer, record_offer
from planner.offers import AmountError, Offer, OfferStatus, money, parse_amount
from tui.cli.applying import apply
from tui.cli.context import CliError, Context
from tui.cli.output import due_text, say
from tui.cli.parsing import Subparsers

AMOUNTS = ("base", "bonus", "equity", "sign_on")


def register(subparsers: Subparsers) -> None:
    parser = subparsers.add_parser(
        "offer",
        help="record an offer's terms and deadline",
        description=(
            "Record or update the loop's offer. Amounts: 250000, 250k, 1.2m; "
            "the bonus may be a percentage of the base (15%)."
        ),
    )
    parser.add_argument("process", metavar="PROCESS", help="id prefix or part of 'company / role'")
    parser.add_argument("--base", metavar="AMOUNT", help="yearly base salary")
    parser.add_argument("--bonus", metavar="AMOUNT", help="target bonus, an amount or 15%%")
    parser.add_argument("--equity", metavar="AMOUNT", help="the whole grant's value")
    parser.add_argument("--vesting-years", type=int, metavar="N", help="years to vest (4)")
    parser.add_argument("--cliff-months", type=int, metavar="N", help="the cliff (12)")
    parser.add_argument("--vesting", metavar="TEXT", help="the schedule in words")
    parser.add_argument("--sign-on", metavar="AMOUNT", help="one-off sign-on bonus")
    parser.add_argument("--currency", metavar="CODE", help="three letters (USD)")
    parser.add_argument("--start", metavar="DATE", help="the start date offered")
    parser.add_argument("--deadline", metavar="DATE", help="when they need an answer")
    parser.add_argument("--status", choices=[s.value for s in OfferStatus])
    parser.add_argument("--received", metavar="DATE", help="when it came (default: today)")
    parser.add_argument("--notes", metavar="TEXT")
    parser.add_argument("--new", action="store_true", help="a second offer, not an update")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, ctx: Context) -> int:
    loop = ctx.loop(args.process)
    offers = ctx.repo.records(Offer, loop.process.id)
    current = None if args.new else current_offer(offers, loop)
    patch = record_offer(loop, ctx.today, offers, _fields(args, ctx, current), new=args.new)
    offer = patch.extra["offer"]
    apply(ctx, patch)
    say(describe(offer, ctx), indent="    ")
    if offer.status.is_open and offer.deadline is not None and offer.deadline >= ctx.today:
        say(
            "Every other active loop now asks you to tell its recruiter; once done:\n"
            f"  loopdeck told PROCESS --about '{loop.process.company}'"
        )
    return 0


def describe(offer: Offer, ctx: Context) -> str:
    c = offer.currency
    text = (
        f"  first year {money(offer.first_year, c)}, annualised {money(offer.annualised, c)}"
        f"  (base {money(offer.base, c)}, bonus {money(offer.bonus, c)}, "
        f"equity {money(offer.equity, c)} over {offer.vesting_years}y, "
        f"sign-on {money(offer.sign_on, c)})"
    )
    if offer.deadline:
        text += f"\n  deadline {due_text(offer.deadline, ctx.today)}"
    return text


def _fields(args: argparse.Namespace, ctx: Context, current: Offer | None) -> dict[str, Any]:
    """Only the terms given on the command line, parsed; the rest stay as they were."""
    fields: dict[str, Any] = {}
    base = current.base if current else None
    try:
        if args.base is not None:
            fields["base"] = base = parse_amount(args.base)
        for name in AMOUNTS[1:]:
            value = getattr(args, name)
            if value is not None:
                fields[name] = parse_amount(value, base)
    except AmountError as error:
        raise CliError(str(error)) from None
    simple = {
        "vesting_years": args.vesting_years,
        "cliff_months": args.cliff_months,
        "vesting_note": args.vesting,
        "status": args.status,
        "notes": args.notes,
        "currency": args.currency.strip().upper() if args.currency else None,
    }
    fields.update({k: v for k, v in simple.items() if v is not None})
    for option, name in (
        ("start", "start_date"),
        ("deadline", "deadline"),
        ("received", "received_on"),
    ):
        text = getattr(args, option)
        if text is not None:
            fields[name] = ctx.date(text)
    return fields
