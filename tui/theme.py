"""The app's colour themes and the styles of owner badges and signals.

Badges and signals are drawn as Rich text inside tables and panes, where CSS
variables do not reach, so their styles are derived from the active theme here:
switching themes recolours them along with everything else.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.style import Style
from textual.color import Color
from textual.theme import Theme

from planner.signals import Owner, Signal

LOOPDECK_DARK = Theme(
    name="loopdeck-dark",
    primary="#5FA8D3",
    secondary="#C792EA",
    accent="#F2C14E",
    warning="#F29E4C",
    error="#E5566B",
    success="#7BC67E",
    foreground="#DDE3EA",
    background="#15191F",
    surface="#1C2128",
    panel="#262D36",
    dark=True,
)

LOOPDECK_LIGHT = Theme(
    name="loopdeck-light",
    primary="#1F6FA8",
    secondary="#8245B5",
    accent="#B07A00",
    warning="#C25E00",
    error="#B3263A",
    success="#2E7D32",
    foreground="#1E2329",
    background="#F7F7F4",
    surface="#EDEDE8",
    panel="#E1E1DA",
    dark=False,
)

THEMES = (LOOPDECK_DARK, LOOPDECK_LIGHT)
DEFAULT_THEME = LOOPDECK_DARK.name

OWNER_SHORT = {Owner.RECRUITER: "REC", Owner.HIRING_MANAGER: "HM", Owner.ME: "ME"}
SIGNAL_LABEL = {
    Signal.OVERDUE: "overdue",
    Signal.MISSED: "missed",
    Signal.COOLING: "cooling",
    Signal.FOLLOW_UP: "follow up",
    Signal.DUE_TODAY: "due today",
    Signal.DUE_SOON: "due soon",
    Signal.RACING: "racing",
    Signal.OK: "ok",
    Signal.PAUSED: "paused",
}


@dataclass(frozen=True)
class Palette:
    """Rich styles for one theme: what a badge or a signal looks like."""

    owner: dict[Owner, Style]
    signal: dict[Signal, Style]
    muted: Style
    heading: Style


def palette_for(theme: Theme) -> Palette:
    """The badge and signal styles that match `theme`'s colours.

    Colours go through Textual's parser, which knows the ANSI names of the
    terminal-coloured themes ("ansi_blue", "ansi_default") that Rich does not.
    The badges are kept apart from the tint of the board's row under the
    cursor (`row_cursor`), where they would otherwise fade into the row.
    """

    def colour(value: str | None, fallback: str) -> Color:
        return Color.parse(value or fallback)

    fg_colour = colour(theme.foreground, "#DDE3EA" if theme.dark else "#1E2329")
    bg_colour = colour(theme.background, "#15191F" if theme.dark else "#FFFFFF")
    cursor = row_cursor(theme)

    def badge(value: str | None) -> Style:
        return badge_style(colour(value, theme.primary), cursor, fg_colour, bg_colour)

    fg = fg_colour.rich_color
    accent = colour(theme.accent, theme.primary).rich_color
    warning = colour(theme.warning or theme.accent, theme.primary).rich_color
    error = colour(theme.error or theme.warning or theme.accent, theme.primary).rich_color
    success = colour(theme.success, theme.primary).rich_color
    return Palette(
        owner={
            Owner.ME: badge(theme.accent),
            Owner.RECRUITER: badge(theme.primary),
            Owner.HIRING_MANAGER: badge(theme.secondary),
        },
        signal={
            Signal.OVERDUE: Style(color=error, bold=True),
            Signal.MISSED: Style(color=error, underline=True),
            Signal.COOLING: Style(color=error),
            Signal.FOLLOW_UP: Style(color=warning),
            Signal.DUE_TODAY: Style(color=warning, bold=True),
            Signal.DUE_SOON: Style(color=warning, bold=True),
            Signal.RACING: Style(color=success, bold=True),
            Signal.OK: Style(color=fg, dim=True),
            Signal.PAUSED: Style(color=fg, dim=True, italic=True),
        },
        muted=Style(color=fg, dim=True),
        heading=Style(color=accent, bold=True),
    )


ROW_CURSOR_TINT = 0.3
"""How much of the primary colour tints the board's row under the cursor: app.tcss's
`#processes:focus > .datatable--cursor` says `$primary 30%`, the same."""
BADGE_CONTRAST = 1.8
"""The least contrast (WCAG ratio) between a badge and the cursor row's tint, with room
for the focused table's own faint tint over its surface."""


def row_cursor(theme: Theme) -> Color:
    """The colour of the board's row under the cursor: the primary colour over the surface."""
    surface = Color.parse(theme.to_color_system().generate()["surface"])
    return surface.blend(Color.parse(theme.primary), ROW_CURSOR_TINT)


def badge_style(colour: Color, cursor: Color, fg: Color, bg: Color) -> Style:
    """A badge in `colour`, lightened or darkened away from the `cursor` row until it stands
    out there, its text in whichever of the theme's `bg` and `fg` reads better on it.

    A terminal-coloured (ANSI) theme leaves colours to the terminal: taken as they are.
    """
    if colour.ansi is None and cursor.ansi is None:
        lighter = colour.brightness >= cursor.brightness
        for _ in range(12):
            if contrast(colour, cursor) >= BADGE_CONTRAST:
                break
            colour = colour.lighten(0.05) if lighter else colour.darken(0.05)
    text = bg if colour.ansi is not None or contrast(bg, colour) >= contrast(fg, colour) else fg
    return Style(color=text.rich_color, bgcolor=colour.rich_color, bold=True)


def contrast(a: Color, b: Color) -> float:
    """The WCAG contrast ratio of two colours: 1 (the same) to 21 (black on white)."""
    low, high = sorted((_luminance(a), _luminance(b)))
    return (high + 0.05) / (low + 0.05)


def _luminance(colour: Color) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = colour.rgb
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
