"""Projected offer dates: rounds left times the pace, against other offers' deadlines."""

from __future__ import annotations

from builders import TODAY, applied, day, make_loop

from planner.durations import stage_durations
from planner.models import (
    CloseReason,
    Loop,
    Outcome,
    ProcessStatus,
    Round,
    RoundKind,
    RoundStatus,
    Settings,
)
from planner.offers import Offer, OfferStatus
from planner.pace import observed_pace
from planner.pacing import open_deadlines
from planner.projection import (
    RoundSource,
    behind,
    project,
    projections,
    speed_up_note,
)


def loop(pid: str, *rounds: Round, created: int = -20, **process: object) -> Loop:
    """A loop added `created` days from today, its application sent that day."""
    company = pid.capitalize()
    first = applied(pid, created)
    return make_loop(pid, company, first, *rounds, created_on=day(created), **process)


def planned(pid: str, kind: RoundKind, created: int = 0, **fields: object) -> Round:
    return Round(process_id=pid, kind=kind, created_on=day(created), **fields)  # type: ignore[arg-type]


def decided(pid: str, kind: RoundKind, began: int, took: int) -> Round:
    """A round that began `began` days from today and passed `took` days later."""
    return Round(
        process_id=pid,
        kind=kind,
        status=RoundStatus.DONE,
        date=day(began),
        created_on=day(began),
        outcome=Outcome.PASSED,
        outcome_on=day(began + took),
    )


def offer_due(pid: str, days: int) -> Offer:
    return Offer(
        process_id=pid, status=OfferStatus.WRITTEN, deadline=day(days), received_on=day(-1)
    )


def test_two_rounds_left_at_seven_days_each_miss_a_deadline_in_five_days() -> None:
    beta = loop("beta", planned("beta", RoundKind.TECH), planned("beta", RoundKind.ONSITE))
    acme = loop("acme", planned("acme", RoundKind.OFFER, status=RoundStatus.SCHEDULED))
    found = projections([beta, acme], [offer_due("acme", 5)], TODAY, Settings())

    (projection,) = found  # the loop with the offer is not projected
    assert [(r.kind, r.source, r.days) for r in projection.rounds] == [
        (RoundKind.TECH, RoundSource.PLANNED, 7.0),
        (RoundKind.ONSITE, RoundSource.PLANNED, 7.0),
    ]
    assert projection.offer_on == day(14)
    assert (projection.earliest, projection.latest) == (day(7), day(28))
    assert projection.behind and projection.deadline is not None
    assert (projection.deadline.company, projection.deadline.deadline) == ("Acme", day(5))
    assert speed_up_note(projection) == (
        "Offer projected around Mon 30 Mar, after the Acme deadline on Sat 21 Mar: "
        "ask Beta Rec to speed up"
    )


def test_the_notes_for_the_pacing_steps_name_only_the_loops_behind() -> None:
    beta = loop("beta", planned("beta", RoundKind.TECH), planned("beta", RoundKind.ONSITE))
    gamma = loop("gamma", planned("gamma", RoundKind.ONSITE, created=-6))
    acme = loop("acme", planned("acme", RoundKind.OFFER))
    found = projections([beta, gamma, acme], [offer_due("acme", 5)], TODAY, Settings())
    notes = {p.process_id: note for p in found if (note := speed_up_note(p, TODAY)) is not None}
    assert list(notes) == ["beta"] and "ask Beta Rec to speed up" in notes["beta"]


def test_behind_is_what_the_projection_says_of_the_deadline_and_the_offer_date() -> None:
    """The board asks `behind` alone; `pace` and the offers view read the whole projection."""
    beta = loop("beta", planned("beta", RoundKind.TECH), planned("beta", RoundKind.ONSITE))
    gamma = loop("gamma", planned("gamma", RoundKind.ONSITE, created=-6))
    held = loop("held", planned("held", RoundKind.TECH), status=ProcessStatus.ON_HOLD)
    acme = loop("acme", planned("acme", RoundKind.OFFER))
    umbrella = loop("umbrella", planned("umbrella", RoundKind.OFFER))
    loops = [beta, gamma, held, acme, umbrella]
    deadlines = open_deadlines(loops, [offer_due("acme", 5), offer_due("umbrella", 9)], TODAY)
    pace = observed_pace(loops, Settings())
    found = {}
    for each in loops:
        projected = project(each, TODAY, pace, deadlines)
        late = behind(each, TODAY, pace, deadlines)
        if projected is None or projected.deadline is None:
            assert late is None
        else:
            assert late == (projected.deadline, projected.offer_on)
            found[each.process.id] = (late[0].company, late[1])
    assert found == {"beta": ("Acme", day(14))}


def test_a_deadline_after_the_projected_offer_is_not_a_worry() -> None:
    beta = loop("beta", planned("beta", RoundKind.TECH), planned("beta", RoundKind.ONSITE))
    acme = loop("acme", planned("acme", RoundKind.OFFER))
    (projection,) = projections([beta, acme], [offer_due("acme", 20)], TODAY, Settings())
    assert projection.offer_on == day(14) and not projection.behind
    assert speed_up_note(projection) is None


def test_without_planned_rounds_the_default_stages_are_what_is_left() -> None:
    fresh = loop("fresh", created=0)
    settings = Settings(default_stages=[RoundKind.SCREEN, RoundKind.TECH], stage_days=5)
    (projection,) = projections([fresh], [], TODAY, settings)
    assert [(r.kind, r.source) for r in projection.rounds] == [
        (RoundKind.SCREEN, RoundSource.DEFAULTS),
        (RoundKind.TECH, RoundSource.DEFAULTS),
    ]
    assert projection.offer_on == day(10)


def test_a_planned_next_round_is_followed_by_the_rest_of_the_usual_sequence() -> None:
    screening = loop("s", planned("s", RoundKind.SCREEN))
    (projection,) = projections([screening], [], TODAY, Settings())
    assert [r.kind for r in projection.rounds] == [
        RoundKind.SCREEN,
        RoundKind.HM,
        RoundKind.TECH,
        RoundKind.ONSITE,
    ]
    assert [r.source for r in projection.rounds][:2] == [RoundSource.PLANNED, RoundSource.DEFAULTS]
    assert projection.offer_on == day(28)


def test_my_history_sets_the_pace_and_the_usual_sequence() -> None:
    """Three finished loops went screen (2 days) then tech (10 days) to an offer."""
    history = [
        loop(
            f"old{n}",
            decided(f"old{n}", RoundKind.SCREEN, -60 + n, 2),
            decided(f"old{n}", RoundKind.TECH, -50 + n, 9 + n),
            status=ProcessStatus.CLOSED,
            close_reason=CloseReason.DECLINED,
        )
        for n in range(3)
    ]
    pace = observed_pace(history, Settings())
    assert pace.usual == (RoundKind.SCREEN, RoundKind.TECH) and pace.usual_from_history
    assert (pace.of(RoundKind.SCREEN).days, pace.of(RoundKind.TECH).days) == (2.0, 10.0)
    assert pace.of(RoundKind.ONSITE).days == 7.0  # no history: the default

    fresh = loop("fresh", created=0)
    (projection,) = projections([*history, fresh], [], TODAY, Settings())
    assert [(r.kind, r.source, r.days) for r in projection.rounds] == [
        (RoundKind.SCREEN, RoundSource.HISTORY, 2.0),
        (RoundKind.TECH, RoundSource.HISTORY, 10.0),
    ]
    assert projection.offer_on == day(12)
    assert (projection.earliest, projection.latest) == (day(11), day(13))


def test_the_usual_sequence_counts_loops_that_reached_an_offer_in_timeline_order() -> None:
    """Rounds stored out of order count in timeline order; a cancelled offer is no offer."""

    def reached(pid: str, last: Round, **process: object) -> Loop:
        # The tech round is stored before the screen that came first.
        return loop(
            pid,
            decided(pid, RoundKind.TECH, -40, 3),
            last,
            decided(pid, RoundKind.SCREEN, -50, 2),
            **process,
        )

    history = [
        reached("n", planned("n", RoundKind.NEGOTIATION, created=-30)),
        reached("o", planned("o", RoundKind.OFFER, created=-30)),
        reached(
            "a",
            decided("a", RoundKind.ONSITE, -35, 2),
            status=ProcessStatus.CLOSED,
            close_reason=CloseReason.ACCEPTED,
        ),
        reached("c", planned("c", RoundKind.OFFER, created=-30, status=RoundStatus.CANCELLED)),
        reached("d", planned("d", RoundKind.OFFER, created=-30, status=RoundStatus.CANCELLED)),
    ]
    pace = observed_pace(history, Settings())
    assert pace.usual_samples == 3  # "c" and "d" never got an offer
    assert pace.usual == (RoundKind.SCREEN, RoundKind.TECH)


def test_the_pace_reads_every_decided_round_as_the_funnel_does() -> None:
    """Days per stage come from every loop, offer or not, in the same pass as the sequences;
    a cancelled round or one without an outcome adds no days."""
    history = [
        loop(
            f"r{n}",
            decided(f"r{n}", RoundKind.SCREEN, -60, 2 + n),
            status=ProcessStatus.CLOSED,
            close_reason=CloseReason.REJECTED,
        )
        for n in range(3)
    ]
    called_off = decided("x", RoundKind.SCREEN, -40, 30).model_copy(
        update={"status": RoundStatus.CANCELLED}
    )
    history.append(loop("x", called_off, planned("x", RoundKind.TECH, created=-10)))
    pace = observed_pace(history, Settings())
    screen = pace.of(RoundKind.SCREEN)
    assert (screen.samples, screen.days, screen.low, screen.high) == (3, 3.0, 2.5, 3.5)
    assert {kind: stage.samples for kind, stage in pace.stages.items()} == {
        kind: len(days) for kind, days in stage_durations(history).items()
    }
    assert (pace.usual_samples, pace.usual_from_history) == (0, False)


def test_thin_history_falls_back_to_the_defaults() -> None:
    history = [
        loop(
            "old",
            decided("old", RoundKind.SCREEN, -60, 2),
            status=ProcessStatus.CLOSED,
            close_reason=CloseReason.ACCEPTED,
        )
    ]
    pace = observed_pace(history, Settings(stage_days=6))
    assert pace.of(RoundKind.SCREEN).days == 6.0 and pace.of(RoundKind.SCREEN).samples == 1
    assert not pace.usual_from_history and pace.usual[0] == RoundKind.SCREEN


def test_a_round_under_way_counts_what_is_left_and_waits_for_its_date() -> None:
    pace = observed_pace([], Settings(default_stages=[RoundKind.TECH]))
    started = loop("a", planned("a", RoundKind.TECH, created=-5))
    projection = project(started, TODAY, pace)
    assert projection is not None and projection.rounds[0].days == 2.0
    assert projection.offer_on == day(2)

    later = loop(
        "b", planned("b", RoundKind.TECH, created=-5, status=RoundStatus.SCHEDULED, date=day(9))
    )
    projection = project(later, TODAY, pace)
    assert projection is not None and projection.offer_on == day(9)


def test_loops_with_nothing_to_project() -> None:
    pace = observed_pace([], Settings())
    rejected = Round(
        process_id="r",
        kind=RoundKind.SCREEN,
        status=RoundStatus.DONE,
        outcome=Outcome.REJECTED,
        created_on=day(-3),
    )
    assert project(loop("r", rejected), TODAY, pace) is None
    assert project(loop("h", status=ProcessStatus.ON_HOLD), TODAY, pace) is None
    assert project(loop("o", planned("o", RoundKind.OFFER)), TODAY, pace) is None
