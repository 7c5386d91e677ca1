"""The demo data shows every situation loopdeck is built for, around any today."""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from pydantic_core import to_jsonable_python

from planner.models import (
    CloseReason,
    DecidedBy,
    Owner,
    ProcessStatus,
    RoundKind,
    Settings,
)
from planner.offers import Offer
from planner.ownership import next_step
from planner.prep import Decision, Question, TalkingPoint
from planner.records import Checked, default_of, field_names
from planner.steps import NextStep, Signal, ThreadKind
from planner.threads import threads
from storage.codec import MODEL_OF
from storage.repository import Repository
from tui.demo import DATE_FIELDS, SEED_FILE, make_demo_copy

SOME_DAY = dt.date(2026, 9, 2)  # far from the seed's anchor: dates must follow it


@pytest.fixture(params=[None, SOME_DAY], ids=["frozen-today", "another-day"])
def demo(request: pytest.FixtureRequest, frozen_today: dt.date) -> Iterator[tuple[Path, dt.date]]:
    today = request.param or frozen_today
    path = make_demo_copy(today)
    yield path, today
    shutil.rmtree(path.parent)


def own_steps(path: Path, today: dt.date) -> dict[str, NextStep | None]:
    """Each loop's state (to-dos aside)."""
    repo = Repository.open(path)
    assert repo.read_only is None
    return {
        loop.process.company: next_step(loop, today, repo.settings())
        for loop in repo.loops(include_closed=True)
    }


def step(steps: dict[str, NextStep | None], company: str) -> NextStep:
    found = steps[company]
    assert found is not None, company
    return found


def test_each_loop_shows_its_situation(demo: tuple[Path, dt.date]) -> None:
    path, today = demo
    steps = own_steps(path, today)
    assert len(steps) >= 8
    assert step(steps, "Lumen Forge").signal == Signal.FOLLOW_UP  # ~9 quiet days after a round
    assert step(steps, "Quarry Systems").signal == Signal.COOLING  # ~16 quiet days
    assert step(steps, "Brightwell Labs").signal == Signal.RACING  # offer the day after onsite
    assert step(steps, "Meridian Tensor").signal == Signal.PAUSED  # on hold
    assert step(steps, "Fernhill Robotics").signal in (Signal.DUE_SOON, Signal.OVERDUE)
    offer = step(steps, "Tidewater Compute")
    assert offer.what == "Decide on the offer"
    assert offer.due == today + dt.timedelta(days=2)
    larkspur = step(steps, "Larkspur Genomics")  # the thank-you note is a to-do beside it
    assert (larkspur.owner, larkspur.signal) == (Owner.HIRING_MANAGER, Signal.OK)
    assert larkspur.expected == today + dt.timedelta(days=3)  # "I'll hear within three days"
    this_week = step(steps, "Kestrel Grid")
    assert this_week.what.startswith("Prepare for")
    assert this_week.due is not None and 0 < (this_week.due - today).days <= 7
    assert step(steps, "Orchard Vector").what == "Waiting for a reply to the application"
    negotiation = step(steps, "Saltmarsh AI")
    assert (negotiation.owner, negotiation.signal) == (Owner.RECRUITER, Signal.MISSED)
    assert negotiation.what.startswith("No word from Julien Marchand by ")
    unscheduled = step(steps, "Vantage Loom")  # a round planned without a date
    assert unscheduled.owner == Owner.RECRUITER
    assert unscheduled.nudge is not None and unscheduled.nudge.name == "Ilse Janssen"
    assert steps["Cobalt Ridge"] is None  # closed


def test_the_morning_view_shows_every_signal_and_todos_beside_states(
    demo: tuple[Path, dt.date],
) -> None:
    """Every signal shows on some thread; two loops still owe a recruiter the deadlines."""
    path, today = demo
    repo = Repository.open(path)
    found = threads(repo.loops(), today, repo.settings(), repo.records(Offer))
    assert {t.signal for t in found} == set(Signal)
    by_loop = {
        loop.process.company: [
            (t.kind, t.owner, t.signal) for t in found if t.process_id == loop.process.id
        ]
        for loop in repo.loops()
    }
    # Waiting on the hiring manager for a follow-up, and a to-do of mine beside it.
    assert by_loop["Lumen Forge"] == [
        (ThreadKind.STATE, Owner.HIRING_MANAGER, Signal.FOLLOW_UP),
        (ThreadKind.PACING, Owner.ME, Signal.DUE_SOON),
        (ThreadKind.PACING, Owner.ME, Signal.OK),
    ]
    assert (ThreadKind.PROMISE, Owner.ME, Signal.DUE_TODAY) in by_loop["Larkspur Genomics"]
    assert (ThreadKind.PROMISE, Owner.ME, Signal.OVERDUE) in by_loop["Kestrel Grid"]
    # The words before the speed-up sentence a loop behind a deadline adds.
    telling = sorted(t.what.partition(" and ask")[0] for t in found if t.kind == ThreadKind.PACING)
    assert telling == [
        "Tell Ilse Janssen about the Brightwell Labs deadline (11 days left)",
        "Tell Ilse Janssen about the Tidewater Compute deadline (2 days left)",
        "Tell Maya Okafor about the Brightwell Labs deadline (11 days left)",
        "Tell Maya Okafor about the Tidewater Compute deadline (2 days left)",
    ]
    behind = [t.what for t in found if t.kind == ThreadKind.PACING and "speed up" in t.what]
    assert len(behind) == 2 and all("Tidewater Compute deadline (2 days" in t for t in behind)


def test_rejection_before_the_hm_call_records_who_decided(demo: tuple[Path, dt.date]) -> None:
    path, _ = demo
    loop = next(
        loop
        for loop in Repository.open(path).loops(include_closed=True)
        if loop.process.company == "Cobalt Ridge"
    )
    process = loop.process
    assert (process.status, process.close_reason, process.closed_by) == (
        ProcessStatus.CLOSED,
        CloseReason.REJECTED,
        DecidedBy.HIRING_MANAGER,
    )
    screen = next(r for r in loop.rounds if r.kind == RoundKind.SCREEN)
    assert screen.decided_by == DecidedBy.HIRING_MANAGER
    assert all(r.date is None for r in loop.rounds if r.kind == RoundKind.HM)


def test_cards_log_offers_and_prep_are_filled_in(demo: tuple[Path, dt.date]) -> None:
    path, today = demo
    repo = Repository.open(path)
    loops = repo.loops(include_closed=True)
    for loop in loops:
        roles = {c.role.value for c in loop.contacts}
        if loop.process.company != "Orchard Vector":  # nobody has answered yet
            assert {"recruiter", "hiring_manager"} <= roles, loop.process.title
        assert all("@" in c.email for c in loop.contacts)
    kinds = {e.kind.value for loop in loops for e in loop.events}
    assert {"sent", "received", "promise", "note"} <= kinds
    deadlines = sorted(o.deadline for o in repo.records(Offer) if o.deadline is not None)
    assert deadlines == [today + dt.timedelta(days=2), today + dt.timedelta(days=11)]
    assert 3 <= len(repo.records(Question)) <= 5
    assert {p.audience.value for p in repo.records(TalkingPoint)} == {
        "recruiter",
        "hiring_manager",
    }
    assert repo.records(Decision)
    assert repo.profile().lines()


def test_dates_land_around_today(demo: tuple[Path, dt.date]) -> None:
    path, today = demo
    document = json.loads(path.read_text())
    assert document["meta"]["schema"]["demo_anchor"] == today.isoformat()
    dates = [
        dt.date.fromisoformat(record[field])
        for table, fields in DATE_FIELDS.items()
        for record in document[table].values()
        for field in fields
        if record.get(field) is not None
    ]
    assert len(dates) > 100
    assert min(dates) >= today - dt.timedelta(days=60)
    assert max(dates) <= today + dt.timedelta(days=60)


def test_the_copy_is_fresh_and_the_seed_untouched(frozen_today: dt.date) -> None:
    seed = SEED_FILE.read_bytes()
    first, second = make_demo_copy(SOME_DAY), make_demo_copy(SOME_DAY)
    try:
        assert first != second
        assert first.read_bytes() == second.read_bytes() != seed
    finally:
        shutil.rmtree(first.parent)
        shutil.rmtree(second.parent)
    assert SEED_FILE.read_bytes() == seed


def generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_demo", SEED_FILE.with_name("make_demo.py"))
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_seed_matches_its_generator() -> None:
    """seeds/demo.json is generated: a hand edit would be lost on the next run.

    A field added to the models since the seed was written, holding its
    default, is not a difference: the seed still loads, and regenerating adds it.
    """
    module = generator()
    generated = module.demo_document(module.demo_records())
    seed = json.loads(SEED_FILE.read_text())
    assert seed["meta"] == generated["meta"]
    for table, records in generated.items():
        if table == "meta" or (not records and table not in seed):
            continue
        assert seed[table].keys() == records.keys(), table
        for record_id, record in records.items():
            expected = seed[table][record_id]
            assert without_new_default_fields(table, record, expected) == expected


MODELS: dict[str, type[Checked]] = {**MODEL_OF, "settings": Settings}


def without_new_default_fields(
    table: str, record: dict[str, Any], seed: dict[str, Any]
) -> dict[str, Any]:
    """The generated record minus fields the seed predates that hold their default."""
    model = MODELS[table]
    fields = field_names(model)
    new = {
        k
        for k, v in record.items()
        if k not in seed and k in fields and v == to_jsonable_python(default_of(model, k))
    }
    kept = {k: v for k, v in record.items() if k not in new}
    if "_stamps" in kept:
        kept["_stamps"] = {k: v for k, v in kept["_stamps"].items() if k not in new}
    return kept
