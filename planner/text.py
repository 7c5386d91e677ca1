"""Text shown on a terminal: control characters become visible escapes.

Loops come from places the user does not control: a spreadsheet someone
exported, a note synced from another machine, a remote that was tampered
with. A company name holding `ESC ] 0 ; … BEL` would retitle the terminal
window, `ESC [ 2 J` would clear it, a right-to-left override would make one
name read as another. Everything loopdeck prints or draws from data goes
through `visible` first: the command line's output and error lines, the
app's rows, panes and notifications, the Markdown export. The data itself is
never changed; a CSV or ICS export, or `--json`, keeps it as it is.
"""

from __future__ import annotations

import re

_UNSAFE = re.compile(
    "["
    "\x00-\x1f\x7f"  # C0 controls and DEL: ESC starts every terminal sequence
    "\x80-\x9f"  # C1 controls: 0x9b alone is a CSI to some terminals
    "\u2028\u2029"  # line and paragraph separators
    "\u200e\u200f\u202a-\u202e\u2066-\u2069"  # bidirectional marks, embeddings, isolates
    "]"
)
_NAMED = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}


def visible(text: str, keep: str = "") -> str:
    """`text` with every control character as an escape (`\\x1b`, `\\u202e`, `\\n`).

    `keep` names control characters to leave alone, such as the newline that
    separates the lines of a command's output.
    """
    if _UNSAFE.search(text) is None:
        return text
    return _UNSAFE.sub(lambda match: _escape(match.group(0), keep), text)


def visible_lines(text: str) -> str:
    """`visible` for text made of lines: the newlines between them stay."""
    return visible(text, keep="\n")


def _escape(char: str, keep: str) -> str:
    if char in keep:
        return char
    named = _NAMED.get(char)
    if named is not None:
        return named
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
