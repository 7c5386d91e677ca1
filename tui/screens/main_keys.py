"""The main screen's keys: what the footer shows, help lists and a keymap can rebind (by id).

Two lists, so that what a key needs is said where the key is: the loop keys
act on the selected loop, the screen keys on the whole list.
"""

from __future__ import annotations

from textual.binding import Binding, BindingType

LOOP_KEYS: list[BindingType] = [
    Binding("s", "add_round", "Round", tooltip="Add a round to this loop", id="add-round"),
    Binding("d", "done", "Done", tooltip="Mark the current round done, with outcome", id="done"),
    Binding("p", "prep", "Prep", show=False, tooltip="What the next round needs", id="prep"),
    Binding(
        "c", "add_contact", "Contact", show=False, tooltip="Add a contact card", id="add-contact"
    ),
    Binding("l", "log", "Log", show=False, tooltip="Log a touch, note or promise", id="log"),
    Binding(
        "e",
        "edit",
        "Edit",
        show=False,
        tooltip="Edit this loop's fields and its application date",
        id="edit",
    ),
    Binding(
        "o", "owner", "Owner", show=False, tooltip="Set or clear the owner override", id="owner"
    ),
    Binding(
        "O", "offer", "Offer", show=False, tooltip="Record or edit the loop's offer", id="offer"
    ),
    Binding(
        "T",
        "told",
        "Told",
        show=False,
        tooltip="Recruiter told of another loop's offer deadline",
        id="told",
    ),
    Binding(
        "D",
        "did",
        "Did",
        show=False,
        tooltip="Tick off an open promise of mine in this loop (one undo step)",
        id="did",
    ),
    Binding("x", "close_loop", "Close loop", show=False, tooltip="Close with a reason", id="close"),
    # Mail (tui.screens.mail_keys).
    Binding(
        "M",
        "draft",
        "Draft",
        show=False,
        tooltip="Draft the message this loop calls for: copy it, mark it sent",
        id="draft",
    ),
]
"""Keys about the selected loop: greyed out in the footer while no loop is selected."""

SCREEN_KEYS: list[BindingType] = [
    Binding("a", "add_loop", "Add", tooltip="New loop from one quick-add line", id="add-loop"),
    Binding("n", "next_steps", "Next", tooltip="Next steps by owner", id="next-steps"),
    Binding(
        "dollar_sign",
        "offers",
        "Offers",
        show=False,
        tooltip="Open offers side by side with their totals",
        id="offers",
    ),
    Binding(
        "f", "funnel", "Funnel", show=False, tooltip="Pass-through and reply times", id="funnel"
    ),
    Binding(
        "slash",
        "filter",
        "Filter",
        tooltip="Filter loops: words, names, log text; owner:rec|hm|me, signal:NAME",
        id="filter",
    ),
    Binding("u", "undo", "Undo", tooltip="Undo the last change", id="undo"),
    Binding(
        "t",
        "toggle_closed",
        "Closed",
        show=False,
        tooltip="Show or hide closed loops",
        id="toggle-closed",
    ),
    Binding(
        "tab",
        "app.focus_next",
        "Panes",
        show=False,
        tooltip="Move to the timeline, then the contacts: their items get a cursor",
        id="focus-next",
    ),
    Binding(
        "shift+tab",
        "app.focus_previous",
        "Back",
        show=False,
        tooltip="Move back through the panes",
        id="focus-previous",
    ),
    Binding(
        "S", "sync", "Sync", show=False, tooltip="Commit, pull and push through git", id="sync"
    ),
    Binding(
        "K",
        "conflicts",
        "Conflicts",
        show=False,
        tooltip="Values a sync overwrote: take back or let go",
        id="conflicts",
    ),
    # Mail (tui.screens.mail_keys).
    Binding(
        "i",
        "intake",
        "Intake",
        show=False,
        tooltip="Paste an invite or a mail (or a file's path) into its loop",
        id="intake",
    ),
]
"""Keys about the whole list; `show=False` keys stay out of a narrow footer."""
