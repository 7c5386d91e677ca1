"""The prep sheet shows what the next round's audience needs, and nothing else."""

from __future__ import annotations

from builders import TODAY

from planner.models import Loop, Process, Round, RoundKind, RoundStatus
from planner.prep import (
    Audience,
    Decision,
    Profile,
    Question,
    TalkingPoint,
    audience_of,
    numbered,
    prep_sheet,
    question_hint,
)

PROFILE = Profile(location="Berlin or remote", visa="EU citizen", notice_period="1 month")
POINTS = [
    TalkingPoint(process_id="p", audience=Audience.RECRUITER, text="Shipped ranking v2"),
    TalkingPoint(process_id="p", audience=Audience.HIRING_MANAGER, text="p99 from 80 to 20 ms"),
    TalkingPoint(process_id="other", audience=Audience.RECRUITER, text="not this loop"),
]
QUESTIONS = [
    Question(process_id="p", text="How is on-call shared?"),
    Question(process_id="p", text="What does success look like?", asked=True, answer="Ship X"),
    Question(process_id="other", text="not this loop"),
]


def loop_with(*rounds: Round) -> Loop:
    process = Process(id="p", company="Acme", role="MLE", created_on=TODAY)
    return Loop(process=process, rounds=list(rounds))


def test_a_recruiter_screen_gets_short_points_and_my_constraints() -> None:
    screen = Round(
        process_id="p",
        kind=RoundKind.SCREEN,
        status=RoundStatus.SCHEDULED,
        date=TODAY,
        created_on=TODAY,
    )
    sheet = prep_sheet(loop_with(screen), QUESTIONS, POINTS, None, PROFILE, TODAY)
    assert sheet.round == screen
    assert sheet.audience == Audience.RECRUITER
    assert [p.text for p in sheet.points] == ["Shipped ranking v2"]
    assert sheet.profile == PROFILE
    assert [q.text for q in sheet.open_questions] == ["How is on-call shared?"]
    assert [q.answer for q in sheet.asked_questions] == ["Ship X"]
    assert sheet.hint == "Prepare 1 more question for the hiring manager"


def test_an_interview_with_the_hiring_side_gets_depth_and_no_profile() -> None:
    past = Round(
        process_id="p", kind=RoundKind.SCREEN, status=RoundStatus.DONE, date=TODAY, created_on=TODAY
    )
    onsite = Round(process_id="p", kind=RoundKind.ONSITE, created_on=TODAY)
    decision = Decision(process_id="p", panel="4 engineers", decider="the director")
    sheet = prep_sheet(loop_with(past, onsite), QUESTIONS, POINTS, decision, PROFILE, TODAY)
    assert sheet.round == onsite
    assert sheet.audience == Audience.HIRING_MANAGER
    assert [p.text for p in sheet.points] == ["p99 from 80 to 20 ms"]
    assert sheet.profile is None
    assert sheet.decision == decision


def test_with_nothing_ahead_the_sheet_is_for_the_recruiter() -> None:
    sheet = prep_sheet(loop_with(), [], [], None, Profile(), TODAY)
    assert (sheet.round, sheet.audience) == (None, Audience.RECRUITER)
    assert sheet.hint == "Prepare 3 more questions for the hiring manager"


def test_audiences_of_round_kinds() -> None:
    recruiter = {k for k in RoundKind if audience_of(k) == Audience.RECRUITER}
    assert recruiter == {
        RoundKind.APPLIED,
        RoundKind.SCREEN,
        RoundKind.OFFER,
        RoundKind.NEGOTIATION,
    }


def test_three_to_five_questions_need_no_hint() -> None:
    assert [question_hint(n) for n in (3, 4, 5)] == ["", "", ""]
    assert question_hint(6) == "6 questions: pick the 5 that matter most"


def test_profile_lists_only_filled_constraints() -> None:
    assert PROFILE.lines() == [
        ("Location", "Berlin or remote"),
        ("Visa", "EU citizen"),
        ("Notice period", "1 month"),
    ]
    assert Profile().id == "profile"


def test_questions_are_numbered_open_first_then_alphabetically() -> None:
    ask = [Question(process_id="p", text=t) for t in ("b?", "A?")]
    asked = Question(process_id="p", text="a first?", asked=True)
    assert [q.text for q in numbered([asked, *ask])] == ["A?", "b?", "a first?"]
