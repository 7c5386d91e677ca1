"""`show` lists one day's log lines in the order they were logged, in text and in JSON."""

from __future__ import annotations

import json

from clihelp import Cli

LINES = ["Zed: sent the slides", "Asked about the panel", "Moved the call to 3pm", "Booked it"]


def test_same_day_lines_read_in_the_order_they_were_logged(cli: Cli) -> None:
    assert cli("add", "Acme / ML Engineer").code == 0
    for text in LINES:
        assert cli("log", "acme", text, "--on", "yesterday").code == 0
    assert cli("log", "acme", "Applied", "--on=-3d").code == 0

    shown = cli("show", "acme").out.splitlines()
    log = shown[shown.index("Log") + 1 :]
    # "  l1  Sun 15 Mar  note     text": the handle, the date's three words, the kind, the text
    assert [line.split(maxsplit=5)[-1] for line in log] == ["Applied", *LINES]
    events = json.loads(cli("show", "acme", "--json").out)["events"]
    assert [e["text"] for e in events] == ["Applied", *LINES]
