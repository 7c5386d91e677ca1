"""Drafts: each kind goes to the right person and says the loop's names, dates and numbers."""

from __future__ import annotations

import pytest
from builders import TODAY, applied, day, make_loop, open_offer

from planner.drafts import DraftError, write_draft
from planner.draftwords import DraftKind, TemplateError
from planner.models import (
    Contact,
    ContactRole,
    EventKind,
    Loop,
    Outcome,
    Round,
    RoundKind,
    RoundStatus,
)
from planner.pacing import Deadline


def acme(*rounds: Round, hm: bool = True) -> Loop:
    contacts = [
        Contact(
            id="ann",
            process_id="acme",
            name="Ann Lee",
            role=ContactRole.RECRUITER,
            email="ann@acme.io",
        )
    ]
    if hm:
        contacts.append(
            Contact(
                id="hal",
                process_id="acme",
                name="Hal Ames",
                role=ContactRole.HIRING_MANAGER,
                email="hal@acme.io",
            )
        )
    return make_loop("acme", "Acme", applied("acme", -30), *rounds, contacts=contacts)


def tech_done(**fields: object) -> Round:
    values: dict[str, object] = {
        "process_id": "acme",
        "kind": RoundKind.TECH,
        "status": RoundStatus.DONE,
        "date": day(-9),
        "created_on": day(-20),
        "interviewers": ["Priya Rao", "Sam Wu"],
    }
    return Round.model_validate({**values, **fields})


BETA_DEADLINE = Deadline("beta", "Beta Labs", day(5), day(-1))


def test_a_nudge_goes_to_the_recruiter_with_the_round_its_date_and_the_days_waited() -> None:
    draft = write_draft(acme(tech_done()), DraftKind.NUDGE, TODAY)
    assert (draft.to.name, draft.to.email, draft.to.contact_id) == ("Ann Lee", "ann@acme.io", "ann")
    assert draft.subject == "Following up: ML Engineer at Acme"
    assert draft.body.startswith("Hi Ann,\n\n")
    assert "follow up on my technical interview on Saturday, March 7. It has been 9 days" in (
        draft.body
    )
    assert "very interested in joining Acme" in draft.body
    assert draft.text.startswith("To: Ann Lee <ann@acme.io>\nSubject: Following up: ML Engineer")


def test_a_nudge_about_scheduling_or_the_application_says_so() -> None:
    planned = Round(process_id="acme", kind=RoundKind.ONSITE, created_on=day(-4))
    draft = write_draft(acme(planned), DraftKind.NUDGE, TODAY)
    assert "follow up on scheduling the onsite / panel. It has been 4 days" in draft.body
    draft = write_draft(acme(), DraftKind.NUDGE, TODAY)
    assert "follow up on my application for the ML Engineer role. It has been 30 days" in (
        draft.body
    )


def test_there_is_no_nudge_when_the_next_step_is_mine() -> None:
    ahead = Round(
        process_id="acme",
        kind=RoundKind.TECH,
        status=RoundStatus.SCHEDULED,
        date=day(3),
        created_on=day(-2),
    )
    with pytest.raises(DraftError, match=r"waits on me \(Prepare for Technical interview"):
        write_draft(acme(ahead), DraftKind.NUDGE, TODAY)


def test_thanks_names_the_interviewers_and_the_rounds_date() -> None:
    draft = write_draft(acme(tech_done(outcome=Outcome.PASSED)), DraftKind.THANKS, TODAY)
    assert draft.to.name == "Ann Lee"
    assert draft.subject == "Thank you: technical interview for ML Engineer"
    assert "Thank you for the technical interview on Saturday, March 7." in draft.body
    assert "the conversation with Priya Rao and Sam Wu" in draft.body


def test_thanks_after_the_hiring_manager_interview_goes_to_them() -> None:
    hm = tech_done(kind=RoundKind.HM, interviewers=["Hal Ames", "Dee Park"], date=day(-1))
    draft = write_draft(acme(hm), DraftKind.THANKS, TODAY)
    assert (draft.to.name, draft.to.email) == ("Hal Ames", "hal@acme.io")
    assert "Thank you for the hiring-manager interview on Sunday, March 15." in draft.body
    assert "the conversation with you and Dee Park" in draft.body
    without_card = write_draft(acme(hm, hm=False), DraftKind.THANKS, TODAY)
    assert without_card.to.name == "Ann Lee"


def test_thanks_before_any_round_is_refused() -> None:
    with pytest.raises(DraftError, match="no round of Acme / ML Engineer has taken place yet"):
        write_draft(acme(), DraftKind.THANKS, TODAY)


def test_deadline_names_the_other_company_its_date_and_the_days_left() -> None:
    onsite = Round(process_id="acme", kind=RoundKind.ONSITE, created_on=day(-1))
    draft = write_draft(
        acme(tech_done(outcome=Outcome.PASSED), onsite),
        DraftKind.DEADLINE,
        TODAY,
        deadlines=[BETA_DEADLINE],
    )
    assert draft.to.name == "Ann Lee" and draft.about_process_id == "beta"
    assert draft.subject == "Timeline update: ML Engineer at Acme"
    assert "an offer from Beta Labs, with a deadline of Saturday, March 21 (in 5 days)." in (
        draft.body
    )
    assert "speed up the steps still ahead (onsite / panel)?" in draft.body
    event = draft.sent_event(TODAY)
    assert (event.kind, event.contact_id, event.about_process_id, event.on) == (
        EventKind.SENT,
        "ann",
        "beta",
        TODAY,
    )
    assert event.text == "Sent (deadline): Timeline update: ML Engineer at Acme"


def test_deadline_without_another_offer_is_refused() -> None:
    own = Deadline("acme", "Acme", day(5), day(-1))
    with pytest.raises(DraftError, match="no other loop has an open offer deadline"):
        write_draft(acme(), DraftKind.DEADLINE, TODAY, deadlines=[own])
    with pytest.raises(DraftError, match="that loop has no open offer deadline"):
        write_draft(acme(), DraftKind.DEADLINE, TODAY, deadlines=[BETA_DEADLINE], about="gamma")


def test_withdraw_accept_and_decline() -> None:
    offer = open_offer("acme", -2, 4)
    withdraw = write_draft(acme(), DraftKind.WITHDRAW, TODAY)
    assert withdraw.subject == "Withdrawing my application: ML Engineer"
    assert "the ML Engineer role at Acme. After careful thought" in withdraw.body
    accept = write_draft(acme(offer), DraftKind.ACCEPT, TODAY)
    assert accept.subject == "Accepting the offer: ML Engineer at Acme"
    assert "I am delighted to accept the offer for the ML Engineer role at Acme." in accept.body
    decline = write_draft(acme(offer), DraftKind.DECLINE, TODAY)
    assert "decided to decline it" in decline.body and decline.to.name == "Ann Lee"
    with pytest.raises(DraftError, match="Acme / ML Engineer has no offer to accept"):
        write_draft(acme(), DraftKind.ACCEPT, TODAY)


def test_to_picks_a_card_or_an_interviewer_named_on_a_round() -> None:
    loop = acme(tech_done())
    assert write_draft(loop, DraftKind.THANKS, TODAY, to="hal").to.email == "hal@acme.io"
    priya = write_draft(loop, DraftKind.THANKS, TODAY, to="priya")
    assert (priya.to.name, priya.to.email, priya.to.contact_id) == ("Priya Rao", "", None)
    assert "the conversation with you and Sam Wu" in priya.body
    with pytest.raises(DraftError, match="'a' matches several people"):
        write_draft(loop, DraftKind.THANKS, TODAY, to="a")
    with pytest.raises(DraftError, match=r"'zed' matches nobody in Acme / ML Engineer \(contacts"):
        write_draft(loop, DraftKind.THANKS, TODAY, to="zed")


def test_my_own_template_replaces_the_words_and_unknown_words_are_refused() -> None:
    mine = "Subject: Hi from $company\n\nDear $to_name, $days_waited days since $since.\n"
    draft = write_draft(acme(tech_done()), DraftKind.NUDGE, TODAY, template=mine)
    assert draft.subject == "Hi from Acme"
    assert draft.body == "Dear Ann Lee, 9 days since Saturday, March 7.\n"
    with pytest.raises(TemplateError, match=r"nudge.txt uses \$nmae, which no draft knows"):
        write_draft(
            acme(tech_done()),
            DraftKind.NUDGE,
            TODAY,
            template="Subject: x\n\n$nmae\n",
            template_name="nudge.txt",
        )
    with pytest.raises(TemplateError, match=r"must start with a 'Subject: \.\.\.' line"):
        write_draft(acme(tech_done()), DraftKind.NUDGE, TODAY, template="Hello $company\n")
