"""The contact cards pane: who is who in the selected loop, and when we last spoke.

An email, a phone number or a link is never broken across lines: each has a
line of its own, and one longer than the pane is shortened with an ellipsis
(the contact form shows it whole).
"""

from __future__ import annotations

import datetime as dt

from rich.text import Text

from planner.models import Contact, ContactRole, Loop
from tui.board import BoardRow
from tui.theme import Palette
from tui.widgets.labels import ago, short_date
from tui.widgets.loop_pane import LoopPane, Sheet

INDENT = 2
"""Cells before a card's detail lines."""
ROLE_ORDER = [
    ContactRole.RECRUITER,
    ContactRole.HIRING_MANAGER,
    ContactRole.INTERVIEWER,
    ContactRole.COORDINATOR,
    ContactRole.REFERRER,
]
ROLE_LABEL = {
    ContactRole.RECRUITER: "Recruiter",
    ContactRole.HIRING_MANAGER: "Hiring manager",
    ContactRole.INTERVIEWER: "Interviewer",
    ContactRole.COORDINATOR: "Coordinator",
    ContactRole.REFERRER: "Referrer",
}


class ContactCards(LoopPane):
    """Cards for the loop's people, recruiter first; interviewers named only in rounds too.

    The cards are items: Enter edits the person, x deletes them.
    """

    def content(self, row: BoardRow, palette: Palette, today: dt.date, width: int) -> Sheet:
        return _render(row.loop, palette, today, width)


def _render(loop: Loop, palette: Palette, today: dt.date, width: int) -> Sheet:
    sheet = Sheet()
    contacts = sorted(loop.contacts, key=lambda c: (ROLE_ORDER.index(c.role), c.name))
    for contact in contacts:
        sheet.add(_card(contact, loop, palette, today, width), contact)
    known = {c.name.casefold() for c in contacts}
    panel = sorted({n for r in loop.rounds for n in r.interviewers if n.casefold() not in known})
    for name in panel:
        sheet.add(
            Text.assemble((name, "bold"), ("  Interviewer (named in a round)", palette.muted))
        )
    if not sheet.parts:
        sheet.add(Text("No contacts yet. Press c to add one.", style=palette.muted))
    return sheet


def _card(contact: Contact, loop: Loop, palette: Palette, today: dt.date, width: int) -> Text:
    card = Text.assemble((contact.name, "bold"), (f"  {ROLE_LABEL[contact.role]}", palette.heading))
    for detail in (contact.email, contact.phone, *contact.links):
        if detail:
            card.append("\n  ")
            card.append_text(whole_or_shortened(detail, width - INDENT))
    touched = loop.last_touch(contact.id)
    if touched is None:
        card.append("\n  no touch logged yet", style=palette.muted)
    else:
        when = f"{short_date(touched, today)} ({ago(touched, today)})"
        card.append(f"\n  last touch {when}", style=palette.muted)
    if contact.notes:
        card.append(f"\n  {contact.notes}", style=palette.muted)
    card.append("\n")
    return card


def whole_or_shortened(detail: str, room: int) -> Text:
    """`detail` on one line: whole if it fits in `room` cells, else cut with an ellipsis."""
    text = Text(detail, no_wrap=True)
    if text.cell_len > room:
        text.truncate(max(room, 1), overflow="ellipsis")
    return text
