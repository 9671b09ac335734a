"""Criticism told as an evaluation: on sentences written for these tests."""

from __future__ import annotations

import pytest
from test_coder_rules import code, countries, one


@pytest.mark.parametrize(
    "text",
    [
        "The Egyptian foreign ministry said the decision was illegal.",
        '"This is unacceptable," the Turkish foreign ministry said on Monday.',
        "Iran's foreign minister said the sanctions were unjust and illegal.",
    ],
)
def test_a_party_calling_something_illegal_disapproves(pipeline, text: str) -> None:  # type: ignore[no-untyped-def]
    e = one(code(pipeline, text), "ACCUSE")
    assert e.mode == "disapprove" and e.actors, text


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("The French president called Russia's actions barbaric.", "RUS"),
        ("Kenya's foreign ministry described Somalia's claims as baseless.", "SOM"),
        ('"Vladimir Putin is the aggressor," the Polish prime minister said.', "RUS"),
    ],
)
def test_the_party_evaluated_is_the_recipient(pipeline, text: str, target: str) -> None:  # type: ignore[no-untyped-def]
    e = one(code(pipeline, text), "ACCUSE")
    assert target in countries(e.recipients), text


@pytest.mark.parametrize(
    "text",
    [
        "Benin opened its borders to migrants ordered out of Nigeria as illegal aliens, police said.",
        "Analysts said the plan was unfair.",
        "The ministry said the talks were constructive.",
    ],
)
def test_description_and_commentary_are_not_disapproval(pipeline, text: str) -> None:  # type: ignore[no-untyped-def]
    assert not [e for e in code(pipeline, text) if e.trigger.rule.startswith("evaluation")], text
