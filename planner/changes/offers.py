"""Record, update and delete a loop's offer (`offer`, the app's offer form).

Terms given update the loop's latest open offer (a negotiation changes the
numbers, not the offer), or start a new one. The loop's OFFER round follows
(`planner.offers.synced_round`), so the next step says "Decide on the offer"
by the deadline and every other loop is asked to tell its recruiter. Deleting
an offer recorded by mistake takes the open OFFER round it opened along,
unless another open offer still needs it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from planner.changes.base import (
    Insert,
    Patch,
    Refused,
    Remove,
    Update,
    Write,
    build,
    update,
    updated,
    writes,
)
from planner.dates import day_words
from planner.models import Loop, Round, RoundKind, RoundStatus
from planner.offers import Offer, synced_round
from planner.records import field_names

OFFER_FIELDS = tuple(name for name in field_names(Offer) if name not in ("id", "process_id"))


def current_offer(offers: Sequence[Offer], loop: Loop) -> Offer | None:
    """The loop's latest offer if it is still open: what new terms update."""
    mine = sorted(
        (o for o in offers if o.process_id == loop.process.id), key=lambda o: o.received_on
    )
    return mine[-1] if mine and mine[-1].status.is_open else None


def record_offer(
    loop: Loop,
    today: dt.date,
    offers: Sequence[Offer],
    values: Mapping[str, Any],
    new: bool = False,
) -> Patch:
    """Set the given terms on the current open offer, or on a new one (`new`, or none open)."""
    unknown = set(values) - set(OFFER_FIELDS)
    if unknown:
        raise TypeError(f"not an offer field: {', '.join(sorted(unknown))}")
    received = values.get("received_on")
    if received is not None and received > today:
        raise Refused(
            f"an offer cannot have come on {day_words(received, today)}, after today", "received_on"
        )
    current = None if new else current_offer(offers, loop)
    title = loop.process.title
    offer_writes: tuple[Write, ...]
    if current is None:
        offer = build(Offer, process_id=loop.process.id, **{"received_on": today, **values})
        offer_writes, verb = (Insert(offer),), "Recorded"
    else:
        offer, changed = updated(current, **dict(values))
        offer_writes = (Update(offer, changed),) if changed else ()
        verb = "Updated"
    synced = synced_round(loop, offer, today)
    round_writes: tuple[Write, ...] = ()
    if synced is not None:
        existing = next((r for r in loop.rounds if r.id == synced.id), None)
        round_writes = (
            (Insert(synced),) if existing is None else update(existing, **_round_values(synced))
        )
    return Patch(
        f"{verb.lower()} the offer of {title}",
        writes(offer_writes, round_writes),
        f"{verb} the {offer.status.value} offer of {title}",
        focus=offer.id,
        extra={"offer": offer},
    )


def delete_offer(loop: Loop, today: dt.date, offer: Offer, offers: Sequence[Offer]) -> Patch:
    """Remove an offer (undo brings it back), with the open OFFER round no other offer needs."""
    if offer.process_id != loop.process.id:
        raise Refused(f"that offer does not belong to {loop.process.title}")
    title = loop.process.title
    others_open = any(
        o.status.is_open for o in offers if o.process_id == loop.process.id and o.id != offer.id
    )
    removed: list[Write] = [Remove(offer)]
    if offer.status.is_open and not others_open:
        removed += [
            Remove(r)
            for r in loop.rounds
            if r.kind == RoundKind.OFFER
            and r.status in (RoundStatus.PLANNED, RoundStatus.SCHEDULED)
            and r.deadline == offer.deadline
        ]
    return Patch(f"delete the offer of {title}", tuple(removed), f"Deleted the offer of {title}")


def _round_values(synced: Round) -> dict[str, Any]:
    fields = ("status", "date", "deadline", "outcome", "outcome_on", "decided_by")
    return {name: getattr(synced, name) for name in fields}
