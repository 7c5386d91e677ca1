"""The app's colour themes and the styles of owner badges and signals.

Badges and signals are drawn as Rich text inside tables and panes, where CSS
variables do not reach, so their styles are derived from the active theme here:
switching themes recolours them along with everything else.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.style import Style
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
    """The badge and signal styles that match `theme`'s colours."""
    fg = theme.foreground or ("#DDE3EA" if theme.dark else "#1E2329")
    bg = theme.background or ("#15191F" if theme.dark else "#FFFFFF")
    accent = theme.accent or theme.primary
    secondary = theme.secondary or theme.primary
    warning = theme.warning or accent
    error = theme.error or warning
    success = theme.success or theme.primary
    return Palette(
        owner={
            Owner.ME: Style(color=bg, bgcolor=accent, bold=True),
            Owner.RECRUITER: Style(color=bg, bgcolor=theme.primary, bold=True),
            Owner.HIRING_MANAGER: Style(color=bg, bgcolor=secondary, bold=True),
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
