"""Every row of the ownership table, every signal at its threshold, overrides and nudges.

The state is one thread; my promises are to-dos beside it (`planner.threads`)
and never take its place, so the rows with a promise check the state is unmoved.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import builders
import pytest
from builders import TODAY, day, make_loop

from planner.models import (
    Contact,
    ContactRole,
    DecidedBy,
    Event,
    Loop,
    Outcome,
    Owner,
    ProcessStatus,
    Round,
    RoundKind,
    RoundStatus,
    Settings,
)
from planner.ownership import next_step, next_steps
from planner.steps import NextStep, Nudge, Signal

CREATED = dt.date(2026, 3, 1)
PID = "p1"


def rnd(kind: RoundKind, status: RoundStatus, date: int | None = None, **extra: Any) -> Round:
    return Round(
        id=f"{kind}-{status}-{date}",
        process_id=PID,
        kind=kind,
        status=status,
        date=None if date is None else day(date),
        created_on=extra.pop("created_on", CREATED),
        **extra,
    )


RECRUITER = Contact(id="c-rec", process_id=PID, name="Rita Recruiter", role=ContactRole.RECRUITER)
MANAGER = Contact(id="c-hm", process_id=PID, name="Hal Manager", role=ContactRole.HIRING_MANAGER)


def loop(
    *rounds: Round,
    events: tuple[Event, ...] = (),
    contacts: tuple[Contact, ...] = (RECRUITER, MANAGER),
    **process: Any,
) -> Loop:
    """Acme, added on CREATED, with a recruiter and a hiring manager unless told otherwise."""
    return make_loop(
        PID, "Acme", *rounds, created_on=CREATED, contacts=contacts, events=events, **process
    )


def promise(text: str, on: int, due: int | None, done: bool = False) -> Event:
    """A promise of mine in this loop, made `on` days from today."""
    return builders.promise(PID, text, due, on=on, done=done)


def step_of(lp: Loop, settings: Settings | None = None) -> NextStep:
    step = next_step(lp, TODAY, settings)
    assert step is not None
    return step


A, S, DONE = RoundKind.APPLIED, RoundStatus.SCHEDULED, RoundStatus.DONE
PLANNED, PASSED, REJECTED = RoundStatus.PLANNED, Outcome.PASSED, Outcome.REJECTED
ME, REC, HM = Owner.ME, Owner.RECRUITER, Owner.HIRING_MANAGER
NUDGE_REC = Nudge(contact_id="c-rec", name="Rita Recruiter", role=ContactRole.RECRUITER)

# (name, loop, what, owner, nudge, since, due)
TABLE: list[tuple[str, Loop, str, Owner, Nudge | None, dt.date, dt.date | None]] = [
    (
        "nothing yet: the recruiter screens",
        loop(),
        "Waiting for a reply to the application",
        REC,
        NUDGE_REC,
        CREATED,
        None,
    ),
    (
        "applied, no reply yet",
        loop(rnd(A, DONE, -10)),
        "Waiting for a reply to the application",
        REC,
        NUDGE_REC,
        day(-10),
        None,
    ),
    (
        "rejected from the resume by the hiring manager",
        loop(
            rnd(
                A,
                DONE,
                -10,
                outcome=REJECTED,
                outcome_on=day(-2),
                decided_by=DecidedBy.HIRING_MANAGER,
            )
        ),
        "Close the loop: rejected by the hiring manager",
        ME,
        None,
        day(-2),
        None,
    ),
    (
        "a round planned without a date: the recruiter schedules it",
        loop(rnd(A, DONE, -10, outcome=PASSED), rnd(RoundKind.SCREEN, PLANNED, created_on=day(-4))),
        "Schedule the recruiter screen",
        REC,
        NUDGE_REC,
        day(-4),
        None,
    ),
    (
        "a round in the future: I prepare",
        loop(rnd(RoundKind.TECH, S, 4)),
        "Prepare for Technical interview on Fri 20 Mar",
        ME,
        None,
        CREATED,
        day(4),
    ),
    (
        "a round today: I prepare",
        loop(rnd(RoundKind.HM, S, 0)),
        "Prepare for Hiring-manager interview on Mon 16 Mar",
        ME,
        None,
        CREATED,
        TODAY,
    ),
    (
        "a round took place, not marked done: the hiring manager decides",
        loop(rnd(RoundKind.TECH, S, -3)),
        "Waiting for a decision on the technical interview",
        HM,
        NUDGE_REC,
        day(-3),
        None,
    ),
    (
        "a round done with no outcome: the hiring manager decides",
        loop(rnd(RoundKind.SCREEN, DONE, -8, outcome=PASSED), rnd(RoundKind.ONSITE, DONE, -5)),
        "Waiting for a decision on the onsite / panel",
        HM,
        NUDGE_REC,
        day(-5),
        None,
    ),
    (
        "the latest round passed: the recruiter schedules the next step",
        loop(rnd(RoundKind.SCREEN, DONE, -6, outcome=PASSED, outcome_on=day(-5))),
        "Schedule the next step",
        REC,
        NUDGE_REC,
        day(-5),
        None,
    ),
    (
        "the latest round rejected me, decider unknown",
        loop(rnd(RoundKind.ONSITE, DONE, -6, outcome=REJECTED)),
        "Close the loop: rejected by the company",
        ME,
        None,
        day(-6),
        None,
    ),
    (
        "a take-home requested: I deliver it",
        loop(rnd(RoundKind.TAKEHOME, S, 2, created_on=day(-1))),
        "Deliver the take-home",
        ME,
        None,
        day(-1),
        day(2),
    ),
    (
        "a take-home delivered: the hiring manager decides",
        loop(rnd(RoundKind.TAKEHOME, DONE, -2)),
        "Waiting for a decision on the take-home",
        HM,
        NUDGE_REC,
        day(-2),
        None,
    ),
    (
        "an offer received: I decide by the deadline",
        loop(rnd(RoundKind.OFFER, S, -1, deadline=day(5))),
        "Decide on the offer",
        ME,
        None,
        day(-1),
        day(5),
    ),
    (
        "an offer answered: I close the loop",
        loop(rnd(RoundKind.OFFER, DONE, -4, outcome=PASSED, outcome_on=day(-1))),
        "Close the loop: the offer is answered",
        ME,
        None,
        day(-1),
        None,
    ),
    (
        "a negotiation: the recruiter leads it",
        loop(rnd(RoundKind.OFFER, DONE, -4), rnd(RoundKind.NEGOTIATION, S, -2)),
        "Negotiation: the recruiter works out the terms with the hiring manager",
        REC,
        NUDGE_REC,
        day(-2),
        None,
    ),
    (
        "a thank-you note I promised leaves the hiring manager deciding",
        loop(rnd(RoundKind.TECH, DONE, -1), events=(promise("Send a thank-you note", -1, 0),)),
        "Waiting for a decision on the technical interview",
        HM,
        NUDGE_REC,
        day(-1),
        None,
    ),
    (
        "a promise kept no longer counts",
        loop(rnd(RoundKind.TECH, DONE, -1), events=(promise("Send a thank-you", -1, 0, True),)),
        "Waiting for a decision on the technical interview",
        HM,
        NUDGE_REC,
        day(-1),
        None,
    ),
    (
        "a cancelled round is ignored",
        loop(
            rnd(RoundKind.SCREEN, DONE, -9, outcome=PASSED, outcome_on=day(-8)),
            rnd(RoundKind.TECH, RoundStatus.CANCELLED, 3),
        ),
        "Schedule the next step",
        REC,
        NUDGE_REC,
        day(-8),
        None,
    ),
    (
        "a planned round after a pending one: scheduling is the news",
        loop(rnd(RoundKind.SCREEN, DONE, -9), rnd(RoundKind.TECH, PLANNED, created_on=day(-2))),
        "Schedule the technical interview",
        REC,
        NUDGE_REC,
        day(-2),
        None,
    ),
    (
        "of two rounds of mine, the one due first is the state",
        loop(rnd(RoundKind.TECH, S, 4), rnd(RoundKind.TAKEHOME, S, 2, created_on=day(-1))),
        "Deliver the take-home",
        ME,
        None,
        day(-1),
        day(2),
    ),
    (
        "an undated round of mine comes after a dated one",
        loop(rnd(RoundKind.OFFER, S, -1), rnd(RoundKind.TECH, S, 9)),
        "Prepare for Technical interview on Wed 25 Mar",
        ME,
        None,
        CREATED,
        day(9),
    ),
    (
        "a promise of mine does not hide that the loop waits on them",
        loop(rnd(RoundKind.SCREEN, DONE, -3), events=(promise("Send salary history", -3, None),)),
        "Waiting for a decision on the recruiter screen",
        HM,
        NUDGE_REC,
        day(-3),
        None,
    ),
    (
        "a promise due before my round does not take the round's place",
        loop(rnd(RoundKind.TECH, S, 4), events=(promise("Send references", -1, 1),)),
        "Prepare for Technical interview on Fri 20 Mar",
        ME,
        None,
        CREATED,
        day(4),
    ),
]


@pytest.mark.parametrize(
    ("lp", "what", "owner", "nudge", "since", "due"),
    [row[1:] for row in TABLE],
    ids=[row[0] for row in TABLE],
)
def test_ownership_table(
    lp: Loop, what: str, owner: Owner, nudge: Nudge | None, since: dt.date, due: dt.date | None
) -> None:
    step = step_of(lp)
    assert (step.what, step.owner, step.nudge, step.since, step.due) == (
        what,
        owner,
        nudge,
        since,
        due,
    )
    assert step.process_id == PID
    assert step.waiting_days == max(0, (TODAY - since).days)
    assert not step.overridden


def test_round_steps_point_at_their_round() -> None:
    tech = rnd(RoundKind.TECH, S, 4)
    assert step_of(loop(tech)).round_id == tech.id


def test_a_closed_loop_has_no_next_step() -> None:
    assert next_step(loop(rnd(RoundKind.TECH, S, 4), status=ProcessStatus.CLOSED), TODAY) is None


def test_on_hold_waits_on_the_recruiter_since_the_last_activity() -> None:
    lp = loop(
        rnd(RoundKind.SCREEN, DONE, -12, outcome=PASSED, outcome_on=day(-10)),
        rnd(RoundKind.TECH, S, 10),
        status=ProcessStatus.ON_HOLD,
    )
    step = step_of(lp)
    assert (step.what, step.owner, step.nudge, step.signal) == (
        "On hold: check back with the recruiter",
        REC,
        NUDGE_REC,
        Signal.PAUSED,
    )
    assert step.since == day(-10)


@pytest.mark.parametrize(
    ("override", "nudge"),
    [
        (ME, None),
        (HM, Nudge(contact_id="c-hm", name="Hal Manager", role=ContactRole.HIRING_MANAGER)),
        (REC, NUDGE_REC),
    ],
)
def test_a_manual_override_wins(override: Owner, nudge: Nudge | None) -> None:
    lp = loop(rnd(RoundKind.TECH, S, -3), owner_override=override)
    step = step_of(lp)
    assert (step.owner, step.overridden, step.nudge) == (override, True, nudge)
    assert (step.what, step.since) == ("Waiting for a decision on the technical interview", day(-3))


def test_an_override_on_my_step_keeps_its_due_date() -> None:
    step = step_of(loop(rnd(RoundKind.TAKEHOME, S, 2), owner_override=REC))
    assert (step.owner, step.what, step.due, step.nudge) == (
        REC,
        "Deliver the take-home",
        day(2),
        NUDGE_REC,
    )


@pytest.mark.parametrize(
    ("override", "nudge"),
    [
        (HM, Nudge(contact_id=None, name="the hiring manager", role=ContactRole.HIRING_MANAGER)),
        (REC, Nudge(contact_id=None, name="the recruiter", role=ContactRole.RECRUITER)),
        (None, Nudge(contact_id=None, name="the recruiter", role=ContactRole.RECRUITER)),
    ],
)
def test_the_nudge_falls_back_to_the_role_without_a_card(
    override: Owner | None, nudge: Nudge
) -> None:
    interviewer = Contact(process_id=PID, name="Ivan", role=ContactRole.INTERVIEWER)
    lp = loop(rnd(RoundKind.TECH, S, -3), contacts=(interviewer,), owner_override=override)
    assert step_of(lp).nudge == nudge


@pytest.mark.parametrize(
    ("waited", "signal"),
    [
        (15, Signal.COOLING),
        (14, Signal.COOLING),
        (13, Signal.FOLLOW_UP),
        (7, Signal.FOLLOW_UP),
        (6, Signal.OK),
        (1, Signal.OK),
    ],
)
def test_waiting_signals_at_their_thresholds(waited: int, signal: Signal) -> None:
    step = step_of(loop(rnd(RoundKind.TECH, S, -waited)))
    assert (step.waiting_days, step.signal) == (waited, signal)


@pytest.mark.parametrize(
    ("due", "signal"),
    [(-1, Signal.OVERDUE), (0, Signal.DUE_TODAY), (2, Signal.DUE_SOON), (3, Signal.OK)],
)
def test_my_signals_at_their_thresholds(due: int, signal: Signal) -> None:
    step = step_of(loop(rnd(RoundKind.TAKEHOME, S, due, created_on=day(-5))))
    assert (step.owner, step.what, step.signal) == (ME, "Deliver the take-home", signal)


def test_an_overdue_take_home_stays_mine() -> None:
    step = step_of(loop(rnd(RoundKind.TAKEHOME, S, -1)))
    assert (step.owner, step.signal) == (ME, Signal.OVERDUE)


def test_an_undated_state_of_mine_is_ok() -> None:
    step = step_of(loop(rnd(RoundKind.OFFER, S, -30)))
    assert (step.what, step.signal) == ("Decide on the offer", Signal.OK)


@pytest.mark.parametrize(
    ("took", "signal"), [(0, Signal.RACING), (2, Signal.RACING), (3, Signal.OK)]
)
def test_racing_when_the_decision_came_fast(took: int, signal: Signal) -> None:
    lp = loop(rnd(RoundKind.ONSITE, DONE, -4, outcome=PASSED, outcome_on=day(-4 + took)))
    assert step_of(lp).signal == signal


def test_racing_gives_way_to_a_worse_signal() -> None:
    lp = loop(rnd(RoundKind.ONSITE, DONE, -9, outcome=PASSED, outcome_on=day(-8)))
    assert step_of(lp).signal == Signal.FOLLOW_UP


def test_racing_shows_beside_my_next_round() -> None:
    lp = loop(
        rnd(RoundKind.SCREEN, DONE, -3, outcome=PASSED, outcome_on=day(-2)),
        rnd(RoundKind.TECH, S, 10),
    )
    assert (step_of(lp).owner, step_of(lp).signal) == (ME, Signal.RACING)


def test_thresholds_come_from_the_settings() -> None:
    settings = Settings(follow_up_days=3, cooling_days=5, racing_days=0, due_soon_days=0)
    assert step_of(loop(rnd(RoundKind.TECH, S, -3)), settings).signal == Signal.FOLLOW_UP
    assert step_of(loop(rnd(RoundKind.TECH, S, -5)), settings).signal == Signal.COOLING
    assert step_of(loop(rnd(RoundKind.TECH, S, 1)), settings).signal == Signal.OK
    fast = rnd(RoundKind.TECH, DONE, -2, outcome=PASSED, outcome_on=day(-1))
    assert step_of(loop(fast), settings).signal == Signal.OK


def test_waiting_days_are_never_negative() -> None:
    step = step_of(loop(rnd(RoundKind.SCREEN, PLANNED, created_on=day(3))))
    assert (step.since, step.waiting_days) == (day(3), 0)


def test_next_steps_skips_closed_loops_and_puts_the_worst_first() -> None:
    def titled(role: str, *rounds: Round, **process: Any) -> Loop:
        lp = loop(*rounds, **process)
        lp.process.id = role
        lp.process.role = role
        return lp

    loops = [
        titled("ok", rnd(RoundKind.TECH, S, 9)),
        titled("closed", status=ProcessStatus.CLOSED),
        titled("paused", status=ProcessStatus.ON_HOLD),
        titled("cooling", rnd(RoundKind.TECH, S, -20)),
        titled("overdue", rnd(RoundKind.TAKEHOME, S, -1)),
        titled("follow-up", rnd(RoundKind.TECH, S, -8)),
    ]
    order = [s.process_id for s in next_steps(loops, TODAY)]
    assert order == ["overdue", "cooling", "follow-up", "ok", "paused"]


@pytest.mark.parametrize("applied_id", ["0000", "ffff"])
def test_an_application_and_a_round_on_one_day_order_by_kind_not_by_id(applied_id: str) -> None:
    """Whatever the random ids, the interview that took place is the latest round."""
    applied = Round(
        id=applied_id,
        process_id=PID,
        kind=RoundKind.APPLIED,
        status=RoundStatus.DONE,
        date=day(-3),
        created_on=day(-3),
    )
    tech = Round(
        id="8888",
        process_id=PID,
        kind=RoundKind.TECH,
        status=RoundStatus.DONE,
        date=day(-3),
        created_on=day(-3),
    )
    step = step_of(loop(applied, tech))
    assert step.owner == Owner.HIRING_MANAGER
    assert step.round_id == "8888"


def test_an_application_dated_after_the_interviews_still_opens_the_loop() -> None:
    """Added today without `on:`, interviewed yesterday: the interview is the latest round."""
    applied = rnd(RoundKind.APPLIED, RoundStatus.DONE, 0)
    tech = rnd(RoundKind.TECH, RoundStatus.DONE, -1, outcome=Outcome.PENDING)
    looped = loop(applied, tech)

    assert [r.kind for r in looped.timeline()] == [RoundKind.APPLIED, RoundKind.TECH]
    assert next_step(looped, TODAY).owner == Owner.HIRING_MANAGER
