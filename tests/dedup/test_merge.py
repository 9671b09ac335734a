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


ARMENIA = Entity("Armenia", "Armenia", "ARM", None)
AZERBAIJAN = Entity("Azerbaijan", "Azerbaijan", "AZE", None)
UNITED_STATES = Entity("United States", "United States", "USA", None)
ISRAEL = Entity("Israel", "Israel", "ISR", None)
HAMAS = Entity("Hamas", "Hamas", "PSE", "REB")
GAZA = Location("Gaza", 281133, "PSE", 31.5, 34.47)
ATHENS = Location("Athens", 264371, "GRC", 37.98, 23.73)
THESSALONIKI = Location("Thessaloniki", 734077, "GRC", 40.64, 22.94)
GREECE = Location("Greece", 390903, "GRC", 39.0, 22.0)


def _merged_from(*events: Event) -> list:
    merged: list = []
    merge_events("s", merged, [(e, _info(i, "AP")) for i, e in enumerate(events)])
    return merged


def test_a_signing_and_the_thanks_to_its_mediator_stay_apart() -> None:
    signing = _event(1, "AGREE", (ARMENIA, AZERBAIJAN), (), lemma="sign")
    thanks = _event(2, "AGREE", (ARMENIA,), (UNITED_STATES,), lemma="thank")
    assert len(_merged_from(signing, thanks)) == 2
    again = _event(3, "AGREE", (AZERBAIJAN, ARMENIA), (), lemma="sign")
    assert len(_merged_from(signing, again)) == 1


def test_one_sides_pledge_is_not_the_other_sides_acceptance() -> None:
    accepted = _event(1, "AGREE", (ISRAEL,), (HAMAS,), lemma="accept")
    pledge = _event(2, "AGREE", (HAMAS,), (ISRAEL,), lemma="pledge")
    assert len(_merged_from(accepted, pledge)) == 2
    # a meeting is one meeting whoever is named first
    met = _event(3, "CONSULT", (ISRAEL,), (HAMAS,), lemma="meet")
    met_back = _event(4, "CONSULT", (HAMAS,), (ISRAEL,), lemma="meet")
    assert len(_merged_from(met, met_back)) == 1


def test_reversed_roles_keep_events_apart() -> None:
    struck_israel = _event(1, "ASSAULT", (Entity("gunmen"),), (ISRAEL,), lemma="strike")
    israel_struck = _event(2, "ASSAULT", (ISRAEL,), (), lemma="strike")
    assert len(_merged_from(struck_israel, israel_struck)) == 2
    jets = Entity("Israeli jets", None, "ISR", "MIL")
    assert len(_merged_from(israel_struck, _event(3, "ASSAULT", (jets,), (), lemma="strike"))) == 1


def test_one_country_on_both_sides_is_no_reversal() -> None:
    canadian = Entity("a Vancouver man", None, "CAN", None)
    police = Entity("(unnamed)", None, "CAN", "COP")
    charged = _event(1, "ACCUSE", (Entity("(unnamed)"),), (canadian,), lemma="charge")
    charged_by_police = _event(2, "ACCUSE", (police,), (canadian,), lemma="charge")
    assert len(_merged_from(charged, charged_by_police)) == 1


def test_other_words_need_more_than_a_shared_country() -> None:
    police = Entity("Greek police", None, "GRC", "COP")
    bomb = Entity("a firebomb attack in Greece", None, "GRC", None)
    killed = _event(1, "ASSAULT", (bomb,), (Entity("three people"),), lemma="kill")
    clashed = _event(2, "ASSAULT", (police,), (Entity("protesters"),), lemma="clash")
    assert len(_merged_from(killed, clashed)) == 2
    # the same words, or a shared person, tie them
    assert len(_merged_from(killed, _event(3, "ASSAULT", (bomb,), (), lemma="kill"))) == 1
    kim_talks = _event(4, actors=(KIM,), recipients=(SHOIGU,), lemma="hold talks")
    kim_met = _event(5, actors=(KIM,), recipients=(SHOIGU,), lemma="meet")
    assert len(_merged_from(kim_talks, kim_met)) == 1


def test_places_far_apart_in_one_country_are_two_happenings() -> None:
    march = Entity("protesters")
    athens = _event(1, "PROTEST", (march,), (), where=ATHENS, lemma="march")
    assert (
        len(_merged_from(athens, _event(2, "PROTEST", (march,), (), where=THESSALONIKI, lemma="march"))) == 2
    )
    # the country as a whole is no other place
    assert len(_merged_from(athens, _event(3, "PROTEST", (march,), (), where=GREECE, lemma="march"))) == 1


def test_where_the_story_happens_ties_no_events() -> None:
    story_place = Location("Athens", 264371, "GRC", 37.98, 23.73, rule="story")
    police = Entity("police", None, "GRC", "COP")
    fired = _event(1, "ASSAULT", (police,), (), where=story_place, lemma="fire")
    beat = _event(2, "ASSAULT", (police,), (), where=story_place, lemma="beat")
    assert len(_merged_from(fired, beat)) == 2
    told = Location("Athens", 264371, "GRC", 37.98, 23.73, rule="clause")
    fired_there = _event(3, "ASSAULT", (police,), (), where=told, lemma="fire")
    beat_there = _event(4, "ASSAULT", (police,), (), where=told, lemma="beat")
    assert len(_merged_from(fired_there, beat_there)) == 1
