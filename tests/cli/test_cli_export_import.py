"""Export and import through the command line, on real files."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path
from typing import Any

import icalendar
import pytest
from clihelp import Cli, one_error_line


def loops_of(cli: Cli, db: Path) -> list[tuple[Any, ...]]:
    """What a user sees of each loop: title, stage word, cards, application date, status."""
    result = cli("list", "--all", "--json", db=db)
    assert result.code == 0, result.err
    found = []
    for item in json.loads(result.out):
        shown = json.loads(cli("show", item["id"], "--json", db=db).out)
        cards = sorted(
            (c["role"], c["name"], c["email"])
            for c in shown["contacts"]
            if c["role"] in ("recruiter", "hiring_manager")
        )
        applied = [r["date"] for r in shown["rounds"] if r["kind"] == "applied"]
        process = shown["process"]
        found.append((process["company"], process["role"], process["status"], cards, applied))
    return sorted(found)


def test_csv_export_imports_into_an_empty_file_as_the_same_loops(
    cli: Cli, demo_db: Path, tmp_path: Path
) -> None:
    sheet = tmp_path / "loops.csv"
    result = cli("export", "--format", "csv", "-o", str(sheet), db=demo_db)
    assert result.code == 0, result.err
    rows = list(csv.DictReader(io.StringIO(sheet.read_text())))
    known = loops_of(cli, demo_db)
    assert len(rows) == len(known) > 10

    empty = tmp_path / "fresh" / "loopdeck.json"
    imported = cli("import", str(sheet), db=empty)
    assert imported.code == 0, imported.err
    assert imported.out.endswith(f"Imported {len(known)} loops.\n")
    assert loops_of(cli, empty) == known
    kept = ("Company", "Role", "Stage", "Recruiter", "Hiring manager", "Applied", "Notes")
    again_rows = csv.DictReader(io.StringIO(cli("export", "--format", "csv", db=empty).out))
    assert [[r[k] for k in kept] for r in again_rows] == [[r[k] for k in kept] for r in rows]

    before = empty.read_bytes()
    again = cli("import", str(sheet), db=empty)
    assert again.code == 0 and f"0 new loops, {len(known)} known loops" in again.out
    assert empty.read_bytes() == before


def test_ics_export_parses_back_with_stable_uids(cli: Cli, demo_db: Path, tmp_path: Path) -> None:
    first = cli("export", "--format", "ics", db=demo_db)
    assert first.code == 0, first.err
    calendar = icalendar.Calendar.from_ical(first.out)
    events = list(calendar.walk("VEVENT"))
    assert events and all(str(e["uid"]).endswith("@loopdeck") for e in events)
    summaries = [str(e["summary"]) for e in events]
    assert any(s.startswith("Offer deadline: Tidewater Compute / ") for s in summaries)
    timed = [e for e in events if isinstance(e.decoded("dtstart"), dt.datetime)]
    assert timed and all(
        e.decoded("dtend") - e.decoded("dtstart") == dt.timedelta(hours=1) for e in timed
    )
    assert cli("export", "--format", "ics", db=demo_db).out == first.out


def test_markdown_one_pager_for_one_loop(cli: Cli, demo_db: Path) -> None:
    result = cli("export", "--format", "md", "--loop", "tidewater", db=demo_db)
    assert result.code == 0, result.err
    assert result.out.startswith("# Tidewater Compute / ")
    assert "**Next step:** Decide on the offer" in result.out
    assert "## Timeline" in result.out and "---" not in result.out.splitlines()


MESSY = (
    "\ufeffCompany Name;Job Title;Recruiter;Hiring Manager;Status;Date Applied;Salary\n"
    "Acme;ML Engineer;Rita Reyes;Hal Ames;Phone screen;2026-03-02;200k\n"
    "\n"
    "beta labs;Infra Lead;;;Applied;Mar 5, 2026;\n"
    '"Gamma";"Research, Eng";Gus;;Onsite;30/3/2026;\n'
    "Delta;MLE;;;Rejected;;\n"
    "ACME;ml engineer;;;;;\n"
)


def test_a_messy_spreadsheet_maps_its_headers_and_skips_repeats(cli: Cli, tmp_path: Path) -> None:
    sheet = tmp_path / "export.csv"
    sheet.write_text(MESSY, encoding="utf-8")
    preview = cli("import", str(sheet), "--dry-run")
    assert preview.code == 0, preview.err
    assert "company <- 'Company Name'" in preview.out and "Ignored columns: Salary" in preview.out
    assert "known   line 7: ACME / ml engineer" in preview.out
    assert "Dry run" in preview.out
    assert not (tmp_path / "data").exists()

    assert cli("import", str(sheet)).code == 0
    listed = {i["company"]: i for i in json.loads(cli("list", "--all", "--json").out)}
    assert set(listed) == {"Acme", "beta labs", "Gamma", "Delta"}
    gamma = json.loads(cli("show", "gamma", "--json").out)
    assert gamma["process"]["role"] == "Research, Eng"
    assert [r["kind"] for r in gamma["rounds"]] == ["applied", "onsite"]
    assert listed["Delta"]["status"] == "closed"


def test_unreadable_rows_are_listed_by_line_and_nothing_is_written(
    cli: Cli, db_path: Path, tmp_path: Path
) -> None:
    assert cli("add", "Existing / Role").code == 0
    before = db_path.read_bytes()
    sheet = tmp_path / "bad.csv"
    sheet.write_text(
        "company,title,stage,applied\n"
        "Good,Engineer,screen,2026-03-01\n"
        ",Missing company,,\n"
        "Odd,Engineer,Waitlisted,\n"
        "Date,Engineer,,13/13/2026\n",
        encoding="utf-8",
    )
    result = cli("import", str(sheet))
    assert result.code == 1
    assert "line 3: no company" in result.out
    assert "line 4: status 'Waitlisted' is not one loopdeck knows; kept as a note" in result.out
    assert "line 5: '13/13/2026' is not a real date" in result.out
    assert (
        result.err == "loopdeck: 2 rows of bad.csv cannot be read; nothing was imported "
        "(fix them, or import the 2 readable rows with --skip-bad)\n"
    )
    assert db_path.read_bytes() == before

    dry = cli("import", str(sheet), "--dry-run")
    assert dry.code == 1
    assert dry.out.endswith(
        "Dry run: nothing was written. With --skip-bad the 2 readable rows would import.\n"
    )
    assert db_path.read_bytes() == before

    skipped = cli("import", str(sheet), "--skip-bad")
    assert skipped.code == 0, skipped.err
    assert skipped.out.endswith("Imported 2 loops; left out 2 unreadable rows.\n")
    listed = {i["company"] for i in json.loads(cli("list", "--json").out)}
    assert listed == {"Existing", "Good", "Odd"}


def test_a_date_column_that_reads_either_way_is_refused_until_the_order_is_named(
    cli: Cli, db_path: Path, tmp_path: Path
) -> None:
    assert cli("add", "Existing / Role").code == 0
    before = db_path.read_bytes()
    sheet = tmp_path / "dates.csv"
    sheet.write_text(
        "Company,Role,Applied on\nAcme,Engineer,3/4/2026\nBeta,SRE,2026-03-01\n",
        encoding="utf-8",
    )
    result = cli("import", str(sheet))
    assert result.err == (
        "loopdeck: column 'Applied on' has only dates that read either way (such as "
        "'3/4/2026'); say which with --dates month-first or --dates day-first; "
        "nothing was imported\n"
    )
    assert db_path.read_bytes() == before
    assert cli("import", str(sheet), "--skip-bad").code == 1
    assert db_path.read_bytes() == before

    named = cli("import", str(sheet), "--dates", "day-first")
    assert named.code == 0, named.err
    assert "Dates in 'Applied on' read day first" in named.out
    acme = json.loads(cli("show", "acme", "--json").out)
    assert [r["date"] for r in acme["rounds"]] == ["2026-04-03"]


def test_a_file_without_a_company_column_is_one_sentence(cli: Cli, tmp_path: Path) -> None:
    sheet = tmp_path / "x.csv"
    sheet.write_text("Name,Title\nA,B\n", encoding="utf-8")
    line = one_error_line(cli("import", str(sheet)))
    assert line == "loopdeck: x.csv has no 'company' column (headers found: Name, Title)"
    assert "cannot read" in one_error_line(cli("import", str(tmp_path / "missing.csv")))


def test_windows_excel_text_and_formula_guards_survive_a_round_trip(
    cli: Cli, tmp_path: Path
) -> None:
    sheet = tmp_path / "win.csv"
    sheet.write_bytes("Company,Role\nCafé Ltd,=Staff Engineer\n".encode("cp1252"))
    assert cli("import", str(sheet)).code == 0
    out = tmp_path / "out.csv"
    assert cli("export", "--format", "csv", "-o", str(out)).code == 0
    row = next(csv.DictReader(io.StringIO(out.read_text())))
    assert (row["Company"], row["Role"]) == ("Café Ltd", "'=Staff Engineer")
    fresh = tmp_path / "fresh.json"
    assert cli("import", str(out), db=fresh).code == 0
    listed = json.loads(cli("list", "--json", db=fresh).out)
    assert [(i["company"], i["role"]) for i in listed] == [("Café Ltd", "=Staff Engineer")]


def test_a_person_cell_with_name_and_email_becomes_a_card_with_both(
    cli: Cli, tmp_path: Path
) -> None:
    sheet = tmp_path / "people.csv"
    sheet.write_text(
        "Company,Title,Recruiter,Hiring Manager,HM Email\n"
        'Acme,ML Engineer,"Jane Roe <jane@acme.com>",Bob Lee,bob@acme.com\n'
        "Beta,SRE,ops@beta.io,,\n",
        encoding="utf-8",
    )
    assert cli("import", str(sheet)).code == 0

    def people(company: str) -> dict[str, tuple[str, str]]:
        shown = json.loads(cli("show", company, "--json").out)
        return {c["role"]: (c["name"], c["email"]) for c in shown["contacts"]}

    assert people("acme") == {
        "recruiter": ("Jane Roe", "jane@acme.com"),
        "hiring_manager": ("Bob Lee", "bob@acme.com"),
    }
    assert people("beta") == {"recruiter": ("ops@beta.io", "ops@beta.io")}


@pytest.mark.parametrize("name", ["loopdeck.json", "loopdeck.undo.json", "link.json"])
def test_export_never_overwrites_the_data_file_or_its_journal(
    cli: Cli, db_path: Path, name: str
) -> None:
    assert cli("add", "Acme / ML").code == 0
    (db_path.parent / "link.json").symlink_to(db_path)
    before = {p.name: p.read_bytes() for p in db_path.parent.iterdir() if p.is_file()}

    result = cli("export", "--format", "csv", "-o", str(db_path.parent / name))

    assert result.code == 1
    assert "is where loopdeck keeps your loops; export to another file" in one_error_line(result)
    assert {p.name: p.read_bytes() for p in db_path.parent.iterdir() if p.is_file()} == before
