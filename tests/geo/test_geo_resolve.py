from __future__ import annotations

import pytest
from spacy.language import Language

from eventwire.geo import Geoparser, ResolvedToponym
from eventwire.geo.evaluate import paragraphs


def parse(nlp: Language, geoparser: Geoparser, text: str, source: str | None = None) -> list[ResolvedToponym]:
    paras = paragraphs(text)
    docs = [nlp(t) for _, t in paras]
    return geoparser.parse(docs, [off for off, _ in paras], source=source)


def place_of(found: list[ResolvedToponym], text: str) -> ResolvedToponym:
    return next(t for t in found if t.text == text)


def test_offsets_are_article_offsets(nlp: Language, geoparser: Geoparser) -> None:
    text = "Storms hit the coast.\n\nFlooding closed roads in Lagos and Abuja."
    found = parse(nlp, geoparser, text)
    for t in found:
        assert text[t.start : t.end] == t.text
    assert {t.text for t in found} >= {"Lagos", "Abuja"}


def test_population_prior_picks_the_big_city(nlp: Language, geoparser: Geoparser) -> None:
    found = parse(nlp, geoparser, "Thousands of workers went on strike in Paris on Tuesday.")
    paris = place_of(found, "Paris").place
    assert paris is not None and paris.country == "FRA" and paris.feature == "city"


def test_state_elsewhere_in_the_article_moves_paris_to_texas(nlp: Language, geoparser: Geoparser) -> None:
    text = (
        "A tornado damaged homes across northeast Texas on Monday.\n\n"
        "In Paris, the mayor said the county fairgrounds would shelter families."
    )
    paris = place_of(parse(nlp, geoparser, text), "Paris").place
    assert paris is not None and paris.country == "USA" and paris.admin1 == "Texas"


def test_admin_after_comma_decides(nlp: Language, geoparser: Geoparser) -> None:
    found = parse(nlp, geoparser, "The governor spoke in Springfield, Illinois, about the budget.")
    place = place_of(found, "Springfield").place
    assert place is not None and place.admin1 == "Illinois" and place.geonames_id == 4250542
    found = parse(nlp, geoparser, "Firefighters were called to a barn in Frederick, Md., late Friday.")
    place = place_of(found, "Frederick").place
    assert place is not None and place.admin1 == "Maryland"


def test_country_context_decides_between_namesakes(nlp: Language, geoparser: Geoparser) -> None:
    text = (
        "Canadian police said the suspect was arrested near London, Ontario.\n\n"
        "Officers from Toronto joined the search."
    )
    london = place_of(parse(nlp, geoparser, text), "London").place
    assert london is not None and london.country == "CAN"
    text = "Parliament in London debated the bill while ministers met in Manchester."
    london = place_of(parse(nlp, geoparser, text), "London").place
    assert london is not None and london.country == "GBR"


def test_source_home_country_breaks_a_tie(geoparser: Geoparser) -> None:
    assert geoparser.home_country("https://www.example.co.uk/news/1") == "GB"
    assert geoparser.home_country("www.example.com.ng") == "NG"
    assert geoparser.home_country("https://www.example.com/") is None
    assert geoparser.home_country("IND") == "IN"
    assert geoparser.home_country("Nigeria") == "NG"


def test_kinds_literal_metonymic_demonym(nlp: Language, geoparser: Geoparser) -> None:
    found = parse(
        nlp, geoparser, "Moscow said the Ukrainian delegation would travel to Istanbul for the talks."
    )
    kinds = {t.text: t.kind for t in found}
    assert kinds["Moscow"] == "metonymic"
    assert kinds["Ukrainian"] == "demonym"
    assert kinds["Istanbul"] == "literal"
    moscow = place_of(found, "Moscow").place
    assert moscow is not None and moscow.country == "RUS"  # an actor, still located in Russia
    ukrainian = place_of(found, "Ukrainian").place
    assert ukrainian is not None and ukrainian.feature == "country" and ukrainian.country == "UKR"


def test_embedded_and_modifier_kinds(nlp: Language, geoparser: Geoparser) -> None:
    found = parse(nlp, geoparser, "The Chicago Tribune reported that Ohio lawmakers rejected the plan.")
    kinds = {t.text: t.kind for t in found}
    assert kinds.get("Chicago") == "embedded"
    assert kinds.get("Ohio") == "modifier"


def test_dateline_is_marked(nlp: Language, geoparser: Geoparser) -> None:
    found = parse(nlp, geoparser, "NAIROBI, Kenya (AP) — Heavy rain flooded several districts on Sunday.")
    dated = [t for t in found if t.dateline]
    assert dated and dated[0].text == "NAIROBI"
    assert dated[0].place is not None and dated[0].place.country == "KEN"


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("Aid convoys reached Aleppo after the ceasefire.", "Aleppo", "SYR"),
        ("The ferry sank off Zanzibar, officials in Tanzania said.", "Tanzania", "TZA"),
        ("Talks resumed in Geneva between the delegations.", "Geneva", "CHE"),
    ],
)
def test_plain_resolution(nlp: Language, geoparser: Geoparser, text: str, name: str, country: str) -> None:
    place = place_of(parse(nlp, geoparser, text), name).place
    assert place is not None and place.country == country
