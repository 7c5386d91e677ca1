"""Small builders for storage tests: records with the few fields a test cares about."""

from __future__ import annotations

import datetime as dt
import os
import time
from pathlib import Path

from planner.models import Contact, ContactRole, Event, Process, Round, RoundKind
from storage import jsonfile
from storage.repository import Repository

DAY = dt.date(2026, 3, 2)


def process(company: str = "Acme", role: str = "ML Engineer", **fields: object) -> Process:
    return Process.model_validate({"company": company, "role": role, "created_on": DAY, **fields})


def round_of(parent: Process, kind: RoundKind = RoundKind.SCREEN, **fields: object) -> Round:
    return Round.model_validate(
        {"process_id": parent.id, "kind": kind, "created_on": DAY, **fields}
    )


def contact_of(parent: Process, name: str = "Priya Rao") -> Contact:
    return Contact(process_id=parent.id, name=name, role=ContactRole.RECRUITER)


def event_of(parent: Process, text: str = "Sent my availability") -> Event:
    return Event(process_id=parent.id, on=DAY, text=text)


def add_loop(path: Path, company: str = "Acme", role: str = "ML Engineer") -> Process:
    """Open the file, add a loop with one round, contact and event, and return the loop."""
    repo = Repository.open(path)
    new = process(company, role)
    with repo.transaction(f"add loop {new.title}") as tx:
        tx.put(new)
        tx.put(round_of(new))
        tx.put(contact_of(new))
        tx.put(event_of(new))
    return new


def titles(repo: Repository, include_closed: bool = False) -> list[str]:
    return [loop.process.title for loop in repo.loops(include_closed=include_closed)]


def rewrite_in_place(path: Path, old: bytes, new: bytes) -> None:
    """Change the bytes keeping inode, size and modification time: only the change time moves."""
    before = os.stat(path)
    raw = path.read_bytes()
    changed = raw.replace(old, new, 1)
    assert changed != raw and len(changed) == len(raw)
    time.sleep(0.02)  # the kernel's clock for change times ticks every few milliseconds
    with open(path, "r+b") as handle:
        handle.write(changed)
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert jsonfile.fingerprint(path) == jsonfile.Fingerprint.of(before)
