"""Where events happen, read with the real pipeline from short stories written for these tests."""

from __future__ import annotations

from eventwire.models import Article, Event, Segment


def _code(pipeline, text: str) -> list[Event]:  # type: ignore[no-untyped-def]
    paras = text.split("\n\n")
    segs, at = [], 0
    for p in paras:
        segs.append(Segment("body", at, at + len(p)))
        at += len(p) + 2
    art = Article(article_id="p" * 16, text=text, published="2025-03-12", segments=segs)
    return pipeline.code_article(art).events


def _one(events: list[Event], etype: str, word: str) -> Event:
    found = [e for e in events if e.type == etype and word in e.trigger.text]
    assert found, [(e.type, e.trigger.text) for e in events]
    return found[0]


SOMALI_STORY = (
    "Al-Shabab militants attacked a hotel in Beledweyne, in central Somalia, on Tuesday.\n\n"
    "Security forces killed six attackers after an 18-hour siege.\n\n"
    "Residents of Beledweyne said the town had suffered many such attacks.\n\n"
    "The United States condemned the attack."
)


def test_a_story_places_its_material_events_where_it_happens(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = _code(pipeline, SOMALI_STORY)
    first = _one(events, "ASSAULT", "attacked")
    assert first.location is not None and first.location.country == "SOM" and first.location.rule == "clause"
    killed = _one(events, "ASSAULT", "killed")
    assert killed.location is not None and killed.location.country == "SOM"
    assert killed.location.rule == "story"


def test_what_is_said_is_not_placed_by_the_story(pipeline) -> None:  # type: ignore[no-untyped-def]
    condemned = _one(_code(pipeline, SOMALI_STORY), "ACCUSE", "condemned")
    assert condemned.location is None


def test_a_story_that_moves_between_countries_has_no_focus(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Protesters marched in Paris on Sunday.\n\n"
        "Police in Berlin arrested two activists.\n\n"
        "Students rallied in Madrid.\n\n"
        "Officers detained several people overnight."
    )
    detained = _one(_code(pipeline, text), "COERCE", "detained")
    assert detained.location is None


def test_a_destination_is_not_where_an_act_happened(pipeline) -> None:  # type: ignore[no-untyped-def]
    for text in (
        "Thailand deported 40 Uyghur men back to China last month.",
        "Kenya sent 400 police officers to Haiti in June.",
    ):
        for e in _code(pipeline, text):
            assert e.location is None or e.location.country not in ("CHN", "HTI"), (text, e.location)


def test_a_visit_happens_where_the_visitor_goes(pipeline) -> None:  # type: ignore[no-untyped-def]
    for text, country in (
        ("Japanese Prime Minister Shigeru Ishiba visited Taiwan in August.", "TWN"),
        ("Indian Prime Minister Narendra Modi began a two-day visit to Mauritius on Tuesday.", "MUS"),
        ("French President Emmanuel Macron visited Nigeria last week.", "NGA"),
    ):
        visits = [e for e in _code(pipeline, text) if e.type == "CONSULT"]
        assert visits, text
        assert visits[0].location is not None and visits[0].location.country == country, text


def test_national_institutions_take_the_story_country(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Thousands of refugees remain in the Dadaab camp in northeastern Kenya.\n\n"
        "Officials in Nairobi and Garissa say the camps are overcrowded.\n\n"
        "The government rejected the report by the aid group."
    )
    rejected = _one(_code(pipeline, text), "REJECT", "rejected")
    assert rejected.actors[0].country == "KEN"


def test_a_place_inside_a_party_phrase_is_where_it_happened(pipeline) -> None:  # type: ignore[no-untyped-def]
    for text, country in (
        ("Cattle raiders killed eleven people near the town of Marsabit on Sunday.", "KEN"),
        ("Soldiers shot three protesters in the northern city of Gulu.", "UGA"),
        ("Chinese police arrested a man in Shenzhen.", "CHN"),
        ("Public officials in Texas have ordered the closure of schools.", "USA"),
    ):
        events = _code(pipeline, text)
        assert events, text
        e = events[0]
        assert e.location is not None and e.location.country == country, (text, e.location)
        # The place is where it happened, not a party of the event.
        assert all(r.text not in ("Marsabit", "Gulu", "Shenzhen", "Texas") for r in e.recipients), text
