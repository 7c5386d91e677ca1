"""The meeting link among the addresses an invite or a mail holds.

Calendar services put the link in different places: Google in
`X-GOOGLE-CONFERENCE` and the description, Outlook in the description and a
Teams-specific property, others in `LOCATION` or `URL`. The first place that
holds a link of a known meeting service wins; failing that, the first link
of the first place that has any (a company's own video page).
"""

from __future__ import annotations

import re

from planner.intake import meeting_service

_URL = re.compile(r"https?://[^\s<>\"'()\[\]]+", re.IGNORECASE)


def links_in(text: str) -> list[str]:
    """Every http(s) link in `text`, trailing punctuation left out."""
    return [url.rstrip(".,;:!?") for url in _URL.findall(text)]


def meeting_link(*places: str) -> str:
    """The meeting link of the first place (in priority order) that has one, else ""."""
    found = [links_in(place) for place in places]
    for links in found:
        for link in links:
            if meeting_service(link):
                return link
    return next((links[0] for links in found if links), "")
