"""A loop's state under its owner, my to-dos apart: the header and the next-steps screen."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from apphelp import TODAY, make_app, open_on, screen_text, settle, stored
from textual.message import Message
from textual.notifications import Notify
from textual.widgets import OptionList

from planner.changes.log import promise
from planner.models import Owner
from planner.steps import Signal, ThreadKind
from storage.repository import Repository
from tui.app import LoopdeckApp
from tui.screens.help import SIGNAL_LEGEND, HelpScreen
from tui.screens.main import MainScreen
from tui.screens.next_steps import NextStepsScreen
from tui.screens.promise_picker import PromisePicker
from tui.theme import SIGNAL_LABEL


async def test_header_counts_loops_by_their_state_and_my_todos_apart(demo_db: Path) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.board is not None
        open_rows = [r for r in app.board.rows if r.step is not None]
        by_owner = {o: sum(1 for r in open_rows if r.step and r.step.owner == o) for o in Owner}
        todos = sum(len(r.todos) for r in open_rows)
        assert todos > 0 and by_owner[Owner.HIRING_MANAGER] > 0  # the demo has both
        header = screen_text(app).splitlines()[0]
        expected = (
            f"ME  {by_owner[Owner.ME]}   REC  {by_owner[Owner.RECRUITER]}   "
            f"HM  {by_owner[Owner.HIRING_MANAGER]} · to-dos {todos}"
        )
        assert expected in header, header


async def test_next_steps_puts_the_state_under_its_owner_and_todos_under_me(
    demo_db: Path,
) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.board is not None
        lumen = next(r for r in app.board.rows if r.loop.process.company == "Lumen Forge")
        assert lumen.step is not None and lumen.step.owner == Owner.HIRING_MANAGER
        assert any(t.kind == ThreadKind.PACING for t in lumen.todos)
        await pilot.press("n")
        screen = app.screen
        assert isinstance(screen, NextStepsScreen)

        def titles(owner: Owner) -> list[tuple[str, ThreadKind]]:
            column = screen.query_one(f"#steps-{owner.value}", OptionList)
            ids = [column.get_option_at_index(i).id or "" for i in range(column.option_count)]
            return [(screen.cards[i][0].process_id, screen.cards[i][1].kind) for i in ids]

        assert (lumen.process_id, ThreadKind.STATE) in titles(Owner.HIRING_MANAGER)
        mine = titles(Owner.ME)
        assert (lumen.process_id, ThreadKind.PACING) in mine
        assert (lumen.process_id, ThreadKind.STATE) not in mine
        open_rows = [r for r in app.board.rows if r.step is not None]
        states_of_mine = sum(1 for r in open_rows if r.step and r.step.owner == Owner.ME)
        assert len(mine) == states_of_mine + sum(len(r.todos) for r in open_rows)
        assert f"Me  ({len(mine)})" in screen_text(app)

        column = screen.query_one("#steps-me", OptionList)
        column.focus()
        column.highlighted = next(
            i for i, (pid, kind) in enumerate(mine) if kind == ThreadKind.PACING
        )
        chosen = mine[column.highlighted][0]
        await pilot.press("enter")
        await settle(pilot)
        assert not isinstance(app.screen, NextStepsScreen)
        assert app.main.selected_id == chosen


def _open_promises(app: LoopdeckApp, company: str) -> list[str]:
    assert app.board is not None
    row = next(r for r in app.board.rows if r.loop.process.company == company)
    return [t.what for t in row.todos if t.kind == ThreadKind.PROMISE]


async def test_did_ticks_off_the_loops_promise_and_undo_brings_it_back(demo_db: Path) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_on(pilot, "Larkspur Genomics")
        (promise,) = _open_promises(app, "Larkspur Genomics")
        await pilot.press("D")
        await settle(pilot)
        assert _open_promises(app, "Larkspur Genomics") == []
        kept = next(e for e in stored(demo_db, "Larkspur Genomics").events if e.text == promise)
        assert kept.done
        await pilot.press("u")
        await settle(pilot)
        assert _open_promises(app, "Larkspur Genomics") == [promise]
        kept = next(e for e in stored(demo_db, "Larkspur Genomics").events if e.text == promise)
        assert not kept.done


async def test_did_on_a_loop_without_an_open_promise_says_so_and_writes_nothing(
    demo_db: Path,
) -> None:
    before = demo_db.read_bytes()
    notes: list[str] = []

    def keep_notes(message: Message) -> None:
        if isinstance(message, Notify):
            notes.append(message.notification.message)

    app = make_app(demo_db)
    async with app.run_test(size=(120, 40), message_hook=keep_notes) as pilot:
        await open_on(pilot, "Saltmarsh AI")
        assert _open_promises(app, "Saltmarsh AI") == []
        await pilot.press("D")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
    assert "Saltmarsh AI / Staff Applied Scientist: no open promise to tick off." in notes
    assert demo_db.read_bytes() == before


async def test_did_asks_which_promise_when_several_are_open(demo_db: Path) -> None:
    repository = Repository.open(demo_db)
    loop = stored(demo_db, "Kestrel Grid")
    repository.apply(promise(loop, TODAY, "Send Elena the write-up", TODAY + dt.timedelta(days=2)))
    app = make_app(demo_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_on(pilot, "Kestrel Grid")
        assert len(_open_promises(app, "Kestrel Grid")) == 2
        await pilot.press("D")
        assert isinstance(app.screen, PromisePicker)
        await pilot.press("down", "enter")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        left = _open_promises(app, "Kestrel Grid")
        assert len(left) == 1 and "write-up" not in left[0]
        done = [e.text for e in stored(demo_db, "Kestrel Grid").events if e.done]
        assert "Send Elena the write-up" in done


async def test_did_on_a_next_steps_promise_card(demo_db: Path) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        before = _open_promises(app, "Kestrel Grid")
        assert len(before) == 1
        await pilot.press("n")
        screen = app.screen
        assert isinstance(screen, NextStepsScreen)
        column = screen.query_one("#steps-me", OptionList)
        ids = [column.get_option_at_index(i).id or "" for i in range(column.option_count)]
        column.focus()
        column.highlighted = next(
            i
            for i, key in enumerate(ids)
            if screen.cards[key][1].kind == ThreadKind.PROMISE
            and screen.cards[key][0].loop.process.company == "Kestrel Grid"
        )
        count = column.option_count
        await pilot.press("D")
        await settle(pilot)
        assert isinstance(app.screen, NextStepsScreen)
        assert _open_promises(app, "Kestrel Grid") == []
        column = app.screen.query_one("#steps-me", OptionList)
        assert column.option_count == count - 1
        assert before[0] not in screen_text(app)


async def test_help_lists_the_did_key_and_a_line_for_every_signal(demo_db: Path) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 120)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        lines = screen_text(app).splitlines()
        assert any("Tick off an open promise of mine" in line for line in lines)
        assert any("Tick off the selected promise of mine" in line for line in lines)
        for signal in Signal:
            meaning = SIGNAL_LEGEND[signal]
            assert any(
                f"● {SIGNAL_LABEL[signal]}" in line and meaning[:30] in line for line in lines
            ), signal


async def test_the_loop_pane_says_when_they_were_last_touched_and_when_to_nudge_next(
    demo_db: Path,
) -> None:
    """Quarry Systems: a touch two days ago; the next nudge is a week after it."""
    app = make_app(demo_db)
    async with app.run_test(size=(160, 45)) as pilot:
        await open_on(pilot, "Quarry Systems")
        text = screen_text(app)
        assert "last touch 2d ago" in text
        assert "next nudge Sat 21 Mar" in text
