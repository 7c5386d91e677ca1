"""A real tracker's CSV: its own status words, US dates with short or no years, next interviews."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from clihelp import Cli

TRACKER = Path(__file__).parent.parent / "files" / "sheets" / "coop_tracker.csv"
IN_THE_FALL = "2024-11-20"

# (company, role) -> the stage word the export writes back for it.
STAGES = {
    ("Northwind Robotics", "Software Developer Co-op"): "Rejected",
    ("Lumen Health", "Data Engineering Intern"): "Rejected",
    ("Bluefin Analytics", "Machine Learning Intern"): "Other round",
    ("Cedar Systems", "Backend Developer Co-op"): "Applied",
    ("Harbor Bank", "Software Engineering Intern"): "Recruiter screen",
    ("Quill Labs", "Full Stack Developer Intern"): "Not applied yet",
    ("Maple Games", "Gameplay Programmer Co-op"): "Take-home",
    ("Orbital Dynamics", "Flight Software Intern"): "Take-home",
    ("Shopwise", "Developer Intern - Payments"): "Rejected",
    ("Shopwise", "Developer Intern - Storefront"): "Rejected",
    ("Tidal Energy", "Controls Software Co-op"): "Applied",
    ("Granite Insurance", "Data Analyst Co-op"): "Accepted",
    ("Pixelworks", "Frontend Developer Intern"): "Offer",
    ("Redwood Security", "Security Engineering Intern"): "Withdrew",
    ("Atlas Freight", "Software Developer Intern"): "Rejected",
    ("Beacon AI", "Research Intern"): "Rejected",
    ("Copperleaf Software", "QA Automation Co-op"): "Applied",
    ("Driftwood Media", "iOS Developer Intern"): "Technical interview",
    ("Evergreen Bank", "Technology Analyst Co-op"): "Applied",
    ("Fjord Analytics", "Data Science Co-op"): "Rejected",
    ("Glacier Cloud", "Site Reliability Intern"): "Recruiter screen",
    ("Horizon Telecom", "Network Automation Co-op"): "Applied",
    ("Ironclad Devices", "Embedded Software Co-op"): "Rejected",
    ("Juniper Learning", "Software Developer Co-op"): "Not applied yet",
    ("Kestrel Aerospace", "Software Test Intern"): "Rejected",
    ("Lighthouse Labs Co", "Developer Tools Intern"): "Applied",
    ("Monarch Retail", "Data Engineering Co-op"): "Rejected",
    ("Nimbus Weather", "Scientific Computing Intern"): "Other round",
    ("Oakridge Capital", "Quant Developer Intern"): "Rejected",
    ("Pinecone Health", "Backend Intern"): "Applied",
    ("Quartz Semiconductors", "Verification Co-op"): "Take-home",
    ("Riverbend Studios", "Tools Programmer Co-op"): "Applied",
    ("Summit Logistics", "Software Developer Intern"): "Rejected",
    ("Terra Maps", "GIS Developer Co-op"): "Recruiter screen",
    ("Umbra Games", "Engine Programmer Intern"): "Rejected",
    ("Vertex Payments", "Software Engineer Intern"): "Applied",
    ("Willow Bio", "Bioinformatics Co-op"): "Applied",
    ("Xenon Displays", "Firmware Intern"): "Not applied yet",
    ("Yarrow Foods", "Business Systems Co-op"): "Applied",
    ("Zephyr Mobility", "Autonomy Software Intern"): "Other round",
    ("Zebra Robotics", "Embedded Software Co-op"): "Applied",
}


@pytest.fixture
def fall(monkeypatch: pytest.MonkeyPatch) -> None:
    """The tracker was kept in the fall of 2024: its yearless dates are read from then."""
    monkeypatch.setenv("LOOPDECK_TODAY", IN_THE_FALL)


def states(cli: Cli) -> dict[str, dict[str, object]]:
    """Each open loop's state thread (not its to-dos), by 'Company / Role'."""
    threads = json.loads(cli("next", "--json").out)
    return {f"{t['company']} / {t['role']}": t for t in threads if t["kind"] == "state"}


def shown(cli: Cli, query: str) -> dict[str, object]:
    result = cli("show", query, "--json")
    assert result.code == 0, result.err
    data: dict[str, object] = json.loads(result.out)
    return data


def test_the_dry_run_reads_every_row_and_names_the_columns_it_leaves_out(
    cli: Cli, db_path: Path, fall: None
) -> None:
    result = cli("import", str(TRACKER), "--dry-run")
    assert result.code == 0, result.err
    assert "Ignored columns: Pay, Term\n" in result.out
    assert "Dates in 'Date Applied' read month first" in result.out
    assert "line 20: status 'Waitlisted' is not one loopdeck knows; kept as a note" in result.out
    assert "line 38: status 'Referred' is not one loopdeck knows; kept as a note" in result.out
    assert result.out.endswith(
        "41 new loops, 0 known loops, 0 unreadable rows\nDry run: nothing was written.\n"
    )
    assert not db_path.exists()


def test_the_whole_tracker_imports_with_its_stages_and_again_adds_nothing(
    cli: Cli, db_path: Path, fall: None
) -> None:
    result = cli("import", str(TRACKER))
    assert result.code == 0, result.err
    assert result.out.endswith("Imported 41 loops.\n")
    exported = csv.DictReader(io.StringIO(cli("export", "--format", "csv").out))
    stages = {(row["Company"], row["Role"]): row["Stage"] for row in exported}
    assert stages == STAGES

    before = db_path.read_bytes()
    again = cli("import", str(TRACKER))
    assert again.code == 0, again.err
    assert "0 new loops, 41 known loops, 0 unreadable rows" in again.out
    assert again.out.endswith("Nothing new to import.\n")
    assert db_path.read_bytes() == before


def test_dates_links_notes_and_people_come_in_as_written(
    cli: Cli, db_path: Path, fall: None
) -> None:
    assert cli("import", str(TRACKER)).code == 0

    def applied(query: str) -> object:
        rounds = shown(cli, query)["rounds"]
        assert isinstance(rounds, list)
        return next((r["status"], r["date"]) for r in rounds if r["kind"] == "applied")

    assert applied("cedar") == ("done", "2024-10-05")  # 10/5/24: month first, 20xx
    assert applied("atlas") == ("done", "2024-08-28")  # 8/28: the latest past one
    assert applied("copperleaf") == ("done", "2024-10-16")
    assert applied("quill") == ("planned", None)  # not sent yet

    northwind = shown(cli, "northwind")["process"]
    assert isinstance(northwind, dict)
    assert northwind["links"] == ["https://jobs.northwind.example/posting/1187"]
    assert northwind["notes"] == "Auto-reject email, two days after applying"
    assert northwind["location"] == "Waterloo, ON"
    zephyr = shown(cli, "zephyr")["process"]
    assert isinstance(zephyr, dict)
    assert zephyr["notes"] == "Onsite at their office, bring ID, arrive early"
    shopwise = shown(cli, "intern - payments")["process"]
    assert isinstance(shopwise, dict)
    assert (shopwise["company"], shopwise["location"]) == ("Shopwise", "Remote")

    bluefin = shown(cli, "bluefin")["contacts"]
    assert isinstance(bluefin, list)
    assert [(c["role"], c["name"], c["email"]) for c in bluefin] == [
        ("recruiter", "Dana Whitfield", "dana.whitfield@bluefin.example")
    ]


def test_each_status_word_leads_to_the_right_next_step(cli: Cli, db_path: Path, fall: None) -> None:
    assert cli("import", str(TRACKER)).code == 0
    steps = states(cli)
    quill = shown(cli, "quill")
    assert isinstance(quill["events"], list)
    assert [(e["kind"], e["text"]) for e in quill["events"]] == [
        ("promise", "Send the application")
    ]
    bluefin = steps["Bluefin Analytics / Machine Learning Intern"]
    assert (bluefin["what"], bluefin["owner"]) == (
        "Prepare for Other round on Mon 25 Nov",
        "me",
    )
    driftwood = steps["Driftwood Media / iOS Developer Intern"]
    assert driftwood["what"] == "Prepare for Technical interview on Fri 22 Nov"
    glacier = steps["Glacier Cloud / Site Reliability Intern"]
    assert glacier["what"] == "Waiting for a decision on the recruiter screen"
    harbor = steps["Harbor Bank / Software Engineering Intern"]
    assert (harbor["what"], harbor["owner"]) == (
        "Prepare for Recruiter screen on Tue 03 Dec",
        "me",
    )
    assert steps["Nimbus Weather / Scientific Computing Intern"]["owner"] == "recruiter"
    maple = steps["Maple Games / Gameplay Programmer Co-op"]
    assert (maple["what"], maple["due"]) == ("Deliver the take-home", "2024-11-24")
    pixelworks = steps["Pixelworks / Frontend Developer Intern"]
    assert (pixelworks["what"], pixelworks["due"]) == ("Decide on the offer", "2024-11-29")

    closed = {
        i["company"] + " / " + i["role"]: i for i in json.loads(cli("list", "--all", "--json").out)
    }
    granite = closed["Granite Insurance / Data Analyst Co-op"]
    assert (granite["status"], granite["close_reason"], granite["closed_by"]) == (
        "closed",
        "accepted",
        "me",
    )
    lumen = shown(cli, "lumen")
    assert isinstance(lumen["events"], list)
    assert [e["text"] for e in lumen["events"]] == [
        "Marked as ghosted in the spreadsheet: they never replied"
    ]
    evergreen = shown(cli, "evergreen")
    assert isinstance(evergreen["events"], list)
    assert [e["text"] for e in evergreen["events"]] == ["Status in the spreadsheet: Waitlisted"]


@pytest.mark.parametrize(
    "header", ["Next Interview", "Interview Date", "Next Step Date", "Next Round"]
)
def test_a_next_interview_dates_the_round_so_the_step_is_mine_to_prepare(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, header: str
) -> None:
    monkeypatch.setenv("LOOPDECK_TODAY", "2026-12-04")
    sheet = tmp_path / "tracker.csv"
    sheet.write_text(
        f"Company,Role,Status,Date Applied,{header}\n"
        "Acme,ML Engineer,Technical,11/20/26,12/15 2:00 PM\n"
        "Beta,SRE,Technical,11/21/26,\n",
        encoding="utf-8",
    )
    result = cli("import", str(sheet))
    assert result.code == 0, result.err
    assert "Acme / ML Engineer (Technical interview on Tue 15 Dec 14:00)" in result.out
    steps = {title.split(" / ")[0]: t for title, t in states(cli).items()}
    acme = steps["Acme"]
    assert acme["what"] == "Prepare for Technical interview on Tue 15 Dec"
    assert (acme["owner"], acme["due"], acme["nudge"]) == ("me", "2026-12-15", None)
    rounds = shown(cli, "acme")["rounds"]
    assert isinstance(rounds, list)
    assert [(r["kind"], r["status"], r["date"], r["time"]) for r in rounds] == [
        ("applied", "done", "2026-11-20", None),
        ("tech", "scheduled", "2026-12-15", "14:00:00"),
    ]
    # Without a date the same row waits on the recruiter to schedule it.
    assert steps["Beta"]["what"] == "Schedule the technical interview"
    assert steps["Beta"]["owner"] == "recruiter"


def test_a_next_round_that_names_its_kind_is_the_round_recorded(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LOOPDECK_TODAY", "2026-12-04")
    sheet = tmp_path / "tracker.csv"
    sheet.write_text(
        "Company,Role,Status,Next Round,Interview Time\n"
        "Acme,ML Engineer,Phone Screen,Onsite 12/15,9:30 AM\n"
        "Beta,SRE,Submitted,12/10,\n",
        encoding="utf-8",
    )
    assert cli("import", str(sheet)).code == 0
    acme = shown(cli, "acme")["rounds"]
    assert isinstance(acme, list)
    assert [(r["kind"], r["status"], r["outcome"], r["date"], r["time"]) for r in acme] == [
        ("applied", "done", "pending", None, None),
        ("onsite", "scheduled", "pending", "2026-12-15", "09:30:00"),
    ]
    beta = shown(cli, "beta")["rounds"]
    assert isinstance(beta, list)
    assert [(r["kind"], r["date"]) for r in beta] == [("applied", None), ("screen", "2026-12-10")]
