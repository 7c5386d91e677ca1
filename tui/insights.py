"""Build the read-only views (offers, prep, funnel), and what forms edit, for the main screen.

Offers, the funnel and the deadlines to pass on come from the `Board` the app
already holds (it carries every loop and offer), so they never wait for the
file. The prep view reads records the board does not carry: its read runs in
the view's worker, through the session and its lock.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from planner.models import Loop
from planner.offers import Offer
from planner.pacing import Deadline, open_deadlines, untold
from planner.prep import Decision, Profile, Question, TalkingPoint, numbered, prep_sheet
from storage.repository import Repository
from tui.screens.funnel_view import FunnelScreen
from tui.screens.offers_view import OffersScreen
from tui.screens.prep_view import PrepData, PrepScreen
from tui.session import Board

if TYPE_CHECKING:
    from tui.app import LoopdeckApp


def offers_screen(board: Board, today: dt.date) -> OffersScreen:
    loops = [row.loop for row in board.rows]
    known = {loop.process.id for loop in loops}
    offers = [o for o in board.offers if o.status.is_open and o.process_id in known]
    return OffersScreen(offers, loops, board.settings, today)


def latest_open_offer(board: Board, process_id: str) -> Offer | None:
    """The offer an edit changes, as `loopdeck offer` picks it: the loop's latest, if still open."""
    mine = sorted(
        (o for o in board.offers if o.process_id == process_id), key=lambda o: o.received_on
    )
    return mine[-1] if mine and mine[-1].status.is_open else None


def funnel_screen(board: Board) -> FunnelScreen:
    return FunnelScreen([row.loop for row in board.rows])


def prep_screen(app: LoopdeckApp, loop: Loop) -> PrepScreen:
    """The prep view of `loop`, which reads the file again after each of its writes."""
    pid, today = loop.process.id, app.today

    def read(repo: Repository) -> PrepData:
        fresh = repo.loop(pid)
        decisions = repo.records(Decision, pid)
        decision = decisions[0] if decisions else None
        points = repo.records(TalkingPoint, pid)
        questions = numbered(repo.records(Question, pid))
        profile = repo.profile()
        sheet = prep_sheet(fresh, questions, points, decision, profile, today)
        other = [p for p in points if p.audience == sheet.audience.other]
        saved = bool(repo.records(Profile))
        return PrepData(fresh, sheet, questions, other, decision, profile, saved, repo.read_only)

    return PrepScreen(loop.process.title, today, lambda: app.session_now().read(read))


def untold_deadlines(board: Board, loop: Loop, today: dt.date) -> list[Deadline]:
    """Other loops' open offer deadlines this loop's recruiter has not heard about yet."""
    active = [row.loop for row in board.rows if not row.closed]
    return untold(loop, open_deadlines(active, board.offers, today))
