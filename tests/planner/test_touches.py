"""The clock of a loop waiting on them: touches move it, their silence cools it, promises set it.

Every test pins today (a Monday unless it says otherwise) and passes it to the rules.
"""

from __future__ import annotations

import datetime as dt

import pytest
from builders import TODAY, day, make_loop
from pydantic_core import ValidationError

from planner.models import (
    Contact,
    ContactRole,
    Event,
    EventKind,
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
from planner.steps import Signal, Thread
from planner.touches import first_working_day_after

PID = "p1"
MAYA = Contact(id="maya", process_id=PID, name="Maya Chen", role=ContactRole.RECRUITER)
HAL = Contact(id="hal", process_id=PID, name="Hal Manager", role=ContactRole.HIRING_MANAGER)
RAVI = Contact(id="ravi", process_id=PID, name="Ravi Friend", role=ContactRole.REFERRER)


def onsite(held: int, **fields: object) -> Round:
    """An onsite that took place `held` days from today: the hiring manager decides."""
    return Round.model_validate(
        {
            "id": "onsite",
            "process_id": PID,
            "kind": RoundKind.ONSITE,
            "status": RoundStatus.DONE,
            "date": day(held),
            "created_on": day(held - 10),
            **fields,
        }
    )


def touch(
    kind: EventKind, on: int, who: Contact | None = MAYA, expect: dt.date | None = None
) -> Event:
    return Event(
        process_id=PID,
        on=day(on),
        kind=kind,
        text=f"{kind} on day {on}",
        contact_id=who.id if who else None,
        expect=expect,
    )


def sent(on: int, who: Contact | None = MAYA) -> Event:
    return touch(EventKind.SENT, on, who)


def received(on: int, who: Contact | None = MAYA, expect: dt.date | None = None) -> Event:
    return touch(EventKind.RECEIVED, on, who, expect)


def loop(*events: Event, rounds: tuple[Round, ...] = (), **process: object) -> Loop:
    """Hooli, added 40 days ago, with Maya (recruiter), Hal (hiring manager) and Ravi."""
    return make_loop(
        PID,
        "Hooli",
        *rounds,
        role="ML",
        created_on=day(-40),
        contacts=(MAYA, HAL, RAVI),
        events=events,
        **process,
    )


def state(lp: Loop, today: dt.date = TODAY, settings: Settings | None = None) -> Thread:
    found = next_step(lp, today, settings)
    assert found is not None
    return found


def test_without_a_touch_the_clock_runs_from_when_the_ball_landed() -> None:
    found = state(loop(rounds=(onsite(-10),)))
    assert (found.owner, found.signal) == (Owner.HIRING_MANAGER, Signal.FOLLOW_UP)
    assert (found.last_touch, found.next_nudge, found.expected) == (None, day(-3), None)


def test_a_nudge_sent_today_puts_the_loop_back_to_ok() -> None:
    before = state(loop(rounds=(onsite(-10),)))
    after = state(loop(sent(0), rounds=(onsite(-10),)))
    assert before.signal == Signal.FOLLOW_UP
    assert after.signal == Signal.OK
    assert (after.last_touch, after.next_nudge) == (TODAY, day(7))
    assert (after.since, after.waiting_days) == (day(-10), 10)  # still waiting on them


@pytest.mark.parametrize(("since_nudge", "signal"), [(8, Signal.FOLLOW_UP), (6, Signal.OK)])
def test_a_week_after_my_nudge_with_no_reply_it_is_time_to_follow_up(
    since_nudge: int, signal: Signal
) -> None:
    found = state(loop(sent(-since_nudge), rounds=(onsite(-13),)))
    assert found.signal == signal
    assert (found.last_touch, found.next_nudge) == (day(-since_nudge), day(7 - since_nudge))


def test_fifteen_days_of_their_silence_despite_two_nudges_is_cooling() -> None:
    found = state(loop(sent(-8), sent(-1, HAL), rounds=(onsite(-15),)))
    assert found.signal == Signal.COOLING
    assert (found.last_touch, found.next_nudge) == (day(-1), day(6))


def test_their_reply_restarts_both_clocks() -> None:
    found = state(loop(sent(-9), received(-3), rounds=(onsite(-20),)))
    assert found.signal == Signal.OK
    assert (found.last_touch, found.next_nudge) == (day(-3), day(4))
    cooled = state(loop(received(-14), rounds=(onsite(-20),)))
    assert cooled.signal == Signal.COOLING


def test_a_touch_before_the_ball_landed_does_not_count() -> None:
    found = state(loop(received(-12), rounds=(onsite(-10),)))
    assert (found.signal, found.next_nudge, found.last_touch) == (
        Signal.FOLLOW_UP,
        day(-3),
        day(-12),
    )


@pytest.mark.parametrize(
    "event",
    [
        sent(-1, RAVI),
        Event(process_id=PID, on=day(-1), kind=EventKind.NOTE, text="thinking of them"),
        sent(2),
    ],
    ids=["to the referrer", "a note", "dated after today"],
)
def test_what_is_not_a_touch_with_the_company_leaves_the_clock_alone(event: Event) -> None:
    found = state(loop(event, rounds=(onsite(-10),)))
    assert (found.signal, found.last_touch) == (Signal.FOLLOW_UP, None)


def test_a_touch_logged_without_a_contact_counts() -> None:
    assert state(loop(sent(-1, None), rounds=(onsite(-10),))).signal == Signal.OK


def test_a_touch_with_a_contact_since_removed_counts() -> None:
    gone = Contact(id="gone", process_id=PID, name="Old Recruiter", role=ContactRole.RECRUITER)
    assert state(loop(sent(-1, gone), rounds=(onsite(-10),))).signal == Signal.OK


def test_only_the_referrer_is_left_out_whoever_else_the_loop_has() -> None:
    """A second referrer is left out too; the hiring manager beside them still counts."""
    other = RAVI.model_copy(update={"id": "ravi2", "name": "Ravi Two"})
    with_two = loop(sent(-1, other), rounds=(onsite(-10),))
    with_two.contacts.append(other)
    assert state(with_two).signal == Signal.FOLLOW_UP
    assert state(loop(sent(-1, HAL), rounds=(onsite(-10),))).signal == Signal.OK


def test_telling_a_recruiter_about_another_deadline_is_a_touch() -> None:
    told = sent(-2).model_copy(update={"about_process_id": "other"})
    assert state(loop(told, rounds=(onsite(-10),))).signal == Signal.OK


# Their promise: the onsite was on Monday 9 March; on Wednesday Maya said "by Friday 20th".
FRIDAY = dt.date(2026, 3, 20)
PROMISED = loop(received(-5, expect=FRIDAY), rounds=(onsite(-7),))


@pytest.mark.parametrize("today", [day(0), day(3), FRIDAY, day(5), day(6)])
def test_until_their_date_passes_the_loop_is_ok(today: dt.date) -> None:
    found = state(PROMISED, today)
    assert (found.signal, found.expected, found.next_nudge) == (Signal.OK, FRIDAY, day(7))
    assert found.what == "Waiting for a decision on the onsite / panel"


def test_the_first_working_day_after_their_date_the_promise_is_missed() -> None:
    monday = day(7)
    found = state(PROMISED, monday)
    assert (found.signal, found.expected, found.next_nudge) == (Signal.MISSED, FRIDAY, monday)
    assert found.what == (
        "No word from Maya Chen by Fri 20 Mar as promised; "
        "waiting for a decision on the onsite / panel"
    )
    assert found.owner == Owner.HIRING_MANAGER
    assert found.nudge is not None and found.nudge.name == "Maya Chen"


def test_working_days_come_from_the_settings() -> None:
    tuesday_to_saturday = Settings(working_days=[2, 3, 4, 5, 6])
    assert state(PROMISED, day(5), tuesday_to_saturday).signal == Signal.MISSED
    assert first_working_day_after(FRIDAY, tuesday_to_saturday) == day(5)
    assert first_working_day_after(day(2), Settings()) == day(3)
    assert first_working_day_after(TODAY, Settings(working_days=[1])) == day(7)


def test_their_date_holds_even_past_the_silence_thresholds() -> None:
    found = state(loop(received(-20, expect=day(2)), rounds=(onsite(-30),)))
    assert (found.signal, found.expected) == (Signal.OK, day(2))


def test_a_later_received_touch_clears_the_promise() -> None:
    found = state(loop(received(-5, expect=FRIDAY), received(8), rounds=(onsite(-7),)), day(9))
    assert (found.signal, found.expected, found.next_nudge) == (Signal.OK, None, day(15))


def test_a_round_update_clears_the_promise() -> None:
    decided = onsite(-7, outcome=Outcome.PASSED, outcome_on=day(8))
    found = state(loop(received(-5, expect=FRIDAY), rounds=(decided,)), day(9))
    assert (found.what, found.owner) == ("Schedule the next step", Owner.RECRUITER)
    assert (found.signal, found.expected, found.next_nudge) == (Signal.OK, None, day(15))


def test_my_nudges_do_not_clear_a_missed_promise_but_pace_the_next_one() -> None:
    nudged = loop(received(-5, expect=FRIDAY), sent(7), rounds=(onsite(-7),))
    found = state(nudged, day(9))
    assert (found.signal, found.last_touch, found.next_nudge) == (Signal.MISSED, day(7), day(14))


def test_a_promise_without_a_card_names_the_company() -> None:
    lp = loop(received(-5, None, expect=FRIDAY), rounds=(onsite(-7),))
    assert state(lp, day(7)).what.startswith("No word from the company by Fri 20 Mar ")


def test_a_missed_promise_comes_before_cooling_and_follow_ups() -> None:
    def titled(pid: str, lp: Loop) -> Loop:
        return lp.model_copy(update={"process": lp.process.model_copy(update={"id": pid})})

    monday = day(7)
    loops = [
        titled("follow-up", loop(rounds=(onsite(0),))),
        titled("cooling", loop(rounds=(onsite(-10),))),
        titled("missed", PROMISED),
    ]
    assert [s.process_id for s in next_steps(loops, monday)] == ["missed", "cooling", "follow-up"]


def test_a_state_of_mine_or_on_hold_has_no_nudge_date() -> None:
    mine = onsite(3).model_copy(update={"status": RoundStatus.SCHEDULED})
    prepare = state(loop(received(-1), rounds=(mine,)))
    assert (prepare.owner, prepare.last_touch, prepare.next_nudge) == (Owner.ME, day(-1), None)
    held = state(loop(received(-1, expect=day(-5)), status=ProcessStatus.ON_HOLD))
    assert (held.signal, held.next_nudge, held.expected) == (Signal.PAUSED, None, None)


def test_an_override_to_them_runs_their_clock() -> None:
    takehome = Round(
        process_id=PID,
        kind=RoundKind.TAKEHOME,
        status=RoundStatus.SCHEDULED,
        date=day(-1),
        created_on=day(-9),
    )
    found = state(loop(rounds=(takehome,), owner_override=Owner.RECRUITER))
    assert (found.owner, found.signal, found.next_nudge) == (
        Owner.RECRUITER,
        Signal.FOLLOW_UP,
        day(-2),
    )


def test_only_a_received_touch_carries_a_promised_date() -> None:
    with pytest.raises(ValidationError, match="only a received touch"):
        touch(EventKind.SENT, 0, expect=FRIDAY)
