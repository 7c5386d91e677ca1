"""Everything an export shows, gathered once so the three formats agree.

The exporters are pure text builders; the repository is read here and only
here, with the same rules the app uses (each loop's state, the offer deadlines).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from planner.models import Loop
from planner.offers import Offer
from planner.ownership import next_step
from planner.pacing import Deadline, open_deadlines
from planner.prep import Decision, Question, TalkingPoint
from planner.steps import NextStep
from storage.repository import Repository


@dataclass(frozen=True)
class Snapshot:
    """The loops to export with what the rules say about them, as of `today`."""

    today: dt.date
    loops: list[Loop]
    steps: dict[str, NextStep | None]
    offers: list[Offer]
    deadlines: list[Deadline]
    questions: list[Question]
    points: list[TalkingPoint]
    decisions: list[Decision]

    def offers_of(self, process_id: str) -> list[Offer]:
        return sorted(
            (o for o in self.offers if o.process_id == process_id), key=lambda o: o.received_on
        )


def take_snapshot(
    repo: Repository, today: dt.date, include_closed: bool = True, only: str | None = None
) -> Snapshot:
    """The repository's loops (or the one with id `only`) and their computed steps."""
    loops = repo.loops(include_closed=include_closed)
    offers = repo.records(Offer)
    deadlines = open_deadlines(loops, offers, today)
    if only is not None:
        loops = [loop for loop in loops if loop.process.id == only]
    return Snapshot(
        today=today,
        loops=loops,
        steps={loop.process.id: next_step(loop, today, repo.settings()) for loop in loops},
        offers=offers,
        deadlines=deadlines,
        questions=repo.records(Question),
        points=repo.records(TalkingPoint),
        decisions=repo.records(Decision),
    )
