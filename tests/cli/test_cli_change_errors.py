"""Bad input on the editing commands: one `loopdeck: ` line, exit 1 (2 for a malformed
command line), and the data file byte for byte as it was."""

from __future__ import annotations

from pathlib import Path

import pytest
from clihelp import Cli, one_error_line

BAD: list[tuple[tuple[str, ...], int, str]] = [
    # move
    (("move", "acme", "r9", "mon"), 1, "Acme / ML Engineer has no item r9 (rounds r1-r3"),
    (("move", "acme", "tech", "2026-02-30"), 1, "'2026-02-30' is not a date"),
    (("move", "acme", "mon", "--at", "25:00"), 1, "'25:00' is not a time"),
    (("move", "acme", "yesterday"), 1, "cannot move a round to Sun 15 Mar, before today"),
    (("move", "acme", "screen", "mon"), 1, "took place on Mon 09 Mar"),
    (("move", "initech", "tech", "mon", "--at", "9"), 1, "'9' is not a time"),
    (("move", "acme", "p1", "mon"), 1, "p1 is not a round of Acme / ML Engineer"),
    (("move", "acme", "lunch", "mon"), 1, "'lunch' is neither a round kind nor a handle"),
    (("move", "acme", "r1", "tomorrow"), 1, "the application cannot be dated Tue 17 Mar"),
    (("move", "acme", "a", "b", "c"), 2, "move takes PROCESS [ROUND] DATE"),
    # cancel
    (("cancel", "acme", "r7"), 1, "has no item r7"),
    (("cancel", "acme", "r1"), 1, "the application cannot be cancelled"),
    (("cancel", "acme", "screen"), 1, "took place on Mon 09 Mar; it cannot be cancelled"),
    # done
    (("done", "initech"), 1, "dated Fri 20 Mar, after today; say on which day"),
    (("done", "initech", "--on", "2026-02-29"), 1, "'2026-02-29' is not a date"),
    (("done", "acme", "r8"), 1, "has no item r8"),
    (("done", "acme", "screen"), 1, "give its outcome (passed or rejected)"),
    # contact
    (("contact", "acme", "p5", "--email", "x@y.io"), 1, "Acme / ML Engineer has no person p5"),
    (("contact", "acme", "Ann Lee", "--email", "not-mail"), 1, "'not-mail' is not an email"),
    (("contact", "acme", "Ann Lee", "--rename", "bo chen"), 1, "already has Bo Chen"),
    (("contact", "acme", "Zed", "--delete"), 1, "has no person named 'Zed'"),
    (("contact", "acme", "Zed", "--rename", "Zoe"), 1, "has no person named 'Zed'"),
    (("contact", "acme", "Ann Lee", "--delete"), 1, "the step will then nudge the recruiter"),
    (("contact", "acme", "Ann Lee", "--delete", "--phone", "1"), 2, "--delete takes no other"),
    (("contact", "acme", "Ann Lee", "--force"), 2, "--force goes with --delete"),
    (("contact", "acme", "Cy", "--role", "boss"), 2, "invalid choice: 'boss'"),
    # forget
    (("forget", "acme", "r12"), 1, "has no item r12"),
    (("forget", "acme", "z1"), 1, "'z1' is not an item handle"),
    (("forget", "acme", "r1"), 1, "the application opens the loop"),
    (("forget", "acme", "p1"), 1, "Ann Lee is the only recruiter"),
    # delete
    (("delete", "acme"), 2, "this would delete Acme / ML Engineer"),
    (("delete", "e", "--yes"), 1, "matches 2 loops"),
    (("delete", "globex", "--yes"), 1, "no loop matches 'globex'"),
    # edit and add
    (("edit", "acme", "--company", "  "), 1, "company cannot be empty"),
    (("edit", "acme", "--applied", "2026-03-10"), 1, "cannot come after the recruiter screen"),
    (("edit", "acme", "--tags", "#"), 1, "a tag cannot be empty"),
    (("edit", "acme", "r2", "--text", "x"), 1, "a round has no --text (it takes --kind"),
    (("edit", "acme", "r2"), 1, "say what to change about r2"),
    (("edit", "acme", "r3", "--kind", "lunch"), 1, "'lunch' is not a round kind"),
    (("edit", "acme", "r3", "--company", "X"), 1, "--company changes the loop itself"),
    (("edit", "acme", "--format", "video"), 1, "--format changes an item; name it"),
    (("edit", "acme", "p1", "--text", "x"), 1, "p1 is a person; change their card"),
    (("edit", "acme", "r3", "--date", "2026-02-30"), 1, "'2026-02-30' is not a date"),
    (("edit", "acme", "r9", "--notes", "x"), 1, "has no item r9"),
    (("forget", "acme", "offer"), 1, "has no offer to forget"),
    (("add", "acme / ml engineer"), 1, "is already an open loop (id "),
    (("add", "Globex / SRE applied:2026-04-31"), 1, "'2026-04-31' is not a date"),
    (("add", "Globex / SRE applied:tomorrow"), 1, "cannot be dated Tue 17 Mar, after today"),
    # owner, log, close
    (("log", "acme", "hi", "--on", "tomorrow"), 1, "nothing can be logged on Tue 17 Mar"),
    (("log", "acme", "hi", "--kind", "note", "--due", "fri"), 1, "only a promise has a due"),
    (("close", "acme", "--reason", "withdrew", "--on", "tomorrow"), 1, "after today"),
]


@pytest.fixture
def acme(cli: Cli, db_path: Path) -> bytes:
    """Acme: screen held last week (no outcome yet), a tech interview planned without a
    date, so the next step nudges Ann, the only recruiter. Initech: a tech interview on
    Friday. Returns the file's bytes."""
    for args in (
        ("add", 'Acme / ML Engineer rec:"Ann Lee" hm:"Bo Chen" applied:-3w'),
        ("stage", "acme", "screen on:-1w"),
        ("done", "acme"),
        ("stage", "acme", "tech"),
        ("add", "Initech / SRE next:tech on:fri"),
    ):
        result = cli(*args)
        assert result.code == 0, (args, result.err)
    return db_path.read_bytes()


@pytest.mark.parametrize(("args", "code", "message"), BAD)
def test_bad_input_is_one_line_and_leaves_the_file_byte_identical(
    cli: Cli, db_path: Path, acme: bytes, args: tuple[str, ...], code: int, message: str
) -> None:
    result = cli(*args)
    assert result.code == code, result.err
    assert message in one_error_line(result)
    assert db_path.read_bytes() == acme


def test_a_second_delete_of_the_same_loop_is_refused_and_changes_nothing(
    cli: Cli, db_path: Path, acme: bytes
) -> None:
    loop_id = cli("show", "acme", "--json").out.split('"id": "')[1][:8]
    assert cli("delete", "acme", "--yes").code == 0
    after = db_path.read_bytes()
    for query in ("acme", loop_id):
        again = cli("delete", query, "--yes")
        assert again.code == 1
        assert one_error_line(again) == f"loopdeck: no loop matches '{query}'"
        assert db_path.read_bytes() == after
