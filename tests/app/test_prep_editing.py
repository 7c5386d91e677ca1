"""The prep view's edits (`p`, then a, Enter, t, d, c, u): validated forms, one undo step each."""

from __future__ import annotations

from pathlib import Path

from apphelp import make_app, open_prep, screen_text, settle, type_text
from textual.pilot import Pilot
from textual.widgets import Input, Select, Static

from planner.prep import Audience, Decision, Profile, Question, TalkingPoint
from planner.records import field_names
from storage.repository import Repository
from tui.app import LoopdeckApp
from tui.screens.form import FormScreen
from tui.screens.help import HelpScreen
from tui.screens.prep_view import PrepScreen
from tui.screens.profile_form import LABELS
from tui.screens.question_forms import AnswerForm, QuestionForm

PREPARED = "Kestrel Grid"
"""A demo loop with four questions (one asked), points for both audiences and a decision."""
BARE = "Orchard Vector"
"""A demo loop with no prep at all; its next call is with the recruiter."""


def fill(app: LoopdeckApp, **values: str) -> None:
    for name, value in values.items():
        app.screen.query_one(f"#field-{name}", Input).value = value


def error_beside(app: LoopdeckApp, name: str) -> str:
    return str(app.screen.query_one(f"#error-{name}", Static).render())


async def save(pilot: Pilot[None]) -> None:
    await pilot.press("ctrl+s")
    await settle(pilot)


async def undo(pilot: Pilot[None]) -> None:
    await pilot.press("u")
    await settle(pilot)


def repo(path: Path) -> Repository:
    return Repository.open(path)


async def test_a_new_question_shows_in_the_view_and_undo_takes_it_back(demo_db: Path) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 40)) as pilot:
        pid = await open_prep(pilot, BARE)
        await pilot.press("a")
        assert isinstance(app.screen, QuestionForm)
        await type_text(pilot, "Who owns the roadmap?")
        await save(pilot)
        assert isinstance(app.screen, PrepScreen)
        assert "1. [ ] Who owns the roadmap?" in screen_text(app)
        assert "Prepare 2 more questions" in screen_text(app)
        [question] = repo(demo_db).records(Question, pid)
        assert (question.text, question.asked) == ("Who owns the roadmap?", False)
        await undo(pilot)
        assert isinstance(app.screen, PrepScreen)
        assert "Who owns the roadmap?" not in screen_text(app)
    assert repo(demo_db).records(Question, pid) == []


async def test_an_empty_question_is_refused_beside_the_field(demo_db: Path) -> None:
    before = demo_db.read_bytes()
    app = make_app(demo_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_prep(pilot, BARE)
        await pilot.press("a")
        await pilot.press("space", "space")
        await save(pilot)
        assert isinstance(app.screen, QuestionForm)
        assert error_beside(app, "text") == "text cannot be empty"
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, PrepScreen)
    assert demo_db.read_bytes() == before


async def test_enter_marks_the_question_under_the_cursor_asked_with_the_answer(
    demo_db: Path,
) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 40)) as pilot:
        pid = await open_prep(pilot, PREPARED)
        screen = app.screen
        assert isinstance(screen, PrepScreen)
        second = screen.data.questions[1]
        assert not second.asked
        await pilot.press("down", "enter")
        assert isinstance(app.screen, AnswerForm)
        assert app.screen.query_one("#field-text", Input).value == second.text
        await type_text(pilot, "Ship the new ingestion path")  # typing goes to the answer
        await save(pilot)
        assert isinstance(app.screen, PrepScreen)
        assert f"[x] {second.text} — Ship the new ingestion path" in screen_text(app)
        stored = next(q for q in repo(demo_db).records(Question, pid) if q.id == second.id)
        assert (stored.asked, stored.answer) == (True, "Ship the new ingestion path")
        await undo(pilot)
        assert f"[ ] {second.text}" in screen_text(app)
    stored = next(q for q in repo(demo_db).records(Question, pid) if q.id == second.id)
    assert (stored.asked, stored.answer) == (False, "")


async def test_an_answer_form_with_the_question_erased_writes_nothing(demo_db: Path) -> None:
    before = demo_db.read_bytes()
    app = make_app(demo_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_prep(pilot, PREPARED)
        await pilot.press("enter")
        fill(app, text="", answer="heard something")
        await save(pilot)
        assert isinstance(app.screen, AnswerForm)
        assert error_beside(app, "text") == "text cannot be empty"
        await pilot.press("escape")
        await settle(pilot)
    assert demo_db.read_bytes() == before


async def test_enter_with_no_question_says_how_to_add_one(demo_db: Path) -> None:
    before = demo_db.read_bytes()
    app = make_app(demo_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_prep(pilot, BARE)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, PrepScreen)
        assert any("a adds one" in str(n.message) for n in app._notifications)
    assert demo_db.read_bytes() == before


async def test_a_talking_point_for_either_audience_is_stored_and_shown(demo_db: Path) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 40)) as pilot:
        pid = await open_prep(pilot, BARE)
        await pilot.press("t")
        assert app.screen.query_one("#field-audience", Select).value == "recruiter"
        await pilot.press("tab")  # the form opens on the audience
        await type_text(pilot, "Shipped ranking v2")
        await save(pilot)
        await pilot.press("t")
        app.screen.query_one("#field-audience", Select).value = "hiring_manager"
        fill(app, text="p99 from 80 to 20 ms")
        await save(pilot)
        text = screen_text(app)
        assert "• Shipped ranking v2" in text
        assert "For the hiring manager, in a later round:" in text
        assert "• p99 from 80 to 20 ms" in text
        points = {(p.audience, p.text) for p in repo(demo_db).records(TalkingPoint, pid)}
        assert points == {
            (Audience.RECRUITER, "Shipped ranking v2"),
            (Audience.HIRING_MANAGER, "p99 from 80 to 20 ms"),
        }
        await undo(pilot)
        assert "p99 from 80 to 20 ms" not in screen_text(app)
    assert [p.text for p in repo(demo_db).records(TalkingPoint, pid)] == ["Shipped ranking v2"]


async def test_an_empty_talking_point_writes_nothing(demo_db: Path) -> None:
    before = demo_db.read_bytes()
    app = make_app(demo_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_prep(pilot, BARE)
        await pilot.press("t")
        await save(pilot)
        assert error_beside(app, "text") == "text cannot be empty"
        await pilot.press("escape")
        await settle(pilot)
    assert demo_db.read_bytes() == before


async def test_how_they_decide_is_created_then_edited_in_place(demo_db: Path) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 40)) as pilot:
        pid = await open_prep(pilot, BARE)
        await pilot.press("d")
        fill(app, decider="the director", timeline="Friday")
        await save(pilot)
        text = screen_text(app)
        assert "How they decide" in text and "Decides: the director" in text
        [first] = repo(demo_db).records(Decision, pid)
        await pilot.press("d")
        assert app.screen.query_one("#field-decider", Input).value == "the director"
        fill(app, panel="four engineers")
        await save(pilot)
        assert "Panel: four engineers" in screen_text(app)
        [second] = repo(demo_db).records(Decision, pid)
        assert (second.id, second.panel, second.decider, second.timeline) == (
            first.id,
            "four engineers",
            "the director",
            "Friday",
        )
        await undo(pilot)
        assert "Panel: four engineers" not in screen_text(app)
    assert repo(demo_db).records(Decision, pid) == [first]


async def test_a_decision_the_change_refuses_stays_in_the_form(demo_db: Path) -> None:
    before = demo_db.read_bytes()
    app = make_app(demo_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_prep(pilot, BARE)
        await pilot.press("d")
        fill(app, panel="x" * 5001, decider="the director")
        await save(pilot)
        assert isinstance(app.screen, FormScreen)
        assert "too long" in error_beside(app, "panel")
        await pilot.press("escape")
        await settle(pilot)
    assert demo_db.read_bytes() == before


async def test_my_constraints_are_edited_from_the_prep_view(demo_db: Path) -> None:
    old = repo(demo_db).profile()
    app = make_app(demo_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_prep(pilot, BARE)
        await pilot.press("c")
        assert app.screen.query_one("#field-visa", Input).value == old.visa
        fill(app, visa="Blue Card holder", other="")
        await save(pilot)
        text = screen_text(app)
        assert "Visa: Blue Card holder" in text and "Other:" not in text
        new = repo(demo_db).profile()
        assert (new.visa, new.other, new.location) == ("Blue Card holder", "", old.location)
        await undo(pilot)
        assert f"Visa: {old.visa}" in screen_text(app)
    assert repo(demo_db).profile() == old


async def test_a_constraint_too_long_stays_in_the_form(demo_db: Path) -> None:
    before = demo_db.read_bytes()
    app = make_app(demo_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_prep(pilot, BARE)
        await pilot.press("c")
        fill(app, comp_expectations="x" * 5001)
        await save(pilot)
        assert "too long" in error_beside(app, "comp_expectations")
        await pilot.press("escape")
        await settle(pilot)
    assert demo_db.read_bytes() == before


def test_the_profile_form_has_every_constraint() -> None:
    assert set(LABELS) == set(field_names(Profile)) - {"id"}


async def test_a_file_damaged_while_the_view_is_open_opens_no_form(demo_db: Path) -> None:
    app = make_app(demo_db, watch_interval=0.05)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_prep(pilot, PREPARED)
        screen = app.screen
        assert isinstance(screen, PrepScreen)
        demo_db.write_text("<<<<<<< HEAD\n" + demo_db.read_text(encoding="utf-8"), "utf-8")
        for _ in range(100):
            await pilot.pause(0.05)
            if screen.data.read_only is not None:
                break
        damaged = demo_db.read_bytes()
        assert screen.data.read_only is not None
        for key in ("a", "enter", "t", "d", "c"):
            await pilot.press(key)
            await settle(pilot)
            assert app.screen is screen, f"{key} opened a form on a read-only file"
        assert any("Nothing was changed" in str(n.message) for n in app._notifications)
    assert demo_db.read_bytes() == damaged


async def test_help_lists_the_prep_keys_under_their_view(demo_db: Path) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 90)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(app)
        assert "In the prep view (p)" in text
        for binding in PrepScreen.BINDINGS:
            assert not isinstance(binding, tuple)
            assert binding.description and binding.tooltip and binding.id
            assert binding.description in text
