"""Intake as a pure change: which loop, which round, which people, which touch."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from builders import TODAY, make_loop

from planner.changes.base import Insert, Refused, Update
from planner.intake import Invite, Mail, Person, guess_kind
from planner.intakeplan import propose
from planner.models import (
    Contact,
    ContactRole,
    Event,
    EventKind,
    Loop,
    ProcessStatus,
    Round,
    RoundKind,
    RoundStatus,
)

BERLIN = ZoneInfo("Europe/Berlin")
ANN = Person("Ann Lee", "ann@acme.io")
ME = Person("Jordan Rivera", "jordan@gmail.com")


def loop(
    pid: str, company: str, *rounds: Round, contacts: tuple[Contact, ...] = (), **p: object
) -> Loop:
    """A loop added today, with only the cards given (intake looks for the sender among them)."""
    return make_loop(pid, company, *rounds, created_on=TODAY, contacts=contacts, **p)


def card(pid: str, name: str, email: str, role: ContactRole = ContactRole.RECRUITER) -> Contact:
    return Contact(
        id=f"{pid}-{name.split()[0].lower()}", process_id=pid, name=name, role=role, email=email
    )


ACME = loop(
    "acme",
    "Acme",
    Round(id="tech", process_id="acme", kind=RoundKind.TECH, created_on=TODAY),
    contacts=(card("acme", "Ann Lee", "ann@acme.io"),),
)
BETA = loop("beta", "Beta Labs")


def invite(**fields: object) -> Invite:
    values: dict[str, object] = {
        "uid": "uid-1",
        "summary": "Technical interview",
        "start": dt.datetime(2026, 3, 24, 17, 0, tzinfo=dt.UTC),
        "organizer": ANN,
        "attendees": (ANN, ME, Person("Priya Rao", "priya@acme.io")),
        "link": "https://meet.google.com/abc-defg-hij",
    }
    return Invite(**{**values, **fields})  # type: ignore[arg-type]


def test_an_invite_schedules_the_planned_round_in_my_time_zone() -> None:
    proposal = propose(invite(), [ACME, BETA], TODAY, BERLIN)
    assert proposal.match.loop is ACME
    assert proposal.match.reason == "ann@acme.io, a contact of this loop"
    writes = proposal.patch.writes
    (new_person,) = [w.record for w in writes if isinstance(w, Insert)]
    assert isinstance(new_person, Contact)
    assert (new_person.name, new_person.role) == ("Priya Rao", ContactRole.INTERVIEWER)
    (moved,) = [w for w in writes if isinstance(w, Update)]
    assert moved.record.id == "tech"
    assert moved.fields == {
        "status",
        "date",
        "time",
        "link",
        "invite_uid",
        "format",
        "interviewers",
    }
    r = moved.record
    assert isinstance(r, Round)
    assert (r.date, r.time, r.status) == (
        dt.date(2026, 3, 24),
        dt.time(18, 0),
        RoundStatus.SCHEDULED,
    )
    assert (r.format, r.link, r.interviewers) == (
        "Google Meet",
        "https://meet.google.com/abc-defg-hij",
        ["Priya Rao"],
    )
    assert proposal.notes == ("not added: Jordan Rivera <jordan@gmail.com> (not at Acme)",)
    assert [(line.what, line.before) for line in proposal.lines] == [
        ("person", ""),
        ("round", "Technical interview: planned, no date"),
    ]


def test_an_invite_for_a_day_already_past_says_so() -> None:
    late = propose(invite(), [ACME], dt.date(2026, 3, 30), BERLIN)
    assert "the invite is for Tue 24 Mar, a day already past" in late.notes
    assert "the invite is for Tue 24 Mar, a day already past" in late.patch.notes
    assert not any(
        "already past" in note for note in propose(invite(), [ACME], TODAY, BERLIN).notes
    )


def test_the_same_invite_again_changes_nothing() -> None:
    first = propose(invite(), [ACME], TODAY, BERLIN)
    rounds = {w.record.id: w.record for w in first.patch.writes if isinstance(w.record, Round)}
    people = [w.record for w in first.patch.writes if isinstance(w.record, Contact)]
    after = ACME.model_copy(
        update={"rounds": list(rounds.values()), "contacts": [*ACME.contacts, *people]}
    )
    again = propose(invite(), [after], TODAY, BERLIN)
    assert again.patch.empty and again.lines == ()
    assert again.match.reason == "it already holds this invite"


def test_a_moved_or_cancelled_invite_finds_its_round_by_uid() -> None:
    held = Round(
        id="tech",
        process_id="acme",
        kind=RoundKind.TECH,
        status=RoundStatus.SCHEDULED,
        date=dt.date(2026, 3, 24),
        time=dt.time(18, 0),
        invite_uid="uid-1",
        created_on=TODAY,
    )
    acme = ACME.model_copy(update={"rounds": [held]})
    moved = propose(
        invite(start=dt.datetime(2026, 3, 26, 9, 30, tzinfo=dt.UTC)), [acme], TODAY, BERLIN
    )
    update = next(w for w in moved.patch.writes if isinstance(w, Update))
    assert update.record.id == "tech" and {"date", "time"} <= update.fields
    cancelled = propose(invite(cancelled=True), [acme], TODAY, BERLIN)
    (only,) = [w for w in cancelled.patch.writes if isinstance(w, Update)]
    assert only.fields == {"status"}
    assert isinstance(only.record, Round) and only.record.status == RoundStatus.CANCELLED


def test_a_cancellation_without_its_round_changes_no_round() -> None:
    proposal = propose(invite(cancelled=True, uid="other"), [ACME], TODAY, BERLIN)
    assert not any(isinstance(w.record, Round) for w in proposal.patch.writes)
    assert "nothing to cancel: no open round of this loop is on Tue 24 Mar" in proposal.notes


def test_a_new_round_of_the_kind_the_title_names_and_the_organizer_as_recruiter() -> None:
    screen = invite(
        summary="Recruiter Screen: Jordan <> Beta Labs",
        organizer=Person("Mara Quinn", "mara@betalabs.io"),
        attendees=(ME, Person("Mara Quinn", "mara@betalabs.io")),
        start=dt.date(2026, 3, 19),
    )
    proposal = propose(screen, [ACME, BETA], TODAY, BERLIN)
    assert (
        proposal.match.loop is BETA
        and proposal.match.reason == "betalabs.io, its company's mail domain"
    )
    inserted = [w.record for w in proposal.patch.writes if isinstance(w, Insert)]
    mara, new_round = inserted
    assert isinstance(mara, Contact) and mara.role == ContactRole.RECRUITER
    assert isinstance(new_round, Round)
    assert (new_round.kind, new_round.date, new_round.time) == (
        RoundKind.SCREEN,
        dt.date(2026, 3, 19),
        None,
    )
    assert new_round.interviewers == ["Mara Quinn"]


def test_the_one_other_person_of_a_hiring_manager_round_is_the_hiring_manager() -> None:
    hm = invite(
        summary="Chat with the hiring manager",
        attendees=(ANN, ME, Person("Hal Ames", "hal@acme.io")),
    )
    proposal = propose(hm, [ACME], TODAY, BERLIN)
    hal = next(w.record for w in proposal.patch.writes if isinstance(w.record, Contact))
    assert (hal.name, hal.role) == ("Hal Ames", ContactRole.HIRING_MANAGER)
    new_round = next(w.record for w in proposal.patch.writes if isinstance(w.record, Round))
    assert new_round.kind == RoundKind.HM


def test_a_card_named_by_its_address_gets_the_name() -> None:
    bare = card("acme", "ann@acme.io", "ann@acme.io")
    acme = ACME.model_copy(update={"contacts": [bare]})
    proposal = propose(invite(attendees=(ANN,)), [acme], TODAY, BERLIN)
    named = next(w for w in proposal.patch.writes if isinstance(w.record, Contact))
    assert isinstance(named, Update) and named.fields == {"name"}
    assert named.record.name == "Ann Lee"  # type: ignore[attr-defined]


def mail(**fields: object) -> Mail:
    values: dict[str, object] = {
        "message_id": "m-1@acme.io",
        "sender": ANN,
        "subject": "Next steps",
        "sent_at": dt.datetime(2026, 3, 15, 23, 30, tzinfo=dt.UTC),
        "to": (ME,),
    }
    return Mail(**{**values, **fields})  # type: ignore[arg-type]


def test_a_mail_is_a_received_touch_on_the_day_it_was_sent_here() -> None:
    proposal = propose(mail(), [ACME], TODAY, BERLIN)
    (touch,) = [w.record for w in proposal.patch.writes]
    assert isinstance(touch, Event)
    assert (touch.kind, touch.on, touch.contact_id) == (
        EventKind.RECEIVED,
        dt.date(2026, 3, 16),
        "acme-ann",
    )
    assert (touch.text, touch.message_id) == ("Mail: Next steps", "m-1@acme.io")
    again = ACME.model_copy(update={"events": [touch]})
    assert propose(mail(), [again], TODAY, BERLIN).patch.empty


def test_a_mail_i_sent_is_a_sent_touch_to_them() -> None:
    proposal = propose(mail(sender=ME, to=(ANN,)), [ACME], TODAY, BERLIN)
    (touch,) = [w.record for w in proposal.patch.writes]
    assert isinstance(touch, Event)
    assert (touch.kind, touch.contact_id) == (EventKind.SENT, "acme-ann")


def test_no_loop_or_several_is_a_refusal_asking_for_loop() -> None:
    stranger = mail(sender=Person("Zed", "zed@elsewhere.org"))
    with pytest.raises(Refused, match=r"cannot tell which loop this is for \(zed@elsewhere.org"):
        propose(stranger, [ACME, BETA], TODAY, BERLIN)
    twin = loop("acme2", "Acme", contacts=(card("acme2", "Ann Lee", "ann@acme.io"),))
    with pytest.raises(Refused, match="this could be for Acme / ML Engineer, Acme / ML Engineer"):
        propose(mail(), [ACME, twin], TODAY, BERLIN)
    chosen = propose(stranger, [ACME, BETA], TODAY, BERLIN, chosen=BETA)
    assert chosen.match.loop is BETA


def test_open_loops_come_before_closed_ones() -> None:
    closed = loop(
        "old",
        "Acme",
        contacts=(card("old", "Ann Lee", "ann@acme.io"),),
        status=ProcessStatus.CLOSED,
    )
    assert propose(mail(), [closed, ACME], TODAY, BERLIN).match.loop is ACME


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("Acme Robotics – Technical Interview (Jordan Rivera)", RoundKind.TECH),
        ("Recruiter Screen: Jordan <> Beta Labs", RoundKind.SCREEN),
        ("Cobalt Systems - Virtual Onsite Panel", RoundKind.ONSITE),
        ("HM chat", RoundKind.HM),
        ("System Design", RoundKind.TECH),
        ("Coffee", None),
    ],
)
def test_the_kind_from_the_title(title: str, kind: RoundKind | None) -> None:
    assert guess_kind(title) == kind
