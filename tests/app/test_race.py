"""A change written to the file while a form is open survives the form's save.

The form was opened on the loop as it was; another window (a second
repository on the same file) puts the loop on hold meanwhile; the app's
watcher reloads; the form saves an owner override. The change writes only
the fields it is about, so the loop stays on hold.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from apphelp import TODAY, make_app, open_on, settle, stored
from textual.widgets import Input, Select

from planner.changes.status import hold_loop
from planner.models import Owner, ProcessStatus
from storage.repository import Repository
from tui.screens.owner_form import OwnerForm

LOOP = "Kestrel Grid"


async def test_a_hold_written_elsewhere_survives_saving_the_owner_form(demo_db: Path) -> None:
    app = make_app(demo_db, watch_interval=0.1)
    async with app.run_test(size=(120, 40)) as pilot:
        pid = await open_on(pilot, LOOP)
        await pilot.press("o")
        assert isinstance(app.screen, OwnerForm)
        app.screen.query_one("#field-owner_override", Select).value = Owner.ME.value
        app.screen.query_one("#field-override_note", Input).value = "I owe them the slides"

        other_window = Repository.open(demo_db)
        other_window.apply(hold_loop(other_window.loop(pid), TODAY))
        for _ in range(50):  # the watcher notices the file changed and reloads
            await asyncio.sleep(0.05)
            await pilot.pause()
            row = app.board.row(pid) if app.board else None
            if row is not None and row.loop.process.status == ProcessStatus.ON_HOLD:
                break
        else:
            raise AssertionError("the app never reloaded the file")
        assert isinstance(app.screen, OwnerForm), "the reload left the form open"

        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, OwnerForm)

    process = stored(demo_db, LOOP).process
    assert process.status == ProcessStatus.ON_HOLD, "the hold written meanwhile survived"
    assert (process.owner_override, process.override_note) == (Owner.ME, "I owe them the slides")
