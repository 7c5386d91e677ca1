"""Questions for the hiring manager, from the prep view: ask a new one (`a`), or mark one
asked with what I heard (Enter on it).

Both go through `planner.changes.prep`, as `loopdeck prep --ask` and `--asked N` do.
"""

from __future__ import annotations

import datetime as dt

from textual.app import ComposeResult
from textual.widgets import Input

from planner.changes.base import Patch
from planner.changes.prep import add_question, edit_question
from planner.models import Loop
from planner.prep import Question
from tui.screens.form import FormScreen


class QuestionForm(FormScreen):
    """A new, open question for the loop: one line, refused when empty."""

    def __init__(self, loop: Loop, today: dt.date) -> None:
        super().__init__(f"A question for the hiring manager at {loop.process.company}")
        self._loop = loop
        self._today = today

    def fields(self) -> ComposeResult:
        yield self.row("text", "Question", Input(placeholder="e.g. How is on-call shared?"))

    def build(self) -> Patch:
        return add_question(self._loop, self._today, self.text("text"))


class AnswerForm(FormScreen):
    """The question, asked: its wording can be fixed while at it; the answer may stay blank."""

    AUTO_FOCUS = "#field-answer"  # Enter on a question, then type what I heard

    def __init__(self, loop: Loop, today: dt.date, question: Question) -> None:
        super().__init__("Asked: what did I hear?")
        self._loop = loop
        self._today = today
        self._question = question

    def fields(self) -> ComposeResult:
        yield self.row("text", "Question", Input(self._question.text))
        answer = Input(self._question.answer, placeholder="e.g. One week in six")
        yield self.row("answer", "Answer (what I heard; may stay blank)", answer)

    def build(self) -> Patch:
        values = {"text": self.text("text"), "asked": True, "answer": self.text("answer")}
        return edit_question(self._loop, self._today, self._question, values)
