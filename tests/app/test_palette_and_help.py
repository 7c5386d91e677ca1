"""The command palette runs every key's action; help lists the keys of every list and view."""

from __future__ import annotations

from pathlib import Path

import pytest
from apphelp import make_app, screen_text, settle, type_text
from textual.command import CommandPalette
from textual.pilot import Pilot

from tui.commands import ACTIONS
from tui.screens.close_form import CloseForm
from tui.screens.contact_form import ContactForm
from tui.screens.done_form import DoneForm
from tui.screens.funnel_view import FunnelScreen
from tui.screens.help import HelpScreen, key_sections
from tui.screens.intake_box import IntakeBox
from tui.screens.log_form import LogForm
from tui.screens.main import MainScreen
from tui.screens.offer_form import OfferForm
from tui.screens.process_form import ProcessForm
from tui.screens.quick_line import QuickLineScreen


async def run_command(pilot: Pilot[None], name: str) -> None:
    """Open the palette, type the command's name, take the first hit."""
    await pilot.press("ctrl+p")
    assert isinstance(pilot.app.screen, CommandPalette)
    await type_text(pilot, name)
    await settle(pilot)
    await pilot.press("down", "enter")
    await settle(pilot)


def test_every_loop_and_view_key_has_a_palette_command() -> None:
    keyed = {b.action for b in MainScreen.BINDINGS if not isinstance(b, tuple)}
    commanded = {action for _, action, _ in ACTIONS}
    missing = keyed - commanded - {"app.focus_next", "app.focus_previous"}
    assert not missing


@pytest.mark.parametrize(
    ("name", "opens"),
    [
        ("Add a round", QuickLineScreen),
        ("Mark the round done", DoneForm),
        ("Log a touch, note or promise", LogForm),
        ("Add a contact", ContactForm),
        ("Edit the loop", ProcessForm),
        ("Record or edit the offer", OfferForm),
        ("Close the loop", CloseForm),
        ("Show the funnel", FunnelScreen),
        ("Intake an invite or a mail", IntakeBox),
    ],
)
async def test_a_palette_command_opens_what_its_key_opens(
    demo_db: Path, name: str, opens: type
) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await run_command(pilot, name)
        assert isinstance(app.screen, opens)


async def test_export_from_the_palette_writes_a_new_file_in_the_current_folder(
    demo_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    monkeypatch.chdir(folder)
    before = demo_db.read_bytes()
    app = make_app(demo_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await run_command(pilot, "Export the loops as CSV")
        await run_command(pilot, "Export the loops as CSV")
    files = sorted(p.name for p in folder.iterdir())
    assert files == ["loopdeck-2026-03-16-2.csv", "loopdeck-2026-03-16.csv"]
    assert "Salt" in (folder / files[1]).read_text(encoding="utf-8")
    assert demo_db.read_bytes() == before


async def test_help_lists_the_list_keys_and_the_next_steps_tab(demo_db: Path) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        sections = dict(key_sections(app))
        await pilot.press("end")
        await pilot.pause()
        assert "On the next steps (n)" in screen_text(app)
    lists = {
        keys: b.description
        for keys, b in sections[
            "In every list: the loops, a pane's items, questions, pickers, next steps"
        ]
    }
    assert lists == {
        "j": "Down",
        "k": "Up",
        "g home": "First",
        "G end": "Last",
        "pgup": "Page up",
        "pgdn": "Page down",
        "⏎": "Choose",
    }
    steps = {keys: b.description for keys, b in sections["On the next steps (n)"]}
    assert steps["tab"] == "Column" and steps["shift+tab"] == "Column back"
