"""The top line: how the whole search is going, at a glance."""

from __future__ import annotations

from rich.console import RenderableType
from rich.table import Table
from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

from planner.signals import Owner
from tui.theme import Palette
from tui.views import Summary


class SummaryBar(Widget):
    """Active loops, whose court each loop's state is in, cooling loops, my to-dos, today's date."""

    summary: reactive[Summary | None] = reactive(None)
    palette: reactive[Palette | None] = reactive(None)
    sync_status: reactive[str] = reactive("")
    """"Syncing…" while a sync runs, then its last line, so the result stays in sight."""

    def render(self) -> RenderableType:
        summary, palette = self.summary, self.palette
        if summary is None or palette is None:
            return Text(" loopdeck  loading…")
        left = Text.assemble(
            (" loopdeck ", palette.heading),
            f" {summary.active} active ",
            (" ME ", palette.owner[Owner.ME]),
            f" {summary.on_me}  ",
            (" REC ", palette.owner[Owner.RECRUITER]),
            f" {summary.on_recruiter}  ",
            (" HM ", palette.owner[Owner.HIRING_MANAGER]),
            f" {summary.on_hiring_manager}",
            (" · to-dos ", palette.muted),
            f"{summary.todos} ",
            ("cooling ", palette.muted),
            str(summary.cooling),
        )
        day = "%a %d %b %Y " if self.size.width >= 90 else "%a %d %b "  # the counts come first
        right = Text(summary.today.strftime(day), style=palette.muted)
        if self.sync_status:
            right = Text.assemble((f"{self.sync_status}  ", palette.heading), right)
        grid = Table.grid(expand=True)
        grid.add_column(justify="left", no_wrap=True, overflow="ellipsis")
        grid.add_column(justify="right", no_wrap=True)
        grid.add_row(left, right)
        return grid
