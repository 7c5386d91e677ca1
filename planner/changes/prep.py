"""Questions, talking points and the decision process of a loop (`prep`, `forget q1`,
the app's prep view).

These records are not part of a `Loop` (they are read on demand), so the
functions take the record they change, checked to belong to the loop.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from planner.changes.base import Insert, Patch, Refused, Remove, build, update
from planner.models import Loop, Record
from planner.prep import Audience, Decision, Question, TalkingPoint

QUESTION_FIELDS = ("text", "asked", "answer")
POINT_FIELDS = ("audience", "text")
DECISION_FIELDS = ("panel", "decider", "timeline")


def add_question(loop: Loop, today: dt.date, text: str) -> Patch:
    """A question for the hiring manager."""
    question = build(Question, process_id=loop.process.id, text=text)
    title = loop.process.title
    return Patch(
        f"prep for {title}", (Insert(question),), f"Added a question to {title}", focus=question.id
    )


def edit_question(
    loop: Loop, today: dt.date, question: Question, values: Mapping[str, Any]
) -> Patch:
    """Change a question's text, whether it was asked, or what I heard."""
    _fields(values, QUESTION_FIELDS)
    _mine(loop, question)
    title = loop.process.title
    writes = update(question, **dict(values))
    summary = f"Updated a question of {title}" if writes else f"{title}: nothing changed"
    return Patch(f"prep for {title}", writes, summary, focus=question.id)


def mark_asked(loop: Loop, today: dt.date, question: Question, answer: str | None = None) -> Patch:
    """The question was asked; `answer` None keeps the answer it had."""
    values: dict[str, Any] = {"asked": True}
    if answer is not None:
        values["answer"] = answer
    return edit_question(loop, today, question, values)


def delete_question(loop: Loop, today: dt.date, question: Question) -> Patch:
    _mine(loop, question)
    title = loop.process.title
    return Patch(
        f"delete a question of {title}",
        (Remove(question),),
        f"Deleted the question '{question.text}' from {title}",
    )


def add_point(loop: Loop, today: dt.date, audience: Audience, text: str) -> Patch:
    """Something to say to the recruiter or the hiring manager."""
    point = build(TalkingPoint, process_id=loop.process.id, audience=audience, text=text)
    title = loop.process.title
    summary = f"Added a talking point for the {point.audience.label.lower()} to {title}"
    return Patch(f"prep for {title}", (Insert(point),), summary, focus=point.id)


def edit_point(loop: Loop, today: dt.date, point: TalkingPoint, values: Mapping[str, Any]) -> Patch:
    _fields(values, POINT_FIELDS)
    _mine(loop, point)
    title = loop.process.title
    writes = update(point, **dict(values))
    summary = f"Updated a talking point of {title}" if writes else f"{title}: nothing changed"
    return Patch(f"prep for {title}", writes, summary, focus=point.id)


def delete_point(loop: Loop, today: dt.date, point: TalkingPoint) -> Patch:
    _mine(loop, point)
    title = loop.process.title
    return Patch(
        f"delete a talking point of {title}",
        (Remove(point),),
        f"Deleted the talking point '{point.text}' from {title}",
    )


def set_decision(
    loop: Loop, today: dt.date, decision: Decision | None, values: Mapping[str, Any]
) -> Patch:
    """How the company decides: the loop's one decision record, made on first use."""
    _fields(values, DECISION_FIELDS)
    title = loop.process.title
    if decision is None:
        made = build(Decision, process_id=loop.process.id, **dict(values))
        return Patch(f"prep for {title}", (Insert(made),), f"Recorded how {title} decides")
    _mine(loop, decision)
    writes = update(decision, **dict(values))
    summary = f"Updated how {title} decides" if writes else f"{title}: nothing changed"
    return Patch(f"prep for {title}", writes, summary, focus=decision.id)


def delete_decision(loop: Loop, today: dt.date, decision: Decision) -> Patch:
    _mine(loop, decision)
    title = loop.process.title
    return Patch(
        f"delete the decision process of {title}",
        (Remove(decision),),
        f"Deleted how {title} decides",
    )


def _mine(loop: Loop, record: Record) -> None:
    if getattr(record, "process_id", None) != loop.process.id:
        raise Refused(f"that item does not belong to {loop.process.title}")


def _fields(values: Mapping[str, Any], allowed: tuple[str, ...]) -> None:
    unknown = set(values) - set(allowed)
    if unknown:
        raise TypeError(f"not editable here: {', '.join(sorted(unknown))}")
