"""Events whose doer the text does not name, and headlines: on sentences written for these tests."""

from __future__ import annotations

from test_coder_rules import code, one

from eventwire.events.doers import UNNAMED
from eventwire.ingest.formats import article_from_json
from eventwire.models import Event


def _parties(entities) -> list[tuple[str | None, str | None]]:  # type: ignore[no-untyped-def]
    return [(p.country, p.sector) for e in entities for p in e.flat()]


def test_agentless_passive_of_violence_has_an_unnamed_actor_and_its_victims(pipeline) -> None:  # type: ignore[no-untyped-def]
    for text, country in (
        ("Three villagers were killed in northern Burkina Faso on Sunday.", "BFA"),
        ("Two police officers were shot dead in Karachi overnight.", "PAK"),
        ("Seven pilgrims were wounded in Baghdad on Friday.", "IRQ"),
    ):
        e = one(code(pipeline, text), "ASSAULT")
        assert e.recipients, text
        assert e.actors[0].text == UNNAMED or e.actors[0].sector in ("UNK", "UAF"), text
        assert country in {c for r in e.recipients for c in r.countries} | {e.location and e.location.country}


def test_arrest_without_agent_is_made_by_police_where_it_happened(pipeline) -> None:  # type: ignore[no-untyped-def]
    for text in (
        "Five journalists were arrested in Istanbul on Tuesday.",
        "Dozens of opposition supporters were detained in Minsk.",
        "Two activists were arrested in Cairo after the rally.",
    ):
        e = one(code(pipeline, text), "COERCE")
        assert e.mode == "arrest" and e.actors[0].sector == "COP", text
        assert e.actors[0].country is not None, text


def test_generic_doers_are_parties(pipeline) -> None:  # type: ignore[no-untyped-def]
    for text in (
        "A man stabbed four people outside a church in Lyon.",
        "Gunmen attacked a bus carrying workers in Mali.",
        "Attackers opened fire on a police post in Niger on Monday.",
    ):
        e = one(code(pipeline, text), "ASSAULT")
        assert e.actors and e.actors[0].text != UNNAMED, text


def test_a_thing_done_to_nobody_is_no_event(pipeline) -> None:  # type: ignore[no-untyped-def]
    # (A banned book is censorship, which the guidelines code as COERCE, so it is not among these.)
    for text in (
        "The crops were destroyed by locusts.",
        "All livestock on the farm have been slaughtered.",
        "The cow was destroyed after it fell ill.",
        "Hundreds have been killed by the floods across the region.",
    ):
        events = [e for e in code(pipeline, text) if e.type in ("ASSAULT", "COERCE")]
        assert not events, (text, [(e.type, e.trigger.text) for e in events])


def test_protests_held_without_named_protesters(pipeline) -> None:  # type: ignore[no-untyped-def]
    for text in (
        "Rallies were held in several cities against the new law.",
        "Demonstrations demanding justice are being held across the country.",
        "A protest march was organised in Kampala on Saturday.",
    ):
        e = one(code(pipeline, text), "PROTEST")
        assert e.actors[0].sector == "CVL", text


def _coded(pipeline, title: str, text: str) -> list[Event]:  # type: ignore[no-untyped-def]
    article = article_from_json({"title": title, "text": text, "published": "2024-03-14"})
    return pipeline.code_article(article).events


def test_headline_is_coded_when_the_body_does_not_retell_it(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = _coded(pipeline, "Ghana expels Nigerian diplomat", "Talks on trade are expected next month.")
    assert any(e.trigger.rule.endswith(":title") and e.type in ("SANCTION", "COERCE") for e in events)
    e = next(e for e in events if e.trigger.rule.endswith(":title"))
    assert e.evidence.text == "Ghana expels Nigerian diplomat" and e.evidence.start == 0


def test_headline_told_again_in_the_body_is_one_event(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = _coded(
        pipeline,
        "Kenyan police arrest 30 protesters",
        "Kenyan police arrested 30 protesters in Nairobi on Monday, witnesses said.",
    )
    arrests = [e for e in events if e.type == "COERCE"]
    assert len(arrests) == 1 and not arrests[0].trigger.rule.endswith(":title")


def test_an_appeal_whose_author_is_left_out(pipeline) -> None:  # type: ignore[no-untyped-def]
    for text in (
        "Farmers are urged to watch their animals carefully for symptoms.",
        "Residents were told to leave their homes before the storm.",
        "Civilians have been asked to stay indoors.",
    ):
        e = one(code(pipeline, text), "REQUEST")
        assert e.actors[0].text == UNNAMED and e.recipients, text
    assert "REQUEST" not in {e.type for e in code(pipeline, "He was asked about the talks.")}
