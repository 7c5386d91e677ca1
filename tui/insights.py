"""Build the read-only views (offers, prep, funnel), and what forms edit, from the repository.

Kept out of `tui.app` so the app only binds keys to them: each function does
one locked read and hands a ready screen back.
"""

from __future__ import annotations

import datetime as dt

from planner.funnel import funnel
from planner.models import Loop, Process
from planner.offers import Offer
from planner.pacing import Deadline, open_deadlines, untold
from planner.prep import Decision, Question, TalkingPoint, numbered, prep_sheet
from storage.repository import Repository
from tui.screens.funnel_view import FunnelScreen
from tui.screens.offers_view import OffersScreen
from tui.screens.prep_view import PrepData, PrepScreen
from tui.session import Session


def offers_screen(session: Session, today: dt.date) -> OffersScreen:
    def read(repo: Repository) -> tuple[list[Offer], dict[str, Process]]:
        loops = repo.loops(include_closed=True)
        processes = {loop.process.id: loop.process for loop in loops}
        offers = [o for o in repo.records(Offer) if o.status.is_open and o.process_id in processes]
        return offers, processes

    offers, processes = session.read(read)
    return OffersScreen(offers, processes, today)


def latest_open_offer(session: Session, process_id: str) -> Offer | None:
    """The offer an edit changes, as `loopdeck offer` picks it: the loop's latest, if still open."""
    mine = session.read(lambda repo: repo.records(Offer, process_id))
    mine.sort(key=lambda o: o.received_on)
    return mine[-1] if mine and mine[-1].status.is_open else None


def funnel_screen(session: Session) -> FunnelScreen:
    return FunnelScreen(session.read(lambda repo: funnel(repo.loops(include_closed=True))))


def prep_screen(session: Session, loop: Loop, today: dt.date) -> PrepScreen:
    """The prep view of `loop`, which reads the file again after each of its writes."""
    pid = loop.process.id

    def read(repo: Repository) -> PrepData:
        fresh = repo.loop(pid)
        decisions = repo.records(Decision, pid)
        decision = decisions[0] if decisions else None
        points = repo.records(TalkingPoint, pid)
        questions = numbered(repo.records(Question, pid))
        profile = repo.profile()
        sheet = prep_sheet(fresh, questions, points, decision, profile, today)
        other = [p for p in points if p.audience == sheet.audience.other]
        return PrepData(fresh, sheet, questions, other, decision, profile, repo.read_only)

    return PrepScreen(lambda: session.read(read))


def untold_deadlines(session: Session, loop: Loop, today: dt.date) -> list[Deadline]:
    """Other loops' open offer deadlines this loop's recruiter has not heard about yet."""
    return session.read(
        lambda repo: untold(loop, open_deadlines(repo.loops(), repo.records(Offer), today))
    )
