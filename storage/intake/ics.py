"""A calendar invite (`.ics`) as an `Invite`, with `icalendar`.

Time zones: a `TZID` with its `VTIMEZONE` (Outlook's "Pacific Standard
Time" as much as Google's "America/New_York") and UTC times (`...Z`) all
come out as aware datetimes; a floating time (no zone) stays naive and is
read as my own local time. An all-day event is a date.

Cancelled: the calendar's `METHOD:CANCEL` or the event's `STATUS:CANCELLED`.
A calendar holding several events is refused unless they are one event (the
same UID, as a recurring series with its exceptions is): intake takes one
invite at a time.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import icalendar

from planner.intake import Invite, Person
from storage.intake.errors import IntakeError
from storage.intake.links import meeting_link

LINK_PROPERTIES = ("X-GOOGLE-CONFERENCE", "X-MICROSOFT-SKYPETEAMSMEETINGURL", "URL", "LOCATION")


def read_invite(text: str | bytes, name: str) -> Invite:
    """The one event of a calendar file; `IntakeError` naming `name` when it has none."""
    try:
        calendar = icalendar.Calendar.from_ical(text)
    except ValueError as error:
        raise IntakeError(f"{name} is not a calendar file that can be read ({error})") from None
    events = list(calendar.walk("VEVENT"))
    if not events:
        raise IntakeError(f"{name} holds no event")
    uids = {str(event.get("UID", "")) for event in events}
    if len(uids) > 1:
        raise IntakeError(f"{name} holds {len(uids)} different events; intake takes one at a time")
    event = events[0]
    method = str(calendar.get("METHOD", "")).upper()
    status = str(event.get("STATUS", "")).upper()
    try:
        start = event.decoded("DTSTART")
    except (KeyError, ValueError):
        raise IntakeError(f"{name}: the event has no start time") from None
    if not isinstance(start, dt.date):
        raise IntakeError(f"{name}: the event's start time cannot be read")
    description = str(event.get("DESCRIPTION", ""))
    places = [str(event.get(prop, "")) for prop in LINK_PROPERTIES]
    return Invite(
        uid=str(event.get("UID", "")),
        summary=str(event.get("SUMMARY", "")).strip(),
        start=start,
        organizer=_person(event.get("ORGANIZER")),
        attendees=tuple(
            p for p in (_person(a) for a in _as_list(event.get("ATTENDEE"))) if p is not None
        ),
        link=meeting_link(*places[:3], description, places[3]),
        cancelled=method == "CANCEL" or status == "CANCELLED",
        description=description,
    )


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


def _person(address: Any) -> Person | None:
    """`ORGANIZER;CN=Ann Lee:mailto:ann@acme.io` as a person; None without an address."""
    if address is None:
        return None
    email = str(address)
    if email.casefold().startswith("mailto:"):
        email = email[len("mailto:") :]
    email = email.strip()
    if "@" not in email:
        return None
    params = getattr(address, "params", {})
    name = str(params.get("CN", "")).strip().strip('"')
    return Person(name=name if name != email else "", email=email)
