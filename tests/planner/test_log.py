"""`Loop.log`: by date, and on one day in the order the lines were entered."""

from __future__ import annotations

import datetime as dt

from planner.models import Event, Loop, Process

DAY = dt.date(2026, 3, 16)


def test_one_day_keeps_the_entry_order_whatever_the_ids() -> None:
    acme = Process(company="Acme", role="MLE", created_on=DAY)

    def line(record_id: str, text: str, days: int = 0) -> Event:
        on = DAY + dt.timedelta(days=days)
        return Event(id=record_id * 32, process_id=acme.id, on=on, text=text)

    entered = [line("f", "first"), line("0", "second"), line("9", "the day before", -1)]
    loop = Loop(process=acme, events=entered)
    assert [e.text for e in loop.log()] == ["the day before", "first", "second"]
