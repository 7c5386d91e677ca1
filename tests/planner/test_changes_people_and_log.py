"""People and the log: add, edit, delete a contact; log, promise, edit, delete a line; told."""

from __future__ import annotations

import pytest
from builders import TODAY, day
from changehelp import PID, acme, fields_written, played

from planner.changes.base import Insert, Refused, Remove
from planner.changes.contacts import add_contact, delete_contact, edit_contact
from planner.changes.log import delete_event, edit_event, keep_promise, log_event, promise
from planner.changes.told import tell
from planner.models import Contact, ContactRole, EventKind, Loop
from planner.ownership import next_step
from planner.pacing import Deadline


def test_add_a_contact() -> None:
    patch = add_contact(
        acme(), TODAY, {"name": "Priya Rao", "role": ContactRole.INTERVIEWER, "email": "p@a.io"}
    )
    (write,) = patch.writes
    assert isinstance(write, Insert) and isinstance(write.record, Contact)
    assert (write.record.process_id, write.record.name) == (PID, "Priya Rao")
    assert patch.summary == "Added Priya Rao (interviewer) to Acme / ML Engineer"


@pytest.mark.parametrize(
    ("values", "field", "sentence"),
    [
        ({"name": "ann  LEE", "role": ContactRole.RECRUITER}, "name", "already has Ann Lee"),
        ({"name": " ", "role": ContactRole.RECRUITER}, "name", "name cannot be empty"),
        ({"name": "Cy", "role": ContactRole.RECRUITER, "email": "cy"}, "email", "not an email"),
    ],
)
def test_a_bad_new_contact_is_refused(values: dict[str, object], field: str, sentence: str) -> None:
    with pytest.raises(Refused) as refused:
        add_contact(acme(), TODAY, values)
    assert sentence in str(refused.value)
    assert refused.value.field == field


def test_edit_a_contact_writes_only_what_changed_and_can_rename() -> None:
    loop = acme()
    patch = edit_contact(loop, TODAY, "ann", {"name": "Ann Lee-Park", "email": "ann@acme.io"})
    assert fields_written(patch) == {"ann": frozenset({"name", "email"})}
    assert patch.summary == "Updated Ann Lee-Park at Acme / ML Engineer"
    with pytest.raises(Refused, match="already has Bo Chen"):
        edit_contact(loop, TODAY, "ann", {"name": "bo chen"})


def test_the_last_recruiter_the_step_nudges_is_kept_unless_forced() -> None:
    loop = acme(owner_override=None)
    # Waiting on the recruiter: a planned round nobody has dated yet.
    loop = loop.model_copy(update={"rounds": [r for r in loop.rounds if r.id != "hm"]})
    step = next_step(loop, TODAY)
    assert step is not None and step.nudge is not None and step.nudge.contact_id == "ann"
    with pytest.raises(Refused) as refused:
        delete_contact(loop, TODAY, "ann")
    assert str(refused.value) == (
        "Ann Lee is the only recruiter of Acme / ML Engineer and its next step nudges them; "
        "add another recruiter first, or force it: the step will then nudge the recruiter"
    )
    assert refused.value.field == "force"
    forced = delete_contact(loop, TODAY, "ann", force=True)
    assert forced.writes == (Remove(loop.contacts[0]),)
    assert forced.notes == ("Acme / ML Engineer has no recruiter card now",)
    after = next_step(played(loop, forced), TODAY)
    assert after is not None and after.nudge is not None and after.nudge.name == "the recruiter"


def test_a_recruiter_nobody_nudges_or_with_a_colleague_goes_without_force() -> None:
    loop = acme()  # the next step is mine: prepare for the HM interview
    assert delete_contact(loop, TODAY, "ann").writes
    second = Contact(id="cy", process_id=PID, name="Cy", role=ContactRole.RECRUITER)
    busy = loop.model_copy(
        update={
            "rounds": [r for r in loop.rounds if r.id != "hm"],
            "contacts": [*loop.contacts, second],
        }
    )
    assert delete_contact(busy, TODAY, "ann").writes


def test_log_a_touch_a_note_and_a_promise() -> None:
    loop = acme()
    touch = log_event(loop, TODAY, "Sent availability", EventKind.SENT, day(-1), "ann")
    (write,) = touch.writes
    assert isinstance(write, Insert)
    assert touch.summary == "Logged sent at Acme / ML Engineer on Sun 15 Mar"
    owed = promise(loop, TODAY, "Thank-you note to Bo", day(1), "bo")
    assert owed.writes[0].record.kind == EventKind.PROMISE
    by_due = log_event(loop, TODAY, "Send references", due=day(2))
    assert by_due.label == "log promise at Acme / ML Engineer"


@pytest.mark.parametrize(
    ("kwargs", "field", "sentence"),
    [
        ({"on": day(1)}, "on", "nothing can be logged on Tue 17 Mar, after today"),
        ({"kind": EventKind.PROMISE}, "due", "a promise needs a due date"),
        ({"kind": EventKind.NOTE, "due": day(2)}, "due", "only a promise has a due date"),
        ({"contact_id": "zed"}, "contact_id", "that person is not in Acme / ML Engineer"),
    ],
)
def test_a_bad_log_line_is_refused(kwargs: dict[str, object], field: str, sentence: str) -> None:
    with pytest.raises(Refused) as refused:
        log_event(acme(), TODAY, "hi", **kwargs)
    assert sentence in str(refused.value)
    assert refused.value.field == field


def test_empty_text_is_refused() -> None:
    with pytest.raises(Refused, match="text cannot be empty"):
        log_event(acme(), TODAY, "   ")


def test_edit_and_delete_a_log_line() -> None:
    loop = acme()
    patch = edit_event(loop, TODAY, "e1", {"text": "Screen went well", "on": day(-9)})
    assert fields_written(patch) == {"e1": frozenset({"text"})}
    with pytest.raises(Refused, match="after today"):
        edit_event(loop, TODAY, "e1", {"on": day(3)})
    removed = delete_event(loop, TODAY, "e1")
    assert removed.writes == (Remove(loop.events[0]),)
    assert (
        removed.summary == "Deleted the log line 'Screen ok' (Sat 07 Mar) from Acme / ML Engineer"
    )


def test_keep_a_promise_once() -> None:
    loop = acme()
    owed = played(loop, promise(loop, TODAY, "Thank-you note", day(1)))
    event_id = next(e.id for e in owed.events if e.kind == EventKind.PROMISE)
    kept = played(owed, keep_promise(owed, TODAY, event_id))
    with pytest.raises(Refused, match="already done"):
        keep_promise(kept, TODAY, event_id)
    with pytest.raises(Refused, match="only a promise"):
        keep_promise(loop, TODAY, "e1")


def test_told_logs_a_touch_naming_the_loop_with_the_offer() -> None:
    loop: Loop = acme()
    deadline = Deadline("globex", "Globex", day(4), day(-1))
    patch = tell(loop, TODAY, deadline)
    event = patch.writes[0].record
    assert event.about_process_id == "globex"
    assert patch.summary == "Logged: Told Ann Lee about the Globex offer deadline (Fri 20 Mar)"
    assert patch.label == "told Acme / ML Engineer about Globex"
    with pytest.raises(Refused, match="after today"):
        tell(loop, TODAY, deadline, day(1))
    with pytest.raises(Refused, match="own offer deadline"):
        tell(loop, TODAY, Deadline(PID, "Acme", day(4), day(-1)))


def test_their_touch_may_say_when_i_will_hear() -> None:
    loop = acme()
    patch = log_event(loop, TODAY, "Decision by Friday", EventKind.RECEIVED, expect=day(4))
    assert patch.writes[0].record.expect == day(4)
    with pytest.raises(Refused) as refused:
        log_event(loop, TODAY, "I will send it Friday", EventKind.SENT, expect=day(4))
    assert refused.value.field == "expect"
    edited = edit_event(loop, TODAY, "e1", {"kind": EventKind.RECEIVED, "expect": day(3)})
    assert fields_written(edited) == {"e1": frozenset({"kind", "expect"})}
