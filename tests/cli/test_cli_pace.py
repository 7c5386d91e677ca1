"""`loopdeck pace`: projected offer dates on a real file, and the deadlines they miss."""

from __future__ import annotations

import json
from pathlib import Path

from clihelp import Cli


def test_a_loop_two_rounds_from_an_offer_is_behind_a_deadline_five_days_away(
    cli: Cli, db_path: Path
) -> None:
    assert cli("add", "Acme / ML Engineer").code == 0
    assert cli("offer", "acme", "--base", "200k", "--deadline", "+5d").code == 0
    assert cli("add", 'Beta / SRE rec:"Bo Reyes <bo@beta.io>"').code == 0
    assert cli("stage", "beta", "tech").code == 0
    assert cli("stage", "beta", "onsite").code == 0
    before = db_path.read_bytes()

    result = cli("pace", "--json")
    assert result.code == 0, result.err
    (beta,) = json.loads(result.out)
    assert beta["title"] == "Beta / SRE"
    assert [(r["kind"], r["from"], r["days"]) for r in beta["rounds_left"]] == [
        ("tech", "planned", 7.0),
        ("onsite", "planned", 7.0),
    ]
    assert (beta["offer_on"], beta["earliest"], beta["latest"]) == (
        "2026-03-30",
        "2026-03-23",
        "2026-04-13",
    )
    assert beta["behind"] is True
    assert beta["deadline"]["company"] == "Acme" and beta["deadline"]["date"] == "2026-03-21"
    assert beta["note"] == (
        "Offer projected around Mon 30 Mar, after the Acme deadline on Sat 21 Mar: "
        "ask Bo Reyes to speed up"
    )

    text = cli("pace")
    assert text.code == 0, text.err
    assert "Beta / SRE  tech, onsite  planned" in text.out
    assert "Mon 30 Mar (in 14 days)  Mon 23 Mar - Mon 13 Apr  Acme (Sat 21 Mar)" in text.out
    assert text.out.splitlines()[0].split()[-1] == "BEHIND"
    assert "Beta / SRE: Offer projected around Mon 30 Mar" in text.out
    assert "Pace per stage: tech 7 d (3.5-14; default); onsite 7 d (3.5-14; default)" in text.out
    assert "Usual rounds: screen, hm, tech, onsite (the default stages" in text.out
    assert db_path.read_bytes() == before


def test_a_later_deadline_flags_nothing_and_an_empty_file_says_so(cli: Cli) -> None:
    assert cli("pace").out == "No open loop to project: none is still interviewing.\n"
    assert cli("add", "Acme / ML Engineer").code == 0
    assert cli("offer", "acme", "--base", "200k", "--deadline", "+30d").code == 0
    assert cli("add", "Beta / SRE next:tech").code == 0
    (beta,) = json.loads(cli("pace", "--json").out)
    assert beta["behind"] is False and beta["deadline"] is None and beta["note"] is None
    assert [r["kind"] for r in beta["rounds_left"]] == ["tech", "onsite"]
