"""A sync holds the data file's lock for as long as git takes: no key waits for it.

The test holds the session's lock from another thread (as a slow sync does)
and presses the keys that read the file: each screen opens at once with its
loading line and fills in once the lock is let go.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from apphelp import make_app, open_on, screen_text, settle
from textual.pilot import Pilot

from planner.offers import Offer, money
from storage.repository import Repository
from tui.app import LoopdeckApp
from tui.screens.conflicts_view import ConflictsScreen
from tui.screens.insight import LOADING
from tui.screens.offers_view import OffersScreen
from tui.screens.prep_view import PrepScreen

ANSWER_S = 3.0
"""A key answers well within this even on a busy machine, while the lock is held for 10 s."""


@pytest.fixture
def gate() -> Iterator[threading.Event]:
    event = threading.Event()
    yield event
    event.set()  # never leave a thread holding the lock behind


def hold_the_lock(app: LoopdeckApp, gate: threading.Event) -> threading.Thread:
    """A thread that takes the session's lock (as `Session.sync` does) until `gate` is set."""
    held = threading.Event()

    def slow_sync() -> None:
        def wait(_repo: Repository) -> None:
            held.set()
            gate.wait(10)

        assert app.session is not None
        app.session.read(wait)

    thread = threading.Thread(target=slow_sync, daemon=True)
    thread.start()
    assert held.wait(5)
    return thread


async def timed_press(pilot: Pilot[None], key: str) -> float:
    start = time.monotonic()
    await pilot.press(key)
    await pilot.pause()
    return time.monotonic() - start


async def test_prep_opens_while_a_sync_holds_the_lock_and_fills_in_after(
    demo_db: Path, gate: threading.Event
) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_on(pilot, "Kestrel Grid")
        thread = hold_the_lock(app, gate)
        assert await timed_press(pilot, "p") < ANSWER_S
        assert isinstance(app.screen, PrepScreen)
        assert LOADING in screen_text(app)
        assert app.screen.data is None
        await pilot.press("a")  # an edit key on a view still reading says so, opens nothing
        assert isinstance(app.screen, PrepScreen)
        gate.set()
        thread.join(5)
        await settle(pilot)
        assert app.screen.data is not None
        text = screen_text(app)
        assert LOADING not in text and "Questions for the hiring manager" in text


async def test_conflicts_open_while_a_sync_holds_the_lock(
    demo_db: Path, gate: threading.Event
) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        thread = hold_the_lock(app, gate)
        assert await timed_press(pilot, "K") < ANSWER_S
        assert isinstance(app.screen, ConflictsScreen)
        assert "Reading the file" in screen_text(app)
        gate.set()
        thread.join(5)
        await settle(pilot)
        assert "No kept conflicts" in screen_text(app)


async def test_offers_and_the_funnel_need_no_lock_at_all(
    demo_db: Path, gate: threading.Event
) -> None:
    offers = [o for o in Repository.open(demo_db).records(Offer) if o.status.is_open]
    app = make_app(demo_db)
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(pilot)
        thread = hold_the_lock(app, gate)
        assert await timed_press(pilot, "$") < ANSWER_S
        assert isinstance(app.screen, OffersScreen)
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        text = screen_text(app)
        assert all(money(o.first_year, o.currency) in text for o in offers)
        await pilot.press("escape", "f")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert "Pass-through per stage" in screen_text(app)
        assert thread.is_alive(), "all this while the lock was still held"
