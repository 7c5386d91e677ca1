"""Interview prep: what to ask, what to say to whom, and how the decision is made.

Each audience wants something different. The recruiter wants short,
outcome-focused points and my constraints (location, visa, notice period,
comp expectations: the global `Profile`); the hiring manager wants depth:
metrics and trade-offs, and 3–5 good questions from me. `prep_sheet` puts
what the loop's next round needs on one page, so the app's prep view and the
command line show the same thing.

Questions, talking points and the decision process are records of their own
(one per item), so two machines adding questions to the same loop merge
without a conflict.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from planner.models import Key, Loop, NonEmpty, Record, Round, RoundKind, RoundStatus, Text

PROFILE_ID = "profile"
FEWEST_QUESTIONS = 3
MOST_QUESTIONS = 5


class Audience(StrEnum):
    RECRUITER = "recruiter"
    HIRING_MANAGER = "hiring_manager"

    @property
    def label(self) -> str:
        return "Recruiter" if self == Audience.RECRUITER else "Hiring manager"

    @property
    def other(self) -> Audience:
        """The audience a prep sheet is not for this time."""
        return Audience.HIRING_MANAGER if self == Audience.RECRUITER else Audience.RECRUITER


# Rounds the recruiter runs; every other interview is in front of the hiring side.
_RECRUITER_ROUNDS = (RoundKind.APPLIED, RoundKind.SCREEN, RoundKind.OFFER, RoundKind.NEGOTIATION)


@dataclass(kw_only=True)
class Question(Record):
    """A question for the hiring manager, whether I asked it, and what I heard."""

    process_id: Key
    text: NonEmpty
    asked: bool = False
    answer: Text = ""


@dataclass(kw_only=True)
class TalkingPoint(Record):
    """One thing to say to one audience in one loop."""

    process_id: Key
    audience: Audience
    text: NonEmpty


@dataclass(kw_only=True)
class Decision(Record):
    """How this company decides: who sits on the panel, who decides, and when."""

    process_id: Key
    panel: Text = ""
    decider: Text = ""
    timeline: Text = ""


@dataclass(kw_only=True)
class Profile(Record):
    """My constraints, the same for every loop: what a recruiter screen asks about."""

    id: str = PROFILE_ID
    location: Text = ""
    visa: Text = ""
    notice_period: Text = ""
    comp_expectations: Text = ""
    other: Text = ""

    def lines(self) -> list[tuple[str, str]]:
        """(label, value) for the constraints that are filled in."""
        pairs = [
            ("Location", self.location),
            ("Visa", self.visa),
            ("Notice period", self.notice_period),
            ("Comp expectations", self.comp_expectations),
            ("Other", self.other),
        ]
        return [(label, value) for label, value in pairs if value]


@dataclass
class PrepSheet:
    """Everything to read before the loop's next round, for that round's audience."""

    round: Round | None
    audience: Audience
    points: list[TalkingPoint]
    open_questions: list[Question]
    asked_questions: list[Question]
    decision: Decision | None
    profile: Profile | None
    hint: str


def audience_of(kind: RoundKind) -> Audience:
    """Who I talk to in a round of this kind."""
    return Audience.RECRUITER if kind in _RECRUITER_ROUNDS else Audience.HIRING_MANAGER


def next_round(loop: Loop, today: dt.date) -> Round | None:
    """The round to prepare for: the next dated one ahead, else the next planned one."""
    ahead = [
        r
        for r in loop.timeline()
        if r.status in (RoundStatus.PLANNED, RoundStatus.SCHEDULED)
        and (r.date is None or r.date >= today)
    ]
    return ahead[0] if ahead else None


def prep_sheet(
    loop: Loop,
    questions: list[Question],
    points: list[TalkingPoint],
    decision: Decision | None,
    profile: Profile,
    today: dt.date,
) -> PrepSheet:
    """One page for the next round; the profile is on it only for a recruiter's call."""
    upcoming = next_round(loop, today)
    audience = audience_of(upcoming.kind) if upcoming else Audience.RECRUITER
    mine = [q for q in questions if q.process_id == loop.process.id]
    return PrepSheet(
        round=upcoming,
        audience=audience,
        points=[p for p in points if p.process_id == loop.process.id and p.audience == audience],
        open_questions=[q for q in mine if not q.asked],
        asked_questions=[q for q in mine if q.asked],
        decision=decision,
        profile=profile if audience == Audience.RECRUITER else None,
        hint=question_hint(len(mine)),
    )


def numbered(questions: list[Question]) -> list[Question]:
    """A stable order to number questions by: open ones first, then alphabetical.

    The command line's `--asked N` and the app's question list both count in
    this order, so "question 2" is the same question in either.
    """
    return sorted(questions, key=lambda q: (q.asked, q.text.casefold(), q.id))


def question_hint(count: int) -> str:
    """Nudge toward 3–5 questions: fewer looks unprepared, more will not fit the time."""
    if count < FEWEST_QUESTIONS:
        missing = FEWEST_QUESTIONS - count
        return f"Prepare {missing} more question{'s' if missing > 1 else ''} for the hiring manager"
    if count > MOST_QUESTIONS:
        return f"{count} questions: pick the {MOST_QUESTIONS} that matter most"
    return ""
