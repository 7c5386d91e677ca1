"""Ticking off my to-dos (`tick_off`) and the day they said I would hear by (`log_event`)."""

from __future__ import annotations

import pytest
from builders import TODAY, day
from changehelp import PID, acme, fields_written, played

from planner.changes.base import Refused
from planner.changes.log import log_event
from planner.changes.todos import open_promises, tick_off
from planner.models import Event, EventKind, Loop, Settings
from planner.pacing import Deadline
from planner.threads import todos


def promise(event_id: str, text: str, on: int, due: int, done: bool = False) -> Event:
    return Event(
        id=event_id,
        process_id=PID,
        on=day(on),
        kind=EventKind.PROMISE,
        text=text,
        due=day(due),
        done=done,
    )


def with_promises(*events: Event) -> Loop:
    """Acme with its note (l1) and these promises after it in the log (l2, l3, ...)."""
    loop = acme()
    return loop.model_copy(update={"events": [*loop.events, *events]})


THANKS = promise("thanks", "Send a thank-you note to Ann", -1, 1)
WRITEUP = promise("writeup", "Send the write-up to Bo", 0, 3)
KEPT = promise("kept", "Send references", -5, -2, done=True)
GLOBEX = Deadline("globex", "Globex", day(4), day(-1))


@pytest.mark.parametrize("which", ["l3", "L3", "write-up", "WRITE"])
def test_a_handle_or_a_word_names_the_promise(which: str) -> None:
    loop = with_promises(THANKS, WRITEUP)
    patch = tick_off(loop, TODAY, which)
    assert fields_written(patch) == {"writeup": frozenset({"done"})}
    assert patch.summary == "Done: Send the write-up to Bo"
    after = played(loop, patch)
    assert [e.id for e in open_promises(after)] == ["thanks"]
    assert [t.event_id for t in todos(after, TODAY, Settings())] == ["thanks"]


def test_the_only_open_promise_needs_no_name() -> None:
    loop = with_promises(KEPT, THANKS)
    patch = tick_off(loop, TODAY)
    assert fields_written(patch) == {"thanks": frozenset({"done"})}
    assert open_promises(played(loop, patch)) == []


@pytest.mark.parametrize(
    ("which", "sentence"),
    [
        (
            None,
            "Acme / ML Engineer has 2 open promises: l3 'Send a thank-you note to Ann', "
            "l4 'Send the write-up to Bo'; say which",
        ),
        (
            "send",
            "'send' matches 2 open promises of Acme / ML Engineer: "
            "l3 'Send a thank-you note to Ann', "
            "l4 'Send the write-up to Bo'; name one by its handle",
        ),
        (
            "l2",  # the promise already kept
            "l2 is not an open promise of Acme / ML Engineer "
            "(open: l3 'Send a thank-you note to Ann', l4 'Send the write-up to Bo')",
        ),
        (
            "lunch",
            "'lunch' names no open promise of Acme / ML Engineer "
            "(open: l3 'Send a thank-you note to Ann', l4 'Send the write-up to Bo')",
        ),
        (
            "globex",
            "'Tell Ann Lee about the Globex deadline (4 days left)' is done by logging "
            "the telling (told), not ticked off",
        ),
    ],
)
def test_an_unclear_which_is_refused_with_the_choices(which: str | None, sentence: str) -> None:
    loop = with_promises(KEPT, THANKS, WRITEUP)
    with pytest.raises(Refused) as refused:
        tick_off(loop, TODAY, which, [GLOBEX])
    assert str(refused.value) == sentence
    assert refused.value.field == "which"


def test_no_open_promise_is_refused() -> None:
    for loop in (acme(), with_promises(KEPT)):
        with pytest.raises(Refused) as refused:
            tick_off(loop, TODAY, None, [GLOBEX])
        assert str(refused.value) == "Acme / ML Engineer has no open promise to tick off"


def test_their_promised_day_must_come_from_them_and_lie_ahead() -> None:
    loop = acme()
    today = log_event(loop, TODAY, "Decision today", EventKind.RECEIVED, expect=TODAY)
    assert today.writes[0].record.expect == TODAY
    with pytest.raises(Refused) as past:
        log_event(loop, TODAY, "Decision by Friday", EventKind.RECEIVED, expect=day(-3))
    assert str(past.value) == (
        "the day they said I would hear by, Fri 13 Mar, is already past; give today or later"
    )
    assert past.value.field == "expect"
    for kind in (None, EventKind.NOTE, EventKind.SENT):
        with pytest.raises(Refused, match=r"^only a received touch can say when") as wrong:
            log_event(loop, TODAY, "Decision by Friday", kind, expect=day(4))
        assert wrong.value.field == "expect"
