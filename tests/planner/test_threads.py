"""A loop's state and my to-dos beside it: each its own thread, none hiding another."""

from __future__ import annotations

import dataclasses
import datetime as dt

import builders
import pytest
from builders import TODAY, day, held, hiring_manager, promise, recruiter

from planner.models import (
    Event,
    Loop,
    Owner,
    ProcessStatus,
    Round,
    RoundKind,
    Settings,
)
from planner.offers import Offer, OfferStatus
from planner.steps import Signal, Thread, ThreadKind
from planner.threads import loop_threads, threads, threads_by_loop, todos

TWO_MONTHS_AGO = day(-60)


def make_loop(
    pid: str, company: str, *rounds: Round, created_on: dt.date = TWO_MONTHS_AGO, **process: object
) -> Loop:
    """A loop two months old with a recruiter and a hiring manager."""
    people = [recruiter(pid, company), hiring_manager(pid, company)]
    return builders.make_loop(
        pid, company, *rounds, role="ML", created_on=created_on, contacts=people, **process
    )


def with_events(lp: Loop, *events: Event) -> Loop:
    return lp.model_copy(update={"events": [*lp.events, *events]})


def offer_in(pid: str, deadline: int) -> Offer:
    return Offer(
        process_id=pid, status=OfferStatus.WRITTEN, received_on=day(-2), deadline=day(deadline)
    )


def kinds_of(found: list[Thread], pid: str) -> list[tuple[ThreadKind, Owner, Signal]]:
    return [(t.kind, t.owner, t.signal) for t in found if t.process_id == pid]


def test_an_offer_elsewhere_keeps_a_silent_loop_cooling_and_adds_a_pacing_todo() -> None:
    """The complaint: an open offer turned every other loop into 'tell X', signal gone."""
    silent = make_loop("quiet", "Quiet", held("quiet", RoundKind.TECH, -21))
    umbrella = make_loop("umb", "Umbrella")
    found = threads([silent, umbrella], TODAY, offers=[offer_in("umb", 6)])
    quiet = [t for t in found if t.process_id == "quiet"]
    assert [(t.kind, t.owner, t.signal) for t in quiet] == [
        (ThreadKind.STATE, Owner.HIRING_MANAGER, Signal.COOLING),
        (ThreadKind.PACING, Owner.ME, Signal.OK),
    ]
    state, pacing = quiet
    assert state.what == "Waiting for a decision on the technical interview"
    assert state.nudge is not None and state.nudge.name == "Quiet Rec"
    assert (state.waiting_days, state.next_nudge) == (21, day(-14))
    assert pacing.what == (
        "Tell Quiet Rec about the Umbrella deadline (6 days left) and ask them to speed up: "
        "an offer here is projected around Mon 23 Mar"
    )
    assert (pacing.due, pacing.about_process_id, pacing.nudge) == (day(6), "umb", None)
    assert (pacing.last_touch, pacing.next_nudge, pacing.expected) == (None, None, None)
    by_owner = {o: [t.process_id for t in found if t.owner == o] for o in Owner}
    assert by_owner[Owner.HIRING_MANAGER] == ["quiet"]


def test_a_promise_is_a_todo_beside_the_state_with_its_own_signal() -> None:
    lp = with_events(
        make_loop("p", "Acme", held("p", RoundKind.TECH, -1)),
        promise("p", "Send a thank-you note", 0),
    )
    state, note = loop_threads(lp, TODAY, Settings())
    assert (state.kind, state.owner, state.signal) == (
        ThreadKind.STATE,
        Owner.HIRING_MANAGER,
        Signal.OK,
    )
    assert (note.kind, note.owner, note.what, note.due, note.signal) == (
        ThreadKind.PROMISE,
        Owner.ME,
        "Send a thank-you note",
        TODAY,
        Signal.DUE_TODAY,
    )
    assert note.event_id == lp.events[0].id
    assert (note.since, note.waiting_days) == (day(-2), 2)


@pytest.mark.parametrize(
    ("due", "signal"),
    [
        (-1, Signal.OVERDUE),
        (0, Signal.DUE_TODAY),
        (1, Signal.DUE_SOON),
        (2, Signal.DUE_SOON),
        (3, Signal.OK),
        (None, Signal.OK),
    ],
)
def test_my_todos_signal_by_their_due_date(due: int | None, signal: Signal) -> None:
    lp = with_events(make_loop("p", "Acme"), promise("p", "Send the write-up", due))
    (todo,) = todos(lp, TODAY, Settings())
    assert todo.signal == signal


def test_a_promise_done_is_no_longer_a_todo() -> None:
    lp = with_events(make_loop("p", "Acme"), promise("p", "Sent it", 1, done=True))
    assert todos(lp, TODAY, Settings()) == []
    assert [t.kind for t in loop_threads(lp, TODAY, Settings())] == [ThreadKind.STATE]


def test_an_override_moves_the_state_not_my_todos() -> None:
    lp = with_events(
        make_loop("p", "Acme", held("p", RoundKind.TECH, -3), owner_override=Owner.ME),
        promise("p", "Send references", 4),
    )
    state, todo = loop_threads(lp, TODAY, Settings())
    assert (state.owner, state.overridden) == (Owner.ME, True)
    assert (todo.owner, todo.overridden) == (Owner.ME, False)


def test_a_loop_on_hold_keeps_my_promise_and_a_closed_one_has_no_threads() -> None:
    paused = with_events(
        make_loop("p", "Acme", status=ProcessStatus.ON_HOLD), promise("p", "Send references", 4)
    )
    assert [(t.kind, t.signal) for t in loop_threads(paused, TODAY, Settings())] == [
        (ThreadKind.STATE, Signal.PAUSED),
        (ThreadKind.PROMISE, Signal.OK),
    ]
    closed = with_events(
        make_loop("c", "Gone", status=ProcessStatus.CLOSED), promise("c", "Write back", 1)
    )
    assert loop_threads(closed, TODAY, Settings()) == []
    assert todos(closed, TODAY, Settings()) == []


def test_threads_are_most_urgent_first_across_loops() -> None:
    overdue = with_events(
        make_loop("a", "Acme", held("a", RoundKind.TECH, -1)), promise("a", "Write-up", -1)
    )
    cooling = make_loop("b", "Beta", held("b", RoundKind.ONSITE, -20))
    fine = make_loop("c", "Gamma", held("c", RoundKind.SCREEN, -2))
    found = threads([fine, cooling, overdue], TODAY, offers=[offer_in("c", 9)])
    assert [(t.process_id, t.kind, t.signal) for t in found] == [
        ("a", ThreadKind.PROMISE, Signal.OVERDUE),
        ("b", ThreadKind.STATE, Signal.COOLING),
        ("b", ThreadKind.PACING, Signal.OK),  # due in 9 days; ties keep the loops' order
        ("a", ThreadKind.PACING, Signal.OK),
        ("c", ThreadKind.STATE, Signal.OK),  # undated: the longer wait first
        ("a", ThreadKind.STATE, Signal.OK),
    ]


def planned(pid: str, kind: RoundKind) -> Round:
    return Round(process_id=pid, kind=kind, created_on=TODAY)


def test_a_loop_that_cannot_finish_before_the_deadline_says_so_in_its_pacing_todo() -> None:
    """Two rounds left at seven days each (the default pace) against a deadline in five days."""
    slow = make_loop(
        "slow", "Beta", planned("slow", RoundKind.TECH), planned("slow", RoundKind.ONSITE)
    )
    umbrella = make_loop("umb", "Umbrella")
    found = threads([slow, umbrella], TODAY, offers=[offer_in("umb", 5)])
    (pacing,) = [t for t in found if t.process_id == "slow" and t.kind == ThreadKind.PACING]
    assert pacing.what == (
        "Tell Beta Rec about the Umbrella deadline (5 days left) and ask them to speed up: "
        "an offer here is projected around Mon 30 Mar"
    )


def test_a_loop_that_finishes_in_time_keeps_the_plain_pacing_todo() -> None:
    quick = make_loop("quick", "Beta", planned("quick", RoundKind.OFFER))
    umbrella = make_loop("umb", "Umbrella")
    found = threads([quick, umbrella], TODAY, offers=[offer_in("umb", 20)])
    (pacing,) = [t for t in found if t.process_id == "quick" and t.kind == ThreadKind.PACING]
    assert pacing.what == "Tell Beta Rec about the Umbrella deadline (20 days left)"


def test_one_deadline_told_in_many_loops_keeps_each_loops_own_words_and_wait() -> None:
    """Each deadline's to-do is worded once for every loop: each loop still gets its own
    recruiter, its own wait and, only when it would finish late, the speed-up."""
    slow = make_loop(
        "slow", "Beta", planned("slow", RoundKind.TECH), planned("slow", RoundKind.ONSITE)
    )
    quick = make_loop("quick", "Gamma", planned("quick", RoundKind.OFFER), created_on=day(-1))
    umbrella = make_loop("umb", "Umbrella")
    found = pacing_of(threads([slow, quick, umbrella], TODAY, offers=[offer_in("umb", 5)]))
    assert found["slow"].what == (
        "Tell Beta Rec about the Umbrella deadline (5 days left) and ask them to speed up: "
        "an offer here is projected around Mon 30 Mar"
    )
    assert found["quick"].what == "Tell Gamma Rec about the Umbrella deadline (5 days left)"
    assert (found["slow"].since, found["slow"].waiting_days) == (day(-2), 2)
    assert (found["quick"].since, found["quick"].waiting_days) == (day(-1), 1)
    assert {t.due for t in found.values()} == {day(5)}


def test_every_loops_threads_are_those_its_own_command_computes() -> None:
    """`next` and the board compute all loops at once; `show` one loop alone (`loop_threads`)."""
    from planner.pace import observed_pace
    from planner.pacing import open_deadlines
    from planner.projection import project

    slow = make_loop(
        "slow", "Beta", planned("slow", RoundKind.TECH), planned("slow", RoundKind.ONSITE)
    )
    slow = with_events(slow, promise("slow", "Write-up", 1))
    quick = make_loop("quick", "Gamma", planned("quick", RoundKind.OFFER))
    umbrella = make_loop("umb", "Umbrella", planned("umb", RoundKind.TECH))
    loops, offers = [slow, quick, umbrella], [offer_in("umb", 5), offer_in("quick", 12)]
    together = threads_by_loop(loops, TODAY, Settings(), offers)
    deadlines = open_deadlines(loops, offers, TODAY)
    pace = observed_pace(loops, Settings())
    for lp in loops:
        behind = project(lp, TODAY, pace, deadlines)
        assert together[lp.process.id] == loop_threads(lp, TODAY, Settings(), deadlines, behind)
    assert [len(found) for found in together.values()] == [4, 2, 2]


def pacing_of(found: list[Thread]) -> dict[str, Thread]:
    return {t.process_id: t for t in found if t.kind == ThreadKind.PACING}


@pytest.mark.parametrize("event_id, about", [("e1", None), (None, "p2")])
def test_a_todo_built_fast_is_the_thread_the_plain_constructor_builds(
    event_id: str | None, about: str | None
) -> None:
    kind = ThreadKind.PROMISE if event_id else ThreadKind.PACING
    fast = Thread.todo(
        "p1", kind, "Send notes", day(-3), 3, day(2), Signal.DUE_SOON, event_id, about
    )
    plain = Thread(
        process_id="p1",
        kind=kind,
        what="Send notes",
        owner=Owner.ME,
        since=day(-3),
        waiting_days=3,
        due=day(2),
        signal=Signal.DUE_SOON,
        event_id=event_id,
        about_process_id=about,
    )
    assert fast == plain
    assert hash(fast) == hash(plain)
    assert list(vars(fast).items()) == list(vars(plain).items())  # same fields, same order
    with pytest.raises(AttributeError):
        fast.what = "changed"  # type: ignore[misc]


def test_a_todo_copied_into_another_loop_is_the_thread_replace_builds() -> None:
    pacing = Thread.todo("p1", ThreadKind.PACING, "Tell A", day(-3), 3, day(2), Signal.DUE_SOON)
    copied = pacing.for_loop("p2", "Tell B", day(-1), 1)
    plain = dataclasses.replace(
        pacing, process_id="p2", what="Tell B", since=day(-1), waiting_days=1
    )
    assert copied == plain
    assert list(vars(copied).items()) == list(vars(plain).items())  # same fields, same order
    assert (pacing.process_id, pacing.what) == ("p1", "Tell A")  # the original is left as it was
    with pytest.raises(AttributeError):
        copied.what = "changed"  # type: ignore[misc]
