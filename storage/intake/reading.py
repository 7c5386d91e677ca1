"""What a file or a paste holds: a calendar invite, a mail with its headers, or neither.

Told by the content, not the file's name: a `.txt` saved from a mail client
is a mail, an invite pasted into the terminal is an invite. Text that is
neither (a mail's body copied without its headers, a note) is refused in one
sentence that says what would be read: the sender and date are what place a
mail in a loop and in time, and guessing them would put it in the wrong one.

`read_entry` is what the app's intake box holds: pasted text, or one line
naming a file to read.
"""

from __future__ import annotations

from email.parser import BytesHeaderParser
from pathlib import Path

from planner.intake import Item
from storage.intake.eml import read_mail
from storage.intake.errors import IntakeError
from storage.intake.ics import read_invite

PASTED = "the pasted text"
FILE_ENDINGS = (".ics", ".eml")

NEITHER = (
    "is neither a calendar invite (BEGIN:VCALENDAR ...) nor a mail with its headers "
    "(From:, Date:, Subject:)"
)


def read_item(data: bytes, name: str) -> Item:
    """The invite or mail in `data`; `name` is the file's name, or "the pasted text"."""
    text = data.lstrip(b"\xef\xbb\xbf \t\r\n")
    if not text:
        raise IntakeError(f"{name} is empty")
    if text[:15].upper() == b"BEGIN:VCALENDAR":
        return read_invite(text, name)
    if _has_mail_headers(text):
        return read_mail(text, name)
    raise IntakeError(f"{name} {NEITHER}")


def _has_mail_headers(data: bytes) -> bool:
    """A sender and a date or subject in a header block at the very top."""
    first = data.split(b"\n", 1)[0]
    if b":" not in first or first[:1].isspace():
        return False
    headers = BytesHeaderParser().parsebytes(data)
    return headers.get("From") is not None and (
        headers.get("Date") is not None or headers.get("Subject") is not None
    )


def read_entry(text: str) -> Item:
    """The invite or mail in a paste, or in the file its one line names (`~` allowed)."""
    line = text.strip()
    if line and "\n" not in line:
        path = Path(line).expanduser()
        if line.casefold().endswith(FILE_ENDINGS) or _is_file(path):
            try:
                data = path.read_bytes()
            except OSError as error:
                raise IntakeError(f"cannot read {path.name} ({error.strerror})") from None
            return read_item(data, path.name)
    return read_item(text.encode("utf-8"), PASTED)


def _is_file(path: Path) -> bool:
    """Whether a pasted line names a file; a line too long or odd to be a name is not one."""
    try:
        return path.is_file()
    except (OSError, ValueError):
        return False
