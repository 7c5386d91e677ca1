"""An invite or a mail as a change to one loop: a before/after list and the `Patch` to write.

What changes:
  - an invite's round: the round that already has this invite's UID (the
    invite was moved or called off), else the loop's planned round without a
    date of the kind the title names (or its only one, when the title names
    none), else a new round of that kind (OTHER when the title says nothing).
    It gets the date and time in my time zone, the meeting link, its service
    as the format, the interviewers, and the UID. A cancelled invite
    (METHOD:CANCEL or STATUS:CANCELLED) cancels the round with its UID, or
    else the open round of the loop on that day;
  - people (`planner.intakepeople`): the organizer and company attendees of
    an invite, the sender of a mail;
  - a mail: a touch in the log on the day it was sent (received, or sent when
    it is mine to them), with its subject and Message-ID.
The same item read twice changes nothing: the round is found by its UID and
already holds every value, the touch by its Message-ID, the people by address.
`propose` is pure: it reads the loops, never writes; the caller applies the
patch (one undo step) only once the user said yes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from planner.changes.base import Insert, Patch, Write, update, updated
from planner.dates import day_words
from planner.intake import Invite, Item, Mail, Person, guess_kind, meeting_service
from planner.intakematch import Match, company_side, match_loop
from planner.intakepeople import Before, Cast, cast
from planner.models import (
    ContactRole,
    Event,
    EventKind,
    Loop,
    Round,
    RoundKind,
    RoundStatus,
)

MAX_TEXT = 200


@dataclass(frozen=True)
class Proposal:
    """What reading the item would change, shown before anything is written."""

    match: Match
    lines: tuple[Before, ...]
    patch: Patch
    notes: tuple[str, ...] = ()

    @property
    def title(self) -> str:
        return self.match.loop.process.title

    @property
    def nothing_to_change(self) -> str:
        """The sentence for an item read before: its loop already holds all of it."""
        return f"Nothing to change: {self.title} already has all of it."

    def listing(self) -> list[str]:
        """The before/after list, line by line: what the command line prints and the app shows."""
        lines = [f"Loop: {self.title} ({self.match.reason})"]
        for line in self.lines:
            if line.before:
                lines += [f"  {line.what:<7} {line.before}", f"       -> {line.after}"]
            else:
                lines.append(f"  {line.what:<7} + {line.after}")
        lines += [f"  note    {note}" for note in self.notes]
        return lines


def propose(
    item: Item,
    loops: Sequence[Loop],
    today: dt.date,
    tz: dt.tzinfo,
    chosen: Loop | None = None,
) -> Proposal:
    """The change `item` makes to its loop (`Refused` when no loop can be told)."""
    match = match_loop(item, loops, chosen)
    loop = match.loop
    writes: list[Write] = []
    lines: list[Before] = []
    notes: list[str] = []
    invite = item if isinstance(item, Invite) else item.invite
    kind = _kind(invite, loop) if invite is not None else None
    people = _people(item, loop, kind)
    writes += people.writes
    lines += people.lines
    notes += people.notes
    summary = f"Nothing to change in {loop.process.title}"
    if invite is not None:
        round_writes, round_lines, round_note = _round(invite, loop, kind, people, today, tz)
        writes += round_writes
        lines += round_lines
        notes += [round_note] if round_note else []
        if round_lines:
            summary = f"{round_lines[0].after} at {loop.process.title}"
    if isinstance(item, Mail):
        touch = _touch(item, loop, people, today, tz)
        if touch is not None:
            writes.append(Insert(touch))
            lines.append(Before("touch", "", _touch_text(touch, _correspondent(item, loop), today)))
            if invite is None:
                summary = f"Logged the mail '{item.subject}' at {loop.process.title}"
    what = "invite" if invite is not None else "mail"
    patch = Patch(
        label=f"intake {what} into {loop.process.title}",
        writes=tuple(writes),
        summary=summary,
        notes=tuple(notes),
        focus=loop.process.id,
    )
    return Proposal(match, tuple(lines), patch, tuple(notes))


def _kind(invite: Invite, loop: Loop) -> RoundKind | None:
    """The kind the invite's title names; a known UID keeps its round's kind."""
    for r in loop.rounds:
        if invite.uid and r.invite_uid == invite.uid:
            return r.kind
    return guess_kind(invite.summary) or guess_kind(invite.description)


def _people(item: Item, loop: Loop, kind: RoundKind | None) -> Cast:
    if isinstance(item, Invite):
        return cast(loop, item.organizer, item.attendees, kind)
    lead = _correspondent(item, loop)
    if item.invite is None:
        return cast(loop, lead, (), None)
    others = (*item.invite.attendees, *([item.invite.organizer] if item.invite.organizer else []))
    return cast(loop, lead, tuple(p for p in others if p != lead), kind)


def _correspondent(mail: Mail, loop: Loop) -> Person:
    """The company person of a mail: its sender, or whom I wrote to when I sent it."""
    if company_side(mail.sender, loop):
        return mail.sender
    return next((p for p in (*mail.to, *mail.cc) if company_side(p, loop)), mail.sender)


def _round(
    invite: Invite,
    loop: Loop,
    kind: RoundKind | None,
    people: Cast,
    today: dt.date,
    tz: dt.tzinfo,
) -> tuple[list[Write], list[Before], str]:
    day, time = _local(invite.start, tz)
    target = _target(invite, loop, kind, day, time)
    if invite.cancelled:
        return _cancel(target, day, today)
    # An old mail pasted late would schedule a round that already happened: say so.
    past = f"the invite is for {day_words(day, today)}, a day already past" if day < today else ""
    values: dict[str, object] = {
        "date": day,
        "time": time,
        "invite_uid": invite.uid,
    }
    if invite.link:
        values["link"] = invite.link
    service = meeting_service(invite.link)
    interviewers = _interviewers(invite, people)
    if target is None:
        new = Round(
            process_id=loop.process.id,
            kind=kind or RoundKind.OTHER,
            status=RoundStatus.SCHEDULED,
            date=day,
            time=time,
            link=invite.link,
            invite_uid=invite.uid,
            format=service,
            interviewers=interviewers,
            created_on=today,
        )
        return [Insert(new)], [Before("round", "", _round_text(new, today))], past
    if target.status in (RoundStatus.PLANNED, RoundStatus.CANCELLED):
        values["status"] = RoundStatus.SCHEDULED
    if service and not target.format:
        values["format"] = service
    merged = [*target.interviewers, *(n for n in interviewers if n not in target.interviewers)]
    if merged != target.interviewers:
        values["interviewers"] = merged
    writes = update(target, **values)
    if not writes:
        return [], [], ""
    new, _ = updated(target, **values)
    before = _round_text(target, today)
    return list(writes), [Before("round", before, _round_text(new, today))], past


def _target(
    invite: Invite, loop: Loop, kind: RoundKind | None, day: dt.date, time: dt.time | None
) -> Round | None:
    """The round this invite is about (see the module doc); None for a new one."""
    rounds = loop.timeline()
    by_uid = next((r for r in rounds if invite.uid and r.invite_uid == invite.uid), None)
    if by_uid is not None:
        return by_uid
    if invite.cancelled:
        return next(
            (
                r
                for r in rounds
                if r.date == day
                and (time is None or r.time in (None, time))
                and r.status not in (RoundStatus.DONE, RoundStatus.CANCELLED)
                and r.kind != RoundKind.APPLIED
            ),
            None,
        )
    undated = [
        r
        for r in rounds
        if r.status == RoundStatus.PLANNED and r.date is None and r.kind != RoundKind.APPLIED
    ]
    same_kind = [r for r in undated if r.kind == kind]
    if same_kind:
        return same_kind[0]
    return undated[0] if kind is None and len(undated) == 1 else None


def _cancel(
    target: Round | None, day: dt.date, today: dt.date
) -> tuple[list[Write], list[Before], str]:
    if target is None:
        on = day_words(day, today)
        return [], [], f"nothing to cancel: no open round of this loop is on {on}"
    writes = update(target, status=RoundStatus.CANCELLED)
    if not writes:
        return [], [], ""
    before = Before("round", _round_text(target, today), f"{target.label}: cancelled")
    return list(writes), [before], ""


def _interviewers(invite: Invite, people: Cast) -> list[str]:
    """The company people of the invite other than its organizer (or the organizer alone)."""
    names = []
    for person in invite.attendees:
        card = people.card(person)
        if card is None or person == invite.organizer:
            continue
        if card.role in (ContactRole.RECRUITER, ContactRole.COORDINATOR):
            continue
        names.append(card.name)
    if not names and invite.organizer is not None:
        card = people.card(invite.organizer)
        if card is not None and invite.organizer in invite.attendees:
            names.append(card.name)
    return names


def _touch(mail: Mail, loop: Loop, people: Cast, today: dt.date, tz: dt.tzinfo) -> Event | None:
    if mail.message_id and any(e.message_id == mail.message_id for e in loop.events):
        return None
    mine = not company_side(mail.sender, loop) and _correspondent(mail, loop) != mail.sender
    card = people.card(_correspondent(mail, loop))
    text = f"Mail: {mail.subject}" if mail.subject else "Mail (no subject)"
    return Event(
        process_id=loop.process.id,
        on=mail.sent_at.astimezone(tz).date() if mail.sent_at else today,
        kind=EventKind.SENT if mine else EventKind.RECEIVED,
        text=text if len(text) <= MAX_TEXT else text[: MAX_TEXT - 1] + "…",
        contact_id=card.id if card else None,
        message_id=mail.message_id,
    )


def _touch_text(event: Event, person: Person, today: dt.date) -> str:
    who = person.name or person.email
    direction = "from" if event.kind == EventKind.RECEIVED else "to"
    return f"{event.kind.value} {day_words(event.on, today)} {direction} {who}: {event.text}"


def _local(start: dt.datetime | dt.date, tz: dt.tzinfo) -> tuple[dt.date, dt.time | None]:
    """The day and time in my time zone; an all-day invite has no time."""
    if isinstance(start, dt.datetime):
        moment = start.astimezone(tz) if start.tzinfo is not None else start
        return moment.date(), moment.time().replace(second=0, microsecond=0)
    return start, None


def _round_text(r: Round, today: dt.date) -> str:
    """The round in one line; the meeting link last, so a narrow screen cuts only the link."""
    if r.date is None:
        when = "no date"
    else:
        when = day_words(r.date, today) + (f" {r.time:%H:%M}" if r.time else "")
    parts = [f"{r.label}: {r.status.value}, {when}"]
    if r.interviewers:
        parts.append("with " + ", ".join(r.interviewers))
    if r.format or r.link:
        parts.append(" ".join(x for x in (r.format, r.link) if x))
    return "; ".join(parts)
