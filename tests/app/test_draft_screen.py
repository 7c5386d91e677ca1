"""`m` on a next step, `M` on a loop: the draft `loopdeck draft` writes, copied and marked sent."""

from __future__ import annotations

from pathlib import Path

from apphelp import TODAY, make_app, open_on, screen_text, settle, stored
from textual.pilot import Pilot
from textual.widgets import OptionList, TextArea

from planner.draftwords import DraftKind
from planner.models import Event, EventKind
from tui.app import LoopdeckApp
from tui.screens.draft_screen import DraftScreen
from tui.screens.next_steps import NextStepsScreen


def sent(path: Path, company: str) -> list[Event]:
    return [e for e in stored(path, company).events if e.text.startswith("Sent (")]


async def press(pilot: Pilot[None], *keys: str) -> None:
    await pilot.press(*keys)
    await settle(pilot)


async def test_a_loop_waiting_on_them_drafts_a_nudge_copied_and_marked_sent_then_undone(
    demo_db: Path,
) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_on(pilot, "Quarry Systems")
        await press(pilot, "M")
        screen = app.screen
        assert isinstance(screen, DraftScreen) and screen.kind == DraftKind.NUDGE
        text = screen.query_one("#draft-text", TextArea).text
        assert text.startswith("To: Jonas Weber <jonas.weber@quarrysys.example>\nSubject: ")
        assert "onsite / panel" in text and "Hi Jonas," in text

        screen.query_one("#draft-text", TextArea).insert("PS: ")  # edited before copying
        await press(pilot, "ctrl+o")
        assert app.clipboard == screen.query_one("#draft-text", TextArea).text
        assert app.clipboard.startswith("PS: To: Jonas Weber")
        assert sent(demo_db, "Quarry Systems") == []  # copying logs nothing

        await press(pilot, "ctrl+s")
        assert not isinstance(app.screen, DraftScreen)
        (event,) = sent(demo_db, "Quarry Systems")
        jonas = next(
            c for c in stored(demo_db, "Quarry Systems").contacts if c.name == "Jonas Weber"
        )
        assert (event.kind, event.on, event.contact_id) == (EventKind.SENT, TODAY, jonas.id)
        assert isinstance(app, LoopdeckApp) and app.board is not None
        assert app.board.undo_label == "sent nudge draft"

        await press(pilot, "u")
        assert sent(demo_db, "Quarry Systems") == []


async def test_m_on_a_pacing_card_drafts_the_deadline_message_and_ctrl_t_switches_kind(
    demo_db: Path,
) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 40)) as pilot:
        pid = await open_on(pilot, "Lumen Forge")
        await press(pilot, "n")
        assert isinstance(app.screen, NextStepsScreen)
        mine = app.screen.query_one("#steps-me", OptionList)
        mine.focus()
        mine.highlighted = mine.get_option_index(f"{pid}/pacing/0")
        await press(pilot, "m")
        screen = app.screen
        assert isinstance(screen, DraftScreen) and screen.kind == DraftKind.DEADLINE
        text = screen.query_one("#draft-text", TextArea).text
        assert text.startswith("To: Maya Okafor <maya.okafor@lumenforge.example>")
        assert "Tidewater Compute" in text and "Wednesday, March 18" in text

        await press(pilot, "ctrl+t")
        assert screen.kind == DraftKind.WITHDRAW
        assert "withdraw" in screen.query_one("#draft-text", TextArea).text.casefold()
        await press(pilot, "ctrl+t")  # accept: Lumen Forge has no offer to accept
        assert screen.draft is None and "has no offer to accept" in screen_text(app)
        before = demo_db.read_bytes()
        await press(pilot, "ctrl+s")
        assert isinstance(app.screen, DraftScreen) and demo_db.read_bytes() == before

        await press(pilot, "escape")
        assert isinstance(app.screen, NextStepsScreen)
