"""Offers, prep items and the profile live in their own stamped tables of the same file."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from storehelp import DAY, process

from planner.offers import Offer, OfferStatus
from planner.prep import Audience, Decision, Profile, Question, TalkingPoint
from storage.repository import Repository
from storage.undo import Undone


def test_new_records_round_trip_through_the_file_with_stamps(db_path: Path) -> None:
    repo = Repository.open(db_path)
    loop = process()
    offer = Offer(process_id=loop.id, base=200_000, deadline=dt.date(2026, 3, 20), received_on=DAY)
    question = Question(process_id=loop.id, text="How is on-call shared?")
    point = TalkingPoint(process_id=loop.id, audience=Audience.RECRUITER, text="Led ranking v2")
    decision = Decision(process_id=loop.id, decider="the VP")
    with repo.transaction("add everything") as tx:
        for record in (loop, offer, question, point, decision, Profile(visa="EU citizen")):
            tx.put(record)

    document = json.loads(db_path.read_text())
    stored = document["offers"][offer.id]
    assert stored["base"] == 200_000 and set(stored["_stamps"]) >= {"base", "deadline"}
    assert document["profile"]["profile"]["visa"] == "EU citizen"

    again = Repository.open(db_path)
    assert again.read_only is None
    assert again.records(Offer) == [offer]
    assert again.records(Question, loop.id) == [question]
    assert again.records(TalkingPoint, "someone-else") == []
    assert again.records(Decision, loop.id) == [decision]
    assert again.profile().visa == "EU citizen"


def test_a_file_without_the_new_tables_reads_as_empty(db_path: Path) -> None:
    repo = Repository.open(db_path)
    with repo.transaction("add loop") as tx:
        tx.put(process())
    document = json.loads(db_path.read_text())
    for table in ("offers", "questions", "talking_points", "decisions", "profile"):
        document.pop(table, None)
    db_path.write_text(json.dumps(document))
    older = Repository.open(db_path)
    assert older.read_only is None
    assert older.records(Offer) == [] and older.profile() == Profile()


def test_deleting_a_loop_takes_its_offer_and_prep_along_and_undo_brings_them_back(
    db_path: Path,
) -> None:
    repo = Repository.open(db_path)
    loop = process()
    offer = Offer(process_id=loop.id, received_on=DAY, status=OfferStatus.WRITTEN)
    with repo.transaction("add") as tx:
        tx.put(loop)
        tx.put(offer)
        tx.put(Question(process_id=loop.id, text="Why is the role open?"))
    with repo.transaction("delete") as tx:
        tx.delete(loop)
    assert repo.records(Offer) == [] and repo.records(Question) == []
    assert repo.undo() == Undone("delete")
    assert repo.records(Offer) == [offer] and len(repo.records(Question)) == 1


def test_a_bad_offer_in_the_file_opens_read_only_and_names_it(db_path: Path) -> None:
    repo = Repository.open(db_path)
    loop = process()
    offer = Offer(process_id=loop.id, received_on=DAY)
    with repo.transaction("add") as tx:
        tx.put(loop)
        tx.put(offer)
    document = json.loads(db_path.read_text())
    document["offers"][offer.id]["base"] = -5
    db_path.write_text(json.dumps(document))
    before = db_path.read_bytes()
    damaged = Repository.open(db_path)
    assert damaged.read_only is not None and f"offer {offer.id[:8]}" in damaged.read_only
    assert db_path.read_bytes() == before
