"""Sync and kept conflicts inside the app, driven by Pilot on real git clones."""

from __future__ import annotations

import html
import re
from pathlib import Path

from builders import TODAY
from gitfarm import Farm, Machine, git
from textual.pilot import Pilot

from storage.gitdriver import driver_status
from storage.repository import Repository
from tui.app import LoopdeckApp
from tui.screens.conflicts_view import ConflictsScreen
from tui.widgets.summary_bar import SummaryBar


def app_on(machine: Machine) -> LoopdeckApp:
    return LoopdeckApp(Repository.open(machine.path), TODAY, watch_interval=None)


async def settle(pilot: Pilot[None]) -> None:
    for _ in range(2):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


def notes(app: LoopdeckApp) -> str:
    return "\n".join(str(n.message) for n in app._notifications)


async def test_the_sync_key_pushes_and_the_other_machine_pulls_keeping_its_selection(
    farm: Farm,
) -> None:
    laptop, desktop = farm.clone("laptop"), farm.clone("desktop")
    kept = desktop.add("Acme")
    desktop.sync()
    laptop.sync()
    laptop.add("Nimbus")

    app = app_on(laptop)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("S")
        await settle(pilot)
        assert "Pushed to origin" in notes(app)
        assert app.query_one("#summary", SummaryBar).sync_status == "sync: Pushed to origin"

    desktop_app = app_on(desktop)
    async with desktop_app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        desktop_app.main.select_loop(kept.id)
        await pilot.press("S")
        await settle(pilot)
        assert "Pulled changes to 1 loop" in notes(desktop_app)
        assert desktop_app.board is not None
        titles = {row.loop.process.company for row in desktop_app.board.rows}
        assert titles == {"Acme", "Nimbus"}
        assert desktop_app.main.selected_id == kept.id
    assert laptop.path.read_bytes() == desktop.path.read_bytes()


async def test_a_kept_conflict_is_restored_from_the_app_and_undo_brings_it_back(
    farm: Farm,
) -> None:
    laptop, desktop = farm.clone("laptop"), farm.clone("desktop")
    acme = laptop.add("Acme")
    laptop.sync()
    desktop.sync()
    desktop.edit(acme.id, notes="call the recruiter")
    laptop.edit(acme.id, notes="send the take-home")
    desktop.sync()
    laptop.sync()
    assert laptop.record(acme.id)["notes"] == "send the take-home"

    app = app_on(laptop)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("K")
        await pilot.pause()
        assert isinstance(app.screen, ConflictsScreen)
        await pilot.press("enter")
        await settle(pilot)
        assert not isinstance(app.screen, ConflictsScreen)
        assert laptop.record(acme.id)["notes"] == "call the recruiter"
        assert not laptop.record(acme.id).get("_conflicts")
        await pilot.press("u")
        await settle(pilot)
    record = laptop.record(acme.id)
    assert record["notes"] == "send the take-home"
    assert [c["value"] for c in record["_conflicts"]] == ["call the recruiter"]


async def test_sync_outside_a_repository_explains_and_leaves_the_file_alone(
    tmp_path: Path, farm: Farm
) -> None:
    alone = Machine("alone", tmp_path / "alone")
    alone.add("Acme")
    before = alone.path.read_bytes()
    app = app_on(alone)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("S")
        await settle(pilot)
        assert "loopdeck sync --init" in notes(app)
        assert app.query_one("#summary", SummaryBar).sync_status == "sync failed"
    assert alone.path.read_bytes() == before


async def test_opening_the_app_repairs_a_missing_merge_driver(farm: Farm) -> None:
    laptop = farm.clone("laptop")
    laptop.add("Acme")
    laptop.sync()
    git(laptop.root, "config", "--remove-section", "merge.loopdeck")
    assert driver_status(laptop.path) is not None

    app = app_on(laptop)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert "Installed the merge driver" in notes(app)
    assert driver_status(laptop.path) is None


async def test_a_loop_with_kept_conflicts_says_so_in_its_timeline(farm: Farm) -> None:
    laptop, desktop = farm.clone("laptop"), farm.clone("desktop")
    acme = laptop.add("Acme")
    laptop.sync()
    desktop.sync()
    desktop.edit(acme.id, level="L6")
    laptop.edit(acme.id, level="L5")
    desktop.sync()
    laptop.sync()

    app = app_on(laptop)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.main.select_loop(acme.id)
        await pilot.pause()
        assert app.board is not None and app.board.row(acme.id) is not None
        assert app.board.row(acme.id).conflicts == 1  # type: ignore[union-attr]
        svg = app.export_screenshot()
        shown = html.unescape(re.sub(r"<[^>]+>", "", svg)).replace("\xa0", " ")
        assert "1 value overwritten by a sync" in shown
