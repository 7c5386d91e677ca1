"""The app draws control characters from the data as visible escapes.

A company called `Evil ESC]0;owned BEL ESC[2J` set the terminal's title and
cleared it from the loops pane. The rows, the panes and the notifications
go through the same sanitizer as the command line (`planner.text`).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from apphelp import make_app, screen_text, settle
from textual.message import Message
from textual.notifications import Notify
from textual.widgets import Input

from planner.models import Event, Process
from storage.repository import Repository

HOSTILE = "Evil\x1b]0;owned\x07\x1b[2J"


async def test_rows_panes_and_notifications_show_control_characters_as_escapes(
    db_path: Path,
) -> None:
    evil = Process(
        company=HOSTILE, role="ML\u202eEngineer", level="L5\x1b[31m", created_on=dt.date(2026, 3, 2)
    )
    with Repository.open(db_path).transaction(f"add loop {evil.title}") as tx:
        tx.put(evil)
        tx.put(Event(process_id=evil.id, on=dt.date(2026, 3, 3), text="said\x1b[2J yes"))
    notes: list[str] = []

    def keep_notes(message: Message) -> None:
        if isinstance(message, Notify):
            notes.append(message.notification.message)

    app = make_app(db_path)
    async with app.run_test(size=(220, 40), message_hook=keep_notes) as pilot:
        await settle(pilot)
        shown = screen_text(app)
        assert shown.count("Evil\\x1b]0;owned") == 2  # the row and the pane's heading
        assert "L5\\x1b[31m" in shown and "said\\x1b[2J yes" in shown
        await pilot.press("u")
        await settle(pilot)
    assert notes[-1].startswith("Undone: add loop Evil\\x1b]0;owned\\x07\\x1b[2J / ML\\u202e")
    for text in (shown, *notes):
        assert "\x1b" not in text and "\x07" not in text and "\u202e" not in text


async def test_a_form_shows_escapes_and_saves_the_value_unchanged_unless_edited(
    db_path: Path,
) -> None:
    evil = Process(company=HOSTILE, role="ML", created_on=dt.date(2026, 3, 2))
    with Repository.open(db_path).transaction("add") as tx:
        tx.put(evil)
    app = make_app(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        company = app.screen.query_one("#field-company", Input)
        assert company.value == "Evil\\x1b]0;owned\\x07\\x1b[2J"
        role = app.screen.query_one("#field-role", Input)
        role.value = "ML Lead"
        await pilot.press("ctrl+s")
        await settle(pilot)
    stored = Repository.open(db_path).loop(evil.id).process
    assert (stored.company, stored.role) == (HOSTILE, "ML Lead")
