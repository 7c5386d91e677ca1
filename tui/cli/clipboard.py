"""Put text on the clipboard through the terminal (OSC 52), so it works over ssh too.

The terminal emulator, not this machine, owns the clipboard: the escape
sequence `ESC ] 52 ; c ; <base64 of the UTF-8 text> BEL` asks it to set its
own. It goes to the controlling terminal (`/dev/tty`), so a draft printed into
a pipe or a file still lands on the clipboard and the sequence never pollutes
the output. Inside tmux, `set -g set-clipboard on` lets it through.
"""

from __future__ import annotations

import base64
import sys

from tui.cli.errors import CliError

TTY_PATH = "/dev/tty"


def osc52(text: str) -> bytes:
    """The escape sequence that sets the clipboard to `text`."""
    return b"\x1b]52;c;" + base64.b64encode(text.encode("utf-8")) + b"\x07"


def copy_to_clipboard(text: str) -> None:
    """Send `text` to the terminal's clipboard; one clear error when no terminal is there."""
    sequence = osc52(text)
    try:
        with open(TTY_PATH, "wb", buffering=0) as tty:
            tty.write(sequence)
        return
    except OSError:
        pass
    if sys.stdout.isatty():
        sys.stdout.flush()
        sys.stdout.buffer.write(sequence)
        sys.stdout.buffer.flush()
        return
    raise CliError("--copy needs a terminal to talk to, and none is attached")
