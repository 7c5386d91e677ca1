"""The contact cards pane: who is who in the selected loop, and when we last spoke."""

from __future__ import annotations

import datetime as dt

from rich.console import Group, RenderableType
from rich.text import Text
from textual import events

from planner.models import Contact, ContactRole, Loop
from tui.board import BoardRow
from tui.theme import Palette
from tui.widgets.labels import ago, short_date
from tui.widgets.pane_log import PaneLog

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


class ContactCards(PaneLog):
    """Cards for the loop's people, recruiter first; interviewers named only in rounds too."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, wrap=True, auto_scroll=False, min_width=20)
        self._shown: tuple[BoardRow | None, Palette, dt.date] | None = None

    def show(self, row: BoardRow | None, palette: Palette, today: dt.date) -> None:
        self._shown = (row, palette, today)
        self.clear()
        if row is None:
            self._write("")
            return
        self._write(_render(row.loop, palette, today))

    def _write(self, content: RenderableType) -> None:
        width = self.scrollable_content_region.width
        self.write(content, width=width if width > 0 else None)
        self.scroll_home(animate=False, immediate=True)

    def on_resize(self, event: events.Resize) -> None:
        """Lines are wrapped when written: wrap them again at the new width."""
        if self._shown is not None:
            self.show(*self._shown)


def _render(loop: Loop, palette: Palette, today: dt.date) -> Group:
    cards: list[Text] = []
    contacts = sorted(loop.contacts, key=lambda c: (ROLE_ORDER.index(c.role), c.name))
    cards.extend(_card(c, loop, palette, today) for c in contacts)
    known = {c.name.casefold() for c in contacts}
    panel = sorted({n for r in loop.rounds for n in r.interviewers if n.casefold() not in known})
    cards.extend(
        Text.assemble((name, "bold"), ("  Interviewer (named in a round)", palette.muted))
        for name in panel
    )
    if not cards:
        cards.append(Text("No contacts yet. Press c to add one.", style=palette.muted))
    return Group(*cards)


def _card(contact: Contact, loop: Loop, palette: Palette, today: dt.date) -> Text:
    card = Text.assemble((contact.name, "bold"), (f"  {ROLE_LABEL[contact.role]}", palette.heading))
    for detail in (contact.email, contact.phone, *contact.links):
        if detail:
            card.append(f"\n  {detail}")
    touched = loop.last_touch(contact.id)
    if touched is None:
        card.append("\n  no touch logged yet", style=palette.muted)
    else:
        card.append(
            f"\n  last touch {short_date(touched)} ({ago(touched, today)})", style=palette.muted
        )
    if contact.notes:
        card.append(f"\n  {contact.notes}", style=palette.muted)
    card.append("\n")
    return card
