"""The main screen's footer: its keys drawn as one line, by one widget.

Textual's `Footer` is a container with a widget per key, and it builds them all
again whenever the screen's keys change: a dozen widgets mounted and styled for
the first frame, the lot again when the file's editing keys join, then a second
layout. This draws the same line as Textual's compact footer from the screen's
active bindings (`tests/app/test_key_bar.py` holds the two equal): a change of
keys is a repaint of one line, with no widget mounted and no layout. On the busy
bench file the app's main thread used 417 -> 363 ms and 494 -> 451 ms of CPU
until usable (medians of 8 and 12 starts, the two footers alternating). A click
runs the key as Textual's footer does; the key under the mouse is lit and shows
its tooltip. A key that does not fit whole is left out (help lists every key);
Textual's footer would scroll sideways.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual import events
from textual.screen import Screen
from textual.widget import Widget


@dataclass(frozen=True)
class Key:
    """A key as the bar draws it (the first key of each action the screen shows)."""

    key: str
    display: str
    description: str
    enabled: bool
    tooltip: str


@dataclass(frozen=True)
class Span:
    """Where a key sits on the bar, in cells from its left edge."""

    start: int
    end: int
    key: Key


class KeyBar(Widget):
    """The keys of the screen it is on, in one line at the bottom."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "key-bar--key",
        "key-bar--description",
        "key-bar--hover",
        "key-bar--edge",
    }
    # Textual's compact footer, in the same theme variables.
    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: 1;
        color: $footer-foreground;
        background: $footer-background;
        .key-bar--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        .key-bar--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        .key-bar--hover {
            color: $footer-key-foreground;
            background: $block-hover-background;
        }
        .key-bar--edge {
            color: $foreground 20%;
        }
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._keys: tuple[Key, ...] = ()
        self._palette: Key | None = None
        self._spans: list[Span] = []
        self._hover: Key | None = None

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self._bindings_changed(self.screen)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen[object]) -> None:
        """Repaint when the keys the screen offers changed (and only then)."""
        if screen is not self.screen:
            return
        keys, palette = self._read_keys()
        if (keys, palette) != (self._keys, self._palette):
            self._keys, self._palette = keys, palette
            self.refresh()

    def _read_keys(self) -> tuple[tuple[Key, ...], Key | None]:
        """What Textual's footer would show: the first shown binding of each action,
        in order, and the command palette's key apart (drawn at the right)."""
        app = self.app
        active = self.screen.active_bindings
        seen: set[str] = set()
        keys: list[Key] = []
        for _node, binding, enabled, tooltip in active.values():
            if not binding.show or binding.action in seen:
                continue
            seen.add(binding.action)
            display = app.get_key_display(binding)
            keys.append(Key(binding.key, display, binding.description, enabled, tooltip))
        palette = None
        if app.ENABLE_COMMAND_PALETTE and (found := active.get(app.COMMAND_PALETTE_BINDING)):
            _node, binding, enabled, tooltip = found
            palette = Key(
                binding.key,
                app.get_key_display(binding),
                binding.description,
                enabled,
                binding.tooltip or binding.description,
            )
        return tuple(keys), palette

    def render(self) -> Text:
        key_style = self.get_component_rich_style("key-bar--key")
        description_style = self.get_component_rich_style("key-bar--description")
        line = Text(no_wrap=True, overflow="crop", end="")
        spans: list[Span] = []
        width = self.size.width
        right = self._item_width(self._palette) + 2 if self._palette is not None else 0
        for key in self._keys:
            cells = self._item_width(key)
            if line.cell_len + cells > width - right:
                break  # Textual's footer scrolls sideways; help (?) lists every key
            start = line.cell_len
            self._append(line, key, key_style, description_style)
            spans.append(Span(start, line.cell_len, key))
            line.append(" ")
        if self._palette is not None and width >= right:
            line.append(" " * (width - right - line.cell_len))
            line.append("▏", self.get_component_rich_style("key-bar--edge"))
            start = line.cell_len
            self._append(line, self._palette, key_style, description_style)
            spans.append(Span(start, line.cell_len, self._palette))
            line.append(" ")
        self._spans = spans
        return line

    @staticmethod
    def _item_width(key: Key) -> int:
        described = cell_len(key.description) + 1 if key.description else 0
        return cell_len(key.display) + described

    def _append(self, line: Text, key: Key, key_style: Style, description_style: Style) -> None:
        """One key as Textual's compact footer draws it: dim when disabled, lit under the mouse."""
        extra = Style(dim=True) if not key.enabled else Style()
        if key == self._hover:
            extra += self.get_component_rich_style("key-bar--hover")
        line.append(key.display, key_style + extra)
        if key.description:
            line.append(" " + key.description, description_style + extra)

    def _key_at(self, x: int) -> Key | None:
        return next((span.key for span in self._spans if span.start <= x < span.end), None)

    def on_mouse_move(self, event: events.MouseMove) -> None:
        key = self._key_at(event.x)
        if key != self._hover:
            self._hover = key
            self.tooltip = key.tooltip if key is not None else None
            self.refresh()

    def on_leave(self) -> None:
        if self._hover is not None:
            self._hover = None
            self.tooltip = None
            self.refresh()

    def on_mouse_down(self, event: events.MouseDown) -> None:
        key = self._key_at(event.x)
        if key is None:
            return
        if key.enabled:
            self.app.simulate_key(key.key)
        else:
            self.app.bell()
