"""The owner of a next step as people read it, with the note of an override beside it.

One wording for `show`, `next` and the app's pane. Kept free of pydantic (it
imports only the enums) so the command line's printing stays cheap to import.
"""

from __future__ import annotations

from planner.signals import Owner


def owner_words(owner: Owner, overridden: bool, note: str = "") -> str:
    """'Hiring manager'; set by hand, 'Hiring manager (set by hand)', or with its note
    'Hiring manager, set by hand: Maya said decision by Friday'."""
    if not overridden:
        return owner.label
    note = " ".join(note.split())
    return f"{owner.label}, set by hand: {note}" if note else f"{owner.label} (set by hand)"
