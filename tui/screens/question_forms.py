"""Questions for the hiring manager, from the prep view: ask a new one (`a`), or mark one
asked with what I heard (Enter on it).

Both return a `Question`; the prep view hands it to the app to write. Marking
asked goes through `planner.prep.mark_asked`, as `loopdeck prep --asked N` does.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Input

from planner.models import Loop
from planner.prep import Question, mark_asked
from tui.screens.form import FormScreen


class QuestionForm(FormScreen[Question]):
    """A new, open question for the loop: one line, refused when empty."""

    def __init__(self, loop: Loop) -> None:
        super().__init__(f"A question for the hiring manager at {loop.process.company}")
        self._loop = loop

    def fields(self) -> ComposeResult:
        yield self.row("text", "Question", Input(placeholder="e.g. How is on-call shared?"))

    def build(self) -> Question:
        return Question.model_validate(
            {"process_id": self._loop.process.id, "text": self.text("text")}
        )


class AnswerForm(FormScreen[Question]):
    """The question, asked: its wording can be fixed while at it; the answer may stay blank."""

    AUTO_FOCUS = "#field-answer"  # Enter on a question, then type what I heard

    def __init__(self, question: Question) -> None:
        super().__init__("Asked: what did I hear?")
        self._question = question

    def fields(self) -> ComposeResult:
        yield self.row("text", "Question", Input(self._question.text))
        answer = Input(self._question.answer, placeholder="e.g. One week in six")
        yield self.row("answer", "Answer (what I heard; may stay blank)", answer)

    def build(self) -> Question:
        reworded = Question.model_validate(
            {**self._question.model_dump(), "text": self.text("text")}
        )
        return mark_asked(reworded, self.text("answer"))
