"""Records are dataclasses checked on the way in and trusted on the way back.

What a record writes (`model_dump(mode="json")`) must read back equal through
`from_stored`, which checks nothing: the file this machine wrote is read that
way. And what it writes must be what pydantic itself would write for the same
values, so a file stays the same whichever way its records were built.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from pydantic_core import ValidationError
from pydantictwin import model_of

from planner.checking import checked_many
from planner.models import (
    CloseReason,
    Contact,
    ContactRole,
    DecidedBy,
    Event,
    EventKind,
    Owner,
    Process,
    ProcessStatus,
    Round,
    RoundKind,
    RoundStatus,
    Settings,
)
from planner.offers import Offer, OfferStatus
from planner.prep import Audience, Decision, Profile, Question, TalkingPoint
from planner.records import Checked

DAY = dt.date(2026, 3, 16)

FILLED: list[Checked] = [
    Process(
        company="Acme",
        role="ML Engineer",
        tags=["remote", "ml"],
        status=ProcessStatus.CLOSED,
        close_reason=CloseReason.REJECTED,
        closed_by=DecidedBy.HIRING_MANAGER,
        closed_on=DAY,
        owner_override=Owner.RECRUITER,
        created_on=DAY - dt.timedelta(days=30),
        links=["https://acme.example/jobs/1"],
    ),
    Round(
        process_id="p1",
        kind=RoundKind.TECH,
        status=RoundStatus.SCHEDULED,
        date=DAY,
        time=dt.time(14, 30),
        interviewers=["Ann Lee", "Bo Chen"],
        deadline=DAY + dt.timedelta(days=2),
        created_on=DAY,
    ),
    Contact(process_id="p1", name="Ann Lee", role=ContactRole.RECRUITER, email="ann@acme.io"),
    Event(
        process_id="p1",
        on=DAY,
        kind=EventKind.RECEIVED,
        text="They will decide by Friday",
        expect=DAY + dt.timedelta(days=4),
        contact_id="c1",
    ),
    Offer(
        process_id="p1",
        status=OfferStatus.WRITTEN,
        base=200_000,
        equity=400_000,
        received_on=DAY,
        deadline=DAY + dt.timedelta(days=7),
    ),
    Question(process_id="p1", text="How is on-call shared?", asked=True, answer="A rota"),
    TalkingPoint(process_id="p1", audience=Audience.RECRUITER, text="Notice period is a month"),
    Decision(process_id="p1", panel="Four people", decider="The VP"),
    Profile(location="Berlin", visa="none needed"),
    Settings(working_days=[5, 1, 1], default_stages=[RoundKind.SCREEN], fx={"EUR": 1.08}),
]


@pytest.mark.parametrize("record", FILLED, ids=lambda r: type(r).__name__)
def test_what_a_record_writes_reads_back_equal_without_checks(record: Checked) -> None:
    stored = record.model_dump(mode="json")

    assert type(record).from_stored(stored) == record


@pytest.mark.parametrize("record", FILLED, ids=lambda r: type(r).__name__)
def test_what_a_record_writes_is_what_pydantic_writes(record: Checked) -> None:
    values = record.model_dump()

    assert record.model_dump(mode="json") == (
        model_of(type(record)).model_validate(values).model_dump(mode="json")
    )


def test_building_a_record_checks_and_cleans_what_it_was_given() -> None:
    process = Process(company="  Acme ", role="ML", tags=["#ml", "ml"], created_on=DAY)
    assert (process.company, process.tags) == ("Acme", ["ml"])
    assert Settings(working_days=[5, 1, 1]).working_days == [1, 5]

    with pytest.raises(ValidationError, match="company"):
        Process(company=" ", role="ML", created_on=DAY)
    with pytest.raises(ValidationError, match="only a received touch"):
        Event(process_id="p1", on=DAY, text="Sent", kind=EventKind.SENT, expect=DAY)


def test_model_validate_refuses_unknown_fields_as_pydantic_does() -> None:
    with pytest.raises(ValidationError) as caught:
        Round.model_validate({"process_id": "p1", "kind": "tech", "created_on": DAY, "x": 1})

    assert [e["type"] for e in caught.value.errors()] == ["extra_forbidden"]


def test_a_stored_record_from_before_a_field_existed_takes_its_default() -> None:
    stored = Round(process_id="p1", kind=RoundKind.SCREEN, created_on=DAY).model_dump(mode="json")
    del stored["invite_uid"], stored["interviewers"]

    read = Round.from_stored(stored)

    assert (read.invite_uid, read.interviewers) == ("", [])


@pytest.mark.parametrize(
    ("change", "error"),
    [
        ({"status": "bogus!"}, KeyError),
        ({"created_on": None}, TypeError),
        ({"created_on": "2026-02-31"}, ValueError),
        ({"surprise": 1}, KeyError),
    ],
)
def test_stored_values_not_as_this_app_writes_them_are_refused(
    change: dict[str, Any], error: type[Exception]
) -> None:
    stored = {**FILLED[0].model_dump(mode="json"), **change}

    with pytest.raises(error):
        Process.from_stored(stored)


def test_a_copy_shares_no_list_with_its_stored_values() -> None:
    stored = FILLED[0].model_dump(mode="json")
    read = Process.from_stored(stored)
    stored["tags"].append("changed")

    assert read.tags == ["remote", "ml"]


def test_records_read_back_share_their_days_times_and_loop_ids() -> None:
    """Equal values read from the file become one object each (the model cache then pickles
    each once); a copy of the text, as a parser gives, still comes back shared."""
    one = Round(process_id="p1", kind=RoundKind.HM, date=DAY, time=dt.time(13, 30), created_on=DAY)
    stored = [one.model_dump(mode="json") for _ in range(2)]
    stored[1]["process_id"] = "".join(["p", "1"])  # equal, not the same object
    first, second = (Round.from_stored(values) for values in stored)

    assert stored[0]["process_id"] is not stored[1]["process_id"]
    assert first.process_id is second.process_id
    assert first.time is second.time
    assert first.date is second.date


def test_records_validated_whole_share_them_too() -> None:
    """A file written elsewhere is validated table by table; its records fill the model
    cache as our own file's do."""
    one = Round(process_id="p1", kind=RoundKind.HM, date=DAY, time=dt.time(13, 30), created_on=DAY)
    stored = [one.model_dump(mode="json") for _ in range(2)]
    stored[1]["process_id"] = "".join(["p", "1"])

    first, second = checked_many(Round, stored)

    assert first == one
    assert first.process_id is second.process_id
    assert (first.time, first.date) == (dt.time(13, 30), DAY)
    assert first.time is second.time
    assert first.date is second.date


def test_model_copy_sets_values_without_checking_them() -> None:
    record = FILLED[2]
    assert isinstance(record, Contact)

    copy = record.model_copy(update={"name": " "})

    assert (copy.id, copy.name, record.name) == (record.id, " ", "Ann Lee")
