"""Pictures of every screen at 80x24 and 120x40 on the demo data, today frozen.

Regenerate with `pytest tests/app/test_snapshots.py --snapshot-update` in a
commit of its own, after looking at the SVGs in `__snapshots__/`.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from apphelp import make_app, open_on, settle, type_text
from textual.pilot import Pilot
from textual.widgets import Input

from storage.repository import Repository

SIZES = [(80, 24), (120, 40)]
Script = Callable[[Pilot[None]], Awaitable[None]]
SnapCompare = Callable[..., bool]


async def steady(pilot: Pilot[None]) -> None:
    """Finished loading, no blinking cursor: the same picture on every run."""
    await settle(pilot)
    for box in pilot.app.screen.query(Input).results(Input):
        box.cursor_blink = False
    await pilot.pause()


async def main_screen(pilot: Pilot[None]) -> None:
    await steady(pilot)


async def second_loop(pilot: Pilot[None]) -> None:
    await settle(pilot)
    await pilot.press("down")
    await steady(pilot)


async def next_steps(pilot: Pilot[None]) -> None:
    await settle(pilot)
    await pilot.press("n")
    await steady(pilot)


async def quick_add(pilot: Pilot[None]) -> None:
    await settle(pilot)
    await pilot.press("a")
    # The end typed key by key: a line longer than the box (62 cells at 80 columns) scrolls
    # as typing scrolls it, which putting the whole line in at once does not.
    await type_text(pilot, 'Nimbus / Staff MLE rec:"Ada Byron" next:')
    await pilot.press(*"screen on:thu at:10:00")
    await steady(pilot)


async def quick_add_error(pilot: Pilot[None]) -> None:
    await settle(pilot)
    await pilot.press("a")
    await type_text(pilot, "Nimbus / Staff MLE next:lunch")
    await steady(pilot)


async def contact_error(pilot: Pilot[None]) -> None:
    await settle(pilot)
    await pilot.press("c")
    await type_text(pilot, "Grace")
    pilot.app.screen.query_one("#field-email", Input).value = "grace at navy"
    await pilot.press("ctrl+s")
    await steady(pilot)


async def on_tech_round(pilot: Pilot[None]) -> None:
    """Kestrel Grid's timeline focused (Tab), the cursor on its technical interview."""
    await open_on(pilot, "Kestrel Grid")
    await pilot.press("tab", "down", "down", "down")


async def timeline_cursor(pilot: Pilot[None]) -> None:
    await on_tech_round(pilot)
    await steady(pilot)


async def move_form(pilot: Pilot[None]) -> None:
    await on_tech_round(pilot)
    await pilot.press("m")
    await steady(pilot)


async def contact_edit(pilot: Pilot[None]) -> None:
    await open_on(pilot, "Kestrel Grid")
    await pilot.press("tab", "tab", "enter")
    await steady(pilot)


async def delete_confirm(pilot: Pilot[None]) -> None:
    await on_tech_round(pilot)
    await pilot.press("x")
    await steady(pilot)


async def help_screen(pilot: Pilot[None]) -> None:
    await settle(pilot)
    await pilot.press("f1")
    await steady(pilot)


SCRIPTS: dict[str, Script] = {
    "main": main_screen,
    "second-loop": second_loop,
    "next-steps": next_steps,
    "quick-add": quick_add,
    "quick-add-error": quick_add_error,
    "contact-error": contact_error,
    "help": help_screen,
    "timeline-cursor": timeline_cursor,
    "move-form": move_form,
    "contact-edit": contact_edit,
    "delete-confirm": delete_confirm,
}


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("name", list(SCRIPTS))
def test_screen(snap_compare: SnapCompare, demo_db: Path, name: str, size: tuple[int, int]) -> None:
    assert snap_compare(make_app(demo_db), terminal_size=size, run_before=SCRIPTS[name])


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_read_only(snap_compare: SnapCompare, demo_db: Path, size: tuple[int, int]) -> None:
    demo_db.write_text("{ not json", encoding="utf-8")
    assert snap_compare(make_app(demo_db), terminal_size=size, run_before=main_screen)


LONG_NAMES = {
    "Quarry Systems": ("Quarry Systems International", "Principal Machine Learning Engineer"),
    "Saltmarsh AI": ("Saltmarsh Artificial Intelligence", "Staff Applied Scientist, Search"),
}


def test_long_names_at_80(snap_compare: SnapCompare, demo_db: Path) -> None:
    """At 80 columns the names take the room the other columns leave, cut with an ellipsis."""
    document = json.loads(demo_db.read_text(encoding="utf-8"))
    for process in document["processes"].values():
        process["company"], process["role"] = LONG_NAMES.get(
            process["company"], (process["company"], process["role"])
        )
    demo_db.write_text(json.dumps(document, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    assert snap_compare(make_app(demo_db), terminal_size=(80, 24), run_before=main_screen)


async def on_quarry(pilot: Pilot[None]) -> None:
    await open_on(pilot, "Quarry Systems")
    await steady(pilot)


def test_contacts_with_a_long_email(snap_compare: SnapCompare, demo_db: Path) -> None:
    """An email wider than the contacts pane: shortened with an ellipsis, never split."""
    repo = Repository.open(demo_db)
    loop = next(x for x in repo.loops() if x.process.company == "Quarry Systems")
    long_email = "jonas.weber.principal.recruiting@quarrysystems-talent.example"
    with repo.transaction("a long email") as tx:
        tx.put(loop.people()[0].model_copy(update={"email": long_email}))
    assert snap_compare(make_app(demo_db), terminal_size=(80, 24), run_before=on_quarry)
