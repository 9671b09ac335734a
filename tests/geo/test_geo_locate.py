from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Token

from eventwire.geo import Geoparser, Place, ResolvedToponym, locate_event
from eventwire.geo.text import haversine_km


def run(nlp: Language, geoparser: Geoparser, text: str, trigger: str) -> tuple[Token, list[ResolvedToponym]]:
    doc = nlp(text)
    places = geoparser.parse([doc], [0])
    return next(t for t in doc if t.text == trigger), places


def where(
    nlp: Language, geoparser: Geoparser, text: str, trigger: str, exclude: set[int] | None = None
) -> Place | None:
    tok, places = run(nlp, geoparser, text, trigger)
    return locate_event(tok, places, exclude or set())


def test_port_city_of(nlp: Language, geoparser: Geoparser) -> None:
    text = (
        "Kim visits an airport to see military planes near the port city of Vladivostok "
        "in the Russian Far East."
    )
    place = where(nlp, geoparser, text, "visits")
    assert place is not None and place.geonames_id == 2013348
    assert haversine_km(place.lat, place.lon, 43.1056, 131.8735) < 50


def test_possessive_country(nlp: Language, geoparser: Geoparser) -> None:
    place = where(nlp, geoparser, "Kim met Putin at Russia's most important space launch centre", "met")
    assert place is not None and place.country == "RUS" and place.feature == "country"


def test_in_paris(nlp: Language, geoparser: Geoparser) -> None:
    place = where(nlp, geoparser, "Protesters marched in Paris on Sunday", "marched")
    assert place is not None and place.name == "Paris" and place.country == "FRA"


def test_outside_and_inside(nlp: Language, geoparser: Geoparser) -> None:
    place = where(nlp, geoparser, "A car bomb exploded outside Mogadishu on Friday.", "exploded")
    assert place is not None and place.country == "SOM"
    place = where(nlp, geoparser, "Soldiers opened fire inside Gaza, witnesses said.", "opened")
    assert place is not None and place.country == "PSE"


def test_metonym_is_an_actor_not_a_location(nlp: Language, geoparser: Geoparser) -> None:
    assert where(nlp, geoparser, "Moscow condemned the new sanctions.", "condemned") is None
    assert where(nlp, geoparser, "Germany criticised the decision on Monday.", "criticised") is None


def test_excluded_actor_tokens_are_not_the_location(nlp: Language, geoparser: Geoparser) -> None:
    tok, places = run(nlp, geoparser, "Officials in Kenya accused the rebels of the attack.", "accused")
    kenya = next(p for p in places if p.text == "Kenya")
    assert locate_event(tok, places, set(range(0, kenya.span.end))) is None


def test_place_in_another_clause_is_not_the_location(nlp: Language, geoparser: Geoparser) -> None:
    text = "Police arrested two men who had robbed a bank in Lyon."
    assert where(nlp, geoparser, text, "arrested") is None
    place = where(nlp, geoparser, text, "robbed")
    assert place is not None and place.name == "Lyon"
    text = "The president signed the law after lawmakers in Chile had approved it."
    assert where(nlp, geoparser, text, "signed") is None


def test_time_phrase_does_not_carry_a_place(nlp: Language, geoparser: Geoparser) -> None:
    text = "The ministers met in the third year of the war in Yemen."
    assert where(nlp, geoparser, text, "met") is None


def test_light_verb_noun_trigger(nlp: Language, geoparser: Geoparser) -> None:
    place = where(nlp, geoparser, "Thousands held a protest outside the embassy in Nairobi.", "protest")
    assert place is not None and place.country == "KEN"


def test_city_preferred_to_its_country(nlp: Language, geoparser: Geoparser) -> None:
    place = where(
        nlp, geoparser, "Gunmen attacked a checkpoint in Peshawar, Pakistan, on Sunday.", "attacked"
    )
    assert place is not None and place.name == "Peshawar"


def test_no_place_when_text_does_not_say(nlp: Language, geoparser: Geoparser) -> None:
    assert where(nlp, geoparser, "The two leaders discussed trade and security.", "discussed") is None


def test_dateline_fallback_only_without_other_places(nlp: Language, geoparser: Geoparser) -> None:
    doc = nlp("CAIRO (AP) — Police detained dozens of protesters on Friday.")
    places = geoparser.parse([doc], [0])
    detained = next(t for t in doc if t.text == "detained")
    place = locate_event(detained, places)
    assert place is not None and place.country == "EGY"
    doc2 = nlp("Police detained dozens of protesters in Alexandria on Friday.")
    places = geoparser.parse([doc, doc2], [0, len(doc.text) + 1])
    detained = next(t for t in doc2 if t.text == "detained")
    place = locate_event(detained, places)
    assert place is not None and place.name == "Alexandria"
    doc3 = nlp("Officials from Sudan later denied the report.")
    places = geoparser.parse([doc, doc3], [0, len(doc.text) + 1])
    denied = next(t for t in doc3 if t.text == "denied")
    assert locate_event(denied, places) is None
