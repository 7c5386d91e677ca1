"""Offers through the command line: terms, totals, pacing in `next`, and `told`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from clihelp import Cli, one_error_line


@pytest.fixture
def three_loops(cli: Cli) -> Cli:
    for line in (
        'Acme / ML Engineer rec:"Ann Lee"',
        'Beta / Infra Lead rec:"Bea Kim"',
        "Gamma / Research Engineer",
    ):
        line += " on:-2w"
        assert cli("add", line).code == 0
    return cli


def next_json(cli: Cli) -> dict[str, dict[str, object]]:
    result = cli("next", "--json")
    assert result.code == 0, result.err
    return {item["company"]: item for item in json.loads(result.out)}


def test_an_offer_with_a_deadline_paces_every_other_loop_until_told(three_loops: Cli) -> None:
    cli = three_loops
    result = cli(
        "offer", "acme", "--base", "200k", "--bonus", "10%", "--equity", "400k",
        "--sign-on", "25k", "--deadline", "+4d", "--status", "written",
    )  # fmt: skip
    assert result.code == 0, result.err
    assert "first year USD 345,000, annualised USD 320,000" in result.out

    steps = next_json(cli)
    assert steps["Acme"]["what"] == "Decide on the offer"
    assert steps["Acme"]["due"] == "2026-03-20"
    behind = " and ask them to speed up: an offer here is projected around Mon 13 Apr"
    assert steps["Beta"]["what"] == (f"Tell Bea Kim about the Acme deadline (4 days left){behind}")
    assert steps["Gamma"]["what"] == (
        f"Tell the recruiter about the Acme deadline (4 days left){behind}"
    )
    assert steps["Beta"]["owner"] == "me"

    told = cli("told", "beta")
    assert told.code == 0, told.err
    assert told.out == "Logged: Told Bea Kim about the Acme offer deadline (Fri 20 Mar)\n"
    steps = next_json(cli)
    assert steps["Beta"]["what"] == "Waiting for a reply to the application"
    assert steps["Beta"]["signal"] == "cooling"  # two weeks without a reply
    assert "Acme deadline" in str(steps["Gamma"]["what"])


def test_offers_compares_side_by_side_and_updates_the_open_offer(three_loops: Cli) -> None:
    cli = three_loops
    assert cli("offer", "acme", "--base", "200k", "--deadline", "fri").code == 0
    assert cli("offer", "beta", "--base", "180k", "--equity", "1.2m", "--currency", "eur").code == 0
    assert cli("offer", "acme", "--sign-on", "50k", "--status", "negotiating").code == 0
    table = cli("offers")
    assert table.code == 0
    lines = table.out.splitlines()
    # No rate for EUR: USD 250,000 is not weighed against EUR 480,000, and the table says so.
    assert lines[0].split() == ["Acme", "/", "ML", "Engineer", "Beta", "/", "Infra", "Lead"]
    assert "EUR 480,000" in next(line for line in lines if line.startswith("First year"))
    assert row(lines, "vs the best") == ["100%", "-"]
    assert lines[-2:] == [
        "",
        "Only USD offers are compared; EUR left out, no rate set (loopdeck config fx.EUR RATE, "
        "one EUR in USD).",
    ]
    data = json.loads(cli("offers", "--json").out)
    acme = next(o for o in data if o["loop"] == "Acme / ML Engineer")
    assert (acme["base"], acme["sign_on"], acme["status"]) == (200_000, 50_000, "negotiating")
    assert acme["compared"] == {"currency": "USD", "first_year": 250_000, "share_of_best": 1.0}
    assert [o["compared"] for o in data if o["loop"] != acme["loop"]] == [None]
    assert len(data) == 2


def row(lines: list[str], label: str) -> list[str]:
    """The cells of one row of the side-by-side table (cells hold no double spaces)."""
    line = next(line for line in lines if line.strip().startswith(label))
    return [cell.strip() for cell in line.strip().removeprefix(label).split("  ") if cell.strip()]


def test_offers_in_two_currencies_compare_at_the_rate_i_set(three_loops: Cli) -> None:
    cli = three_loops
    assert cli("offer", "acme", "--base", "300k").code == 0
    assert cli("offer", "beta", "--base", "222.8k", "--currency", "EUR").code == 0
    assert cli("config", "set", "fx.EUR", "1.5").out == "fx.EUR = 1.5 USD\n"
    assert cli("config", "fx.EUR").out == "1.5\n"

    lines = cli("offers").out.splitlines()
    assert lines[0].split()[0] == "Beta"  # EUR 222,800 is USD 334,200 at my rate
    assert row(lines, "in USD") == ["USD 334,200", "USD 300,000"]
    assert row(lines, "vs the best") == ["100%", "90%"]
    assert lines[-1] == "Compared in USD at your rates (1 EUR = 1.5 USD)."
    beta = json.loads(cli("offers", "--json").out)[0]
    assert beta["compared"] == {"currency": "USD", "first_year": 334_200, "share_of_best": 1.0}

    assert cli("config", "base_currency", "eur").out.splitlines() == [
        "base_currency = EUR",
        "Note: fx.EUR still say what one unit is worth in USD",
    ]
    assert cli("config", "fx.EUR", "none").out == "fx.EUR = no rate\n"
    for words, message in (
        (("set", "fx.EUR"), "config set fx.EUR needs a VALUE"),
        (("fx.EUR", "1.1", "x"), "'x' is one word too many"),
    ):
        refused = cli("config", *words)
        assert (refused.code, message in refused.err) == (2, True)
    assert cli("offers").out.splitlines()[-1] == (
        "Only EUR offers are compared; USD left out, no rate set "
        "(loopdeck config fx.USD RATE, one USD in EUR)."
    )


def test_accepting_closes_the_offer_round_and_stops_pacing(three_loops: Cli) -> None:
    cli = three_loops
    assert cli("offer", "acme", "--deadline", "+3d").code == 0
    assert cli("offer", "acme", "--status", "accepted").code == 0
    steps = next_json(cli)
    assert steps["Acme"]["what"] == "Close the loop: the offer is answered"
    assert "deadline" not in str(steps["Beta"]["what"])
    assert cli("offers").out.startswith("No open offers")
    assert len(json.loads(cli("offers", "--all", "--json").out)) == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("offer", "acme", "--base", "lots"), "'lots' is not an amount"),
        (("offer", "acme", "--bonus", "15%"), "a percentage needs the base salary first"),
        (("offer", "acme", "--currency", "dollars"), "currency"),
        (("offer", "acme", "--deadline", "someday"), "someday"),
        (("told", "beta"), "no other loop has an open offer deadline"),
    ],
)
def test_wrong_input_is_one_sentence_and_leaves_the_file_alone(
    three_loops: Cli, db_path: Path, args: tuple[str, ...], message: str
) -> None:
    before = db_path.read_bytes()
    line = one_error_line(three_loops(*args))
    assert message in line
    assert db_path.read_bytes() == before


def test_told_asks_which_deadline_when_there_are_several(three_loops: Cli) -> None:
    cli = three_loops
    assert cli("offer", "acme", "--deadline", "+4d").code == 0
    assert cli("offer", "beta", "--deadline", "+6d").code == 0
    line = one_error_line(cli("told", "gamma"))
    assert "several loops have a deadline (Acme, Beta)" in line
    assert cli("told", "gamma", "--about", "beta").code == 0
    assert "Acme deadline" in str(next_json(cli)["Gamma"]["what"])
