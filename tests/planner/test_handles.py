"""Handles (r1, p1, l1, q1, t1) in display order, and ROUND named by handle or kind."""

from __future__ import annotations

import pytest
from builders import TODAY
from changehelp import PID, a_round, acme

from planner.changes.base import Refused
from planner.handles import find_round, handles
from planner.models import Contact, ContactRole, RoundKind, RoundStatus
from planner.prep import Audience, Question, TalkingPoint


def test_rounds_are_numbered_by_date_with_undated_ones_last() -> None:
    loop = acme()
    late_application = a_round(RoundKind.APPLIED, RoundStatus.DONE, -5, id="applied")
    loop = loop.model_copy(update={"rounds": [late_application, *loop.rounds[1:]]})
    named = handles(loop)
    rounds = [(h, r.id) for h, r in named.items.items() if h.startswith("r")]
    # The application dated after the screen shows where its date puts it.
    assert rounds == [("r1", "screen"), ("r2", "applied"), ("r3", "hm"), ("r4", "tech")]


def test_people_log_questions_and_points_in_their_listed_order() -> None:
    loop = acme()
    extra = Contact(id="aa", process_id=PID, name="Aaron", role=ContactRole.INTERVIEWER)
    loop = loop.model_copy(update={"contacts": [extra, *loop.contacts]})
    asked = Question(id="q-asked", process_id=PID, text="Alpha?", asked=True)
    open_one = Question(id="q-open", process_id=PID, text="Zulu?")
    other_loop = Question(id="q-other", process_id="globex", text="Other?")
    hm_point = TalkingPoint(id="t-hm", process_id=PID, audience=Audience.HIRING_MANAGER, text="A")
    rec_point = TalkingPoint(id="t-rec", process_id=PID, audience=Audience.RECRUITER, text="Z")
    named = handles(loop, [asked, open_one, other_loop], [hm_point, rec_point])
    ids = {h: r.id for h, r in named.items.items()}
    assert [ids[h] for h in ("p1", "p2", "p3")] == ["ann", "bo", "aa"]
    assert ids["l1"] == "e1"
    assert (ids["q1"], ids["q2"]) == ("q-open", "q-asked")  # open first, as prep numbers them
    assert "q3" not in ids
    assert (ids["t1"], ids["t2"]) == ("t-rec", "t-hm")
    assert named.of("bo") == "p2"
    assert named.of("nope") == ""


@pytest.mark.parametrize(
    ("text", "sentence"),
    [
        (
            "r9",
            "Acme / ML Engineer has no item r9 (rounds r1-r4, people p1-p2, log lines l1, "
            "no questions, no talking points)",
        ),
        ("x1", "'x1' is not an item handle"),
        ("p", "'p' is not an item handle"),
    ],
)
def test_an_unknown_handle_says_what_exists(text: str, sentence: str) -> None:
    with pytest.raises(Refused) as refused:
        handles(acme()).find(text)
    assert sentence in str(refused.value)
    assert refused.value.field == "item"


def test_a_handle_is_found_in_any_case() -> None:
    assert handles(acme()).find(" R3 ").id == "hm"


def test_round_by_kind_word_handle_or_the_current_one() -> None:
    loop = acme()
    assert find_round(loop, TODAY, None).id == "hm"
    assert find_round(loop, TODAY, "technical").id == "tech"
    assert find_round(loop, TODAY, "r2").id == "screen"
    with pytest.raises(Refused, match="p1 is not a round"):
        find_round(loop, TODAY, "p1")
    with pytest.raises(Refused, match="has no onsite / panel"):
        find_round(loop, TODAY, "onsite")
    with pytest.raises(Refused, match="'lunch' is neither a round kind nor a handle"):
        find_round(loop, TODAY, "lunch")


def test_two_open_rounds_of_a_kind_are_listed_by_handle() -> None:
    loop = acme()
    second = a_round(RoundKind.TECH, RoundStatus.SCHEDULED, 4, id="tech2")
    loop = loop.model_copy(update={"rounds": [*loop.rounds, second]})
    with pytest.raises(Refused) as refused:
        find_round(loop, TODAY, "tech")
    assert str(refused.value) == (
        "Acme / ML Engineer has 2 rounds of kind tech: r4 (Fri 20 Mar), r5 (no date); "
        "name one by its handle"
    )


def test_a_loop_without_an_open_round_needs_one_named() -> None:
    loop = acme()
    loop = loop.model_copy(update={"rounds": loop.rounds[:2]})
    with pytest.raises(Refused, match="has no open round; name one"):
        find_round(loop, TODAY, None)
    assert find_round(loop, TODAY, "screen").id == "screen"  # a held round, when it is the only one


def test_an_application_without_a_date_still_opens_the_timeline() -> None:
    loop = acme()
    undated = a_round(RoundKind.APPLIED, RoundStatus.DONE, None, id="applied")
    loop = loop.model_copy(update={"rounds": [*loop.rounds[1:], undated]})
    assert [r.id for r in loop.timeline_by_date()] == ["applied", "screen", "hm", "tech"]
