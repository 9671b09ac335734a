"""The coder's rules on sentences written for these tests: each rule must also work outside the seed."""

from __future__ import annotations

import pytest

from eventwire.models import Article, Event, Segment


def code(pipeline, text: str, published: str = "2024-03-14") -> list[Event]:  # type: ignore[no-untyped-def]
    a = Article(article_id="t" * 16, text=text, published=published, segments=[Segment("body", 0, len(text))])
    return pipeline.code_article(a).events


def one(events: list[Event], etype: str) -> Event:
    found = [e for e in events if e.type == etype]
    assert found, f"no {etype} in {[(e.type, e.trigger.text) for e in events]}"
    return found[0]


def countries(entities) -> set[str]:  # type: ignore[no-untyped-def]
    return {c for e in entities for c in e.countries}


def test_subject_verb_object(pipeline) -> None:  # type: ignore[no-untyped-def]
    e = one(
        code(pipeline, "French President Emmanuel Macron met German Chancellor Olaf Scholz in Berlin."),
        "CONSULT",
    )
    assert countries(e.actors) == {"FRA"} and countries(e.recipients) == {"DEU"}
    assert e.modality == "asserted" and e.trigger.rule.startswith("verb")
    assert e.location is not None and e.location.country == "DEU"


def test_passive_agent_is_the_actor(pipeline) -> None:  # type: ignore[no-untyped-def]
    e = one(
        code(pipeline, "Ten Kenyan fishermen were arrested by Ugandan police on Lake Victoria."), "COERCE"
    )
    assert countries(e.actors) == {"UGA"} and countries(e.recipients) == {"KEN"}
    assert e.mode == "arrest"


def test_light_verb_and_nominal_events(pipeline) -> None:  # type: ignore[no-untyped-def]
    e = one(code(pipeline, "Egypt and Sudan held talks on the Nile dam in Cairo on Monday."), "CONSULT")
    assert countries(e.actors) == {"EGY", "SDN"} and e.trigger.rule.startswith("light-verb")
    e = one(
        code(pipeline, "Turkish troops launched airstrikes against Kurdish fighters in northern Iraq."),
        "ASSAULT",
    )
    assert "TUR" in countries(e.actors)
    e = one(code(pipeline, "The talks between Serbia and Kosovo collapsed after the vote."), "CONSULT")
    assert countries(e.actors) == {"SRB", "KOS"}


def test_embedded_event_is_the_content_of_the_accusation(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = code(pipeline, "Azerbaijan accused Armenia of shelling villages near the border.")
    e = one(events, "ACCUSE")
    assert countries(e.actors) == {"AZE"} and countries(e.recipients) == {"ARM"}
    # The alleged shelling is what was said, not a fact the coder reports.
    assert not [x for x in events if x.type == "ASSAULT" and x.modality == "asserted"]


def test_negation_and_refusal(pipeline) -> None:  # type: ignore[no-untyped-def]
    e = one(code(pipeline, "Hungary said it would not accept any more refugees from Serbia."), "REJECT")
    assert countries(e.actors) == {"HUN"} and e.modality == "asserted"
    events = code(pipeline, "Chinese warships did not attack the Philippine vessel, officials said.")
    assert all(x.modality == "negated" for x in events if x.type == "ASSAULT")


def test_future_cooperation_is_an_intent(pipeline) -> None:  # type: ignore[no-untyped-def]
    e = one(
        code(pipeline, "Japan will send emergency food aid to the Philippines, the foreign ministry said."),
        "AGREE",
    )
    assert e.modality == "future" and countries(e.recipients) == {"PHL"}


def test_announced_force_is_a_threat(pipeline) -> None:  # type: ignore[no-untyped-def]
    e = one(
        code(
            pipeline,
            "Polish truck drivers said they would blockade the port of Gdansk unless fuel taxes were cut.",
        ),
        "THREATEN",
    )
    assert e.modality == "asserted"
    e = one(code(pipeline, "Rebel commanders vowed to attack government positions around Goma."), "THREATEN")
    assert e.mode == "violence"


def test_warning_is_asserted_while_its_content_is_not_coded(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = code(
        pipeline, "Indian and Japanese officials warned that China would face sanctions if it invaded Taiwan."
    )
    e = one(events, "THREATEN")
    assert (
        e.modality == "asserted"
        and {"IND", "JPN"} <= countries(e.actors)
        and "CHN" in countries(e.recipients)
    )
    assert not [x for x in events if x.type == "ASSAULT"]


def test_obligation_is_a_request(pipeline) -> None:  # type: ignore[no-untyped-def]
    e = one(code(pipeline, "Nigeria said Niger must release the detained president immediately."), "REQUEST")
    assert countries(e.actors) == {"NGA"} and countries(e.recipients) == {"NER"}


def test_speculation_is_not_a_fact(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = code(pipeline, "Analysts say Iran could supply drones to Venezuela in the coming months.")
    aid = [e for e in events if e.type in ("AID", "AGREE", "COOPERATE")]
    assert aid and all(e.modality in ("speculated", "hypothetical", "future") for e in aid)


def test_attribution_and_agency(pipeline) -> None:  # type: ignore[no-untyped-def]
    # PLOVER: joint exercises are COOPERATE (military exchanges); one country's exercises are MOBILIZE.
    e = one(
        code(
            pipeline, "Xinhua said Chinese and Russian naval forces held joint exercises in the Sea of Japan."
        ),
        "COOPERATE",
    )
    assert (
        e.attributed_to is not None and e.attributed_to.country == "CHN" and e.attributed_to.sector == "MED"
    )
    e = one(code(pipeline, "The army shelled rebel positions, according to Syrian state media."), "ASSAULT")
    assert e.attributed_to is not None and e.attributed_to.country == "SYR"


def test_aliases_and_pronouns_across_sentences(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Brazilian President Luiz Inacio Lula da Silva arrived in Luanda on Tuesday.\n"
        "Lula met Angolan President Joao Lourenco and praised his government."
    )
    events = code(pipeline, text)
    e = one(events, "CONSULT")
    assert e.actors[0].country == "BRA" and e.actors[0].text == "Lula"
    assert countries(e.recipients) == {"AGO"}


def test_compound_actor_list(pipeline) -> None:  # type: ignore[no-untyped-def]
    e = one(code(pipeline, "British and French diplomats condemned the coup in Niger."), "ACCUSE")
    [actor] = e.actors
    assert {m.country for m in actor.members} == {"GBR", "FRA"} and {m.sector for m in actor.members} == {
        "GOV"
    }


@pytest.mark.parametrize(
    ("text", "etype"),
    [
        ("Protesters marched through Nairobi to demand lower food prices.", "PROTEST"),
        ("The Dutch government lifted the curfew in Rotterdam on Sunday.", "CONCEDE"),
        ("Canada imposed sanctions on three Iranian officials.", "SANCTION"),
        ("Thai soldiers fired on demonstrators in Bangkok.", "ASSAULT"),
        ("Lebanon rejected a Syrian proposal to reopen the border.", "REJECT"),
        ("The European Union urged Georgia to free jailed journalists.", "REQUEST"),
        ("Colombia apologized to Ecuador for the border raid.", "SUPPORT"),
        ("Greece deployed additional troops to the Evros border.", "MOBILIZE"),
        ("Mali's prime minister resigned on Friday.", "RETREAT"),
        ("The court in Lagos opened an investigation into the minister.", "ACCUSE"),
        ("Norway granted asylum to two Russian journalists.", "AID"),
        ("Police in Lima detained three opposition activists.", "COERCE"),
    ],
)
def test_types(pipeline, text: str, etype: str) -> None:  # type: ignore[no-untyped-def]
    assert etype in {e.type for e in code(pipeline, text)}


def test_the_doer_of_the_object_act_is_the_recipient(pipeline) -> None:  # type: ignore[no-untyped-def]
    e = one(code(pipeline, "Chile is investigating abuses by Peruvian border guards."), "ACCUSE")
    assert countries(e.actors) == {"CHL"} and countries(e.recipients) == {"PER"}
    e = one(
        code(pipeline, "Kenyan police opened an inquiry into killings committed by Somali militants."),
        "ACCUSE",
    )
    assert countries(e.recipients) == {"SOM"}


def test_who_a_demand_noun_asks(pipeline) -> None:  # type: ignore[no-untyped-def]
    e = one(
        code(pipeline, "Zambia's opposition insisted on its demand that the Malawian government free them."),
        "REQUEST",
    )
    assert countries(e.recipients) == {"MWI"}


def test_an_official_of_an_international_body_acts_for_it(pipeline) -> None:  # type: ignore[no-untyped-def]
    e = one(code(pipeline, "NATO Secretary General Jens Stoltenberg criticized Hungary."), "ACCUSE")
    assert countries(e.actors) <= {"IGO", "NAT"} and countries(e.actors)
    assert countries(e.recipients) == {"HUN"}


def test_an_unnamed_crowd_protests_where_it_is(pipeline) -> None:  # type: ignore[no-untyped-def]
    e = one(code(pipeline, "Hundreds of inmates rioted at a prison near Accra on Friday."), "PROTEST")
    assert e.actors[0].sector == "CVL" and e.actors[0].text == "Hundreds of inmates"
    assert countries(e.recipients) == {"GHA"}
    # Only people make a crowd, and only a protest is coded for one.
    assert not [x for x in code(pipeline, "Heavy rains flooded the streets of Accra.") if x.type == "PROTEST"]
    assert not code(pipeline, "Hundreds of inmates visited a prison near Accra on Friday.")


def test_a_stance_participle_is_not_a_passive(pipeline) -> None:  # type: ignore[no-untyped-def]
    # Parsed as a passive ("opposed" with a passive subject), read as the stance it states.
    e = one(code(pipeline, "Ghana is opposed to Nigerian mediation in the dispute with Togo."), "REJECT")
    assert countries(e.actors) == {"GHA"} and countries(e.recipients) == {"NGA"}
    # With an agent it is a passive again: the agent acts.
    e = one(code(pipeline, "The Ugandan proposal was opposed by Kenya."), "REJECT")
    assert countries(e.actors) == {"KEN"}


def test_a_place_before_a_group_places_it(pipeline) -> None:  # type: ignore[no-untyped-def]
    e = one(code(pipeline, "Mombasa traders protested against the new port tax on Monday."), "PROTEST")
    assert countries(e.actors) == {"KEN"}
