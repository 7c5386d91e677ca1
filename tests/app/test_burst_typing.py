"""Keys typed in one burst land in the fields they were typed for; every form opens on its
first field."""

from __future__ import annotations

from pathlib import Path

from apphelp import make_app, open_next_steps, open_on, open_prep, settle, stored, write_demo
from textual import events
from textual.app import App
from textual.widgets import Input, Label, OptionList, Select

from tui.screens.contact_form import ContactForm
from tui.screens.draft_screen import DraftScreen
from tui.screens.point_form import PointForm
from tui.screens.prep_view import PrepScreen

BURST = ["c", *"Dave", "tab", "tab", *"dave@x.io", "ctrl+s"]
KEY_NAMES = {"@": "at_sign", ".": "full_stop"}


def type_in_one_burst(app: App[None], keys: list[str]) -> None:
    """Hand every key to the app at once, as a terminal does with a fast burst.

    `pilot.press` waits for the app to be idle after each key, so it never
    shows the race: a terminal's reader posts the keys one after the other
    without waiting, and so does this.
    """
    for key in keys:
        app.post_message(events.Key(KEY_NAMES.get(key, key), key if len(key) == 1 else None))


async def test_a_contact_typed_in_one_burst_is_saved_as_typed(demo_db: Path) -> None:
    for attempt in range(3):
        app = make_app(write_demo(demo_db))
        async with app.run_test(size=(120, 40)) as pilot:
            await open_on(pilot, "Kestrel Grid")
            type_in_one_burst(app, BURST)
            await settle(pilot)
            await settle(pilot)
            assert not isinstance(app.screen, ContactForm), attempt
        daves = [c for c in stored(demo_db, "Kestrel Grid").contacts if c.name.startswith("Dave")]
        assert [(c.name, c.email) for c in daves] == [("Dave", "dave@x.io")], attempt


async def test_the_same_keys_pressed_one_by_one_save_the_same_contact(demo_db: Path) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_on(pilot, "Kestrel Grid")
        await pilot.press(*BURST)
        await settle(pilot)
    dave = next(c for c in stored(demo_db, "Kestrel Grid").contacts if c.name == "Dave")
    assert dave.email == "dave@x.io"


async def test_the_talking_point_form_opens_on_its_first_field(demo_db: Path) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_prep(pilot, "Kestrel Grid")
        await pilot.press("t")
        await settle(pilot)
        assert isinstance(app.screen, PointForm)
        assert isinstance(app.focused, Select) and app.focused.id == "field-audience"
        await pilot.press("tab", *"Cut p99 by batching", "ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, PrepScreen)


async def test_column_keys_and_m_in_one_burst_draft_for_the_card_they_reached(
    demo_db: Path,
) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_next_steps(pilot)
        hm = screen.query_one("#steps-hiring_manager", OptionList)
        first_card = hm.get_option_at_index(0).id or ""
        expected = screen.cards[first_card][0].loop.process.title
        assert screen.focused is not None and screen.focused.id == "steps-me"
        type_in_one_burst(app, ["l", "l", "m"])  # Me, round to the recruiter, then the HM
        await settle(pilot)
        assert isinstance(app.screen, DraftScreen)
        title = app.screen.query_one(".dialog-title", Label).render()
        assert str(title) == f"Draft for {expected}"


async def test_a_filter_typed_in_one_burst_after_the_slash_lands_in_the_filter(
    demo_db: Path,
) -> None:
    """`k` is a list key of the table and `e` opens the edit form: typed in the same burst
    as `/`, they were forwarded to the table before the filter line took the focus."""
    for attempt in range(3):
        app = make_app(write_demo(demo_db))
        async with app.run_test(size=(120, 40)) as pilot:
            await open_on(pilot, "Kestrel Grid")
            type_in_one_burst(app, ["slash", *"kestrel"])
            await settle(pilot)
            await settle(pilot)
            assert app.screen is app.main, attempt  # no form opened
            box = app.main.query_one("#filter", Input)
            assert box.value == "kestrel", attempt
            assert app.focused is box, attempt
