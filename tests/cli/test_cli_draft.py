"""`loopdeck draft`: messages from a real file, the clipboard bytes, and logging what was sent."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest
from clihelp import Cli, one_error_line

from tui.cli import clipboard


@pytest.fixture
def loops(cli: Cli) -> None:
    """Acme has an offer due in five days; Beta and Gamma are interviewing."""
    steps = [
        ("add", 'Acme / ML Engineer rec:"Ann Lee <ann@acme.io>"'),
        ("offer", "acme", "--base", "200k", "--deadline", "+5d"),
        ("add", 'Beta / SRE rec:"Bo Reyes <bo@beta.io>" hm:"Hal Ames <hal@beta.io>"'),
        ("stage", "beta", 'tech on:2026-03-09 with:"Priya Rao" with:"Sam Wu"'),
        ("done", "beta"),
        ("add", 'Gamma / Data Engineer rec:"Gus Grey <gus@gamma.io>" next:onsite'),
        ("add", "Delta / MLE"),
    ]
    for args in steps:
        result = cli(*args)
        assert result.code == 0, (args, result.err)


def test_a_nudge_to_the_recruiter_with_the_round_and_the_days_waited(
    cli: Cli, loops: None, db_path: Path
) -> None:
    before = db_path.read_bytes()
    result = cli("draft", "beta")
    assert result.code == 0, result.err
    assert result.out.startswith(
        "To: Bo Reyes <bo@beta.io>\nSubject: Following up: SRE at Beta\n\nHi Bo,\n\n"
    )
    assert "my technical interview on Monday, March 9. It has been 7 days" in result.out
    assert result.out.endswith("Best regards\n")
    assert db_path.read_bytes() == before


def test_thanks_to_someone_else_names_the_others(cli: Cli, loops: None) -> None:
    result = cli("draft", "beta", "--kind", "thanks", "--to", "priya")
    assert result.code == 0, result.err
    assert result.out.startswith("To: Priya Rao\nSubject: Thank you: technical interview for SRE")
    assert "on Monday, March 9. I enjoyed the conversation with you and Sam Wu" in result.out


def test_copy_sends_the_draft_to_the_terminal_as_osc_52(
    cli: Cli, loops: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    terminal = tmp_path / "tty"
    terminal.write_bytes(b"")
    monkeypatch.setattr(clipboard, "TTY_PATH", str(terminal))
    result = cli("draft", "beta", "--copy")
    assert result.code == 0, result.err
    assert result.out.endswith("Best regards\nCopied 1 draft to the clipboard.\n")
    text = result.out.removesuffix("Copied 1 draft to the clipboard.\n")
    sent = terminal.read_bytes()
    assert sent == b"\x1b]52;c;" + base64.b64encode(text.encode()) + b"\x07"
    assert "\x1b" not in result.out


def test_osc_52_bytes_of_a_known_text() -> None:
    assert clipboard.osc52("Hi Bo, café") == b"\x1b]52;c;SGkgQm8sIGNhZsOp\x07"


def test_copy_without_a_terminal_is_one_line(
    cli: Cli, loops: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(clipboard, "TTY_PATH", str(tmp_path / "no" / "tty"))
    result = cli("draft", "beta", "--copy")
    assert result.code == 1
    assert result.err == "loopdeck: --copy needs a terminal to talk to, and none is attached\n"


def test_sent_logs_a_touch_to_that_person(cli: Cli, loops: None) -> None:
    result = cli("draft", "beta", "--kind", "thanks", "--sent")
    assert result.code == 0, result.err
    assert result.out.endswith("Logged 1 sent touch (Bo Reyes).\n")
    shown = json.loads(cli("show", "beta", "--json").out)
    bo = next(c for c in shown["contacts"] if c["name"] == "Bo Reyes")
    (event,) = shown["events"]
    assert (event["kind"], event["contact_id"], event["on"]) == ("sent", bo["id"], "2026-03-16")
    assert event["text"] == "Sent (thanks): Thank you: technical interview for SRE"
    assert bo["last_touch"] == "2026-03-16"
    assert cli("undo").code == 0
    assert json.loads(cli("show", "beta", "--json").out)["events"] == []


def test_the_offer_broadcast_drafts_one_message_per_other_active_loop(
    cli: Cli, loops: None
) -> None:
    told_before = [s["what"] for s in json.loads(cli("next", "--json").out)]
    assert any(w.startswith("Tell Gus Grey about the Acme deadline") for w in told_before)

    result = cli("draft", "--all", "--kind", "deadline", "--about", "acme", "--sent")
    assert result.code == 0, result.err
    drafts = result.out.split("-" * 72)
    assert len(drafts) == 2
    assert drafts[0].startswith("To: Bo Reyes <bo@beta.io>\nSubject: Timeline update: SRE at Beta")
    assert "To: Gus Grey <gus@gamma.io>" in drafts[1]
    for text in drafts:
        assert "an offer from Acme, with a deadline of Saturday, March 21 (in 5 days)." in text
    assert "steps still ahead (onsite / panel)?" in drafts[1]
    assert "Skipped Delta / MLE: no recruiter card (draft it alone with --to NAME)" in result.out
    assert result.out.endswith("Logged 2 sent touches (Bo Reyes, Gus Grey).\n")

    pacing = {
        t["company"]: t["what"]
        for t in json.loads(cli("next", "--json").out)
        if t["kind"] == "pacing"
    }
    assert pacing == {
        "Delta": "Tell the recruiter about the Acme deadline (5 days left) and ask them to "
        "speed up: an offer here is projected around Mon 13 Apr"
    }


def test_my_template_from_the_config_folder_replaces_the_words(
    cli: Cli, loops: None, private_config: Path
) -> None:
    folder = private_config / "templates"
    folder.mkdir()
    (folder / "nudge.txt").write_text(
        "Subject: Checking in ($company)\n\nHey $to_first, $days_waited days now.\n",
        encoding="utf-8",
    )
    result = cli("draft", "beta")
    assert (
        result.out
        == "To: Bo Reyes <bo@beta.io>\nSubject: Checking in (Beta)\n\nHey Bo, 7 days now.\n"
    )
    (folder / "nudge.txt").write_text("Subject: x\n\n$nmae\n", encoding="utf-8")
    line = one_error_line(cli("draft", "beta"))
    assert line.startswith(f"loopdeck: {folder / 'nudge.txt'} uses $nmae, which no draft knows")


def test_mistakes_are_one_line_and_change_nothing(cli: Cli, loops: None, db_path: Path) -> None:
    before = db_path.read_bytes()
    cases = {
        ("draft",): "loopdeck: say which loop to draft for (PROCESS), or --all with --about",
        ("draft", "delta"): "loopdeck: Delta / MLE has no recruiter card; add one or say whom",
        ("draft", "beta", "--kind", "accept"): "loopdeck: Beta / SRE has no offer to accept",
        ("draft", "--all", "--about", "beta"): "loopdeck: that loop has no open offer deadline",
        ("draft", "--all"): "loopdeck: --all needs --about PROCESS",
        ("draft", "--all", "--about", "acme", "--kind", "thanks"): "loopdeck: --all drafts the",
        ("draft", "beta", "--kind", "thanks", "--to", "zed"): "loopdeck: 'zed' matches nobody",
    }
    for args, start in cases.items():
        result = cli(*args, "--sent")
        assert one_error_line(result).startswith(start), (args, result.err)
    assert db_path.read_bytes() == before
