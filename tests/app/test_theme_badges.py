"""Owner badges stand out on the board's row under the cursor, in every theme the app offers."""

from __future__ import annotations

from pathlib import Path

import pytest
from apphelp import make_app, settle
from textual.color import Color

from tui.theme import contrast
from tui.widgets.processes_table import ProcessesTable

LEAST = 1.5
"""The WCAG contrast a badge keeps against the cursor row (the same colour scores 1)."""


@pytest.mark.slow
async def test_every_themes_badges_stand_out_on_the_selected_row(demo_db: Path) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        table = app.main.query_one("#processes", ProcessesTable)
        assert table.has_focus
        checked = []
        for name, theme in sorted(app.available_themes.items()):
            app.theme = name
            await pilot.pause()
            palette = app.main.palette
            if Color.parse(theme.primary).ansi is not None:
                continue  # the terminal's own colours: nothing to measure here
            cursor = table.get_component_rich_style("datatable--cursor").bgcolor
            assert cursor is not None
            for owner, style in palette.owner.items():
                assert style.bgcolor is not None
                badge = Color.from_rich_color(style.bgcolor)
                ratio = contrast(badge, Color.from_rich_color(cursor))
                assert ratio >= LEAST, (name, owner, badge.hex, ratio)
            checked.append(name)
        assert {"nord", "loopdeck-dark", "loopdeck-light"} <= set(checked)


async def test_the_terminal_coloured_themes_open_without_a_crash(demo_db: Path) -> None:
    """Their colours are ANSI names ("ansi_blue") that only Textual's parser knows."""
    app = make_app(demo_db)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        ansi = [n for n, t in app.available_themes.items() if Color.parse(t.primary).ansi]
        assert ansi
        for name in ansi:
            app.theme = name
            await settle(pilot)
            assert app.main.palette.owner
            assert app.is_running
