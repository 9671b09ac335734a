"""Phrasings of news events the lexicon reads as classes: each on sentences written for these tests."""

from __future__ import annotations

import pytest
from test_coder_rules import code, one


@pytest.mark.parametrize(
    ("text", "mode"),
    [
        ("Houthi rebels fired missiles at a commercial ship in the Red Sea.", "heavy-weapons"),
        ("Hamas fired rockets into southern Israel on Monday.", "heavy-weapons"),
        ("Police fired tear gas at protesters in Nairobi.", "crowd-control"),
        ("Soldiers fired rubber bullets at the crowd outside parliament.", "crowd-control"),
    ],
)
def test_weapons_fired_at_a_target_are_an_attack(pipeline, text: str, mode: str) -> None:  # type: ignore[no-untyped-def]
    e = one(code(pipeline, text), "ASSAULT")
    assert e.mode == mode, text


def test_a_weapons_test_is_still_a_deployment(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = code(pipeline, "North Korea test-fired two ballistic missiles on Sunday.")
    assert "ASSAULT" not in {e.type for e in events}


@pytest.mark.parametrize(
    "text",
    [
        "Four of the attackers blew themselves up at the gate.",
        "A suicide bomber blew himself up at a market in Kabul.",
        "Two women blew themselves up outside a mosque in Maiduguri.",
    ],
)
def test_blowing_oneself_up_is_a_suicide_attack(pipeline, text: str) -> None:  # type: ignore[no-untyped-def]
    assert one(code(pipeline, text), "ASSAULT").mode == "suicide-attack", text


@pytest.mark.parametrize(
    "text",
    [
        "The militants took more than 100 passengers hostage.",
        "Gunmen seized 30 hostages at a school in Beslan.",
        "Pirates are holding 20 crew members hostage off Somalia.",
    ],
)
def test_hostage_taking_is_abduction(pipeline, text: str) -> None:  # type: ignore[no-untyped-def]
    assert one(code(pipeline, text), "ASSAULT").mode == "abduct", text


@pytest.mark.parametrize(
    ("text", "etype", "target"),
    [
        ("Washington doubled the tariff on Canadian steel.", "SANCTION", "CAN"),
        ("The European Union expanded sanctions against Russia on Friday.", "SANCTION", "RUS"),
        ("Beijing raised duties on Australian wine.", "SANCTION", "AUS"),
        ("Washington delayed the tariffs on Mexico for a month.", "CONCEDE", "MEX"),
    ],
)
def test_raising_and_easing_punitive_measures(pipeline, text: str, etype: str, target: str) -> None:  # type: ignore[no-untyped-def]
    e = one(code(pipeline, text), etype)
    assert target in {c for r in e.recipients for c in r.countries}, text


def test_an_unrecognised_name_is_still_a_party(pipeline) -> None:  # type: ignore[no-untyped-def]
    e = one(code(pipeline, "Trump doubled the tariff on Canadian steel."), "SANCTION")
    assert e.actors[0].text == "Trump"


@pytest.mark.parametrize(
    "text",
    [
        "The train came under attack while passing through a tunnel.",
        "A UN convoy came under fire from rebel fighters near Goma.",
        "The village came under heavy shelling overnight.",
    ],
)
def test_coming_under_attack_makes_the_subject_the_target(pipeline, text: str) -> None:  # type: ignore[no-untyped-def]
    e = one(code(pipeline, text), "ASSAULT")
    assert e.recipients and e.recipients[0].text.lower().split()[-1] in ("train", "convoy", "village"), text


@pytest.mark.parametrize(
    ("text", "doer"),
    [
        ("Al-Shabab claimed responsibility for the hotel attack on Tuesday.", "SOM"),
        ("The Baloch Liberation Army claimed responsibility for the attack.", "PAK"),
        ("The Islamic State group claimed responsibility for the bombing of the church.", "IMG"),
    ],
)
def test_a_claim_of_responsibility_names_the_doer(pipeline, text: str, doer: str) -> None:  # type: ignore[no-untyped-def]
    assert doer in {c for a in one(code(pipeline, text), "ASSAULT").actors for c in a.countries}


def test_nobody_claiming_responsibility_is_no_event(pipeline) -> None:  # type: ignore[no-untyped-def]
    assert not code(pipeline, "No group has claimed responsibility for the bombing.")


@pytest.mark.parametrize(
    "text",
    [
        "Gachagua was convicted on five of the 11 charges against him.",
        "Mwangi was arrested on Saturday.",
        "Police detained Okonkwo outside the court.",
    ],
)
def test_a_name_the_dictionaries_lack_is_a_recipient(pipeline, text: str) -> None:  # type: ignore[no-untyped-def]
    events = [e for e in code(pipeline, text) if e.type in ("SANCTION", "COERCE")]
    assert events and events[0].recipients and events[0].recipients[0].name, text


@pytest.mark.parametrize(
    "text",
    [
        "Following talks with Kenyan President William Ruto, the two leaders signed a trade pact.",
        "The minister flew to Brussels for meetings with EU officials.",
        "After a meeting with the Iraqi prime minister, the envoy left Baghdad.",
    ],
)
def test_a_meeting_named_in_a_phrase_is_held_by_the_clause_subject(pipeline, text: str) -> None:  # type: ignore[no-untyped-def]
    e = one(code(pipeline, text), "CONSULT")
    assert e.actors and e.recipients, text


@pytest.mark.parametrize(
    "text",
    [
        "The World Health Organization told people to stay away from caves with bats.",
        "Police instructed residents to leave their homes before the storm.",
        "The embassy advised its citizens to avoid travel to the region.",
    ],
)
def test_telling_someone_to_act_is_a_request(pipeline, text: str) -> None:  # type: ignore[no-untyped-def]
    e = one(code(pipeline, text), "REQUEST")
    assert e.recipients, text


def test_telling_someone_a_fact_is_no_request(pipeline) -> None:  # type: ignore[no-untyped-def]
    assert "REQUEST" not in {e.type for e in code(pipeline, "He told reporters that the talks went well.")}


@pytest.mark.parametrize(
    "text",
    [
        "The World Health Organization has deployed personnel to the affected areas.",
        "The Red Cross dispatched 40 volunteers to the flooded region.",
        "The ministry sent a team of surgeons to the province.",
    ],
)
def test_sending_people_who_help_is_aid(pipeline, text: str) -> None:  # type: ignore[no-untyped-def]
    assert "AID" in {e.type for e in code(pipeline, text)}, text


def test_deploying_troops_is_still_mobilisation(pipeline) -> None:  # type: ignore[no-untyped-def]
    assert "MOBILIZE" in {e.type for e in code(pipeline, "The army deployed troops to the border.")}


@pytest.mark.parametrize(
    "text",
    [
        "The government ordered the opposition newspaper to suspend publication indefinitely.",
        "The junta ordered foreign NGOs to leave the country within 48 hours.",
        "The court ordered the party to disband.",
    ],
)
def test_an_order_to_stop_or_leave_is_coercion(pipeline, text: str) -> None:  # type: ignore[no-untyped-def]
    types = {e.type for e in code(pipeline, text)}
    assert "COERCE" in types and "REQUEST" not in types, text


def test_an_order_to_talk_is_still_a_request(pipeline) -> None:  # type: ignore[no-untyped-def]
    assert "REQUEST" in {e.type for e in code(pipeline, "The king ordered the ministers to meet the rebels.")}


@pytest.mark.parametrize(
    "text",
    [
        "North Korea expelled inspectors of the International Atomic Energy Agency.",
        "Mali expelled the French ambassador on Monday.",
        "Eritrea expelled UN peacekeepers from the border zone.",
    ],
)
def test_expelling_foreign_officials_is_a_sanction(pipeline, text: str) -> None:  # type: ignore[no-untyped-def]
    assert one(code(pipeline, text), "SANCTION").mode == "expel", text


@pytest.mark.parametrize(
    "text",
    [
        "Hackers defaced nearly 3,000 Danish websites over the past month.",
        "A group of hackers hacked the election commission's servers.",
        "The ministry said a cyberattack by Russian hackers hit its network.",
    ],
)
def test_hacking_is_cyber_coercion(pipeline, text: str) -> None:  # type: ignore[no-untyped-def]
    assert one(code(pipeline, text), "COERCE").mode == "cyber", text


@pytest.mark.parametrize(
    "text",
    [
        "Thousands of people took to the streets of Caracas to protest against the government.",
        "Tens of thousands of protesters poured into the streets of Belgrade on Saturday.",
        "Thousands marched in Santiago demanding pension reform.",
    ],
)
def test_crowds_in_the_streets_protest(pipeline, text: str) -> None:  # type: ignore[no-untyped-def]
    assert one(code(pipeline, text), "PROTEST").actors[0].sector == "CVL", text


def test_taking_to_social_media_is_no_protest(pipeline) -> None:  # type: ignore[no-untyped-def]
    assert "PROTEST" not in {e.type for e in code(pipeline, "The minister took to social media on Monday.")}


@pytest.mark.parametrize(
    "text",
    [
        "Police used tear gas to disperse students in Nairobi.",
        "Riot police used water cannon on protesters outside parliament.",
        "Soldiers used rubber bullets against the crowd.",
    ],
)
def test_using_crowd_control_weapons_is_an_assault(pipeline, text: str) -> None:  # type: ignore[no-untyped-def]
    assert one(code(pipeline, text), "ASSAULT").mode == "crowd-control", text


@pytest.mark.parametrize(
    "text",
    [
        "South Korea and the United States held joint military drills.",
        "China and Russia began joint naval exercises in the Sea of Japan.",
        "The Indian army conducted combined exercises with the French army.",
    ],
)
def test_joint_exercises_are_military_cooperation(pipeline, text: str) -> None:  # type: ignore[no-untyped-def]
    types = {e.type for e in code(pipeline, text)}
    assert "COOPERATE" in types and "MOBILIZE" not in types, text


def test_one_countrys_exercise_is_mobilisation(pipeline) -> None:  # type: ignore[no-untyped-def]
    assert "MOBILIZE" in {
        e.type for e in code(pipeline, "North Korea held military exercises near the border.")
    }


@pytest.mark.parametrize(
    "text",
    [
        "Burkina Faso's junta suspended the broadcasts of two French media outlets.",
        "The government blocked the website of an opposition newspaper.",
        "Authorities shut two independent television stations.",
    ],
)
def test_silencing_the_press_is_censorship(pipeline, text: str) -> None:  # type: ignore[no-untyped-def]
    assert one(code(pipeline, text), "COERCE").mode == "censor", text
