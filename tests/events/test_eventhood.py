"""Triggers that tell no political act: on sentences written for these tests."""

from __future__ import annotations

import pytest
from test_coder_rules import code, one


def _types(pipeline, text: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [e.type for e in code(pipeline, text)]


@pytest.mark.parametrize(
    "text",
    [
        "Health officials are investigating an outbreak of measles in the north.",
        "Inspectors are investigating new cases in three provinces.",
        "The new strain of flu killed 40 people in Java this year.",
    ],
)
def test_diseases_are_not_parties(pipeline, text: str) -> None:  # type: ignore[no-untyped-def]
    assert not [t for t in _types(pipeline, text) if t in ("ACCUSE", "ASSAULT")], text


@pytest.mark.parametrize(
    "text",
    [
        "The ministry did not reply to a request for comment.",
        "The embassy did not respond to emails requesting comment.",
        "Police ignored repeated requests for comment on the raid.",
    ],
)
def test_requests_for_comment_are_not_demands(pipeline, text: str) -> None:  # type: ignore[no-untyped-def]
    assert "REQUEST" not in _types(pipeline, text), text


@pytest.mark.parametrize(
    "text",
    [
        "More than two million tourists visited Thailand last year.",
        "Three residents who had travelled to Peru fell ill.",
        "A student visiting Kenya was infected with malaria.",
    ],
)
def test_private_travel_is_not_a_consultation(pipeline, text: str) -> None:  # type: ignore[no-untyped-def]
    assert "CONSULT" not in _types(pipeline, text), text


def test_a_state_visit_is_still_a_consultation(pipeline) -> None:  # type: ignore[no-untyped-def]
    assert "CONSULT" in _types(pipeline, "French President Emmanuel Macron visited Nigeria on Tuesday.")


@pytest.mark.parametrize(
    "text",
    [
        "Analysts warned that the sanctions could push Iran closer to Russia.",
        "Experts called for a new approach to the talks.",
        "Historians condemned the decision to rename the square.",
    ],
)
def test_commentators_do_not_act(pipeline, text: str) -> None:  # type: ignore[no-untyped-def]
    assert not [t for t in _types(pipeline, text) if t in ("THREATEN", "REQUEST", "ACCUSE")], text


def test_harm_to_animals_is_not_violence(pipeline) -> None:  # type: ignore[no-untyped-def]
    for text in ("Officials restricted cats and dogs from roaming the area.", "Farmers killed 300 hogs."):
        assert not [t for t in _types(pipeline, text) if t in ("COERCE", "ASSAULT")], text


def test_infinitive_promise_of_force_is_a_threat(pipeline) -> None:  # type: ignore[no-untyped-def]
    for text in (
        "The rebels have sworn to fight until the capital falls.",
        "The militia vowed to attack any convoy entering the province.",
        "Hamas swore to retaliate against Israel.",
    ):
        assert "THREATEN" in _types(pipeline, text), text


@pytest.mark.parametrize(
    "text",
    [
        "The number of refugees in the camp declined to 230,000 after the agreement.",
        "As Japan's population continues to decline, incomes fall.",
        "Exports to China dropped sharply last year.",
    ],
)
def test_a_decrease_is_not_a_refusal(pipeline, text: str) -> None:  # type: ignore[no-untyped-def]
    assert "REJECT" not in _types(pipeline, text), text


def test_declining_an_offer_is_still_a_refusal(pipeline) -> None:  # type: ignore[no-untyped-def]
    assert "REJECT" in _types(pipeline, "Iran declined the European offer of talks on Monday.")


@pytest.mark.parametrize(
    "text",
    [
        "Thieves stole three cars from a dealership in Leeds overnight.",
        "Looters ransacked shops after the hurricane.",
        "A drunk driver killed two pedestrians in Madrid.",
        "A bus hit a crowd of shoppers, killing four.",
    ],
)
def test_crimes_against_property_and_road_accidents_are_not_violence(pipeline, text: str) -> None:  # type: ignore[no-untyped-def]
    assert not [t for t in _types(pipeline, text) if t in ("ASSAULT", "COERCE")], text


@pytest.mark.parametrize(
    "text",
    [
        "The Turkish government has come under fire from officials in the province.",
        "The health ministry came under fire for its slow response.",
        "The prime minister came under fire from opposition lawmakers over the deal.",
    ],
)
def test_coming_under_fire_from_critics_is_criticism(pipeline, text: str) -> None:  # type: ignore[no-untyped-def]
    types = _types(pipeline, text)
    assert "ACCUSE" in types and "ASSAULT" not in types, text


@pytest.mark.parametrize(
    "text",
    [
        "Neither the EU nor France paid money to Libya, the president said.",
        "No country has recognised the new government.",
        "Neither Russia nor China sent troops to the region.",
    ],
)
def test_denied_doers_make_a_negated_event_not_a_refusal(pipeline, text: str) -> None:  # type: ignore[no-untyped-def]
    events = code(pipeline, text)
    assert "REJECT" not in {e.type for e in events}, text
    assert all(e.modality == "negated" for e in events), text


def test_warnings_about_diseases_and_needs_are_no_acts(pipeline) -> None:  # type: ignore[no-untyped-def]
    assert "THREATEN" not in _types(pipeline, "The UN warned neighbours of Turkey about bird flu.")
    assert "REQUEST" not in _types(pipeline, "About 7.5 million South Sudanese now require humanitarian aid.")


def test_disasters_and_animals_are_not_doers(pipeline) -> None:  # type: ignore[no-untyped-def]
    for text in (
        "A magnitude 6.8 earthquake struck central Morocco late Friday, killing more than 2,000 people.",
        "Cyclone Freddy destroyed thousands of homes in Malawi.",
        "Wildfires forced thousands of residents to flee their homes in Greece.",
        "A fire at a chemical plant in Gujarat killed seven workers on Tuesday.",
        "A shark attacked a surfer off the coast of New South Wales.",
    ):
        events = [e for e in code(pipeline, text) if e.type in ("ASSAULT", "COERCE")]
        assert not events, (text, [(e.type, e.trigger.text) for e in events])
    # Fire that people open is violence.
    assert one(code(pipeline, "Soldiers opened fire on protesters in Khartoum on Monday."), "ASSAULT")
