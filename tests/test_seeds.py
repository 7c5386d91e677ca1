"""The demo data shows every situation loopdeck is built for, around any today."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel
from pydantic_core import to_jsonable_python

from planner.models import (
    CloseReason,
    Contact,
    DecidedBy,
    Event,
    Process,
    ProcessStatus,
    Round,
    RoundKind,
    Settings,
)
from planner.ownership import next_step
from planner.steps import NextStep, Signal
from storage.repository import Repository
from tui.demo import SEED_FILE, make_demo_copy

SOME_DAY = dt.date(2026, 9, 2)  # far from the seed's anchor: dates must follow it


@pytest.fixture(params=[None, SOME_DAY], ids=["frozen-today", "another-day"])
def demo(request: pytest.FixtureRequest, frozen_today: dt.date) -> Iterator[tuple[Path, dt.date]]:
    today = request.param or frozen_today
    path = make_demo_copy(today)
    yield path, today
    shutil.rmtree(path.parent)


def steps_by_company(path: Path, today: dt.date) -> dict[str, NextStep | None]:
    repo = Repository.open(path)
    assert repo.read_only is None
    return {
        loop.process.company: next_step(loop, today, repo.settings())
        for loop in repo.loops(include_closed=True)
    }


def signal(steps: dict[str, NextStep | None], company: str) -> Signal:
    step = steps[company]
    assert step is not None
    return step.signal


def test_demo_shows_every_situation(demo: tuple[Path, dt.date]) -> None:
    path, today = demo
    steps = steps_by_company(path, today)
    assert len(steps) >= 8
    assert signal(steps, "Lumen Forge") == Signal.FOLLOW_UP  # quiet ~9 days after a round
    assert signal(steps, "Quarry Systems") == Signal.COOLING  # quiet ~16 days
    assert signal(steps, "Brightwell Labs") == Signal.RACING  # offer the day after the onsite
    assert signal(steps, "Meridian Tensor") == Signal.PAUSED  # on hold
    takehome = steps["Fernhill Robotics"]
    assert takehome is not None and takehome.signal in (Signal.DUE_SOON, Signal.OVERDUE)
    offer = steps["Tidewater Compute"]
    assert offer is not None and offer.what == "Decide on the offer"
    assert offer.due == today + dt.timedelta(days=2)
    promise = steps["Larkspur Genomics"]
    assert promise is not None and "thank-you" in promise.what and promise.due == today
    this_week = steps["Kestrel Grid"]
    assert this_week is not None and this_week.what.startswith("Prepare for")
    assert this_week.due is not None and 0 < (this_week.due - today).days <= 7
    no_reply = steps["Orchard Vector"]
    assert no_reply is not None and no_reply.what == "Waiting for a reply to the application"
    negotiation = steps["Saltmarsh AI"]
    assert negotiation is not None and negotiation.owner.value == "recruiter"
    assert steps["Cobalt Ridge"] is None  # closed


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


def test_every_loop_has_recruiter_and_hm_cards_and_a_log(demo: tuple[Path, dt.date]) -> None:
    path, _ = demo
    for loop in Repository.open(path).loops(include_closed=True):
        roles = {c.role.value for c in loop.contacts}
        if loop.process.company != "Orchard Vector":  # nobody has answered yet
            assert {"recruiter", "hiring_manager"} <= roles, loop.process.title
        assert all("@" in c.email for c in loop.contacts)
    kinds = {e.kind.value for loop in Repository.open(path).loops() for e in loop.events}
    assert {"sent", "received", "promise", "note"} <= kinds


def test_dates_land_around_today(demo: tuple[Path, dt.date]) -> None:
    path, today = demo
    document = json.loads(path.read_text())
    assert document["meta"]["schema"]["demo_anchor"] == today.isoformat()
    dates = [
        dt.date.fromisoformat(value)
        for table in ("processes", "rounds", "events")
        for record in document[table].values()
        for key, value in record.items()
        if key in ("created_on", "closed_on", "date", "outcome_on", "deadline", "on", "due")
        and value is not None
    ]
    assert min(dates) >= today - dt.timedelta(days=60)
    assert max(dates) <= today + dt.timedelta(days=14)


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


def test_the_seed_matches_its_generator() -> None:
    """seeds/demo.json is generated: a hand edit would be lost on the next run.

    A field added to the models since the seed was written, holding its
    default, is not a difference: the seed still loads, and regenerating adds it.
    """
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_demo", SEED_FILE.with_name("make_demo.py"))
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    generated = module.demo_document(module.demo_loops())
    seed = json.loads(SEED_FILE.read_text())
    assert seed.keys() == generated.keys()
    for table, records in generated.items():
        assert seed[table].keys() == records.keys(), table
        if table == "meta":
            assert records == seed[table]
            continue
        for record_id, record in records.items():
            expected = seed[table][record_id]
            assert without_new_default_fields(table, record, expected) == expected


MODELS: dict[str, type[BaseModel]] = {
    "processes": Process,
    "rounds": Round,
    "contacts": Contact,
    "events": Event,
    "settings": Settings,
}


def without_new_default_fields(
    table: str, record: dict[str, Any], seed: dict[str, Any]
) -> dict[str, Any]:
    """The generated record minus fields the seed predates that hold their default."""
    fields = MODELS[table].model_fields
    new = {
        k
        for k, v in record.items()
        if k not in seed
        and k in fields
        and v == to_jsonable_python(fields[k].get_default(call_default_factory=True))
    }
    kept = {k: v for k, v in record.items() if k not in new}
    if "_stamps" in kept:
        kept["_stamps"] = {k: v for k, v in kept["_stamps"].items() if k not in new}
    return kept
