"""Generated data files for the benchmarks: a busy search, an archive, and a stress file.

- *busy*: 50 loops shaped like a heavy search: about 5 rounds, 3 people and
  12 log lines each, offers and prep on a few, most loops open.
- *archive*: 2,000 loops of the same shape, most of them closed: years of
  searches kept in one file.
- *large*: the 16 MB stress file (500 loops, 10 rounds and 20 log lines
  each). Not a target: every command and the app must keep working on it.

Values come from a seeded generator, so two runs give the same records (only
stamps differ). Files are written through the real `Repository`, in one
transaction, so they have exactly the layout the app writes.
Usage: `python bench/datafiles.py busy|archive|large PATH`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
from dataclasses import dataclass
from pathlib import Path

from planner.models import (
    CloseReason,
    Contact,
    ContactRole,
    Event,
    EventKind,
    Outcome,
    Process,
    ProcessStatus,
    Record,
    Round,
    RoundKind,
    RoundStatus,
)
from planner.offers import Offer, OfferStatus
from planner.prep import Audience, Decision, Question, TalkingPoint
from storage.repository import Repository
from storage.undo import journal_path

TODAY = dt.date(2026, 3, 16)
"""The day every bench pins with LOOPDECK_TODAY."""
SEED = 20260316


@dataclass(frozen=True)
class Shape:
    """How many loops, how big each one is, and how many are closed."""

    loops: int
    rounds: int
    people: int
    log_lines: int
    closed: float
    """The share of loops that are closed."""
    years: float
    """How far back the oldest loop was created."""
    offer_every: int = 0
    """One open loop in this many has an offer on the table (0: none)."""
    prep_every: int = 0
    """One open loop in this many has questions, talking points and a decision process."""


SHAPES = {
    "busy": Shape(50, 5, 3, 12, closed=0.2, years=0.3, offer_every=12, prep_every=6),
    "archive": Shape(2000, 5, 3, 12, closed=0.9, years=4.0, offer_every=12, prep_every=6),
    "large": Shape(500, 10, 3, 20, closed=0.3, years=0.5),
}
COMPANIES = [
    "Acme",
    "Acorn",
    "Brightloop",
    "Cobalt AI",
    "Datafold",
    "Ember Labs",
    "Fathom",
    "Gridline",
    "Helix Bio",
    "Ionic",
    "Juniper Cloud",
    "Kestrel",
    "Lumen",
    "Meridian",
    "Northwind",
    "Orbital",
    "Parallax",
    "Quanta",
    "Redwood Systems",
    "Sable",
]
ROLES = [
    "ML Engineer",
    "Staff ML Engineer",
    "Infra Engineer",
    "Platform Engineer",
    "Research Engineer",
    "MLOps Lead",
    "Senior SRE",
    "Data Engineer",
    "Applied Scientist",
]
FIRST = ["Priya", "Sam", "Alex", "Maria", "Chen", "Fatima", "Lukas", "Aisha", "Tom", "Yuki"]
LAST = ["Rao", "Kim", "Novak", "Garcia", "Okafor", "Berg", "Silva", "Haddad", "Moreau", "Ito"]
KINDS = [
    RoundKind.APPLIED,
    RoundKind.SCREEN,
    RoundKind.HM,
    RoundKind.TECH,
    RoundKind.ONSITE,
    RoundKind.TECH,
    RoundKind.TAKEHOME,
    RoundKind.ONSITE,
    RoundKind.OFFER,
    RoundKind.NEGOTIATION,
]
NOTES = [
    "Asked about the team's on-call load.",
    "Sent thank-you note to the panel.",
    "Recruiter says feedback is due by Friday.",
    "Comp band shared: top of range possible.",
    "Rescheduled at their request.",
    "Follow up on visa sponsorship.",
    "Hiring manager wants a system design deep dive next.",
]
KINDS_OF_EVENTS = [EventKind.SENT] * 4 + [EventKind.RECEIVED] * 4 + [EventKind.NOTE] * 3
KINDS_OF_EVENTS.append(EventKind.PROMISE)
"""Mostly touches either way, some notes, a promise now and then."""
QUESTIONS = [
    "How is on-call shared?",
    "What does success look like in six months?",
    "How are model launches reviewed?",
    "Which team owns the training platform?",
]


def company_of(number: int) -> str:
    """The company of loop `number`: unique, so `company_of(n) + " /"` names one loop."""
    return f"{COMPANIES[number % len(COMPANIES)]} {number}"


def recruiter_email(number: int) -> str:
    """Shown on the first contact card of loop `number`: a marker benches look for."""
    return f"person{number}.0@example.com"


def build(shape: Shape, rng: random.Random) -> list[Record]:
    """Every record of the file, loop by loop."""
    records: list[Record] = []
    for number in range(shape.loops):
        process = _process(shape, rng, number)
        contacts = _contacts(shape, rng, process, number)
        rounds = _rounds(shape, rng, process, contacts)
        records += [process, *contacts, *rounds, *_events(shape, rng, process, contacts)]
        if process.status != ProcessStatus.CLOSED:
            records += _offer_and_prep(shape, rng, process, number)
    return records


def _id(rng: random.Random) -> str:
    return f"{rng.getrandbits(128):032x}"


def _process(shape: Shape, rng: random.Random, number: int) -> Process:
    closed = rng.random() < shape.closed
    span = int(shape.years * 365)
    # Closed loops are spread over the years; open ones started within the last few weeks.
    age = rng.randrange(60, max(61, span)) if closed else rng.randrange(10, 60)
    created = TODAY - dt.timedelta(days=age)
    return Process(
        id=_id(rng),
        company=company_of(number),
        role=rng.choice(ROLES),
        level=rng.choice(["", "L5", "Senior", "Staff"]),
        location=rng.choice(["Remote", "Berlin", "London", "NYC", "Hybrid SF"]),
        source=rng.choice(["referral", "linkedin", "inbound", "careers page"]),
        tags=rng.sample(["ml", "infra", "remote", "dream", "backup"], k=2),
        status=ProcessStatus.CLOSED
        if closed
        else rng.choice([ProcessStatus.ACTIVE] * 8 + [ProcessStatus.ON_HOLD]),
        close_reason=rng.choice(list(CloseReason)) if closed else None,
        closed_on=created + dt.timedelta(days=40) if closed else None,
        created_on=created,
        notes=rng.choice(NOTES),
    )


def _contacts(shape: Shape, rng: random.Random, process: Process, number: int) -> list[Contact]:
    roles = [ContactRole.RECRUITER, ContactRole.HIRING_MANAGER, ContactRole.INTERVIEWER]
    return [
        Contact(
            id=_id(rng),
            process_id=process.id,
            name=f"{rng.choice(FIRST)} {rng.choice(LAST)}",
            role=role,
            email=f"person{number}.{index}@example.com",
            links=[f"https://example.com/in/p{number}-{index}"],
        )
        for index, role in enumerate(roles[: shape.people])
    ]


def _rounds(
    shape: Shape, rng: random.Random, process: Process, contacts: list[Contact]
) -> list[Round]:
    """Rounds every few days from the start; an open loop has its last ones ahead or pending."""
    closed = process.status == ProcessStatus.CLOSED
    done = shape.rounds if closed else rng.randrange(1, shape.rounds)
    step = (
        4 if shape.rounds > 5 else max(2, (TODAY - process.created_on).days // (shape.rounds + 1))
    )
    rounds = []
    for index, kind in enumerate(KINDS[: shape.rounds]):
        date = process.created_on + dt.timedelta(days=step * index)
        if index < done:
            status, outcome = RoundStatus.DONE, Outcome.PASSED
        elif index == done and rng.random() < 0.5:
            status, outcome = RoundStatus.SCHEDULED, Outcome.PENDING
            date = TODAY + dt.timedelta(days=rng.randrange(-3, 10))
        else:
            status, outcome = RoundStatus.PLANNED, Outcome.PENDING
        rounds.append(
            Round(
                id=_id(rng),
                process_id=process.id,
                kind=kind,
                status=status,
                date=None if status == RoundStatus.PLANNED else date,
                time=dt.time(9 + rng.randrange(8), rng.choice([0, 30])),
                format=rng.choice(["video", "phone", "onsite"]),
                interviewers=[contacts[-1].name],
                outcome=outcome,
                created_on=process.created_on,
            )
        )
    return rounds


def _events(
    shape: Shape, rng: random.Random, process: Process, contacts: list[Contact]
) -> list[Event]:
    events = []
    last = TODAY if process.closed_on is None else process.closed_on
    span = max(1, (last - process.created_on).days)
    for index in range(shape.log_lines):
        on = process.created_on + dt.timedelta(days=span * index // shape.log_lines)
        kind = rng.choice(KINDS_OF_EVENTS)
        events.append(
            Event(
                id=_id(rng),
                process_id=process.id,
                on=on,
                kind=kind,
                text=rng.choice(NOTES),
                contact_id=rng.choice(contacts).id,
                due=on + dt.timedelta(days=3) if kind == EventKind.PROMISE else None,
                done=index < shape.log_lines - 1,  # at most the last promise is open
            )
        )
    return events


def _offer_and_prep(
    shape: Shape, rng: random.Random, process: Process, number: int
) -> list[Record]:
    records: list[Record] = []
    if shape.offer_every and number % shape.offer_every == 1:
        records.append(
            Offer(
                id=_id(rng),
                process_id=process.id,
                status=OfferStatus.WRITTEN,
                base=rng.randrange(180, 260) * 1000,
                bonus=20000,
                equity=rng.randrange(100, 500) * 1000,
                deadline=TODAY + dt.timedelta(days=rng.randrange(3, 14)),
                received_on=TODAY - dt.timedelta(days=2),
            )
        )
    if shape.prep_every and number % shape.prep_every == 2:
        records += [
            Question(id=_id(rng), process_id=process.id, text=text, asked=index == 0)
            for index, text in enumerate(rng.sample(QUESTIONS, k=3))
        ]
        records += [
            TalkingPoint(id=_id(rng), process_id=process.id, audience=audience, text=text)
            for audience, text in (
                (Audience.RECRUITER, "Led the inference platform migration."),
                (Audience.HIRING_MANAGER, "Cut p99 latency from 80 to 20 ms with batching."),
            )
        ]
        records.append(
            Decision(
                id=_id(rng),
                process_id=process.id,
                panel="four engineers",
                decider="the director",
                timeline="a week after the onsite",
            )
        )
    return records


def write(path: Path, shape: Shape) -> None:
    """Write a fresh file of this shape at `path` (replaced), with no undo history."""
    path.unlink(missing_ok=True)
    repo = Repository.open(path)
    with repo.transaction("generate a bench file") as tx:
        for record in build(shape, random.Random(SEED)):
            tx.put(record)
    # A fresh file has no history: one huge undo entry would skew the write benchmarks.
    journal_path(path).unlink(missing_ok=True)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("shape", choices=sorted(SHAPES))
    parser.add_argument("path", type=Path, help="where to write the data file (replaced)")
    args = parser.parse_args(argv)
    write(args.path, SHAPES[args.shape])
    size = args.path.stat().st_size
    print(f"wrote {args.path} ({size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
