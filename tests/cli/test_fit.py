"""How a table is fitted to a width: shorten, then drop, then shorten more, never wrap."""

from __future__ import annotations

import pytest

from tui.cli.fit import Column, clip, fit_prose, fit_table, keep_tail, output_width, widths

COLUMNS = (
    Column("SIGNAL"),
    Column("TEXT", shrink=20),
    Column("OWNER", shrink=14, floor=14),
    Column("EXTRA", drop=1),
)
ROW = ["cooling", "x" * 60, "Hiring manager", "since 16 days"]


def test_without_a_width_every_cell_is_whole() -> None:
    assert widths(COLUMNS, [ROW], None) == [7, 60, 14, 13]


def test_long_text_shortens_first_and_nothing_goes_while_it_can() -> None:
    sizes = widths(COLUMNS, [ROW], 70)
    assert sizes == [7, 30, 14, 13]
    assert sum(sizes) + 2 * 3 == 70


def test_a_column_goes_when_the_text_would_get_shorter_than_it_should() -> None:
    assert widths(COLUMNS, [ROW], 50) == [7, 25, 14, 0]


def test_below_that_text_shortens_to_its_floor_but_the_owner_stays_whole() -> None:
    assert widths(COLUMNS, [ROW], 30) == [7, 5, 14, 0]
    assert widths(COLUMNS, [ROW], 20) == [7, 4, 14, 0]  # the floor: lines are cut now


@pytest.mark.parametrize("width", [20, 30, 50, 70, 100])
def test_no_line_is_ever_longer_than_the_width(width: int) -> None:
    text = fit_table(COLUMNS, [ROW, ["ok", "short", "Me", "-"]], width)
    assert max(len(line) for line in text.splitlines()) <= width


def test_shortened_text_ends_with_an_ellipsis_and_keeps_its_start() -> None:
    lines = fit_table(COLUMNS, [ROW], 50).splitlines()
    assert lines[1] == "cooling  " + "x" * 24 + "…  Hiring manager"


def test_columns_share_the_cut_in_proportion_to_their_shrink_widths() -> None:
    columns = (Column("A", shrink=10), Column("B", shrink=30))
    assert widths(columns, [["a" * 40, "b" * 120]], 82) == [20, 60]


def test_clip_and_keep_tail() -> None:
    assert clip("abcdef", 4) == "abc…"
    assert clip("abc", 4) == "abc"
    assert keep_tail("Next: a very long step", "  [missed]", 20) == "Next: a v…  [missed]"
    assert keep_tail("head", "tail", None) == "headtail"


@pytest.mark.parametrize(("value", "expected"), [("80", 80), ("132", 132), ("", None), ("x", None)])
def test_columns_sets_the_width_and_a_pipe_has_none(
    monkeypatch: pytest.MonkeyPatch, value: str, expected: int | None
) -> None:
    monkeypatch.setenv("COLUMNS", value)
    assert output_width() == expected  # pytest's captured stdout is not a terminal


def test_a_cell_with_control_characters_is_measured_as_it_prints() -> None:
    """An escape prints several columns wide; the next column still lines up."""
    columns = [Column("NAME"), Column("OWNER")]
    table = fit_table(columns, [["Evil\x1b[2J", "Recruiter"], ["Acme", "Me"]], None)
    lines = table.splitlines()
    assert "\x1b" not in table
    assert lines[1].index("Recruiter") == lines[2].index("Me") == lines[0].index("OWNER")


def test_prose_folds_at_spaces_under_a_hanging_indent() -> None:
    note = "  note    not added: Talent Scheduling <scheduling@cobaltsys.example> (not at Kestrel)"
    folded = fit_prose([note, "short"], 40)
    assert folded == [
        "  note    not added: Talent Scheduling",
        "    <scheduling@cobaltsys.example> (not",
        "    at Kestrel)",
        "short",
    ]
    assert fit_prose([note], None) == [note]
    assert all(len(line) <= 12 for line in fit_prose(["x" * 30 + " tail"], 12))


def test_prose_keeps_a_date_on_one_line() -> None:
    note = "Offer projected around Thu 26 Mar, after the deadline on Wed 18 Mar 2027"
    for width in range(24, len(note)):
        folded = fit_prose([note], width)
        assert all(len(line) <= width for line in folded)
        joined = "\n".join(folded)
        assert "Thu 26 Mar" in joined and "Wed 18 Mar 2027" in joined, folded
