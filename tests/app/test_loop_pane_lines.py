"""How the timeline and contact panes lay out their lines: whole emails, a round's
outcome beside it, the tags, the log newest first, one way of writing dates."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from apphelp import TODAY, make_app, open_on, screen_text, settle, stored
from rich.console import Console
from rich.text import Text

from planner.models import Event, EventKind, Outcome, Round, RoundKind, RoundStatus
from storage.repository import Repository
from tui.theme import THEMES, palette_for
from tui.widgets.contact_cards import ContactCards
from tui.widgets.timeline_pane import TimelinePane

LONG_EMAIL = "jonas.weber.principal.recruiting@quarrysystems-talent.example"


def wrapped(text_parts: list[Text], width: int) -> list[str]:
    """Each part as Rich wraps it at `width`, as plain lines."""
    console = Console(width=width)
    return [line.plain for part in text_parts for line in part.wrap(console, width)]


def with_email(db: Path, company: str, email: str) -> None:
    repo = Repository.open(db)
    loop = next(x for x in repo.loops() if x.process.company == company)
    contact = loop.people()[0]
    with repo.transaction("email") as tx:
        tx.put(contact.model_copy(update={"email": email}))


async def test_an_email_too_long_for_the_pane_is_shortened_never_split(demo_db: Path) -> None:
    with_email(demo_db, "Quarry Systems", LONG_EMAIL)
    app = make_app(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_on(pilot, "Quarry Systems")
        cards = app.query_one("#contacts", ContactCards)
        lines = [cell.strip() for line in screen_text(app).splitlines() for cell in line.split("│")]
        assert cards.scrollable_content_region.width < len(LONG_EMAIL)
        shortened = [line for line in lines if line.startswith("jonas.weber.")]
        assert len(shortened) == 1 and shortened[0].endswith("…"), shortened
        assert LONG_EMAIL.startswith(shortened[0].rstrip("…"))
        assert not any(line.startswith(("talent.example", "example")) for line in lines)


def test_an_email_that_fits_is_whole_on_a_line_of_its_own(demo_db: Path) -> None:
    with_email(demo_db, "Quarry Systems", LONG_EMAIL)
    app = make_app(demo_db)
    row = next(r for r in app.session.board().rows if r.loop.process.company == "Quarry Systems")
    palette = palette_for(THEMES[0])
    for width in range(20, 90):
        lines = wrapped(ContactCards().content(row, palette, TODAY, width).parts, width)
        if width >= len(LONG_EMAIL) + 2:
            assert f"  {LONG_EMAIL}" in lines, width
        else:
            assert not any(LONG_EMAIL in line for line in lines), width
            assert sum(line.startswith("  jonas.weber.") for line in lines) == 1, width


def test_a_rounds_outcome_never_wraps_onto_a_line_of_its_own(demo_db: Path) -> None:
    """Beside the round, or too narrow for that, opening the round's indented second line."""
    app = make_app(demo_db)
    palette = palette_for(THEMES[0])
    words = {o.value for o in Outcome} | {s.value for s in RoundStatus}
    for row in app.session.board().rows:
        for width in range(24, 100, 3):
            sheet = TimelinePane().content(row, palette, TODAY, width)
            rounds = [sheet.parts[i.part] for i in sheet.items if isinstance(i.record, Round)]
            for line in wrapped(rounds, width):
                alone = line.split(" by ")[0].strip() in words
                assert not alone or line.startswith("    "), (width, line)


async def test_the_outcome_sits_on_the_rounds_line_when_it_fits(demo_db: Path) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_on(pilot, "Quarry Systems")
        text = screen_text(app)
        screen = next(line for line in text.splitlines() if "Recruiter screen" in line)
        assert "passed" in screen, screen


async def test_tags_show_in_the_loop_pane(demo_db: Path) -> None:
    repo = Repository.open(demo_db)
    loop = next(x for x in repo.loops() if x.process.company == "Quarry Systems")
    with repo.transaction("tags") as tx:
        tx.put(loop.process.model_copy(update={"tags": ["referral", "remote-ok"]}))
    app = make_app(demo_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_on(pilot, "Quarry Systems")
        assert "#referral #remote-ok" in screen_text(app)


async def test_log_lines_of_one_day_come_newest_first_in_entry_order(demo_db: Path) -> None:
    """Ids sorted the other way from entry: only the entry order can put them right."""
    repo = Repository.open(demo_db)
    loop = next(x for x in repo.loops() if x.process.company == "Quarry Systems")
    day = TODAY - dt.timedelta(days=1)
    for record_id, text in (("f" * 32, "first entered"), ("0" * 32, "second entered")):
        with repo.transaction(text) as tx:
            tx.put(Event(id=record_id, process_id=loop.process.id, on=day, text=text))
    app = make_app(demo_db)
    async with app.run_test(size=(120, 60)) as pilot:
        pid = await open_on(pilot, "Quarry Systems")
        lines = screen_text(app).splitlines()
        second = next(i for i, line in enumerate(lines) if "second entered" in line)
        first = next(i for i, line in enumerate(lines) if "first entered" in line)
        assert second < first
        pane = app.query_one("#timeline", TimelinePane)
        listed = [item.record for item in pane.items if isinstance(item.record, Event)]
        assert listed == list(reversed(stored(demo_db, "Quarry Systems").log()))
        assert pid == loop.process.id


async def test_a_step_due_today_says_due_today_in_the_pane_and_the_card(demo_db: Path) -> None:
    repo = Repository.open(demo_db)
    loop = next(x for x in repo.loops() if x.process.company == "Quarry Systems")
    with repo.transaction("take-home") as tx:
        tx.put(
            Round(
                process_id=loop.process.id,
                kind=RoundKind.TAKEHOME,
                status=RoundStatus.SCHEDULED,
                date=TODAY,
                created_on=TODAY - dt.timedelta(days=3),
            )
        )
        tx.put(
            Event(
                process_id=loop.process.id,
                on=TODAY - dt.timedelta(days=2),
                kind=EventKind.PROMISE,
                text="Send the references",
                due=TODAY + dt.timedelta(days=9),
            )
        )
    app = make_app(demo_db)
    async with app.run_test(size=(160, 50)) as pilot:
        await open_on(pilot, "Quarry Systems")
        text = screen_text(app)
        step = next(line for line in text.splitlines() if "● due today" in line)
        assert "soon" not in step and "2026-" not in step
        pane = "".join(part.plain for part in app.query_one("#timeline", TimelinePane).page.parts)
        assert "● due today · waiting 3d since Fri 13 Mar ·" in pane
        assert "due Wed 25 Mar (in 9 days)" in pane
        await pilot.press("n")
        await settle(pilot)
        cards = screen_text(app)
        assert "Deliver the take-home" in cards
        card = cards[cards.index("Deliver the take-home") :].split("\n\n")[0]
        assert "due today" in cards and "due soon" not in card
        assert "2026-" not in cards


async def test_a_promise_in_the_log_says_when_it_is_due_in_words(demo_db: Path) -> None:
    repo = Repository.open(demo_db)
    loop = next(x for x in repo.loops() if x.process.company == "Quarry Systems")
    due = TODAY + dt.timedelta(days=9)
    with repo.transaction("promise") as tx:
        tx.put(
            Event(
                process_id=loop.process.id,
                on=TODAY,
                kind=EventKind.PROMISE,
                text="Send the write-up",
                due=due,
            )
        )
    app = make_app(demo_db)
    async with app.run_test(size=(120, 60)) as pilot:
        await open_on(pilot, "Quarry Systems")
        text = screen_text(app)
        assert "Send the write-up" in text, text
        assert f"(due {due:%a %d %b} (in 9 days))" in text, text
