"""An offer deadline in one loop puts "tell the recruiter" beside every other active loop's state.

The pacing to-do is a thread of its own: the loop's state (who has the ball,
its signal) stays what it was.
"""

from __future__ import annotations

from typing import Any

from builders import TODAY, day, make_loop, open_offer

from planner.dates import day_words
from planner.models import (
    ContactRole,
    Event,
    EventKind,
    Loop,
    ProcessStatus,
    Round,
    RoundKind,
)
from planner.offers import Offer, OfferStatus
from planner.pacing import Deadline, open_deadlines, reminders, told_event, told_label, untold
from planner.steps import Signal, Thread, ThreadKind
from planner.threads import threads


def waiting_loop(pid: str, company: str, **process: Any) -> Loop:
    """A loop waiting on the recruiter to schedule: no step of mine of its own."""
    screen = Round(process_id=pid, kind=RoundKind.SCREEN, created_on=day(-3))
    return make_loop(pid, company, screen, **process)


def acme_offer(**terms: Any) -> Offer:
    fields: dict[str, Any] = {"status": OfferStatus.WRITTEN, "deadline": day(4)}
    return Offer(process_id="acme", received_on=day(-2), **{**fields, **terms})


def by_loop(found: list[Thread], kind: ThreadKind = ThreadKind.STATE) -> dict[str, Thread]:
    """Each loop's thread of this kind (the first, most urgent, when it has several)."""
    result: dict[str, Thread] = {}
    for thread in found:
        if thread.kind == kind:
            result.setdefault(thread.process_id, thread)
    return result


def pacing(found: list[Thread]) -> dict[str, Thread]:
    return by_loop(found, ThreadKind.PACING)


ACME = make_loop("acme", "Acme")


def test_every_other_active_loop_gets_a_todo_of_mine_with_days_left() -> None:
    loops = [ACME, waiting_loop("beta", "Beta"), waiting_loop("gamma", "Gamma")]
    found = threads(loops, TODAY, offers=[acme_offer()])
    todos, states = pacing(found), by_loop(found)
    for pid, company in (("beta", "Beta"), ("gamma", "Gamma")):
        todo = todos[pid]
        # Then the speed-up sentence: the default pace cannot finish in four days.
        assert todo.what.startswith(
            f"Tell {company} Rec about the Acme deadline (4 days left) and ask them to speed up: "
        )
        assert (todo.owner, todo.due, todo.since, todo.nudge) == ("me", day(4), day(-2), None)
        assert todo.about_process_id == "acme"
        # The state beside it is untouched: the recruiter still has to schedule.
        assert (states[pid].what, states[pid].owner) == (
            "Schedule the recruiter screen",
            "recruiter",
        )
    assert "acme" not in todos


def test_a_loop_started_after_the_offer_waits_only_since_it_started() -> None:
    """Otherwise a loop added today would say it had waited since the offer came."""
    newer = make_loop("new", "Newer")
    newer = newer.model_copy(
        update={"process": newer.process.model_copy(update={"created_on": TODAY})}
    )
    todo = pacing(threads([ACME, newer], TODAY, offers=[acme_offer()]))["new"]
    assert (todo.since, todo.waiting_days) == (TODAY, 0)


def test_a_loop_on_hold_or_closed_is_not_paced() -> None:
    held = waiting_loop("held", "Held", status=ProcessStatus.ON_HOLD)
    found = threads([ACME, held], TODAY, offers=[acme_offer()])
    assert by_loop(found)["held"].signal == Signal.PAUSED
    assert "held" not in pacing(found)
    assert reminders(waiting_loop("c", "C", status=ProcessStatus.CLOSED), [], TODAY) == []


def test_telling_the_recruiter_after_the_offer_came_clears_the_step() -> None:
    told = Event(
        process_id="beta",
        on=day(-1),
        kind=EventKind.SENT,
        text="Told them about Acme",
        contact_id="beta-rec",
        about_process_id="acme",
    )
    beta = waiting_loop("beta", "Beta").model_copy(update={"events": [told]})
    found = threads([ACME, beta], TODAY, offers=[acme_offer()])
    assert "beta" not in pacing(found)
    assert by_loop(found)["beta"].what == "Schedule the recruiter screen"


def test_telling_before_the_offer_arrived_or_a_plain_note_does_not_count() -> None:
    early = Event(
        process_id="beta", on=day(-3), kind=EventKind.SENT, text="x", about_process_id="acme"
    )
    note = Event(
        process_id="beta", on=day(0), kind=EventKind.NOTE, text="x", about_process_id="acme"
    )
    beta = waiting_loop("beta", "Beta").model_copy(update={"events": [early, note]})
    found = threads([ACME, beta], TODAY, offers=[acme_offer()])
    assert "Acme deadline" in pacing(found)["beta"].what


def test_an_open_offer_round_with_a_deadline_paces_too() -> None:
    offer_round = open_offer("acme", -1, 1)
    acme = make_loop("acme", "Acme", offer_round)
    found = threads([acme, waiting_loop("beta", "Beta")], TODAY)
    assert pacing(found)["beta"].what.startswith(
        "Tell Beta Rec about the Acme deadline (1 day left) and ask them to speed up"
    )
    assert pacing(found)["beta"].signal == Signal.DUE_SOON
    assert by_loop(found)["acme"].what == "Decide on the offer"


def test_answered_passed_or_closed_offers_pace_nothing() -> None:
    closed_acme = make_loop("acme", "Acme", status=ProcessStatus.CLOSED)
    cases = [
        ([ACME], [acme_offer(status=OfferStatus.ACCEPTED)]),
        ([ACME], [acme_offer(deadline=day(-1))]),
        ([ACME], [acme_offer(deadline=None)]),
        ([closed_acme], [acme_offer()]),
    ]
    for loops, offers in cases:
        assert open_deadlines(loops, offers, TODAY) == []


def test_the_earliest_deadline_of_a_loop_counts_and_deadline_today_reads_so() -> None:
    offers = [acme_offer(deadline=day(9)), acme_offer(deadline=day(0))]
    deadlines = open_deadlines([ACME], offers, TODAY)
    assert deadlines == [Deadline("acme", "Acme", day(0), day(-2))]
    (reminder,) = reminders(waiting_loop("beta", "Beta"), deadlines, TODAY)
    assert reminder.what.endswith("(deadline today)")


def test_two_deadlines_make_two_todos_the_sooner_one_first() -> None:
    bravo = make_loop("bravo", "Bravo")
    offers = [acme_offer(), Offer(process_id="bravo", received_on=day(-1), deadline=day(2))]
    loops = [ACME, bravo, waiting_loop("beta", "Beta")]
    deadlines = open_deadlines(loops, offers, TODAY)
    assert [d.company for d in deadlines] == ["Bravo", "Acme"]
    assert len(reminders(loops[2], deadlines, TODAY)) == 2
    found = threads(loops, TODAY, offers=offers)
    told_beta = [t.what for t in found if t.process_id == "beta" and t.kind == ThreadKind.PACING]
    assert [w.split(" deadline")[0] for w in told_beta] == [
        "Tell Beta Rec about the Bravo",
        "Tell Beta Rec about the Acme",
    ]
    assert "Bravo deadline" in pacing(found)["acme"].what
    assert "Acme deadline" in pacing(found)["bravo"].what


def test_a_loop_without_a_recruiter_card_names_the_role() -> None:
    lone = waiting_loop("beta", "Beta").model_copy(update={"contacts": []})
    deadlines = open_deadlines([ACME], [acme_offer()], TODAY)
    (reminder,) = reminders(lone, deadlines, TODAY)
    assert reminder.what.startswith("Tell the recruiter about the Acme deadline")
    assert ContactRole.RECRUITER.value in reminder.what


def test_the_told_event_is_what_clears_the_step_and_names_both_loops() -> None:
    beta = waiting_loop("beta", "Beta")
    (deadline,) = open_deadlines([ACME], [acme_offer()], TODAY)
    event = told_event(beta, deadline, TODAY)
    assert (event.kind, event.contact_id, event.about_process_id) == (
        EventKind.SENT,
        "beta-rec",
        "acme",
    )
    assert event.text == f"Told Beta Rec about the Acme offer deadline ({day_words(day(4))})"
    assert told_label(beta, deadline) == "told Beta / ML Engineer about Acme"
    assert untold(beta, [deadline]) == [deadline]
    told_beta = beta.model_copy(update={"events": [event]})
    assert untold(told_beta, [deadline]) == []
    assert reminders(told_beta, [deadline], TODAY) == []


def test_untold_skips_the_loops_own_deadline_and_loops_not_active() -> None:
    deadlines = open_deadlines([ACME], [acme_offer()], TODAY)
    assert untold(ACME, deadlines) == []
    held = waiting_loop("held", "Held", status=ProcessStatus.ON_HOLD)
    assert untold(held, deadlines) == []
