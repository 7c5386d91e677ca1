"""Write a large, realistic data file for the benchmarks.

500 loops, 5,000 rounds, 1,500 contacts and 10,000 log entries: several years
of a very busy search, well beyond what one person keeps. Values come from a
seeded generator, so two runs give the same records (only stamps differ).
It writes through the real `Repository`, in one transaction, so the file has
exactly the layout the app writes. Usage: `python bench/generate_large.py PATH`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
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
    Round,
    RoundKind,
    RoundStatus,
)
from storage.repository import Repository
from storage.undo import journal_path

PROCESSES, ROUNDS_EACH, CONTACTS_EACH, EVENTS_EACH = 500, 10, 3, 20
SEED = 20260316
START = dt.date(2025, 9, 1)
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
    RoundKind.TECH,
    RoundKind.TAKEHOME,
    RoundKind.ONSITE,
    RoundKind.ONSITE,
    RoundKind.OFFER,
    RoundKind.NEGOTIATION,
]
ACTIVE_STATUSES = [ProcessStatus.ACTIVE] * 6 + [ProcessStatus.ON_HOLD]
NOTES = [
    "Asked about the team's on-call load.",
    "Sent thank-you note to the panel.",
    "Recruiter says feedback is due by Friday.",
    "Comp band shared: top of range possible.",
    "Rescheduled at their request.",
    "Follow up on visa sponsorship.",
    "Hiring manager wants a system design deep dive next.",
]


def build(rng: random.Random) -> list[Process | Round | Contact | Event]:
    """Every record of the file, loop by loop."""
    records: list[Process | Round | Contact | Event] = []
    for number in range(PROCESSES):
        process = _process(rng, number)
        contacts = _contacts(rng, process, number)
        records += [process, *contacts, *_rounds(rng, process, contacts)]
        records += _events(rng, process, contacts)
    return records


def _id(rng: random.Random) -> str:
    return f"{rng.getrandbits(128):032x}"


def _process(rng: random.Random, number: int) -> Process:
    created = START + dt.timedelta(days=rng.randrange(180))
    closed = rng.random() < 0.3
    return Process(
        id=_id(rng),
        company=f"{rng.choice(COMPANIES)} {number}",
        role=rng.choice(ROLES),
        level=rng.choice(["", "L5", "Senior", "Staff"]),
        location=rng.choice(["Remote", "Berlin", "London", "NYC", "Hybrid SF"]),
        source=rng.choice(["referral", "linkedin", "inbound", "careers page"]),
        tags=rng.sample(["ml", "infra", "remote", "dream", "backup"], k=2),
        status=ProcessStatus.CLOSED if closed else rng.choice(ACTIVE_STATUSES),
        close_reason=CloseReason.REJECTED if closed else None,
        closed_on=created + dt.timedelta(days=60) if closed else None,
        created_on=created,
        notes=rng.choice(NOTES),
    )


def _contacts(rng: random.Random, process: Process, number: int) -> list[Contact]:
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
        for index, role in enumerate(roles[:CONTACTS_EACH])
    ]


def _rounds(rng: random.Random, process: Process, contacts: list[Contact]) -> list[Round]:
    return [
        Round(
            id=_id(rng),
            process_id=process.id,
            kind=kind,
            status=RoundStatus.DONE if index < 6 else RoundStatus.SCHEDULED,
            date=process.created_on + dt.timedelta(days=4 * index),
            time=dt.time(9 + rng.randrange(8), rng.choice([0, 30])),
            format=rng.choice(["video", "phone", "onsite"]),
            interviewers=[contacts[-1].name],
            outcome=Outcome.PASSED if index < 6 else Outcome.PENDING,
            created_on=process.created_on,
        )
        for index, kind in enumerate(KINDS[:ROUNDS_EACH])
    ]


def _events(rng: random.Random, process: Process, contacts: list[Contact]) -> list[Event]:
    events = []
    for index in range(EVENTS_EACH):
        on = process.created_on + dt.timedelta(days=2 * index)
        kind = rng.choice(list(EventKind))
        events.append(
            Event(
                id=_id(rng),
                process_id=process.id,
                on=on,
                kind=kind,
                text=rng.choice(NOTES),
                contact_id=rng.choice(contacts).id,
                due=on + dt.timedelta(days=3) if kind == EventKind.PROMISE else None,
                done=index < EVENTS_EACH - 2,
            )
        )
    return events


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path, help="where to write the data file (replaced)")
    args = parser.parse_args(argv)
    path: Path = args.path
    path.unlink(missing_ok=True)
    repo = Repository.open(path)
    with repo.transaction("generate a large file") as tx:
        for record in build(random.Random(SEED)):
            tx.put(record)
    # A fresh file has no history: one huge undo entry would skew the add benchmark.
    journal_path(path).unlink(missing_ok=True)
    size = path.stat().st_size
    print(f"wrote {path} ({size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
