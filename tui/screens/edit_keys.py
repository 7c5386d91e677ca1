"""The main screen's keys that change the file: each opens a form on the selected loop.

A form collects its fields and hands them to a change in `planner.changes`
together with the loop it was opened on; what comes back is a `Patch`, which
the app writes as one undo step (`LoopdeckApp.apply`). No rule lives here:
which round `d` marks, what closing writes, who decided by default, which
person may be deleted, all of it is the change's, as it is for the command line.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, cast

from textual.screen import Screen

if TYPE_CHECKING:
    from planner.changes.base import Patch, Refused
    from planner.models import Contact, Event, Loop, Round
    from planner.pacing import Deadline
    from planner.quickadd import LoopDraft
    from tui.app import LoopdeckApp
    from tui.board import BoardRow
    from tui.screens.conflicts_view import Choice
    from tui.widgets.loop_pane import LoopPane


NO_LOOP = "Select a loop first (add one with a)."
"""What a key about the selected loop says when no loop is selected."""


class EditKeys(Screen[None]):
    """The editing actions of a screen that has a selected loop (`MainScreen`)."""

    @property
    def loopdeck(self) -> LoopdeckApp:
        return cast("LoopdeckApp", self.app)

    def selected_row(self) -> BoardRow | None:
        raise NotImplementedError

    def writable(self) -> bool:
        """False (after saying why) when the file is read-only."""
        board = self.loopdeck.board
        reason = board.read_only if board else None
        if reason is not None:
            self.notify(f"Nothing was changed: {reason}", severity="warning", timeout=6)
            return False
        return True

    def editable_loop(self) -> Loop | None:
        """The selected loop for an editing key, or None after saying what is missing."""
        if not self.writable():
            return None
        row = self.selected_row()
        if row is None:
            self.notify(NO_LOOP, severity="warning")
            return None
        return row.loop

    def applier(self, process_id: str | None) -> Callable[[Patch | None], None]:
        """A form's callback: write the patch it returned, the cursor staying on the loop."""

        def apply(patch: Patch | None) -> None:
            if patch is None or not self.writable():
                return
            if patch.empty:
                self.notify(f"{patch.summary}: nothing to save.", timeout=3)
                return
            self.loopdeck.apply(patch, process_id)

        return apply

    def action_add_loop(self) -> None:
        from planner.changes.loops import add_loop
        from planner.quickadd import LOOP_EXAMPLE, LoopDraft, parse_loop
        from tui.screens.quick_line import QuickLineScreen
        from tui.widgets.previews import loop_preview

        board = self.loopdeck.board
        if not self.writable() or board is None:
            return
        today, settings = self.loopdeck.today, board.settings
        existing = [row.loop.process for row in board.rows]

        def change(draft: LoopDraft, again: bool) -> Patch:
            return add_loop(draft, today, existing, again=again, settings=settings)

        screen = QuickLineScreen[LoopDraft](
            "New loop",
            LOOP_EXAMPLE,
            lambda line: parse_loop(line, today),
            lambda draft: loop_preview(draft, settings),
            change,
        )
        self.app.push_screen(screen, self._apply_focused)

    def _apply_focused(self, patch: Patch | None) -> None:
        """A new loop's patch: the cursor goes to the loop it is about."""
        self.applier(patch.focus if patch else None)(patch)

    def action_add_round(self) -> None:
        from planner.changes.rounds import add_round
        from planner.quickadd import ROUND_EXAMPLE, RoundDraft, parse_round
        from tui.screens.quick_line import QuickLineScreen
        from tui.widgets.previews import round_preview

        loop, board = self.editable_loop(), self.loopdeck.board
        if loop is None or board is None:
            return
        today, settings = self.loopdeck.today, board.settings
        screen = QuickLineScreen[RoundDraft](
            f"New round for {loop.process.title}",
            ROUND_EXAMPLE,
            lambda line: parse_round(line, today),
            lambda draft: round_preview(draft, settings),
            lambda draft, _again: add_round(loop, today, draft, settings),
        )
        self.app.push_screen(screen, self.applier(loop.process.id))

    def action_add_contact(self) -> None:
        from tui.screens.contact_form import ContactForm

        if loop := self.editable_loop():
            form = ContactForm(loop, self.loopdeck.today)
            self.app.push_screen(form, self.applier(loop.process.id))

    def action_log(self) -> None:
        from tui.screens.log_form import LogForm

        if loop := self.editable_loop():
            self.app.push_screen(LogForm(loop, self.loopdeck.today), self.applier(loop.process.id))

    def action_done(self) -> None:
        from planner.changes.base import Refused
        from planner.changes.done import round_to_mark
        from tui.screens.done_form import DoneForm

        loop = self.editable_loop()
        if loop is None:
            return
        today = self.loopdeck.today
        try:
            round_ = round_to_mark(loop, today)
        except Refused as refusal:
            self.notify(f"{refusal}.", severity="warning")
            return
        self.app.push_screen(DoneForm(loop, round_, today), self.applier(loop.process.id))

    def action_edit(self) -> None:
        from tui.screens.process_form import ProcessForm

        if loop := self.editable_loop():
            form = ProcessForm(loop, self.loopdeck.today)
            self.app.push_screen(form, self.applier(loop.process.id))

    def action_owner(self) -> None:
        from tui.screens.owner_form import OwnerForm

        if loop := self.editable_loop():
            form = OwnerForm(loop, self.loopdeck.today)
            self.app.push_screen(form, self.applier(loop.process.id))

    def action_offer(self) -> None:
        from tui.screens.offer_form import OfferForm

        loop, board = self.editable_loop(), self.loopdeck.board
        if loop is not None and board is not None:
            form = OfferForm(loop, board.offers, self.loopdeck.today)
            self.app.push_screen(form, self.applier(loop.process.id))

    def action_told(self) -> None:
        from planner.changes.told import tell
        from tui import insights
        from tui.screens.told_picker import ToldPicker

        loop, board = self.editable_loop(), self.loopdeck.board
        if loop is None or board is None:
            return
        today = self.loopdeck.today
        deadlines = insights.untold_deadlines(board, loop, today)
        apply = self.applier(loop.process.id)

        def told(deadline: Deadline | None) -> None:
            if deadline is not None:
                self._try(lambda: tell(loop, today, deadline), apply)

        if not deadlines:
            self.notify(f"{loop.process.title}: no other offer deadline left to pass on.")
        elif len(deadlines) == 1:
            told(deadlines[0])
        else:
            self.app.push_screen(ToldPicker(loop, deadlines, today), told)

    def action_did(self) -> None:
        from planner.changes.todos import open_promises
        from tui.screens.promise_picker import PromisePicker

        loop = self.editable_loop()
        if loop is None:
            return
        promises = open_promises(loop)
        if not promises:
            self.notify(f"{loop.process.title}: no open promise to tick off.")
        elif len(promises) == 1:
            self.tick_off(loop, promises[0])
        else:

            def chosen(promise: Event | None) -> None:
                if promise is not None:
                    self.tick_off(loop, promise)

            self.app.push_screen(PromisePicker(loop, promises), chosen)

    def tick_off(self, loop: Loop, promise: Event) -> None:
        """Mark one open promise of `loop` done today, as `loopdeck did` does: one undo step."""
        from planner.changes.todos import tick_off
        from planner.handles import handles

        if not self.writable():
            return
        today, handle = self.loopdeck.today, handles(loop).of(promise.id)
        self._try(lambda: tick_off(loop, today, handle), self.applier(loop.process.id))

    def action_close_loop(self) -> None:
        from tui.screens.close_form import CloseForm

        if loop := self.editable_loop():
            form = CloseForm(loop, self.loopdeck.today)
            self.app.push_screen(form, self.applier(loop.process.id))

    def action_undo(self) -> None:
        if self.writable():
            self.loopdeck.undo()

    def action_sync(self) -> None:
        if self.writable():
            self.loopdeck.main.sync_status("syncing…")
            self.loopdeck.sync()

    def action_conflicts(self) -> None:
        from tui.screens.conflicts_view import ConflictsScreen

        def chosen(choice: Choice | None) -> None:
            if choice is not None and self.writable():
                self.loopdeck.resolve(*choice)

        screen = ConflictsScreen()
        self.app.push_screen(screen, chosen)
        self.loopdeck.read(lambda session: session.conflicts(), screen.fill)

    # The items of the timeline and contact panes (Tab to them).

    def on_loop_pane_item_chosen(self, message: LoopPane.ItemChosen) -> None:
        """Enter edits the item in its form, `m` moves a round, `x` deletes after a confirm."""
        from planner.models import Contact, Event, Round
        from tui.screens.contact_form import ContactForm
        from tui.screens.log_form import LogForm
        from tui.screens.move_form import MoveForm

        if not self.writable() or self.loopdeck.board is None:
            return
        loop, record, today = message.loop, message.record, self.loopdeck.today
        apply = self.applier(loop.process.id)
        if message.verb == "delete":
            self._confirm_delete(loop, record)
        elif isinstance(record, Round):
            from tui.screens.round_form import RoundForm

            settings = self.loopdeck.board.settings
            form = MoveForm if message.verb == "move" else RoundForm
            self.app.push_screen(form(loop, record, today, settings), apply)
        elif isinstance(record, Contact):
            self.app.push_screen(ContactForm(loop, today, record), apply)
        elif isinstance(record, Event):
            self.app.push_screen(LogForm(loop, today, record), apply)

    def _confirm_delete(self, loop: Loop, record: Round | Contact | Event) -> None:
        """Ask with one key; `y` runs the change's deletion, which may still refuse.

        Deleting the person a step nudges is refused unless forced: the refusal
        says so, and a second `y` forces it.
        """
        from planner.changes.contacts import delete_contact
        from planner.changes.log import delete_event
        from planner.changes.rounds import delete_round
        from planner.models import Contact, Round
        from tui.screens.confirm import ConfirmScreen
        from tui.widgets.labels import short_date

        today, board = self.loopdeck.today, self.loopdeck.board
        settings = board.settings if board else None
        delete: Callable[..., Patch]
        if isinstance(record, Round):
            what = f"the {record.label.lower()} ({short_date(record.date)})"
            delete = partial(delete_round, loop, today, record.id)
        elif isinstance(record, Contact):
            what = record.name
            delete = partial(delete_contact, loop, today, record.id, settings=settings)
        else:
            what = f"the log line of {short_date(record.on)}"
            delete = partial(delete_event, loop, today, record.id)
        apply = self.applier(loop.process.id)

        def forced(yes: bool | None) -> None:
            if yes:
                self._try(partial(delete, force=True), apply)

        def answered(yes: bool | None) -> None:
            if not yes:
                self.notify("Kept: nothing was deleted.", timeout=3)
                return
            refusal = self._try(delete, apply)
            if refusal is not None and refusal.field == "force":
                again = ConfirmScreen(f"Delete {what} anyway?", f"{refusal}.")
                self.app.push_screen(again, forced)

        question = f"Delete {what} from {loop.process.title}?"
        self.app.push_screen(ConfirmScreen(question), answered)

    def _try(
        self, change: Callable[[], Patch], apply: Callable[[Patch | None], None]
    ) -> Refused | None:
        """Run a change that needs no form and apply it; a refusal is said (and returned)."""
        from planner.changes.base import Refused

        try:
            patch = change()
        except Refused as refusal:
            if refusal.field != "force":
                self.notify(f"Nothing was changed: {refusal}.", severity="warning", timeout=8)
            return refusal
        apply(patch)
        return None
