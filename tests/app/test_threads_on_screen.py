"""A loop's state under its owner, my to-dos apart: the header and the next-steps screen."""

from __future__ import annotations

from pathlib import Path

from apphelp import make_app, screen_text, settle
from textual.widgets import OptionList

from planner.models import Owner
from planner.steps import ThreadKind
from tui.screens.next_steps import NextStepsScreen


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
