"""The one sanitizer for terminal text: control characters become escapes you can read."""

from __future__ import annotations

from planner.text import visible, visible_lines


def test_terminal_sequences_become_visible_escapes() -> None:
    hostile = "Evil\x1b]0;owned\x07\x1b[2JCorp\x9b31m"
    assert visible(hostile) == "Evil\\x1b]0;owned\\x07\\x1b[2JCorp\\x9b31m"


def test_bidirectional_overrides_and_line_breaks_are_escaped_too() -> None:
    assert visible("Acme\u202eevil\u2066") == "Acme\\u202eevil\\u2066"
    assert visible("two\nlines\tand\ra return") == "two\\nlines\\tand\\ra return"


def test_plain_text_and_other_scripts_pass_unchanged() -> None:
    for text in ("Acme / ML Engineer", "Zoë Ångström — 東京", "C:\\path", ""):
        assert visible(text) is text


def test_the_lines_of_an_output_keep_their_newlines() -> None:
    assert visible_lines("one\x1b[2J\ntwo\n") == "one\\x1b[2J\ntwo\n"
