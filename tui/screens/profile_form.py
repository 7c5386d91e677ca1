"""My constraints (`c` in the prep view): location, visa, notice period, comp expectations.

One `Profile` for every loop, stored in the data file so it syncs; the prep
view shows it when the next call is with a recruiter. The same fields as
`loopdeck config profile.<field>`. Any field may be blank: a constraint that
no longer applies is cleared, not refused.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Input

from planner.changes.base import Insert, Patch, Write, update, updated
from planner.prep import Profile
from tui.screens.form import FormScreen

LABELS = {
    "location": "Location (where I can work)",
    "visa": "Visa (do I need sponsorship?)",
    "notice_period": "Notice period",
    "comp_expectations": "Comp expectations",
    "other": "Anything else a recruiter should know",
}


class ProfileForm(FormScreen):
    """The profile's fields as typed; only those that changed are written."""

    def __init__(self, profile: Profile, saved: bool) -> None:
        super().__init__("My constraints (every loop)")
        self._profile = profile
        self._saved = saved
        """Whether the file holds the profile yet: the first save writes it whole."""

    def fields(self) -> ComposeResult:
        for name, label in LABELS.items():
            yield self.row(name, label, Input(getattr(self._profile, name)))

    def build(self) -> Patch:
        values = {name: self.text(name) for name in LABELS}
        writes: tuple[Write, ...]
        if self._saved:
            writes = update(self._profile, **values)
        else:
            new, changed = updated(self._profile, **values)
            writes = (Insert(new),) if changed else ()
        return Patch("my constraints", writes, "Saved my constraints")
