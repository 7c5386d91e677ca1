"""Pictures of the offers, prep and funnel views at 80x24 and 120x40 on the demo data.

Regenerate with `pytest tests/app/test_insight_snapshots.py --snapshot-update`
in a commit of its own, after looking at the SVGs in `__snapshots__/`.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from apphelp import make_app, settle
from textual.pilot import Pilot

SIZES = [(80, 24), (120, 40)]
SnapCompare = Callable[..., bool]


def pressing(key: str) -> Callable[[Pilot[None]], Awaitable[None]]:
    async def script(pilot: Pilot[None]) -> None:
        await settle(pilot)
        await pilot.press(key)
        await settle(pilot)

    return script


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("key", ["dollar_sign", "p", "f"], ids=["offers", "prep", "funnel"])
def test_view(snap_compare: SnapCompare, demo_db: Path, key: str, size: tuple[int, int]) -> None:
    assert snap_compare(make_app(demo_db), terminal_size=size, run_before=pressing(key))
