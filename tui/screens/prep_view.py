"""Prep (`p`): what the selected loop's next round needs, on one screen, edited in place.

The sheet is `planner.prep.prep_sheet`: the round ahead and its audience,
talking points for that audience, questions for the hiring manager, how the
decision is made, and my constraints when the call is with the recruiter.

The screen edits it too: `a` asks a new question, Enter on a question marks it
asked with what I heard, `t` adds a talking point, `d` says how they decide, `c`
edits my constraints, `u` undoes. Each form calls its change in
`planner.changes.prep`; the screen posts the `Patch` up as a `Save`, the app
writes it (one transaction, one undo step), then calls `reload` so the view
shows what the file now holds.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widgets import Footer, Label, OptionList, Static
from textual.widgets.option_list import Option

from planner.changes.base import Patch
from planner.dates import day_words
from planner.models import Loop
from planner.prep import Decision, PrepSheet, Profile, Question, TalkingPoint
from planner.text import visible
from storage.errors import StorageError
from tui.screens.decision_form import DecisionForm
from tui.screens.insight import LOADING, InsightScreen
from tui.screens.point_form import PointForm
from tui.screens.profile_form import ProfileForm
from tui.screens.question_forms import AnswerForm, QuestionForm
from tui.visible_text import visible_parts
from tui.widgets.list_keys import ItemList

KEYS_HINT = "a ask · Enter asked + answer · t point · d decision · c constraints"


@dataclass(frozen=True)
class PrepData:
    """One read of everything the prep view shows and its forms start from."""

    loop: Loop
    sheet: PrepSheet
    questions: list[Question]
    """Every question of the loop, in `planner.prep.numbered` order (the CLI's numbers)."""
    other_points: list[TalkingPoint]
    """Talking points for the audience of a later round, shown dimmed under the sheet's."""
    decision: Decision | None
    profile: Profile
    profile_saved: bool
    """Whether the file holds my constraints yet (blank until first saved)."""
    read_only: str | None
    """Why the file cannot be changed, or None: the edit keys say it instead of opening a form."""


def round_ahead(data: PrepData, today: dt.date) -> RenderableType:
    """The round to prepare for, my constraints if it is a recruiter's call, the talking points."""
    sheet = data.sheet
    r = sheet.round
    ahead = "Nothing scheduled" if r is None else r.label
    if r is not None and r.date is not None:
        ahead += f" on {day_words(r.date, today)}"
    audience = sheet.audience.label.lower()
    parts: list[RenderableType] = [Text(f"{ahead} — with the {audience}", style="bold"), Text("")]
    if sheet.profile is not None and sheet.profile.lines():
        parts.append(Text("My constraints", style="bold"))
        parts += [Text(f"  {label}: {value}") for label, value in sheet.profile.lines()]
        parts.append(Text(""))
    parts.append(Text(f"Talking points for the {audience}", style="bold"))
    parts += [Text(f"  • {p.text}") for p in sheet.points] or [Text("  (none yet)", style="dim")]
    if data.other_points:
        other = data.other_points[0].audience.label.lower()
        parts.append(Text(f"  For the {other}, in a later round:", style="dim"))
        parts += [Text(f"    • {p.text}", style="dim") for p in data.other_points]
    parts += [Text(""), Text("Questions for the hiring manager", style="bold")]
    return Group(*visible_parts(parts))


def question_prompt(number: int, question: Question) -> Table:
    """'1. [ ] text', or '[x] text — answer' once asked: numbered as `loopdeck prep` numbers.

    A grid, so a question that wraps keeps its text beside the box, not under the number.
    """
    grid = Table.grid()
    grid.add_column(no_wrap=True)
    grid.add_column(ratio=1)
    if not question.asked:
        grid.add_row(Text(f"{number}. [ ] "), Text(visible(question.text)))
    else:
        answer = f" — {question.answer}" if question.answer else ""
        shown = visible(f"{question.text}{answer}")
        grid.add_row(Text(f"{number}. [x] "), Text(shown), style="dim")
    return grid


def after_questions(data: PrepData) -> RenderableType:
    """The question-count hint, how they decide, and the keys that edit all this."""
    parts: list[RenderableType] = []
    if not data.questions:
        parts.append(Text("  (none yet)", style="dim"))
    if data.sheet.hint:
        parts.append(Text(f"  {data.sheet.hint}", style="italic"))
    d = data.decision
    named = [] if d is None else [("Panel", d.panel), ("Decides", d.decider), ("When", d.timeline)]
    shown = [(name, value) for name, value in named if value]
    if shown:
        parts += [Text(""), Text("How they decide", style="bold")]
        parts += [Text(f"  {name}: {value}") for name, value in shown]
    if data.sheet.profile is None and data.profile.lines():
        parts += [Text(""), Text("My constraints are shown for recruiter calls.", style="dim")]
    parts += [Text(""), Text(KEYS_HINT, style="dim")]
    return Group(*visible_parts(parts))


class PrepScreen(InsightScreen):
    """The prep sheet of one loop; `load` reads it again after every write."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "ask", "Ask", tooltip="Add a question for the hiring manager", id="prep-ask"),
        Binding(
            "enter",
            "answer",
            "Asked",
            show=False,  # the hint under the sheet says it; the footer has no room at 80 columns
            tooltip="Mark a question asked, with the answer",
            id="prep-answer",
        ),
        Binding(
            "t", "point", "Point", tooltip="Add a talking point for one audience", id="prep-point"
        ),
        Binding(
            "d",
            "decision",
            "Decision",
            tooltip="How they decide: the panel, who decides, when",
            id="prep-decision",
        ),
        Binding(
            "c",
            "profile",
            "Constraints",
            tooltip="My location, visa, notice and comp, every loop",
            id="prep-profile",
        ),
        Binding("u", "undo", "Undo", tooltip="Undo the last change", id="prep-undo"),
    ]

    class Save(Message):
        """The change a form returned, for the app to write as one undoable transaction."""

        def __init__(self, patch: Patch, process_id: str) -> None:
            super().__init__()
            self.patch = patch
            self.process_id = process_id

    class Undo(Message):
        """The user pressed `u` here: undo the latest write, as on the main screen."""

    def __init__(self, title: str, today: dt.date, load: Callable[[], PrepData]) -> None:
        super().__init__(f"Prep: {title}", lambda: Text(LOADING, style="dim"))
        self._today = today
        self._load = load
        self.data: PrepData | None = None
        """What the view shows; None until the first read in the worker came back."""

    def compose(self) -> ComposeResult:
        yield Label(self._title, classes="insight-title")
        with VerticalScroll(classes="insight-body"):
            yield Static(Text(LOADING, style="dim"), classes="insight", id="prep-ahead")
            yield ItemList(id="prep-questions", compact=True)
            yield Static(classes="insight", id="prep-after")
        yield Footer()

    def on_mount(self) -> None:
        self.reload()

    def _focus_questions(self) -> None:
        """The question list takes the keys when it has questions, else the page scrolls."""
        questions = self.query_one("#prep-questions", OptionList)
        if questions.option_count:
            questions.focus()
            if questions.highlighted is None:
                questions.highlighted = 0
        else:
            self.query_one(".insight-body", VerticalScroll).focus()

    @on(OptionList.OptionHighlighted, "#prep-questions")
    def _keep_cursor_in_view(self, event: OptionList.OptionHighlighted) -> None:
        """The first question shows the page from its top, the last one down to its end."""
        body = self.query_one(".insight-body", VerticalScroll)
        if event.option_index == 0:
            body.scroll_home(animate=False)
        elif event.option_index == event.option_list.option_count - 1:
            body.scroll_end(animate=False)
        else:
            body.scroll_to_widget(event.option_list, animate=False)

    @work(thread=True, exclusive=True, group="prep", exit_on_error=False)
    def reload(self) -> None:
        """Read the sheet again (off the UI thread: the read waits for the file's lock) and
        redraw it, the cursor staying on the same question.

        A loop that is gone (an undo took back its creation) closes the view.
        """
        try:
            data = self._load()
        except StorageError:
            self.app.call_from_thread(self.dismiss, None)
            return
        self.app.call_from_thread(self._show_data, data)

    def _show_data(self, data: PrepData) -> None:
        if not self.is_attached:
            return
        kept = self._highlighted()
        self.data = data
        self.query_one("#prep-ahead", Static).update(round_ahead(data, self._today))
        self.query_one("#prep-after", Static).update(after_questions(data))
        questions = self.query_one("#prep-questions", OptionList)
        questions.set_options(self._options())
        ids = [q.id for q in data.questions]
        if ids:
            questions.highlighted = ids.index(kept.id) if kept and kept.id in ids else 0
        self._focus_questions()

    def _options(self) -> list[Option]:
        questions = self.data.questions if self.data else []
        return [
            Option(question_prompt(number, q), id=q.id)
            for number, q in enumerate(questions, start=1)
        ]

    def _highlighted(self) -> Question | None:
        index = self.query_one("#prep-questions", OptionList).highlighted
        questions = self.data.questions if self.data else []
        return questions[index] if index is not None and index < len(questions) else None

    def _editable(self) -> PrepData | None:
        """The data the forms start from, or None (after saying why) while it is being read
        or when the file is read-only: no form to fill in vain."""
        if self.data is None:
            self.notify("Still reading the file…", severity="warning")
            return None
        if self.data.read_only is not None:
            self.notify(f"Nothing was changed: {self.data.read_only}", severity="warning")
            return None
        return self.data

    def _save(self, data: PrepData) -> Callable[[Patch | None], None]:
        """A form's callback: post the change it returned up to the app."""

        def save(patch: Patch | None) -> None:
            if patch is not None:
                self.post_message(self.Save(patch, data.loop.process.id))

        return save

    def action_ask(self) -> None:
        if data := self._editable():
            self.app.push_screen(QuestionForm(data.loop, self._today), self._save(data))

    @on(OptionList.OptionSelected, "#prep-questions")
    def _answer_selected(self) -> None:
        self.action_answer()

    def action_answer(self) -> None:
        question = self._highlighted()
        if self.data is not None and question is None:
            self.notify("No question yet: a adds one.", severity="warning")
        elif question is not None and (data := self._editable()):
            form = AnswerForm(data.loop, self._today, question)
            self.app.push_screen(form, self._save(data))

    def action_point(self) -> None:
        if data := self._editable():
            form = PointForm(data.loop, self._today, data.sheet.audience)
            self.app.push_screen(form, self._save(data))

    def action_decision(self) -> None:
        if data := self._editable():
            form = DecisionForm(data.loop, self._today, data.decision)
            self.app.push_screen(form, self._save(data))

    def action_profile(self) -> None:
        if data := self._editable():
            form = ProfileForm(data.profile, data.profile_saved)
            self.app.push_screen(form, self._save(data))

    def action_undo(self) -> None:
        self.post_message(self.Undo())
