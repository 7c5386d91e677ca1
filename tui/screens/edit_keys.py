"""The main screen's keys that change the file: each opens a form on the selected loop.

A form collects its fields and hands them to a change in `planner.changes`
together with the loop it was opened on; what comes back is a `Patch`, which
the app writes as one undo step (`LoopdeckApp.apply`). No rule lives here:
which round `d` marks, what closing writes, who decided by default, all of it
is the change's, as it is for the command line.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, cast

from textual.screen import Screen

if TYPE_CHECKING:
    from planner.changes.base import Patch
    from planner.models import Loop, Record
    from planner.pacing import Deadline
    from planner.quickadd import LoopDraft, RoundDraft
    from tui.app import LoopdeckApp
    from tui.board import BoardRow
    from tui.screens.conflicts_view import Choice


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
            self.notify("Select a loop first (add one with a).", severity="warning")
            return None
        return row.loop

    def applier(self, process_id: str | None) -> Callable[[Patch | None], None]:
        """A form's callback: write the patch it returned, the cursor staying on the loop."""

        def apply(patch: Patch | None) -> None:
            if patch is None:
                return
            if patch.empty:
                self.notify("Nothing changed.", timeout=3)
                return
            self.loopdeck.apply(patch, process_id)

        return apply

    def action_add_loop(self) -> None:
        from planner.quickadd import LOOP_EXAMPLE, LoopDraft, parse_loop
        from tui.screens.quick_line import QuickLineScreen
        from tui.widgets.previews import loop_preview

        if not self.writable():
            return
        today = self.loopdeck.today
        settings = self.loopdeck.board.settings if self.loopdeck.board else None
        screen = QuickLineScreen[LoopDraft](
            "New loop",
            LOOP_EXAMPLE,
            lambda line: parse_loop(line, today),
            lambda draft: loop_preview(draft, settings),
        )
        self.app.push_screen(screen, self._store_loop)

    def _store_loop(self, draft: LoopDraft | None) -> None:
        if draft is None:
            return
        process, rounds, contacts = draft.build(self.loopdeck.today)
        self._write(f"add loop {process.title}", [process, *rounds, *contacts], process.id)

    def action_add_round(self) -> None:
        from planner.quickadd import ROUND_EXAMPLE, RoundDraft, parse_round
        from planner.rounds import placement_label
        from tui.screens.quick_line import QuickLineScreen
        from tui.widgets.previews import round_preview

        loop = self.editable_loop()
        if loop is None:
            return
        today = self.loopdeck.today
        settings = self.loopdeck.board.settings if self.loopdeck.board else None

        def store(draft: RoundDraft | None) -> None:
            if draft is None:
                return
            round_ = draft.place(loop, today)  # may schedule a planned round
            self._write(placement_label(loop, round_), [round_], loop.process.id)

        screen = QuickLineScreen[RoundDraft](
            f"New round for {loop.process.title}",
            ROUND_EXAMPLE,
            lambda line: parse_round(line, today),
            lambda draft: round_preview(draft, settings),
        )
        self.app.push_screen(screen, store)

    def action_add_contact(self) -> None:
        from tui.screens.contact_form import ContactForm

        loop = self.editable_loop()
        if loop is not None:
            form = ContactForm(loop.process.id, f"New contact for {loop.process.title}")
            self.app.push_screen(form, self._storer(f"add contact to {loop.process.title}"))

    def action_log(self) -> None:
        from tui.screens.log_form import LogForm

        loop = self.editable_loop()
        if loop is not None:
            form = LogForm(loop, self.loopdeck.today)
            self.app.push_screen(form, self._storer(f"log for {loop.process.title}"))

    def action_done(self) -> None:
        from planner.rounds import awaiting_outcome, current_round
        from tui.screens.done_form import DoneForm

        loop = self.editable_loop()
        if loop is None:
            return
        today = self.loopdeck.today
        round_ = current_round(loop, today) or awaiting_outcome(loop)
        if round_ is None:
            self.notify(f"{loop.process.title} has no open round; add one with s.")
            return
        title = f"{round_.label} at {loop.process.title}: done"
        form = DoneForm(round_, title, today)
        self.app.push_screen(form, self._storer(f"{round_.label} done at {loop.process.title}"))

    def action_edit(self) -> None:
        from tui.screens.process_form import ProcessForm

        loop = self.editable_loop()
        if loop is not None:
            form = ProcessForm(loop.process)
            self.app.push_screen(form, self._storer(f"edit {loop.process.title}"))

    def action_owner(self) -> None:
        from tui.screens.owner_form import OwnerForm

        loop = self.editable_loop()
        if loop is not None:
            form = OwnerForm(loop.process)
            self.app.push_screen(form, self._storer(f"owner of {loop.process.title}"))

    def action_offer(self) -> None:
        from planner.offers import Offer, synced_round
        from tui import insights
        from tui.screens.offer_form import OfferForm

        loop = self.editable_loop()
        board = self.loopdeck.board
        if loop is None or board is None:
            return
        today = self.loopdeck.today
        offer = insights.latest_open_offer(board, loop.process.id)

        def store(edited: Offer | None) -> None:
            if edited is None:
                return
            verb = "record" if offer is None else "update"
            offer_round = synced_round(loop, edited, today)
            records: list[Record] = [edited] if offer_round is None else [edited, offer_round]
            self._write(f"{verb} the offer of {loop.process.title}", records, loop.process.id)

        self.app.push_screen(OfferForm(loop, offer, today), store)

    def action_told(self) -> None:
        from planner.pacing import told_event, told_label
        from tui import insights
        from tui.screens.told_picker import ToldPicker

        loop = self.editable_loop()
        board = self.loopdeck.board
        if loop is None or board is None:
            return
        today = self.loopdeck.today
        deadlines = insights.untold_deadlines(board, loop, today)

        def store(deadline: Deadline | None) -> None:
            if deadline is not None:
                event = told_event(loop, deadline, today)
                self._write(told_label(loop, deadline), [event], loop.process.id)

        if not deadlines:
            self.notify(f"{loop.process.title}: no other offer deadline left to pass on.")
        elif len(deadlines) == 1:
            store(deadlines[0])
        else:
            self.app.push_screen(ToldPicker(loop, deadlines, today), store)

    def action_close_loop(self) -> None:
        from tui.screens.close_form import CloseForm

        loop = self.editable_loop()
        if loop is not None:
            form = CloseForm(loop.process, self.loopdeck.today)
            self.app.push_screen(form, self._storer(f"close {loop.process.title}"))

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

    def _storer(self, label: str) -> Callable[[Record | None], None]:
        def store(record: Record | None) -> None:
            if record is not None:
                self._write(label, [record], getattr(record, "process_id", record.id))

        return store

    def _write(self, label: str, records: list[Record], select: str | None) -> None:
        self.loopdeck.write(label, records, select)
