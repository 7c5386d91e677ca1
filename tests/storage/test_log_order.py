"""Log lines of one day come back in the order they were entered, never by their random ids."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from storehelp import DAY, process

from planner.models import Event, Loop
from storage.repository import Repository

# Ids that sort against the order of entry: an id order would read the lines backwards.
IDS = ["f" * 32, "a" * 32, "5" * 32]
TEXTS = ["Sent my availability", "They offered two slots", "Picked Tuesday"]


def log_day(path: Path) -> str:
    """A loop whose three log lines of one day were entered one by one, in three writes."""
    repo = Repository.open(path)
    loop = process()
    with repo.transaction("add loop") as tx:
        tx.put(loop)
    for record_id, text in zip(IDS, TEXTS, strict=True):
        with repo.transaction(f"log {text}") as tx:
            tx.put(Event(id=record_id, process_id=loop.id, on=DAY, text=text))
    return loop.id


def texts(loop: Loop) -> list[str]:
    return [e.text for e in loop.log()]


def test_the_writer_and_a_fresh_reader_list_them_as_entered(db_path: Path) -> None:
    pid = log_day(db_path)
    assert texts(Repository.open(db_path).loop(pid)) == TEXTS
    assert sorted(json.loads(db_path.read_text())["events"]) == sorted(IDS)  # file: by id


def test_an_earlier_date_still_comes_first(db_path: Path) -> None:
    pid = log_day(db_path)
    repo = Repository.open(db_path)
    with repo.transaction("log the day before") as tx:
        tx.put(Event(process_id=pid, on=DAY.replace(day=DAY.day - 1), text="Applied"))
    assert texts(repo.loop(pid)) == ["Applied", *TEXTS]
    assert texts(Repository.open(db_path).loop(pid)) == ["Applied", *TEXTS]


@pytest.mark.parametrize("reopen", [False, True])
def test_an_undone_deletion_goes_back_to_its_place(db_path: Path, reopen: bool) -> None:
    pid = log_day(db_path)
    repo = Repository.open(db_path)
    first = repo.loop(pid).log()[0]
    with repo.transaction("forget the first line") as tx:
        tx.delete(first)
    assert texts(repo.loop(pid)) == TEXTS[1:]
    if reopen:
        repo = Repository.open(db_path)
    assert repo.undo().label == "forget the first line"
    assert texts(repo.loop(pid)) == TEXTS
    assert texts(Repository.open(db_path).loop(pid)) == TEXTS


def test_an_edit_keeps_a_line_where_it_was_entered(db_path: Path) -> None:
    pid = log_day(db_path)
    repo = Repository.open(db_path)
    first = repo.loop(pid).log()[0]
    with repo.transaction("reword") as tx:
        tx.put(first.model_copy(update={"text": "Sent my availability (Tue, Wed)"}))
    expected = ["Sent my availability (Tue, Wed)", *TEXTS[1:]]
    assert texts(repo.loop(pid)) == expected
    assert texts(Repository.open(db_path).loop(pid)) == expected
