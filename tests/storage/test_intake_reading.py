"""Reading invites and mails as their senders write them: time zones, attendees, encodings."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from planner.intake import Invite, Mail, Person
from storage.intake.errors import IntakeError
from storage.intake.reading import read_item

FILES = Path(__file__).parent.parent / "files" / "intake"
UTC = dt.UTC


def read(name: str) -> Invite | Mail:
    return read_item((FILES / name).read_bytes(), name)


def invite(name: str) -> Invite:
    item = read(name)
    assert isinstance(item, Invite)
    return item


def test_a_google_calendar_invite_with_its_vtimezone() -> None:
    item = invite("google_technical.ics")
    assert item.uid == "7kq2m9v4c1h8t3e6r0b5n2d7f4@google.com"
    assert item.summary == "Acme Robotics – Technical Interview (Jordan Rivera)"
    assert isinstance(item.start, dt.datetime)
    assert item.start == dt.datetime(2026, 3, 24, 10, 0, tzinfo=ZoneInfo("America/Los_Angeles"))
    assert item.start.astimezone(UTC) == dt.datetime(2026, 3, 24, 17, 0, tzinfo=UTC)
    assert item.organizer == Person("Ann Lee", "ann@acmerobotics.com")
    assert [a.email for a in item.attendees] == [
        "ann@acmerobotics.com",
        "jordan.rivera@gmail.com",
        "priya.rao@acmerobotics.com",
        "sam.wu@acmerobotics.com",
    ]
    assert item.link == "https://meet.google.com/xpd-fkqw-bnr"
    assert not item.cancelled


def test_an_invite_in_utc_with_its_link_in_the_location() -> None:
    item = invite("scheduler_screen_utc.ics")
    assert item.start == dt.datetime(2026, 3, 19, 16, 0, tzinfo=UTC)
    assert item.organizer == Person("Mara Quinn", "mara.quinn@betalabs.io")
    assert item.link == "https://betalabs.zoom.us/j/84521907731?pwd=Qm9vdGNhbXAyMDI2"


def test_an_outlook_invite_with_a_windows_zone_name_and_many_attendees() -> None:
    item = invite("outlook_onsite_panel.ics")
    assert isinstance(item.start, dt.datetime)
    # 11:00 in New York after the change to summer time: 15:00 UTC.
    assert item.start.astimezone(UTC) == dt.datetime(2026, 4, 2, 15, 0, tzinfo=UTC)
    assert [a.name for a in item.attendees] == [
        "Jordan Rivera",
        "Hal Ames",
        "Dee Park",
        "Luis Ortega",
        "Mei Chen",
        "Talent Scheduling",
    ]
    assert item.link.startswith("https://teams.microsoft.com/l/meetup-join/19%3ameeting_")
    assert item.link.endswith("%7d")


def test_a_cancellation_keeps_the_uid_and_says_cancelled() -> None:
    item = invite("google_technical_cancelled.ics")
    assert item.cancelled and item.uid == "7kq2m9v4c1h8t3e6r0b5n2d7f4@google.com"
    assert not invite("google_technical_moved.ics").cancelled


def test_status_cancelled_alone_is_a_cancellation() -> None:
    text = (FILES / "scheduler_screen_utc.ics").read_bytes()
    called_off = text.replace(b"STATUS:CONFIRMED", b"STATUS:CANCELLED")
    item = read_item(called_off, "x.ics")
    assert isinstance(item, Invite) and item.cancelled


def test_a_multipart_mail_with_encoded_headers() -> None:
    item = read("acme_next_steps.eml")
    assert isinstance(item, Mail)
    assert item.sender == Person("Renée Dubois", "renee.dubois@acmerobotics.com")
    assert item.subject == "Next steps – your onsite at Acme Robotics"
    assert item.message_id == "CAF3xk9Q2pV8+next-steps.7741@mail.acmerobotics.com"
    assert item.sent_at == dt.datetime(2026, 3, 16, 16, 12, 44, tzinfo=UTC)
    assert item.to == (Person("Jordan Rivera", "jordan.rivera@gmail.com"),)
    assert item.cc == (Person("Ann Lee", "ann@acmerobotics.com"),)
    assert item.link == "https://acmerobotics.zoom.us/j/93310447120"
    assert item.invite is None


def test_a_mail_that_carries_an_invite() -> None:
    item = read("beta_invite_mail.eml")
    assert isinstance(item, Mail)
    assert item.subject == "Invitation: Recruiter Screen – Beta Labs"
    assert item.invite is not None
    assert item.invite.uid == "interview-4f1c9a2e-31b7-4d0a-9c55-0b8e2d7f6a13@betalabs.io"


def test_text_without_headers_is_neither() -> None:
    with pytest.raises(IntakeError) as caught:
        read_item((FILES / "pasted_body.txt").read_bytes(), "the pasted text")
    assert str(caught.value) == (
        "the pasted text is neither a calendar invite (BEGIN:VCALENDAR ...) nor a mail with "
        "its headers (From:, Date:, Subject:)"
    )


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "x is empty"),
        (b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n", "x holds no event"),
        (b"Subject: hi\nDate: Mon, 16 Mar 2026 09:00:00 +0000\n\nbody\n", "neither"),
        (b"From: nobody\nSubject: hi\n\nbody\n", "x has no sender"),
    ],
)
def test_broken_input_is_one_sentence(data: bytes, message: str) -> None:
    with pytest.raises(IntakeError, match=message):
        read_item(data, "x")
