"""Write the README's pictures from the real app on the demo data: `python -m tui.screenshots`.

The day is fixed so the pictures only change when the app does; the demo is
opened on a temp copy that is removed afterwards.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import shutil
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input, OptionList, TextArea

from storage.locations import CONFIG_DIR_VARIABLE
from storage.repository import Repository
from tui.app import LoopdeckApp
from tui.demo import make_demo_copy

DAY = dt.date(2026, 3, 16)
SIZE = (120, 36)
OUT = Path(__file__).resolve().parent.parent / "screenshots"
INVITE = Path(__file__).resolve().parent.parent / "seeds" / "invite.ics"
"""An invite from the demo's Vantage Loom recruiter, for the intake box."""
ZONE = "Europe/Berlin"
"""My time zone in the pictures: the intake list converts the invite's time into it."""
Script = Callable[[Pilot[None]], Awaitable[None]]


async def _main(pilot: Pilot[None]) -> None:
    await pilot.press("down")


async def _next_steps(pilot: Pilot[None]) -> None:
    await pilot.press("n")


async def _quick_add(pilot: Pilot[None]) -> None:
    await pilot.press("a")
    await pilot.press(*'Nimbus / Staff ML Engineer rec:"Ada Byron <ada@nimbus.example>" ')
    await pilot.press(*"next:screen on:thu at:10:00 #referral")


async def _help(pilot: Pilot[None]) -> None:
    await pilot.press("f1")


async def _offers(pilot: Pilot[None]) -> None:
    await pilot.press("dollar_sign")


async def _on_kestrel(pilot: Pilot[None]) -> None:
    """The demo loop with a scheduled interview, questions, talking points and a decision."""
    app = pilot.app
    assert isinstance(app, LoopdeckApp) and app.board is not None
    kestrel = next(r for r in app.board.rows if r.loop.process.company == "Kestrel Grid")
    app.main.select_loop(kestrel.process_id)
    await pilot.pause()


async def _prep(pilot: Pilot[None]) -> None:
    await _on_kestrel(pilot)
    await pilot.press("p")


async def _items(pilot: Pilot[None]) -> None:
    """Tab to the timeline, the cursor on the scheduled technical interview."""
    await _on_kestrel(pilot)
    await pilot.press("tab", "down", "down", "down")


async def _delete(pilot: Pilot[None]) -> None:
    await _items(pilot)
    await pilot.press("x")


async def _funnel(pilot: Pilot[None]) -> None:
    await pilot.press("f")


async def _intake(pilot: Pilot[None]) -> None:
    """The invite pasted into the intake box: its before/after list, nothing written yet."""
    await pilot.press("i")
    await pilot.pause()
    pilot.app.screen.query_one("#paste", TextArea).insert(INVITE.read_text(encoding="utf-8"))
    await pilot.pause()


async def _draft(pilot: Pilot[None]) -> None:
    """`m` on Lumen Forge's pacing card: the deadline message to its recruiter."""
    app = pilot.app
    assert isinstance(app, LoopdeckApp) and app.board is not None
    lumen = next(r for r in app.board.rows if r.loop.process.company == "Lumen Forge")
    await pilot.press("n")
    await pilot.pause()
    mine = app.screen.query_one("#steps-me", OptionList)
    mine.highlighted = mine.get_option_index(f"{lumen.process_id}/pacing/0")
    await pilot.press("m")


SHOTS: dict[str, Script] = {
    "main": _main,
    "next-steps": _next_steps,
    "quick-add": _quick_add,
    "help": _help,
    "offers": _offers,
    "prep": _prep,
    "funnel": _funnel,
    "items": _items,
    "delete": _delete,
    "intake": _intake,
    "draft": _draft,
}


async def shoot(name: str, script: Script, out: Path) -> Path:
    """Run `script` on a fresh demo copy and save what the screen shows as `out/name.svg`."""
    data = make_demo_copy(DAY)
    # A config folder of the shot's own: the user's theme, keymap and last loop stay out of
    # the picture (and untouched), and no shot starts on the loop the one before selected.
    os.environ[CONFIG_DIR_VARIABLE] = str(data.parent / "config")
    try:
        app = LoopdeckApp(Repository.open(data), DAY, watch_interval=None)
        async with app.run_test(size=SIZE) as pilot:
            await app.workers.wait_for_complete()
            await pilot.pause()
            await script(pilot)
            await app.workers.wait_for_complete()
            for box in app.screen.query(Input).results(Input):
                box.cursor_blink = False
            for area in app.screen.query(TextArea).results(TextArea):
                area.cursor_blink = False
            await pilot.pause()
            target = out / f"{name}.svg"
            target.write_text(app.export_screenshot(title="loopdeck"), encoding="utf-8")
            return target
    finally:
        shutil.rmtree(data.parent, ignore_errors=True)


def main() -> int:
    os.environ["TZ"] = ZONE
    OUT.mkdir(exist_ok=True)
    for name, script in SHOTS.items():
        path = asyncio.run(shoot(name, script, OUT))
        sys.stdout.write(f"wrote {path.relative_to(OUT.parent)}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
