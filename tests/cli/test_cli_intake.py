"""`loopdeck intake`: real invite and mail files into a real data file, only with --yes."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from clihelp import Cli, one_error_line

FILES = Path(__file__).parent.parent / "files" / "intake"


@pytest.fixture(autouse=True)
def in_berlin(monkeypatch: pytest.MonkeyPatch) -> None:
    """I live in Berlin; the companies write from California, New York and UTC."""
    monkeypatch.setenv("TZ", "Europe/Berlin")


@pytest.fixture
def loops(cli: Cli) -> None:
    for line in (
        'Acme Robotics / ML Engineer rec:"Ann Lee <ann@acmerobotics.com>" next:tech',
        "Beta Labs / Infra Lead",
        'Cobalt Systems / Staff Engineer rec:"Rita Cole <rita@cobaltsys.com>" next:onsite',
    ):
        assert cli("add", line).code == 0


def shown(cli: Cli, query: str) -> dict[str, Any]:
    result = cli("show", query, "--json")
    assert result.code == 0, result.err
    data: dict[str, Any] = json.loads(result.out)
    return data


def rounds(cli: Cli, query: str) -> list[tuple[Any, ...]]:
    return [
        (r["kind"], r["status"], r["date"], r["time"], r["format"], r["interviewers"])
        for r in shown(cli, query)["rounds"]
        if r["kind"] != "applied"
    ]


def intake(cli: Cli, name: str, *args: str) -> str:
    result = cli("intake", str(FILES / name), *args)
    assert result.code == 0, result.err
    return result.out


def test_the_preview_shows_before_and_after_and_writes_nothing(
    cli: Cli, loops: None, db_path: Path
) -> None:
    before = db_path.read_bytes()
    out = intake(cli, "google_technical.ics")
    assert out == (
        "Loop: Acme Robotics / ML Engineer (ann@acmerobotics.com, a contact of this loop)\n"
        "  person  + Priya Rao <priya.rao@acmerobotics.com> (interviewer)\n"
        "  person  + Sam Wu <sam.wu@acmerobotics.com> (interviewer)\n"
        "  round   Technical interview: planned, no date\n"
        "       -> Technical interview: scheduled, Tue 24 Mar 18:00; with Priya Rao, Sam Wu; "
        "Google Meet https://meet.google.com/xpd-fkqw-bnr\n"
        "  note    not added: Jordan Rivera <jordan.rivera@gmail.com> (not at Acme Robotics)\n"
        "Nothing written yet: run again with --yes to apply it.\n"
    )
    assert db_path.read_bytes() == before


def test_yes_applies_it_once_and_the_same_file_again_changes_nothing(
    cli: Cli, loops: None, db_path: Path
) -> None:
    assert intake(cli, "google_technical.ics", "--yes").endswith(
        "Applied as one step (loopdeck undo takes it back).\n"
    )
    assert rounds(cli, "acme") == [
        ("tech", "scheduled", "2026-03-24", "18:00:00", "Google Meet", ["Priya Rao", "Sam Wu"])
    ]
    acme = shown(cli, "acme")
    assert acme["rounds"][-1]["link"] == "https://meet.google.com/xpd-fkqw-bnr"
    assert acme["rounds"][-1]["invite_uid"] == "7kq2m9v4c1h8t3e6r0b5n2d7f4@google.com"
    people = sorted((c["name"], c["role"]) for c in acme["contacts"])
    assert people == [
        ("Ann Lee", "recruiter"),
        ("Priya Rao", "interviewer"),
        ("Sam Wu", "interviewer"),
    ]
    threads = json.loads(cli("next", "--json").out)
    steps = {t["company"]: t for t in threads if t["kind"] == "state"}
    assert steps["Acme Robotics"]["what"] == "Prepare for Technical interview on Tue 24 Mar"

    before = db_path.read_bytes()
    again = intake(cli, "google_technical.ics", "--yes")
    assert again.startswith("Loop: Acme Robotics / ML Engineer (it already holds this invite)\n")
    assert again.endswith("Nothing to change: Acme Robotics / ML Engineer already has all of it.\n")
    assert db_path.read_bytes() == before

    assert cli("undo").out == "Undid: intake invite into Acme Robotics / ML Engineer\n"
    assert rounds(cli, "acme") == [("tech", "planned", None, None, "", [])]


def test_a_moved_invite_moves_the_round_and_a_cancellation_cancels_it(
    cli: Cli, loops: None
) -> None:
    intake(cli, "google_technical.ics", "--yes")
    moved = intake(cli, "google_technical_moved.ics", "--yes")
    assert "-> Technical interview: scheduled, Thu 26 Mar 21:30;" in moved
    assert rounds(cli, "acme") == [
        ("tech", "scheduled", "2026-03-26", "21:30:00", "Google Meet", ["Priya Rao", "Sam Wu"])
    ]
    cancelled = intake(cli, "google_technical_cancelled.ics", "--yes")
    assert "       -> Technical interview: cancelled\n" in cancelled
    assert [r[:3] for r in rounds(cli, "acme")] == [("tech", "cancelled", "2026-03-26")]


def test_an_invite_in_utc_from_a_scheduling_tool_finds_the_company_by_domain(
    cli: Cli, loops: None
) -> None:
    out = intake(cli, "scheduler_screen_utc.ics", "--yes")
    assert out.startswith("Loop: Beta Labs / Infra Lead (betalabs.io, its company's mail domain)")
    assert rounds(cli, "beta") == [
        ("screen", "scheduled", "2026-03-19", "17:00:00", "Zoom", ["Mara Quinn"])
    ]
    (mara,) = shown(cli, "beta")["contacts"]
    assert (mara["name"], mara["email"], mara["role"]) == (
        "Mara Quinn",
        "mara.quinn@betalabs.io",
        "recruiter",
    )


def test_an_outlook_panel_with_several_attendees(cli: Cli, loops: None) -> None:
    out = intake(cli, "outlook_onsite_panel.ics", "--yes")
    assert "Onsite / panel: scheduled, Thu 02 Apr 17:00; with " in out
    assert rounds(cli, "cobalt") == [
        (
            "onsite",
            "scheduled",
            "2026-04-02",
            "17:00:00",
            "Microsoft Teams",
            ["Hal Ames", "Dee Park", "Luis Ortega", "Mei Chen"],
        )
    ]
    roles = {c["name"]: c["role"] for c in shown(cli, "cobalt")["contacts"]}
    assert roles == {
        "Rita Cole": "recruiter",
        "Talent Scheduling": "coordinator",
        "Hal Ames": "interviewer",
        "Dee Park": "interviewer",
        "Luis Ortega": "interviewer",
        "Mei Chen": "interviewer",
    }


def test_a_mail_is_a_received_touch_from_its_sender_once(
    cli: Cli, loops: None, db_path: Path
) -> None:
    out = intake(cli, "acme_next_steps.eml", "--yes")
    assert "  person  + Renée Dubois <renee.dubois@acmerobotics.com> (coordinator)\n" in out
    assert (
        "  touch   + received Mon 16 Mar from Renée Dubois: "
        "Mail: Next steps – your onsite at Acme Robotics\n"
    ) in out
    acme = shown(cli, "acme")
    renee = next(c for c in acme["contacts"] if c["name"] == "Renée Dubois")
    (event,) = acme["events"]
    assert (event["kind"], event["on"], event["contact_id"]) == (
        "received",
        "2026-03-16",
        renee["id"],
    )
    assert event["message_id"] == "CAF3xk9Q2pV8+next-steps.7741@mail.acmerobotics.com"
    assert renee["last_touch"] == "2026-03-16"

    before = db_path.read_bytes()
    assert intake(cli, "acme_next_steps.eml", "--yes").endswith("already has all of it.\n")
    assert db_path.read_bytes() == before


def test_a_mail_with_an_invite_inside_schedules_and_logs(cli: Cli, loops: None) -> None:
    out = intake(cli, "beta_invite_mail.eml", "--yes")
    assert "  round   + Recruiter screen: scheduled, Thu 19 Mar 17:00;" in out
    assert "  touch   + received Fri 13 Mar from Mara Quinn: Mail: Invitation:" in out
    assert [r[:3] for r in rounds(cli, "beta")] == [("screen", "scheduled", "2026-03-19")]
    # The same invite as a file is already there.
    assert intake(cli, "scheduler_screen_utc.ics").endswith("already has all of it.\n")


def test_pasted_text_is_read_from_stdin(
    cli: Cli, loops: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    pasted = (FILES / "acme_next_steps.eml").read_bytes()
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(pasted)))
    result = cli("intake", "-")
    assert result.code == 0, result.err
    assert "touch   + received Mon 16 Mar from Renée Dubois" in result.out


def test_pasted_text_without_headers_is_one_line_and_changes_nothing(
    cli: Cli, loops: None, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = db_path.read_bytes()
    pasted = (FILES / "pasted_body.txt").read_bytes()
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(pasted)))
    line = one_error_line(cli("intake", "-", "--yes"))
    assert line == (
        "loopdeck: the pasted text is neither a calendar invite (BEGIN:VCALENDAR ...) nor a "
        "mail with its headers (From:, Date:, Subject:)"
    )
    assert db_path.read_bytes() == before


def test_a_loop_that_cannot_be_told_asks_for_loop(cli: Cli, db_path: Path, tmp_path: Path) -> None:
    assert cli("add", "Delta / SRE").code == 0
    before = db_path.read_bytes()
    line = one_error_line(cli("intake", str(FILES / "acme_next_steps.eml"), "--yes"))
    assert line.startswith("loopdeck: cannot tell which loop this is for (renee.dubois@")
    assert line.endswith("say which with --loop PROCESS")
    assert db_path.read_bytes() == before
    out = intake(cli, "acme_next_steps.eml", "--loop", "delta", "--yes")
    assert out.startswith("Loop: Delta / SRE (the loop you named)\n")
    assert [e["text"] for e in shown(cli, "delta")["events"]] == [
        "Mail: Next steps – your onsite at Acme Robotics"
    ]
    assert "cannot read" in one_error_line(cli("intake", str(tmp_path / "missing.ics")))
