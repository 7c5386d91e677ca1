"""Naming a loop on the command line, and where the data file lives."""

from __future__ import annotations

from pathlib import Path

import platformdirs
import pytest
from storehelp import process

from storage.errors import AmbiguousError, NotFoundError
from storage.locations import resolve_db_path
from storage.lookup import find_process, short_names

ACME = process("Acme", "ML Engineer", id="a1b2c3d4e5f6")
ACORN = process("Acorn", "Infra", id="a1b2ffff0000")
ACME_DATA = process("Acme", "Data", id="ffee00112233")
ALL = [ACME, ACORN, ACME_DATA]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("a1b2c3", ACME),
        ("acorn", ACORN),
        ("ML ENG", ACME),
        ("  acme / data ", ACME_DATA),
        ("ffee", ACME_DATA),
    ],
)
def test_an_id_prefix_or_a_unique_part_of_the_title_finds_the_loop(
    query: str, expected: object
) -> None:
    assert find_process(ALL, query) == expected


def test_an_ambiguous_name_lists_the_candidates() -> None:
    with pytest.raises(AmbiguousError) as caught:
        find_process(ALL, "ac")

    assert str(caught.value) == (
        "'ac' matches 3 loops: Acme / Data (ffee0011), Acme / ML Engineer (a1b2c3d4), "
        "Acorn / Infra (a1b2ffff); name one by its id"
    )
    assert caught.value.candidates == ["Acme / Data", "Acme / ML Engineer", "Acorn / Infra"]


def test_two_loops_with_one_title_are_told_apart_by_their_ids() -> None:
    twin = process("Acme", "ML Engineer", id="0badcafe0001")
    with pytest.raises(AmbiguousError) as caught:
        find_process([ACME, twin], "Acme / ML Engineer")

    assert "Acme / ML Engineer (0badcafe), Acme / ML Engineer (a1b2c3d4)" in str(caught.value)
    assert find_process([ACME, twin], "0bad") == twin
    assert find_process([ACME, twin], "a1b2c3d4") == ACME


def test_a_long_list_of_matches_is_cut_and_counted() -> None:
    many = [process("Acme", f"Role {n:02}", id=f"{n:02}ab" * 4) for n in range(12)]
    with pytest.raises(AmbiguousError) as caught:
        find_process(many, "acme")

    assert str(caught.value).endswith("Acme / Role 09 (09ab09ab) and 2 more; name one by its id")


def test_a_short_id_prefix_is_not_an_id() -> None:
    with pytest.raises(NotFoundError, match="no loop matches 'a1b'"):
        find_process(ALL, "a1b")


def test_the_whole_title_wins_over_longer_titles_containing_it() -> None:
    acme_ml_lead = process("Acme", "ML Engineer Lead")

    assert find_process([ACME, acme_ml_lead], "acme / ml engineer") == ACME


@pytest.mark.parametrize("query", ["", "   ", "Globex"])
def test_no_match_is_a_clear_not_found(query: str) -> None:
    with pytest.raises(NotFoundError):
        find_process(ALL, query)


def test_db_flag_wins_then_environment_then_user_data_folder(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("LOOPDECK_DB", str(tmp_path / "env.json"))
    assert resolve_db_path(str(tmp_path / "flag.json")) == tmp_path / "flag.json"
    assert resolve_db_path(None) == tmp_path / "env.json"

    monkeypatch.delenv("LOOPDECK_DB")
    expected = Path(platformdirs.user_data_dir("loopdeck")) / "loopdeck.json"
    assert resolve_db_path(None) == expected


def test_a_home_relative_path_is_expanded(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))

    assert resolve_db_path("~/loops.json") == tmp_path / "loops.json"


def test_short_names_are_the_fewest_words_that_name_each_loop() -> None:
    quarry = process("Quarry Systems", "Staff", id="0123456789ab")
    quartz = process("Quartz", "Infra", id="9876543210ab")
    loops = [*ALL, quarry, quartz]
    names = short_names(loops)
    # Acme names two loops: their ids do; "quarry" and "quartz" each name one.
    assert names == {
        ACME.id: "a1b2c3d4",
        ACORN.id: "acorn",
        ACME_DATA.id: "ffee0011",
        quarry.id: "quarry",
        quartz.id: "quartz",
    }
    assert all(find_process(loops, name) is p for p in loops for name in [names[p.id]])
