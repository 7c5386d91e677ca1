"""`i`: an invite or a mail pasted into the app, read as `loopdeck intake` reads it."""

from __future__ import annotations

from pathlib import Path

import pytest
from apphelp import make_app, open_on, screen_text, settle, stored
from textual.pilot import Pilot
from textual.widgets import Select, TextArea

from tui.app import LoopdeckApp
from tui.screens.intake_box import IntakeBox

FILES = Path(__file__).parent.parent / "files" / "intake"
UID = "interview-4f1c9a2e-31b7-4d0a-9c55-0b8e2d7f6a13@betalabs.io"


@pytest.fixture(autouse=True)
def in_utc(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "UTC")


def saltmarsh_invite() -> str:
    """A scheduler's invite in UTC, sent by Saltmarsh AI's recruiter (a card of that loop)."""
    text = (FILES / "scheduler_screen_utc.ics").read_text(encoding="utf-8")
    return text.replace("mara.quinn@betalabs.io", "julien@saltmarsh.example").replace(
        "mara.quinn@bet\r\n alabs.io", "julien@saltmarsh.example"
    )


async def paste(pilot: Pilot[None], text: str) -> IntakeBox:
    app = pilot.app
    await pilot.press("i")
    await settle(pilot)
    assert isinstance(app.screen, IntakeBox)
    app.screen.query_one("#paste", TextArea).insert(text)
    await settle(pilot)
    return app.screen


def invite_rounds(path: Path, company: str) -> list[str]:
    return [str(r.date) for r in stored(path, company).rounds if r.invite_uid == UID]


async def test_a_pasted_invite_shows_its_list_applies_as_one_step_and_undoes(
    demo_db: Path,
) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_on(pilot, "Kestrel Grid")
        box = await paste(pilot, saltmarsh_invite())
        text = screen_text(app)
        assert "Loop: Saltmarsh AI / Staff Applied Scientist" in text
        assert "Recruiter screen" in text and "Thu 19 Mar 16:00" in text
        assert not box.query_one("#intake-loop", Select).display  # the loop was told
        assert invite_rounds(demo_db, "Saltmarsh AI") == []  # nothing written yet

        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, IntakeBox)
        assert invite_rounds(demo_db, "Saltmarsh AI") == ["2026-03-19"]
        assert isinstance(app, LoopdeckApp) and app.board is not None
        assert app.board.undo_label == "intake invite into Saltmarsh AI / Staff Applied Scientist"

        await paste(pilot, saltmarsh_invite())  # the same invite again: nothing to change
        assert "Nothing to change: Saltmarsh AI" in screen_text(app)
        before = demo_db.read_bytes()
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, IntakeBox) and demo_db.read_bytes() == before
        await pilot.press("escape")
        await settle(pilot)

        await pilot.press("u")
        await settle(pilot)
        assert invite_rounds(demo_db, "Saltmarsh AI") == []


async def test_an_invite_no_loop_claims_goes_to_the_loop_picked_the_selected_one_first(
    demo_db: Path,
) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 40)) as pilot:
        pid = await open_on(pilot, "Kestrel Grid")
        box = await paste(pilot, (FILES / "scheduler_screen_utc.ics").read_text(encoding="utf-8"))
        select = box.query_one("#intake-loop", Select)
        assert select.display and select.value == pid
        text = screen_text(app)
        assert "cannot tell which loop this is for" in text and "pick its loop above" in text
        assert "Loop: Kestrel Grid" in text
        await pilot.press("tab", "tab", "enter")  # out of the text, past the list: Enter applies
        await settle(pilot)
        assert not isinstance(app.screen, IntakeBox)
        assert invite_rounds(demo_db, "Kestrel Grid") == ["2026-03-19"]


async def test_a_paste_that_is_neither_says_so_in_one_sentence_and_writes_nothing(
    demo_db: Path,
) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_on(pilot, "Kestrel Grid")
        before = demo_db.read_bytes()
        await paste(pilot, (FILES / "pasted_body.txt").read_text(encoding="utf-8"))
        assert "the pasted text is neither a calendar invite" in screen_text(app)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, IntakeBox)
        app.screen.query_one("#paste", TextArea).load_text("")
        app.screen.query_one("#paste", TextArea).insert(str(FILES / "missing.ics"))
        await settle(pilot)
        assert "cannot read missing.ics (No such file or directory)." in screen_text(app)
        await pilot.press("escape")
        await settle(pilot)
        assert demo_db.read_bytes() == before


async def test_a_path_in_the_box_reads_that_file(demo_db: Path) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_on(pilot, "Kestrel Grid")
        await paste(pilot, str(FILES / "scheduler_screen_utc.ics"))
        assert "Recruiter screen" in screen_text(app)
