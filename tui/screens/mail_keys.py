"""The main screen's keys for mail: the intake box (`i`) and the draft of a loop (`M`).

Both end like every editing key: a `Patch` (the invite or mail read into its
loop; a draft logged as sent) that the app writes as one undo step. The next
steps screen opens its drafts here too (`open_draft`), with the card's thread.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from tui.screens.edit_keys import NO_LOOP, EditKeys

if TYPE_CHECKING:
    from planner.changes.base import Patch
    from planner.models import Loop
    from planner.steps import Thread


class MailKeys(EditKeys):
    """The intake and draft actions of the main screen."""

    def action_intake(self) -> None:
        self.with_closed(self._open_intake)

    def with_closed(self, then: Callable[[], object]) -> None:
        raise NotImplementedError

    def _open_intake(self) -> None:
        """The box matches an invite or a mail against every loop's people, closed ones too."""
        from tui.screens.intake_box import IntakeBox

        board = self.loopdeck.board
        if not self.writable() or board is None:
            return
        row = self.selected_row()
        loops = [r.loop for r in board.rows]
        box = IntakeBox(loops, self.loopdeck.today, row.process_id if row else None)
        self.app.push_screen(box, self._apply_intake)

    def _apply_intake(self, patch: Patch | None) -> None:
        """The cursor goes to the loop the invite or mail was read into."""
        self.applier(patch.focus if patch else None)(patch)

    def action_draft(self) -> None:
        row = self.selected_row()
        if row is None:
            self.notify(NO_LOOP, severity="warning")
            return
        self.open_draft(row.loop, row.step)

    def open_draft(self, loop: Loop, thread: Thread | None) -> None:
        """The draft `thread` calls for (`planner.drafts.suggested_kind`), over any screen."""
        from planner.drafts import suggested_kind
        from planner.pacing import open_deadlines
        from storage.drafttemplates import read_template
        from tui.screens.draft_screen import DraftScreen

        board, today = self.loopdeck.board, self.loopdeck.today
        if board is None:
            return
        active = [r.loop for r in board.rows if not r.closed]
        screen = DraftScreen(
            loop,
            today,
            suggested_kind(loop, thread, today),
            settings=board.settings,
            deadlines=open_deadlines(active, board.offers, today),
            about=thread.about_process_id if thread else None,
            templates=read_template,
        )
        self.app.push_screen(screen, self.applier(loop.process.id))
