"""`loopdeck next` lists threads: each loop's state, and my to-dos beside it, on a real file.

The story a new user ran into: an onsite ten days ago, a nudge, a promise from
the recruiter, and an offer elsewhere that must not hide any of it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from clihelp import Cli

from planner.clock import today
from planner.offers import Offer
from planner.steps import ThreadKind
from planner.threads import threads
from tui.cli.context import Context

HOOLI = 'Hooli / ML Engineer rec:"Maya Chen <maya@hooli.io>" hm:"Hal Ng <hal@hooli.io>" on:-5w'


def items(cli: Cli, *args: str) -> list[dict[str, Any]]:
    result = cli("next", "--json", *args)
    assert result.code == 0, result.err
    found: list[dict[str, Any]] = json.loads(result.out)
    return found


def of(found: list[dict[str, Any]], company: str) -> list[dict[str, Any]]:
    return [i for i in found if i["company"] == company]


@pytest.fixture
def hooli(cli: Cli) -> Cli:
    """A loop whose onsite took place ten days ago, no decision yet."""
    assert cli("add", HOOLI).code == 0
    assert cli("stage", "hooli", "onsite on:-10d").code == 0
    return cli


def test_a_touch_moves_the_clock_and_their_promise_sets_it(
    hooli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    (state,) = of(items(hooli), "Hooli")
    assert (state["kind"], state["owner"], state["signal"]) == (
        "state",
        "hiring_manager",
        "follow_up",
    )
    assert (state["last_touch"], state["next_nudge"], state["expected"]) == (
        None,
        "2026-03-13",
        None,
    )

    assert (
        hooli("log", "hooli", "Asked Maya for an update", "--with", "maya", "--kind", "sent").code
        == 0
    )
    (state,) = of(items(hooli), "Hooli")
    assert (state["signal"], state["waiting_days"]) == ("ok", 10)
    assert (state["last_touch"], state["next_nudge"]) == ("2026-03-16", "2026-03-23")

    # "Maya: decision by Friday": their promise sets the clock until the working day after.
    said = hooli(
        "log",
        "hooli",
        "Maya: decision by Friday",
        "--with",
        "maya",
        "--kind",
        "received",
        "--expect",
        "fri",
    )
    assert (said.code, said.err) == (0, "")
    (state,) = of(items(hooli), "Hooli")
    assert (state["signal"], state["expected"], state["next_nudge"]) == (
        "ok",
        "2026-03-20",
        "2026-03-23",
    )

    monkeypatch.setenv("LOOPDECK_TODAY", "2026-03-20")  # Friday: still their day
    assert of(items(hooli), "Hooli")[0]["signal"] == "ok"
    monkeypatch.setenv("LOOPDECK_TODAY", "2026-03-23")  # Monday: nothing heard
    (state,) = of(items(hooli), "Hooli")
    assert (state["signal"], state["expected"], state["owner"]) == (
        "missed",
        "2026-03-20",
        "hiring_manager",
    )
    assert state["what"].startswith("No word from Maya Chen by Fri 20 Mar as promised")
    shown = json.loads(hooli("show", "hooli", "--json").out)["next"]
    assert {k: shown[k] for k in ("kind", "signal", "last_touch", "expected", "next_nudge")} == {
        "kind": "state",
        "signal": "missed",
        "last_touch": "2026-03-16",
        "expected": "2026-03-20",
        "next_nudge": "2026-03-23",
    }


def test_an_offer_elsewhere_adds_a_todo_and_every_owner_keeps_their_loops(cli: Cli) -> None:
    assert cli("add", HOOLI).code == 0
    assert cli("stage", "hooli", "tech on:-21d").code == 0
    assert cli("add", 'Umbrella / Infra rec:"Uma Ray <uma@umbrella.io>" on:-6w').code == 0
    assert cli("offer", "umbrella", "--base", "200k", "--deadline", "+6d").code == 0

    everything = items(cli)
    hooli = of(everything, "Hooli")
    assert [(i["kind"], i["owner"], i["signal"]) for i in hooli] == [
        ("state", "hiring_manager", "cooling"),
        ("pacing", "me", "ok"),
    ]
    assert hooli[1]["what"] == (
        "Tell Maya Chen about the Umbrella deadline (6 days left) and ask them to speed up: "
        "an offer here is projected around Mon 23 Mar"
    )
    assert (hooli[1]["last_touch"], hooli[1]["next_nudge"], hooli[1]["expected"]) == (
        None,
        None,
        None,
    )
    assert hooli[0]["process_id"] == hooli[1]["process_id"]

    on_hm = items(cli, "--owner", "hiring_manager")
    assert [(i["company"], i["kind"], i["signal"]) for i in on_hm] == [
        ("Hooli", "state", "cooling")
    ]
    mine = items(cli, "--owner", "me")
    assert {(i["company"], i["kind"]) for i in mine} == {("Hooli", "pacing"), ("Umbrella", "state")}
    assert items(cli, "--owner", "recruiter") == []

    human = cli("next", "--owner", "hiring_manager")
    assert human.code == 0
    (line,) = human.out.split("\n\nOffer deadlines")[0].splitlines()[1:]
    assert line.split()[:4] == ["cooling", "Hooli", "/", "ML"]
    assert "Maya Chen (recruiter)" in line


def test_next_says_a_loop_cannot_finish_before_another_offers_deadline(cli: Cli) -> None:
    """Pinned clock (2026-03-16): two rounds left at seven days each, a deadline in five days."""
    assert cli("add", HOOLI).code == 0
    assert cli("stage", "hooli", "tech").code == 0
    assert cli("stage", "hooli", "onsite").code == 0
    assert cli("add", 'Umbrella / Infra rec:"Uma Ray <uma@umbrella.io>"').code == 0
    assert cli("offer", "umbrella", "--base", "200k", "--deadline", "+5d").code == 0

    (pacing,) = [i for i in of(items(cli), "Hooli") if i["kind"] == "pacing"]
    assert pacing["what"] == (
        "Tell Maya Chen about the Umbrella deadline (5 days left) and ask them to speed up: "
        "an offer here is projected around Mon 30 Mar"
    )


def test_next_paces_with_the_closed_loops_as_the_whole_history_does(
    cli: Cli, db_path: Path
) -> None:
    """`next` adds the closed loops to the open ones it holds; the plain way reads them all."""
    assert cli("add", HOOLI).code == 0
    assert cli("stage", "hooli", "tech").code == 0
    assert cli("add", 'Umbrella / Infra rec:"Uma Ray <uma@umbrella.io>"').code == 0
    assert cli("offer", "umbrella", "--base", "200k", "--deadline", "+5d").code == 0
    for company in ("Initech", "Globex", "Wonka"):
        assert cli("add", f"{company} / ML on:-8w").code == 0
        assert cli("stage", company.lower(), "tech on:-7w").code == 0
        assert cli("stage", company.lower(), "offer on:-5w").code == 0
        assert cli("close", company.lower(), "--reason", "declined").code == 0

    context = Context(db_path=db_path, today=today())
    repo = context.repo
    whole = threads(repo.loops_for_pace(), context.today, repo.settings(), repo.records(Offer))

    assert context.threads() == whole
    assert any(t.kind == ThreadKind.PACING for t in whole)
