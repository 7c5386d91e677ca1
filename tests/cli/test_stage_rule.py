"""One stage rule: the board's Stage column and the CSV export say the same word per loop."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

from clihelp import Cli

from planner.offers import Offer
from planner.stage import stage_of
from storage.repository import Repository
from tui.board import build_board


def test_the_board_and_the_csv_export_agree_on_every_demo_loop(
    cli: Cli, demo_db: Path, frozen_today: dt.date
) -> None:
    result = cli("export", "--format", "csv", db=demo_db)
    assert result.code == 0, result.err
    exported = {row["Id"]: row["Stage"] for row in csv.DictReader(io.StringIO(result.out))}
    repo = Repository.open(demo_db)
    loops = repo.loops(include_closed=True)
    board = build_board(loops, frozen_today, repo.settings(), repo.records(Offer))
    assert len(board) == len(exported) == 12
    for row in board:
        assert row.stage == exported[row.process_id] == stage_of(row.loop, frozen_today)
    assert {"On hold", "Rejected"} <= set(exported.values())
