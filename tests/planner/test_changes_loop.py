"""Changes to a loop as a whole: add, edit, owner, close, hold and resume, delete."""

from __future__ import annotations

import pytest
from builders import TODAY, day
from changehelp import PID, acme, fields_written, played, round_of

from planner.changes.base import Insert, Refused, Remove
from planner.changes.closing import close_loop
from planner.changes.loop_edit import edit_loop
from planner.changes.loops import add_loop, delete_loop
from planner.changes.owner import set_owner
from planner.changes.status import hold_loop, resume_loop
from planner.models import (
    CloseReason,
    DecidedBy,
    Owner,
    Process,
    ProcessStatus,
    Round,
    RoundKind,
    RoundStatus,
    Settings,
)
from planner.offers import Offer
from planner.owner_words import owner_words
from planner.quickadd import parse_loop


def test_add_writes_the_process_its_application_and_cards() -> None:
    draft = parse_loop('Acme / ML Engineer applied:-1w rec:"Ann Lee" next:tech on:sat', TODAY)
    patch = add_loop(draft, TODAY, [], settings=Settings())
    kinds = [type(w.record).__name__ for w in patch.writes]
    assert all(isinstance(w, Insert) for w in patch.writes)
    assert kinds == ["Process", "Round", "Round", "Contact"]
    applied = patch.writes[1].record
    assert isinstance(applied, Round)
    assert (applied.kind, applied.date) == (RoundKind.APPLIED, day(-7))
    assert patch.label == "add loop Acme / ML Engineer"
    assert patch.notes == ("Sat 21 Mar is not one of your working days (Mon, Tue, Wed, Thu, Fri)",)


def test_add_refuses_an_open_loop_with_the_same_company_and_role_unless_again() -> None:
    there = acme().process
    draft = parse_loop("  ACME  / ml engineer", TODAY)
    with pytest.raises(Refused) as refused:
        add_loop(draft, TODAY, [there])
    assert str(refused.value) == (
        "Acme / ML Engineer is already an open loop (id acme); a second one must be asked for"
    )
    assert refused.value.field == "again"
    assert add_loop(draft, TODAY, [there], again=True).writes


def test_a_closed_loop_of_the_same_name_does_not_block_a_new_one() -> None:
    closed = acme(status=ProcessStatus.CLOSED).process
    assert add_loop(parse_loop("Acme / ML Engineer", TODAY), TODAY, [closed]).writes


def test_add_refuses_an_application_dated_after_today() -> None:
    with pytest.raises(Refused, match="cannot be dated Tue 17 Mar, after today"):
        add_loop(parse_loop("Acme / X applied:tomorrow", TODAY), TODAY, [])


def test_edit_writes_only_the_fields_that_change() -> None:
    loop = acme()
    values = {
        "company": "Acme",
        "role": "ML Engineer",
        "level": "Staff",
        "location": "",
        "tags": ["llm", "#gpu"],
        "notes": "",
        "status": ProcessStatus.ACTIVE,
    }
    patch = edit_loop(loop, TODAY, values)
    assert fields_written(patch) == {PID: frozenset({"level", "tags"})}
    assert played(loop, patch).process.tags == ["llm", "gpu"]
    assert patch.summary == "Edited Acme / ML Engineer"


def test_saving_an_untouched_edit_form_writes_nothing() -> None:
    loop = acme()
    patch = edit_loop(loop, TODAY, {"company": "Acme", "applied_on": day(-21)})
    assert patch.empty
    assert patch.summary == "Acme / ML Engineer: nothing changed"


def test_edit_moves_the_application_date() -> None:
    loop = acme()
    patch = edit_loop(loop, TODAY, {"applied_on": day(-25)})
    assert fields_written(patch) == {"applied": frozenset({"date"})}
    assert round_of(played(loop, patch), "applied").date == day(-25)


@pytest.mark.parametrize(
    ("offset", "sentence"),
    [
        (1, "the application cannot be dated Tue 17 Mar, after today"),
        (-5, "the application cannot come after the recruiter screen on Fri 06 Mar"),
    ],
)
def test_an_application_date_after_today_or_after_a_held_round_is_refused(
    offset: int, sentence: str
) -> None:
    with pytest.raises(Refused) as refused:
        edit_loop(acme(), TODAY, {"applied_on": day(offset)})
    assert (str(refused.value), refused.value.field) == (sentence, "applied_on")


def test_a_loop_without_an_application_round_gets_one() -> None:
    loop = acme()
    loop = loop.model_copy(update={"rounds": loop.rounds[1:]})
    (write,) = edit_loop(loop, TODAY, {"applied_on": day(-30)}).writes
    assert isinstance(write, Insert) and isinstance(write.record, Round)
    assert (write.record.kind, write.record.status) == (RoundKind.APPLIED, RoundStatus.DONE)


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"company": "  "}, "company"),
        ({"tags": ["two words"]}, "tags"),
        ({"status": ProcessStatus.CLOSED}, "status"),
    ],
)
def test_a_bad_edit_is_refused_with_its_field(values: dict[str, object], field: str) -> None:
    with pytest.raises(Refused) as refused:
        edit_loop(acme(), TODAY, values)
    assert refused.value.field == field


def test_owner_override_with_a_note_and_back_to_the_rules() -> None:
    loop = acme()
    patch = set_owner(loop, TODAY, Owner.HIRING_MANAGER, "  Maya said decision by Friday ")
    assert fields_written(patch) == {PID: frozenset({"owner_override", "override_note"})}
    assert patch.summary == (
        "Acme / ML Engineer: next step owned by Hiring manager, set by hand: "
        "Maya said decision by Friday"
    )
    overridden = played(loop, patch)
    back = set_owner(overridden, TODAY, None, "left over in the form")
    assert played(overridden, back).process.owner_override is None
    assert played(overridden, back).process.override_note == ""


def test_a_closed_loop_has_no_owner_to_set() -> None:
    with pytest.raises(Refused, match="is closed: it has no next step to own"):
        set_owner(acme(status=ProcessStatus.CLOSED), TODAY, Owner.ME)


def test_owner_words_say_the_note_beside_the_owner() -> None:
    assert owner_words(Owner.RECRUITER, False, "ignored") == "Recruiter"
    assert owner_words(Owner.ME, True) == "Me (set by hand)"
    assert owner_words(Owner.HIRING_MANAGER, True, "Maya said Friday") == (
        "Hiring manager, set by hand: Maya said Friday"
    )


def test_close_takes_the_decider_from_the_reason_and_refuses_twice() -> None:
    loop = acme()
    patch = close_loop(loop, TODAY, CloseReason.DECLINED)
    closed = played(loop, patch).process
    assert (closed.status, closed.closed_by, closed.closed_on) == (
        ProcessStatus.CLOSED,
        DecidedBy.ME,
        TODAY,
    )
    assert patch.summary == "Closed Acme / ML Engineer: declined (by me)"
    with pytest.raises(Refused, match="already closed"):
        close_loop(played(loop, patch), TODAY, CloseReason.REJECTED)


def test_close_after_today_is_refused() -> None:
    with pytest.raises(Refused) as refused:
        close_loop(acme(), TODAY, CloseReason.REJECTED, DecidedBy.PANEL, day(1))
    assert refused.value.field == "closed_on"


def test_hold_then_resume_and_the_refusals_between() -> None:
    loop = acme()
    held = played(loop, hold_loop(loop, TODAY))
    assert held.process.status == ProcessStatus.ON_HOLD
    with pytest.raises(Refused, match="is on hold, not active"):
        hold_loop(held, TODAY)
    resumed = played(held, resume_loop(held, TODAY))
    assert resumed.process.status == ProcessStatus.ACTIVE
    with pytest.raises(Refused, match="already active"):
        resume_loop(resumed, TODAY)


def test_resume_reopens_a_closed_loop_clearing_how_it_ended() -> None:
    loop = acme()
    closed = played(loop, close_loop(loop, TODAY, CloseReason.REJECTED))
    patch = resume_loop(closed, TODAY)
    assert fields_written(patch)[PID] == {"status", "close_reason", "closed_by", "closed_on"}


def test_delete_is_one_tombstone_and_says_what_goes_with_it() -> None:
    loop = acme()
    offer = Offer(process_id=PID, received_on=TODAY)
    patch = delete_loop(loop, TODAY, [offer])
    assert patch.writes == (Remove(loop.process),)
    assert patch.summary == (
        "Deleted Acme / ML Engineer (id acme): 4 rounds, 2 people, 1 log line, 1 offer"
    )
    assert isinstance(patch.writes[0].record, Process)
