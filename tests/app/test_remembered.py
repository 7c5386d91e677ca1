"""The theme picked and the last loop selected come back at the next start, from the user's
config folder; the data file never holds them."""

from __future__ import annotations

import json
from pathlib import Path

from apphelp import make_app, open_on, settle

from tui.widgets.processes_table import ProcessesTable


async def test_theme_and_selected_loop_come_back_at_the_next_start(
    demo_db: Path, private_config: Path
) -> None:
    before = demo_db.read_bytes()
    app = make_app(demo_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.theme = "nord"
        await pilot.pause()
        pid = await open_on(pilot, "Orchard Vector")  # after the theme: kept when quitting
        await pilot.press("q")
    assert demo_db.read_bytes() == before
    saved = json.loads((private_config / "remembered.json").read_text(encoding="utf-8"))
    assert saved == {"loop": pid, "theme": "nord"}

    again = make_app(demo_db)
    async with again.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert again.theme == "nord"
        assert again.main.selected_id == pid
        table = again.main.query_one("#processes", ProcessesTable)
        assert table.highlighted == pid and table.cursor_row > 0


async def test_a_loop_that_is_gone_or_a_damaged_file_starts_as_usual(
    demo_db: Path, private_config: Path
) -> None:
    path = private_config / "remembered.json"
    for content in ('{"loop": "no-such-loop", "theme": "no-such-theme"}', "{not json", "[]"):
        path.write_text(content, encoding="utf-8")
        app = make_app(demo_db)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            table = app.main.query_one("#processes", ProcessesTable)
            assert table.cursor_row == 0 and app.main.selected_id is not None
            assert app.theme == "loopdeck-dark"
