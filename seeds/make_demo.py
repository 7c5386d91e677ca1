"""Write seeds/demo.json: a realistic set of interview loops for `loopdeck --demo`.

The loops are built with the planner's own models, so a model change that the
demo data no longer fits fails here, loudly, instead of in front of a user.
Every date is an offset from ANCHOR; opening the demo shifts them all by
(today - ANCHOR) so the loops always sit around the day the demo is opened.

Between them the loops show every situation the app is built for, and every
signal: quiet after a round (a follow-up, and one cooling despite my nudges),
a promise of theirs that lapsed (missed) and one still ahead, racing, a
rejection by the hiring manager before their call, offers with deadlines, a
take-home due, a round this week, an application with no reply, a loop on
hold, a negotiation, a promised thank-you note due today and a promise of mine
overdue, each beside its loop's state, a round planned without a date, and
two recruiters who have not yet heard about the other loops' offer deadlines
(one of them in the loop waiting for a follow-up: the to-do and the state's
signal show side by side). Offers carry their terms; one loop has questions,
talking points and a decision process for its prep sheet; the profile holds my
constraints.

Run it with `python seeds/make_demo.py` after changing it; the output is
deterministic (fixed ids, fixed stamps), so the diff shows exactly what moved.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path
from typing import Any

from planner.models import (
    CloseReason,
    Contact,
    ContactRole,
    DecidedBy,
    Event,
    EventKind,
    Loop,
    Outcome,
    Process,
    ProcessStatus,
    Record,
    Round,
    RoundKind,
    RoundStatus,
    Settings,
)
from planner.offers import Offer, OfferStatus
from planner.prep import Audience, Decision, Profile, Question, TalkingPoint
from storage.codec import TABLE_OF

ANCHOR = dt.date(2026, 3, 16)
SCHEMA_VERSION = 2
SEED_FILE = Path(__file__).resolve().parent / "demo.json"
# Fixed stamps (midnight of the anchor day, UTC): the demo has a single author, who
# entered the records in the order this script builds them (the counter counts them),
# so two log lines of one day read in the order they are written here.
STAMP_MS = 1773619200000
STAMP_REPLICA = "demoseed"


def day(offset: int) -> dt.date:
    """A date `offset` days from the anchor (negative: in the past)."""
    return ANCHOR + dt.timedelta(days=offset)


def fixed_id(*parts: str) -> str:
    """A stable id, so regenerating the seed does not rewrite every key."""
    return hashlib.sha256("/".join(parts).encode()).hexdigest()[:32]


class LoopBuilder:
    """Builds one loop record by record, giving each a stable id."""

    def __init__(self, process: Process) -> None:
        self.loop = Loop(process=process)
        self.key = process.company
        self.extra: list[Record] = []

    def attach(self, model: type[Record], **fields: Any) -> Record:
        """An offer, question, talking point or decision of this loop."""
        number = len(self.extra)
        record = model.model_validate(
            {
                "id": fixed_id(self.key, model.__name__, str(number)),
                "process_id": self.loop.process.id,
                **fields,
            }
        )
        self.extra.append(record)
        return record

    def records(self) -> list[Record]:
        loop = self.loop
        return [loop.process, *loop.rounds, *loop.contacts, *loop.events, *self.extra]

    def contact(
        self, name: str, role: ContactRole, email: str = "", notes: str = "", **extra: Any
    ) -> Contact:
        contact = Contact(
            id=fixed_id(self.key, "contact", name),
            process_id=self.loop.process.id,
            name=name,
            role=role,
            email=email,
            notes=notes,
            **extra,
        )
        self.loop.contacts.append(contact)
        return contact

    def round(self, kind: RoundKind, created: int, **fields: Any) -> Round:
        number = len(self.loop.rounds)
        round_ = Round(
            id=fixed_id(self.key, "round", str(number)),
            process_id=self.loop.process.id,
            kind=kind,
            created_on=day(created),
            **fields,
        )
        self.loop.rounds.append(round_)
        return round_

    def event(
        self, on: int, kind: EventKind, text: str, contact: Contact | None = None, **fields: Any
    ) -> Event:
        number = len(self.loop.events)
        event = Event(
            id=fixed_id(self.key, "event", str(number)),
            process_id=self.loop.process.id,
            on=day(on),
            kind=kind,
            text=text,
            contact_id=contact.id if contact else None,
            **fields,
        )
        self.loop.events.append(event)
        return event


def new_loop(company: str, role: str, created: int, **fields: Any) -> LoopBuilder:
    process = Process(
        id=fixed_id(company, "process"),
        company=company,
        role=role,
        created_on=day(created),
        **fields,
    )
    return LoopBuilder(process)


def applied(b: LoopBuilder, on: int) -> Round:
    return b.round(RoundKind.APPLIED, on, status=RoundStatus.DONE, date=day(on))


def passed(b: LoopBuilder, kind: RoundKind, on: int, decided: int, **fields: Any) -> Round:
    return b.round(
        kind,
        on - 5,
        status=RoundStatus.DONE,
        date=day(on),
        outcome=Outcome.PASSED,
        outcome_on=day(decided),
        **fields,
    )


def follow_up_loop() -> LoopBuilder:
    """Quiet for nine days after the hiring-manager interview: time to nudge.

    Its recruiter has not heard about my offer deadlines yet either: a to-do of
    mine beside a state that waits on them.
    """
    b = new_loop(
        "Lumen Forge",
        "Staff ML Engineer, Ranking",
        -32,
        level="Staff",
        location="Remote (EU)",
        source="recruiter outreach",
        resume="2026-02 ranking",
        tags=["ranking", "remote"],
    )
    rec = b.contact("Maya Okafor", ContactRole.RECRUITER, "maya.okafor@lumenforge.example")
    hm = b.contact(
        "Tomas Lindqvist",
        ContactRole.HIRING_MANAGER,
        "tomas@lumenforge.example",
        notes="Cares about offline/online metric gaps; ask about the eval stack.",
    )
    applied(b, -32)
    passed(b, RoundKind.SCREEN, -24, -23, format="video", interviewers=[rec.name])
    b.round(
        RoundKind.HM,
        -15,
        status=RoundStatus.DONE,
        date=day(-9),
        time=dt.time(16, 0),
        format="video",
        interviewers=[hm.name],
    )
    b.event(-32, EventKind.RECEIVED, "Maya reached out about the ranking team.", rec)
    b.event(-31, EventKind.SENT, "Replied with resume and availability.", rec)
    b.event(-8, EventKind.SENT, "Thank-you note to Tomas after the HM call.", hm)
    b.attach(
        Decision,
        panel="Tomas Lindqvist and two staff engineers from ranking",
        decider="Tomas, after a debrief with the panel",
        timeline="Maya said a decision usually takes about a week",
    )
    return b


def cooling_loop() -> LoopBuilder:
    """Sixteen days of silence after the onsite, nudges and all: likely going cold."""
    b = new_loop(
        "Quarry Systems",
        "Principal Infrastructure Engineer",
        -45,
        level="Principal",
        location="Berlin (hybrid)",
        source="referral",
        resume="2026-01 infra",
    )
    rec = b.contact("Jonas Weber", ContactRole.RECRUITER, "jonas.weber@quarrysys.example")
    hm = b.contact("Alicia Moreno", ContactRole.HIRING_MANAGER, "alicia@quarrysys.example")
    b.contact("Ravi Natarajan", ContactRole.REFERRER, "ravi.n@quarrysys.example")
    applied(b, -45)
    passed(b, RoundKind.SCREEN, -40, -39, interviewers=[rec.name])
    passed(b, RoundKind.HM, -33, -31, interviewers=[hm.name])
    b.round(
        RoundKind.ONSITE,
        -25,
        status=RoundStatus.DONE,
        date=day(-16),
        format="onsite, 4 sessions",
        interviewers=["Greta Holm", "Samir Haddad", "Lea Brandt", hm.name],
    )
    b.event(-16, EventKind.NOTE, "Systems design went long; storage tiering deep-dive.")
    b.event(-9, EventKind.SENT, "Asked Jonas for a timeline update.", rec)
    return b


def racing_loop() -> LoopBuilder:
    """An offer the day after the onsite: a strong signal, worth seeing."""
    b = new_loop(
        "Brightwell Labs",
        "Senior ML Platform Engineer",
        -28,
        level="Senior",
        location="Amsterdam",
        source="applied",
        resume="2026-02 platform",
        tags=["platform"],
    )
    rec = b.contact("Nadia Petrova", ContactRole.RECRUITER, "nadia@brightwell.example")
    hm = b.contact("Owen Achterberg", ContactRole.HIRING_MANAGER, "owen@brightwell.example")
    applied(b, -28)
    passed(b, RoundKind.SCREEN, -21, -20, interviewers=[rec.name])
    passed(b, RoundKind.TECH, -12, -10, format="video, pairing", interviewers=["Ines Duarte"])
    passed(
        b,
        RoundKind.ONSITE,
        -4,
        -3,
        interviewers=["Ines Duarte", "Kwame Mensah", hm.name],
        decided_by=DecidedBy.HIRING_MANAGER,
    )
    b.round(
        RoundKind.OFFER,
        -3,
        status=RoundStatus.SCHEDULED,
        date=day(-3),
        deadline=day(11),
        notes="Base 148k EUR, 0.08% equity, 10% bonus target.",
    )
    b.event(-3, EventKind.RECEIVED, "Verbal offer from Nadia the day after the onsite.", rec)
    b.attach(
        Offer,
        status=OfferStatus.VERBAL,
        currency="EUR",
        base=148_000,
        bonus=14_800,
        equity=240_000,
        received_on=day(-3),
        deadline=day(11),
        notes="Equity as options; strike price to be confirmed in writing.",
    )
    return b


def rejected_by_hm_loop() -> LoopBuilder:
    """Closed: the hiring manager passed from the screen notes, before their own call."""
    b = new_loop(
        "Cobalt Ridge",
        "ML Infrastructure Lead",
        -26,
        level="Lead",
        location="London",
        source="marketplace",
        resume="2026-01 infra",
        status=ProcessStatus.CLOSED,
        close_reason=CloseReason.REJECTED,
        closed_by=DecidedBy.HIRING_MANAGER,
        closed_on=day(-14),
    )
    rec = b.contact("Priya Shah", ContactRole.RECRUITER, "priya.shah@cobaltridge.example")
    hm = b.contact("Daniel Frost", ContactRole.HIRING_MANAGER, "dfrost@cobaltridge.example")
    applied(b, -26)
    b.round(
        RoundKind.SCREEN,
        -22,
        status=RoundStatus.DONE,
        date=day(-18),
        interviewers=[rec.name],
        outcome=Outcome.REJECTED,
        outcome_on=day(-14),
        decided_by=DecidedBy.HIRING_MANAGER,
    )
    b.round(RoundKind.HM, -18, status=RoundStatus.CANCELLED, interviewers=[hm.name])
    b.event(
        -14,
        EventKind.RECEIVED,
        "Priya pushed for me; the HM passed from the screen notes (wants more Kubernetes).",
        rec,
    )
    return b


def offer_deadline_loop() -> LoopBuilder:
    """An offer whose deadline is two days out: it sets the pace of every other loop."""
    b = new_loop(
        "Tidewater Compute",
        "Senior Inference Engineer",
        -40,
        level="Senior",
        location="Remote (US/EU overlap)",
        source="referral",
        resume="2026-01 inference",
        tags=["gpu", "inference"],
    )
    rec = b.contact("Grace Liu", ContactRole.RECRUITER, "grace.liu@tidewater.example")
    hm = b.contact("Marcus Bell", ContactRole.HIRING_MANAGER, "marcus@tidewater.example")
    applied(b, -40)
    passed(b, RoundKind.SCREEN, -35, -34, interviewers=[rec.name])
    passed(b, RoundKind.TECH, -27, -25, interviewers=["Hana Sato"])
    passed(b, RoundKind.ONSITE, -14, -8, interviewers=["Hana Sato", "Leo Park", hm.name])
    b.round(
        RoundKind.OFFER,
        -7,
        status=RoundStatus.SCHEDULED,
        date=day(-7),
        deadline=day(2),
        notes="Base 182k USD, RSUs over 4 years, sign-on 20k.",
    )
    b.event(-7, EventKind.RECEIVED, "Written offer; deadline in nine days.", rec)
    b.event(-6, EventKind.SENT, "Asked Grace whether the deadline can move a week.", rec)
    b.event(-5, EventKind.RECEIVED, "Grace: deadline is firm, equity may flex.", rec)
    b.attach(
        Offer,
        status=OfferStatus.WRITTEN,
        currency="USD",
        base=182_000,
        bonus=18_000,
        equity=320_000,
        sign_on=20_000,
        received_on=day(-7),
        deadline=day(2),
        start_date=day(45),
    )
    return b


def takehome_loop() -> LoopBuilder:
    """A take-home due tomorrow: my move."""
    b = new_loop(
        "Fernhill Robotics",
        "Senior Perception ML Engineer",
        -20,
        level="Senior",
        location="Munich",
        source="recruiter outreach",
        resume="2026-02 perception",
    )
    rec = b.contact("Lukas Brenner", ContactRole.RECRUITER, "lukas@fernhill.example")
    b.contact("Sofia Romano", ContactRole.HIRING_MANAGER, "sofia.romano@fernhill.example")
    applied(b, -20)
    passed(b, RoundKind.SCREEN, -13, -12, interviewers=[rec.name])
    b.round(
        RoundKind.TAKEHOME,
        -11,
        status=RoundStatus.SCHEDULED,
        date=day(1),
        format="4h budget, point-cloud segmentation",
    )
    b.event(-11, EventKind.RECEIVED, "Take-home brief and dataset link.", rec)
    return b


def round_this_week_loop() -> LoopBuilder:
    """A systems-design round on Thursday: prepare."""
    b = new_loop(
        "Kestrel Grid",
        "Staff Data Infrastructure Engineer",
        -18,
        level="Staff",
        location="Remote",
        source="applied",
        resume="2026-02 data-infra",
    )
    rec = b.contact("Elena Vasquez", ContactRole.RECRUITER, "elena@kestrelgrid.example")
    hm = b.contact("Hugo Laurent", ContactRole.HIRING_MANAGER, "hugo@kestrelgrid.example")
    b.contact("Priya Rao", ContactRole.INTERVIEWER, "priya.rao@kestrelgrid.example")
    applied(b, -18)
    passed(b, RoundKind.SCREEN, -11, -10, interviewers=[rec.name])
    passed(b, RoundKind.HM, -7, -3, interviewers=[hm.name])
    b.round(
        RoundKind.TECH,
        -4,
        status=RoundStatus.SCHEDULED,
        date=day(3),
        time=dt.time(14, 0),
        format="video, system design",
        interviewers=["Priya Rao"],
    )
    b.event(-4, EventKind.RECEIVED, "Elena booked the system-design round.", rec)
    b.event(
        -4,
        EventKind.PROMISE,
        "Send Elena my availability for the onsite week.",
        rec,
        due=day(-1),
    )
    for text, asked in (
        ("How do you split on-call between the platform and the data teams?", True),
        ("What would make the first six months a success for this role?", False),
        ("Which part of the ingestion stack do you most want rebuilt?", False),
        ("How are staff engineers' priorities set: by you or by the roadmap?", False),
    ):
        b.attach(Question, text=text, asked=asked)
    for audience, text in (
        (Audience.RECRUITER, "Led the batch-to-streaming move: 40% lower cost, same SLAs."),
        (Audience.RECRUITER, "Available from May; remote with a monthly visit is fine."),
        (Audience.HIRING_MANAGER, "Exactly-once vs. idempotent sinks: why we chose idempotency."),
        (Audience.HIRING_MANAGER, "Backfill design: 3 PB re-processed without pausing ingestion."),
    ):
        b.attach(TalkingPoint, audience=audience, text=text)
    b.attach(
        Decision,
        panel="Priya Rao (system design), Hugo Laurent, a data-platform peer",
        decider="Hugo decides; the VP Engineering signs off on staff levels",
        timeline="Feedback within three working days of the last round",
    )
    return b


def no_reply_loop() -> LoopBuilder:
    """Applied four days ago; nobody has answered yet."""
    b = new_loop(
        "Orchard Vector",
        "Senior MLOps Engineer",
        -4,
        level="Senior",
        location="Lisbon",
        source="applied",
        resume="2026-03 mlops",
    )
    b.contact("Beatriz Costa", ContactRole.RECRUITER, "careers@orchardvector.example")
    applied(b, -4)
    return b


def on_hold_loop() -> LoopBuilder:
    """Paused by the company: a budget freeze until next quarter."""
    b = new_loop(
        "Meridian Tensor",
        "Head of ML Platform",
        -50,
        level="Director",
        location="Zurich",
        source="recruiter outreach",
        resume="2026-01 leadership",
        status=ProcessStatus.ON_HOLD,
        notes="Hiring freeze until the Q2 budget; recruiter will check back in April.",
    )
    rec = b.contact("Chloe Martin", ContactRole.RECRUITER, "chloe@meridiantensor.example")
    hm = b.contact("Stefan Keller", ContactRole.HIRING_MANAGER, "stefan@meridiantensor.example")
    applied(b, -50)
    passed(b, RoundKind.SCREEN, -44, -43, interviewers=[rec.name])
    passed(b, RoundKind.HM, -36, -34, interviewers=[hm.name])
    b.event(-20, EventKind.RECEIVED, "Chloe: the role is on hold until the Q2 budget.", rec)
    return b


def promise_loop() -> LoopBuilder:
    """Yesterday's hiring-manager call, and a thank-you note I promised for today."""
    b = new_loop(
        "Larkspur Genomics",
        "ML Engineer, Foundation Models",
        -15,
        level="Senior",
        location="Cambridge (hybrid)",
        source="referral",
        resume="2026-02 foundation",
        tags=["llm"],
    )
    rec = b.contact("Amara Nwosu", ContactRole.RECRUITER, "amara@larkspur.example")
    hm = b.contact("Dana Whitfield", ContactRole.HIRING_MANAGER, "dana@larkspur.example")
    applied(b, -15)
    passed(b, RoundKind.SCREEN, -9, -8, interviewers=[rec.name])
    b.round(
        RoundKind.HM,
        -6,
        status=RoundStatus.DONE,
        date=day(-1),
        format="video",
        interviewers=[hm.name],
    )
    b.event(
        -1,
        EventKind.PROMISE,
        "Send Dana the thank-you note with the eval-harness write-up.",
        hm,
        due=day(0),
    )
    b.event(
        -1,
        EventKind.RECEIVED,
        "Amara: the debrief is this week; I'll hear within three days.",
        rec,
        expect=day(3),
    )
    return b


def negotiation_loop() -> LoopBuilder:
    """An accepted-in-principle offer under negotiation: the recruiter leads.

    Four days ago Julien promised an answer for the next day: however the days
    fall on the week, a working day after his date has come (a promise for a
    Friday lapses on the Monday).
    """
    b = new_loop(
        "Saltmarsh AI",
        "Staff Applied Scientist",
        -38,
        level="Staff",
        location="Paris",
        source="recruiter outreach",
        resume="2026-01 applied-science",
    )
    rec = b.contact("Julien Marchand", ContactRole.RECRUITER, "julien@saltmarsh.example")
    hm = b.contact("Ada Kowalski", ContactRole.HIRING_MANAGER, "ada@saltmarsh.example")
    applied(b, -38)
    passed(b, RoundKind.SCREEN, -33, -32, interviewers=[rec.name])
    passed(b, RoundKind.ONSITE, -17, -15, interviewers=["Yusuf Demir", hm.name])
    b.round(
        RoundKind.OFFER,
        -12,
        status=RoundStatus.DONE,
        date=day(-12),
        outcome=Outcome.PASSED,
        outcome_on=day(-6),
        deadline=day(9),
    )
    b.round(RoundKind.NEGOTIATION, -6, status=RoundStatus.PLANNED)
    b.event(-6, EventKind.SENT, "Shared the competing offer range with Julien.", rec)
    b.event(
        -4,
        EventKind.RECEIVED,
        "Julien: Ada is asking for more budget; an answer by tomorrow.",
        rec,
        expect=day(-3),
    )
    b.attach(
        Offer,
        status=OfferStatus.NEGOTIATING,
        currency="EUR",
        base=165_000,
        bonus=20_000,
        equity=100_000,
        received_on=day(-12),
        notes="Asked for 175k base, or a sign-on to bridge the gap.",
    )
    return b


def pacing_loop() -> LoopBuilder:
    """Early days, and the recruiter has not heard about my offer deadlines yet."""
    b = new_loop(
        "Vantage Loom",
        "Senior LLM Infrastructure Engineer",
        -10,
        level="Senior",
        location="Remote (EU)",
        source="marketplace",
        resume="2026-03 llm-infra",
        tags=["llm", "gpu"],
    )
    rec = b.contact("Ilse Janssen", ContactRole.RECRUITER, "ilse@vantageloom.example")
    b.contact("Mateo Ruiz", ContactRole.HIRING_MANAGER, "mateo@vantageloom.example")
    applied(b, -10)
    passed(b, RoundKind.SCREEN, -6, -5, interviewers=[rec.name])
    b.round(RoundKind.HM, -5, status=RoundStatus.PLANNED)
    return b


def tell_about_deadlines(builders: list[LoopBuilder], untold: tuple[LoopBuilder, ...]) -> None:
    """Log that I told every other active loop's recruiter about each offer deadline.

    The `untold` loops are left out on purpose: the demo shows the to-dos they raise.
    """
    with_deadlines = [
        (b, offer)
        for b in builders
        for offer in b.extra
        if isinstance(offer, Offer) and offer.deadline is not None
    ]
    for b in builders:
        if b in untold or b.loop.process.status != ProcessStatus.ACTIVE:
            continue
        recruiter = b.loop.contact(ContactRole.RECRUITER)
        for other, offer in with_deadlines:
            if other is b or recruiter is None:
                continue
            company = other.loop.process.company
            b.event(
                (offer.received_on - ANCHOR).days + 1,
                EventKind.SENT,
                f"Told {recruiter.name.split()[0]} about my {company} offer and its deadline.",
                recruiter,
                about_process_id=other.loop.process.id,
            )


def demo_records() -> list[Record]:
    builders = [
        follow_up := follow_up_loop(),
        cooling_loop(),
        racing_loop(),
        rejected_by_hm_loop(),
        offer_deadline_loop(),
        takehome_loop(),
        round_this_week_loop(),
        no_reply_loop(),
        on_hold_loop(),
        promise_loop(),
        negotiation_loop(),
        pacing := pacing_loop(),
    ]
    tell_about_deadlines(builders, untold=(pacing, follow_up))

    profile = Profile(
        location="Berlin, or remote within the EU",
        visa="EU citizen: no sponsorship needed",
        notice_period="4 weeks",
        comp_expectations="EUR 150-180k base, or the local equivalent",
        other="On-call no heavier than one week in six",
    )
    return [*(r for b in builders for r in b.records()), profile]


def stored(record: Record | Settings, entered: int = 0) -> dict[str, Any]:
    """A record as the data file keeps it: fields minus id, every field stamped
    as written by the `entered`-th insert."""
    fields = record.model_dump(mode="json", exclude={"id"})
    stamp = f"{STAMP_MS:013d}-{entered:04d}-{STAMP_REPLICA}"
    result: dict[str, Any] = {**fields, "_stamps": dict.fromkeys(fields, stamp)}
    if isinstance(record, Record):
        result["_deleted"] = None
    return result


def demo_document(records: list[Record]) -> dict[str, dict[str, Any]]:
    tables: dict[str, dict[str, Any]] = {
        "meta": {"schema": {"schema_version": SCHEMA_VERSION, "demo_anchor": ANCHOR.isoformat()}},
        "settings": {"settings": stored(Settings())},
        **{table: {} for table in TABLE_OF.values()},
    }
    for entered, record in enumerate(records, start=1):
        tables[TABLE_OF[type(record)]][record.id] = stored(record, entered)
    return tables


def main() -> None:
    text = json.dumps(demo_document(demo_records()), indent=2, sort_keys=True, ensure_ascii=False)
    SEED_FILE.write_text(text + "\n", encoding="utf-8")
    print(f"wrote {SEED_FILE.name}")


if __name__ == "__main__":
    main()
