"""Questions, talking points, the decision process and offers."""

from __future__ import annotations

import pytest
from builders import TODAY, day
from changehelp import PID, acme, fields_written, played

from planner.changes.base import Insert, Refused, Remove, Update
from planner.changes.offers import delete_offer, record_offer
from planner.changes.prep import (
    add_point,
    add_question,
    delete_decision,
    delete_point,
    delete_question,
    edit_point,
    edit_question,
    mark_asked,
    set_decision,
)
from planner.models import RoundKind, RoundStatus
from planner.offers import Offer, OfferStatus
from planner.prep import Audience, Decision, Question, TalkingPoint


def test_add_edit_ask_and_delete_a_question() -> None:
    loop = acme()
    (write,) = add_question(loop, TODAY, "How is the team measured?").writes
    assert isinstance(write, Insert) and isinstance(write.record, Question)
    question = write.record
    assert fields_written(
        edit_question(loop, TODAY, question, {"text": "How is success measured?"})
    ) == {question.id: frozenset({"text"})}
    asked = mark_asked(loop, TODAY, question, "By latency and cost")
    assert fields_written(asked) == {question.id: frozenset({"asked", "answer"})}
    assert delete_question(loop, TODAY, question).writes == (Remove(question),)


def test_a_question_of_another_loop_or_without_text_is_refused() -> None:
    stray = Question(process_id="globex", text="Why?")
    with pytest.raises(Refused, match="does not belong to Acme / ML Engineer"):
        delete_question(acme(), TODAY, stray)
    with pytest.raises(Refused, match="text cannot be empty"):
        add_question(acme(), TODAY, "  ")


def test_add_edit_and_delete_a_talking_point() -> None:
    loop = acme()
    patch = add_point(loop, TODAY, Audience.HIRING_MANAGER, "Cut p99 latency by 40%")
    assert patch.summary == "Added a talking point for the hiring manager to Acme / ML Engineer"
    point = patch.writes[0].record
    assert isinstance(point, TalkingPoint)
    moved = edit_point(loop, TODAY, point, {"audience": Audience.RECRUITER})
    assert fields_written(moved) == {point.id: frozenset({"audience"})}
    assert delete_point(loop, TODAY, point).writes == (Remove(point),)


def test_the_decision_process_is_made_on_first_use_then_edited() -> None:
    loop = acme()
    made = set_decision(loop, TODAY, None, {"panel": "Four engineers"})
    decision = made.writes[0].record
    assert isinstance(made.writes[0], Insert) and isinstance(decision, Decision)
    assert decision.process_id == PID
    edited = set_decision(loop, TODAY, decision, {"panel": "Four engineers", "decider": "VP"})
    assert fields_written(edited) == {decision.id: frozenset({"decider"})}
    assert delete_decision(loop, TODAY, decision).writes == (Remove(decision),)


def test_an_offer_opens_the_offer_round_and_an_update_changes_only_its_terms() -> None:
    loop = acme()
    patch = record_offer(loop, TODAY, [], {"base": 200_000, "deadline": day(5)})
    offer, offer_round = (w.record for w in patch.writes)
    assert isinstance(offer, Offer) and offer.received_on == TODAY
    assert offer_round.kind == RoundKind.OFFER and offer_round.deadline == day(5)
    assert patch.summary == "Recorded the verbal offer of Acme / ML Engineer"
    with_offer = played(loop, patch)
    update = record_offer(with_offer, TODAY, [offer], {"base": 210_000, "deadline": day(5)})
    assert fields_written(update) == {offer.id: frozenset({"base"})}
    answered = record_offer(with_offer, TODAY, [offer], {"status": OfferStatus.ACCEPTED})
    closing = [
        w for w in answered.writes if isinstance(w, Update) and w.record.id == offer_round.id
    ]
    assert closing and closing[0].record.status == RoundStatus.DONE


def test_an_offer_cannot_come_after_today() -> None:
    with pytest.raises(Refused) as refused:
        record_offer(acme(), TODAY, [], {"received_on": day(1)})
    assert refused.value.field == "received_on"


def test_a_bad_amount_field_is_refused_with_its_name() -> None:
    with pytest.raises(Refused) as refused:
        record_offer(acme(), TODAY, [], {"currency": "dollars"})
    assert refused.value.field == "currency"


def test_deleting_an_open_offer_takes_its_open_round_along() -> None:
    loop = acme()
    patch = record_offer(loop, TODAY, [], {"base": 1, "deadline": day(5)})
    offer, offer_round = (w.record for w in patch.writes)
    assert isinstance(offer, Offer)
    with_offer = played(loop, patch)
    removed = delete_offer(with_offer, TODAY, offer, [offer])
    assert {type(w) for w in removed.writes} == {Remove}
    assert {w.record.id for w in removed.writes} == {offer.id, offer_round.id}
    second = Offer(process_id=PID, received_on=TODAY, deadline=day(5))
    kept = delete_offer(with_offer, TODAY, offer, [offer, second])
    assert [w.record.id for w in kept.writes] == [offer.id]
