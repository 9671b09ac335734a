"""Event merging rules on hand-made events."""

from __future__ import annotations

import datetime as dt

from eventwire.dedup.merge import ArticleInfo, merge_events, period_of, tie_score
from eventwire.models import Entity, Event, Evidence, Location, Trigger

KIM = Entity("Kim", "Kim Jong Un", "PRK", "GOV")
PUTIN = Entity("Putin", "Vladimir Putin", "RUS", "GOV")
SHOIGU = Entity("Shoigu", "Sergei Shoigu", "RUS", "GOV")
RUSSIA = Entity("Russia", "Russia", "RUS", None)
VLADIVOSTOK = Location("Vladivostok", 2013348, "RUS", 43.1, 131.9)
PARIS = Location("Paris", 2988507, "FRA", 48.85, 2.35)


def _event(
    n: int,
    etype: str = "CONSULT",
    actors: tuple[Entity, ...] = (KIM,),
    recipients: tuple[Entity, ...] = (PUTIN,),
    date: str | None = "2023-09-13",
    where: Location | None = None,
    modality: str = "asserted",
    lemma: str = "meet",
) -> Event:
    return Event(
        event_id=f"e{n}",
        article_id=f"a{n}",
        type=etype,
        mode=None,
        context=[],
        actors=list(actors),
        recipients=list(recipients),
        date=date,
        date_precision="day",
        location=where,
        modality=modality,
        attributed_to=None,
        evidence=Evidence("...", 0, 3),
        confidence=0.8,
        trigger=Trigger(lemma, lemma, 0, 3, "test"),
        pipeline_version="test",
    )


def _info(n: int, source: str) -> ArticleInfo:
    return ArticleInfo(f"a{n}", source, "2023-09-14")


def test_reports_of_one_meeting_merge_with_counts_and_all_evidence() -> None:
    merged: list = []
    events = [
        (_event(1), _info(1, "AP")),
        (_event(2, actors=(PUTIN,), recipients=(KIM,), lemma="hold talks"), _info(2, "Reuters")),
        (_event(3, date="2023-W37", where=VLADIVOSTOK), _info(3, "AP")),
    ]
    merge_events("s", merged, events)
    assert len(merged) == 1
    m = merged[0]
    assert (m.num_mentions, m.num_articles, m.num_sources) == (3, 3, 2)
    assert m.event_ids == ["e1", "e2", "e3"]
    assert m.location == VLADIVOSTOK and m.date == "2023-09-13"


def test_what_contradicts_keeps_events_apart() -> None:
    merged: list = []
    base = (_event(1), _info(1, "AP"))
    merge_events("s", merged, [base])
    m = merged[0]
    assert tie_score(m, _event(2, recipients=(SHOIGU,))) is None  # another person met
    assert tie_score(m, _event(3, etype="ASSAULT")) is None
    assert tie_score(m, _event(4, modality="negated")) is None
    assert tie_score(m, _event(5, date="2023-10-02")) is None
    m.location = VLADIVOSTOK
    assert tie_score(m, _event(6, where=PARIS)) is None
    assert tie_score(m, _event(7, recipients=(RUSSIA,))) is not None  # the state of the person met


def test_nothing_in_common_is_no_merge() -> None:
    merged: list = []
    anon = Entity("officials")
    merge_events("s", merged, [(_event(1, "PROTEST", (anon,), (), lemma="rally"), _info(1, "AP"))])
    assert tie_score(merged[0], _event(2, "PROTEST", (anon,), (), lemma="march")) is None
    assert tie_score(merged[0], _event(3, "PROTEST", (anon,), (), lemma="rally")) is not None


def test_periods() -> None:
    monday = dt.date(2023, 9, 11).toordinal()
    assert period_of("2023-W37") == (monday, monday + 6)
    assert period_of("2023-02") is not None and period_of("2024") is not None
    assert period_of("PRESENT_REF") is None
