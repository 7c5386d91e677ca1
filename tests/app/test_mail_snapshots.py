"""Pictures of the intake box (`i`) and a draft (`m`) at 80x24 on the demo data.

Regenerate with `pytest tests/app/test_mail_snapshots.py --snapshot-update`
after looking at the SVGs in `__snapshots__/`.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from apphelp import make_app, open_on, settle
from textual.pilot import Pilot
from textual.widgets import OptionList, TextArea

from tui.screenshots import INVITE

Script = Callable[[Pilot[None]], Awaitable[None]]
SnapCompare = Callable[..., bool]


@pytest.fixture(autouse=True)
def in_berlin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "Europe/Berlin")


async def steady(pilot: Pilot[None]) -> None:
    await settle(pilot)
    for area in pilot.app.screen.query(TextArea).results(TextArea):
        area.cursor_blink = False
    await pilot.pause()


async def intake(pilot: Pilot[None]) -> None:
    await open_on(pilot, "Vantage Loom")
    await pilot.press("i")
    await settle(pilot)
    pilot.app.screen.query_one("#paste", TextArea).insert(INVITE.read_text(encoding="utf-8"))
    await steady(pilot)


async def draft(pilot: Pilot[None]) -> None:
    pid = await open_on(pilot, "Lumen Forge")
    await pilot.press("n")
    await settle(pilot)
    mine = pilot.app.screen.query_one("#steps-me", OptionList)
    mine.focus()
    mine.highlighted = mine.get_option_index(f"{pid}/pacing/0")
    await pilot.press("m")
    await steady(pilot)


SCRIPTS: dict[str, Script] = {"intake": intake, "draft": draft}


@pytest.mark.parametrize("name", list(SCRIPTS))
def test_mail_screen(snap_compare: SnapCompare, demo_db: Path, name: str) -> None:
    assert snap_compare(make_app(demo_db), terminal_size=(80, 24), run_before=SCRIPTS[name])
