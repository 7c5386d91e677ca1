"""The main screen's key bar draws what Textual's compact footer draws, as one widget.

Each test app has a screen with keys shown, greyed out (`check_action` None),
hidden (False) and `show=False`, the app's quit key and the command palette's.
"""

from __future__ import annotations

import re

import pytest
from rich.style import Style
from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Static

from tui.widgets.key_bar import KeyBar


class Keys(Screen[None]):
    BINDINGS = [  # noqa: RUF012 (typed by Screen)
        Binding("a", "add", "Add", tooltip="Add a loop"),
        Binding("n", "note('n')", "Next"),
        Binding("slash", "note('slash')", "Filter"),
        Binding("u", "undo", "Undo"),
        Binding("p", "note('p')", "Prep", show=False),
        Binding("x", "hidden", "Hidden"),
        Binding("question_mark", "note('help')", "Help"),
    ]

    def __init__(self, bar: bool) -> None:
        super().__init__()
        self.bar = bar
        self.undo_ready = False
        self.pressed: list[str] = []

    def compose(self) -> ComposeResult:
        yield Static("body")
        yield KeyBar() if self.bar else Footer(compact=True)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "undo":
            return True if self.undo_ready else None
        return action != "hidden"

    def action_add(self) -> None:
        self.pressed.append("add")

    def action_undo(self) -> None:
        self.pressed.append("undo")

    def action_note(self, what: str) -> None:
        self.pressed.append(what)


class KeysApp(App[None]):
    BINDINGS = [Binding("q", "quit", "Quit")]  # noqa: RUF012 (typed by App)

    def __init__(self, bar: bool, theme: str = "textual-dark") -> None:
        super().__init__()
        self.bar = bar
        self.start_theme = theme
        self.bells = 0

    def on_mount(self) -> None:
        self.theme = self.start_theme
        self.push_screen(Keys(self.bar))

    def bell(self) -> None:
        self.bells += 1

    @property
    def keys(self) -> Keys:
        assert isinstance(self.screen, Keys)
        return self.screen


def dimmed(line: Text) -> str:
    """The text of the bar drawn dim (greyed out)."""
    return "".join(
        line.plain[span.start : span.end]
        for span in line.spans
        if isinstance(span.style, Style) and span.style.dim
    )


async def screenshot(bar: bool, theme: str, size: tuple[int, int]) -> str:
    """The screen as SVG, without the id Rich derives from every segment's metadata
    (each of the footer's key widgets numbers its cells from its own left edge)."""
    app = KeysApp(bar, theme)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        svg = app.export_screenshot()
    return re.sub(r"terminal-\d+", "terminal", svg)


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light"])
@pytest.mark.parametrize("size", [(120, 4), (64, 4)])
async def test_the_bar_looks_like_textuals_compact_footer(
    theme: str, size: tuple[int, int]
) -> None:
    footer = await screenshot(False, theme, size)
    assert "Undo" in footer and "palette" in footer and "Hidden" not in footer
    assert await screenshot(True, theme, size) == footer


async def test_a_click_runs_the_key_and_a_greyed_out_key_rings_the_bell() -> None:
    app = KeysApp(bar=True)
    async with app.run_test(size=(120, 4)) as pilot:
        await pilot.pause()
        line = app.screen.query_one(KeyBar).render().plain
        await pilot.click(KeyBar, offset=(line.index("Add"), 0))
        await pilot.click(KeyBar, offset=(line.index("Undo"), 0))
        await pilot.pause()
        assert app.keys.pressed == ["add"]
        assert app.bells == 1


async def test_keys_that_change_are_repainted_in_place() -> None:
    app = KeysApp(bar=True)
    async with app.run_test(size=(120, 4)) as pilot:
        await pilot.pause()
        bar = app.screen.query_one(KeyBar)
        assert "Undo" in dimmed(bar.render())

        app.keys.undo_ready = True
        app.keys.refresh_bindings()
        await pilot.pause()

        assert list(app.screen.query(KeyBar)) == [bar]  # the same widget, nothing remounted
        after = bar.render()
        assert dimmed(after) == ""
        await pilot.click(KeyBar, offset=(after.plain.index("Undo"), 0))
        await pilot.pause()
        assert app.keys.pressed == ["undo"]


async def test_the_key_under_the_mouse_shows_its_tooltip() -> None:
    app = KeysApp(bar=True)
    async with app.run_test(size=(120, 4)) as pilot:
        await pilot.pause()
        bar = app.screen.query_one(KeyBar)
        await pilot.hover(KeyBar, offset=(bar.render().plain.index("Add"), 0))
        await pilot.pause()
        assert bar.tooltip == "Add a loop"
        await pilot.hover(Static, offset=(0, 0))
        await pilot.pause()
        assert bar.tooltip is None


async def test_a_narrow_bar_leaves_out_the_keys_that_do_not_fit_whole() -> None:
    app = KeysApp(bar=True)
    async with app.run_test(size=(30, 4)) as pilot:
        await pilot.pause()
        line = app.screen.query_one(KeyBar).render().plain
        assert len(line) <= 30
        assert line.startswith("a Add n Next ")
        assert "Help" not in line and line.rstrip().endswith("^p palette")
