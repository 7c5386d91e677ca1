"""Helpers for the app's tests: a real data file, the real app, and the file read back."""

from __future__ import annotations

import asyncio
import datetime as dt
import html
import json
import re
from pathlib import Path

from builders import TODAY
from textual.pilot import Pilot
from textual.widgets import Input
from textual.worker import WorkerCancelled

from planner.models import Loop
from storage.repository import Repository
from tui.app import LoopdeckApp
from tui.demo import SEED_FILE, shifted
from tui.screens.next_steps import NextStepsScreen
from tui.screens.prep_view import PrepScreen


def write_demo(path: Path, today: dt.date = TODAY) -> Path:
    """The demo seeds with their dates moved around `today`, as a data file at `path`."""
    document = shifted(json.loads(SEED_FILE.read_text(encoding="utf-8")), today)
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False)
    path.write_text(text + "\n", encoding="utf-8")
    return path


def make_app(path: Path, watch_interval: float | None = None) -> LoopdeckApp:
    """The app on `path`; the file watcher is off unless a test is about it."""
    return LoopdeckApp(Repository.open(path), TODAY, watch_interval=watch_interval)


async def settle(pilot: Pilot[None]) -> None:
    """Wait until writes and loads have finished and their messages are handled."""
    await workers_done(pilot)
    await pilot.pause()
    await workers_done(pilot)
    await pilot.pause()


async def workers_done(pilot: Pilot[None], patience_s: float = 5.0) -> None:
    """Every worker has finished. A disk check replaced by the next one is finished too:
    the checks are exclusive, and on a busy machine a check can outlast a short interval,
    so the next cancels it; waiting for it then raises until its thread has ended. Checks
    that keep outlasting the interval are a failure: after `patience_s` it is raised."""
    deadline = asyncio.get_running_loop().time() + patience_s
    while True:
        try:
            await pilot.app.workers.wait_for_complete()
            return
        except WorkerCancelled:
            if asyncio.get_running_loop().time() > deadline:
                raise
            await asyncio.sleep(0.01)


async def open_on(pilot: Pilot[None], company: str) -> str:
    """Wait for the board and put the cursor on `company`'s loop; its process id."""
    await settle(pilot)
    app = pilot.app
    assert isinstance(app, LoopdeckApp) and app.board is not None
    pid = next(r.process_id for r in app.board.rows if r.loop.process.company == company)
    app.main.select_loop(pid)
    await pilot.pause()
    return pid


async def open_prep(pilot: Pilot[None], company: str) -> str:
    """Put the cursor on `company`'s loop and open its prep view; the loop's process id."""
    pid = await open_on(pilot, company)
    await pilot.press("p")
    await settle(pilot)
    assert isinstance(pilot.app.screen, PrepScreen)
    return pid


async def open_next_steps(pilot: Pilot[None]) -> NextStepsScreen:
    """Wait for the board, press `n` and wait for the next-steps screen; that screen."""
    await settle(pilot)
    await pilot.press("n")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, NextStepsScreen)
    return screen


async def type_text(pilot: Pilot[None], text: str) -> None:
    """Put `text` into the focused input at the cursor, as a paste does: one change.

    Pressing it key by key costs a screen update per character (seconds per
    test); what these tests check is what the app does with the text. The
    input posts its Changed message as for typed text. Without a focused
    input, the keys are pressed.
    """
    focused = pilot.app.focused
    if isinstance(focused, Input):
        focused.insert_text_at_cursor(text)
        await pilot.pause()
    else:
        await pilot.press(*text)


def stored_loops(path: Path) -> list[Loop]:
    """The loops as a fresh repository reads them from disk."""
    return Repository.open(path).loops(include_closed=True)


def stored(path: Path, company: str) -> Loop:
    return next(loop for loop in stored_loops(path) if loop.process.company == company)


def screen_text(app: LoopdeckApp) -> str:
    """What the terminal shows now, as plain lines (read from the app's own SVG export)."""
    svg = app.export_screenshot()
    lines: dict[float, list[tuple[float, str]]] = {}
    for x, y, text in re.findall(r'<text[^>]* x="([\d.]+)" y="([\d.]+)"[^>]*>([^<]*)</text>', svg):
        lines.setdefault(float(y), []).append((float(x), html.unescape(text).replace("\xa0", " ")))
    return "\n".join("".join(t for _, t in sorted(parts)) for _, parts in sorted(lines.items()))
