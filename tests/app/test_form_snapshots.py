"""Pictures of the offer form and the prep view's forms at 80x24 and 120x40 on the demo data.

Each form is shown filled in with sample values, and the offer form also with
a value it refuses. Regenerate with
`pytest tests/app/test_form_snapshots.py --snapshot-update` in a commit of its
own, after looking at the SVGs in `__snapshots__/`.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from apphelp import make_app, open_on, settle, type_text
from textual.pilot import Pilot
from textual.widgets import Input

SIZES = [(80, 24), (120, 40)]
Script = Callable[[Pilot[None]], Awaitable[None]]
SnapCompare = Callable[..., bool]


async def steady(pilot: Pilot[None]) -> None:
    """Finished writing and loading, no blinking cursor: the same picture on every run."""
    await settle(pilot)
    for box in pilot.app.screen.query(Input).results(Input):
        box.cursor_blink = False
    await pilot.pause()


def fill(pilot: Pilot[None], **values: str) -> None:
    for name, value in values.items():
        pilot.app.screen.query_one(f"#field-{name}", Input).value = value


async def on_loop(pilot: Pilot[None], company: str, *keys: str) -> None:
    await open_on(pilot, company)
    await pilot.press(*keys)
    await settle(pilot)


async def offer(pilot: Pilot[None]) -> None:
    await on_loop(pilot, "Orchard Vector", "O")
    fill(pilot, base="250k", bonus="15%", equity="1.2m", sign_on="20k", deadline="+7d")
    await steady(pilot)


async def offer_error(pilot: Pilot[None]) -> None:
    await on_loop(pilot, "Orchard Vector", "O")
    fill(pilot, base="lots", bonus="15%")
    await pilot.press("ctrl+s")
    await steady(pilot)


async def question(pilot: Pilot[None]) -> None:
    await on_loop(pilot, "Kestrel Grid", "p", "a")
    await type_text(pilot, "Who owns the roadmap?")
    await steady(pilot)


async def answer(pilot: Pilot[None]) -> None:
    await on_loop(pilot, "Kestrel Grid", "p", "enter")
    fill(pilot, answer="Priorities come from the roadmap, set each quarter")
    await steady(pilot)


async def point(pilot: Pilot[None]) -> None:
    await on_loop(pilot, "Kestrel Grid", "p", "t", "tab")  # from the audience to the point
    await type_text(pilot, "Cut p99 from 80 to 20 ms")
    await steady(pilot)


async def decision(pilot: Pilot[None]) -> None:
    await on_loop(pilot, "Orchard Vector", "p", "d")
    fill(pilot, decider="the director", timeline="within a week of the onsite")
    await steady(pilot)


async def profile(pilot: Pilot[None]) -> None:
    await on_loop(pilot, "Orchard Vector", "p", "c")
    await steady(pilot)


async def told(pilot: Pilot[None]) -> None:
    await on_loop(pilot, "Vantage Loom", "T")
    await steady(pilot)


SCRIPTS: dict[str, Script] = {
    "offer": offer,
    "offer-error": offer_error,
    "question": question,
    "answer": answer,
    "point": point,
    "decision": decision,
    "profile": profile,
    "told": told,
}


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("name", list(SCRIPTS))
def test_form(snap_compare: SnapCompare, demo_db: Path, name: str, size: tuple[int, int]) -> None:
    assert snap_compare(make_app(demo_db), terminal_size=size, run_before=SCRIPTS[name])
