"""The acceptance judge: rescuing events whose doer the text only describes, and its scorer."""

from __future__ import annotations

import math

import pytest
from test_coder_rules import code, one

from eventwire.events import extract
from eventwire.events.acceptance import (
    AcceptanceModel,
    Judge,
    ModelJudge,
    acceptance_model,
    candidate_features,
)
from eventwire.events.doers import UNNAMED

DESCRIBED_DOERS = (
    ("The organization urged member states to send more aid to the region.", "REQUEST", "The organization"),
    ("The coalition called for an immediate ceasefire.", "REQUEST", "The coalition"),
    ("The movement accused the authorities of rigging the vote.", "ACCUSE", "The movement"),
    ("The union called on workers to strike next week.", "REQUEST", "The union"),
)


def test_shipped_model_is_complete() -> None:
    model = acceptance_model()
    assert model is not None
    assert 0.0 <= model.keep < 1.0 and 0.0 < model.rescue <= 1.0
    assert any(k.startswith("type+doer=") for k in model.weights)


def test_described_doers_are_rescued_with_their_phrase(pipeline) -> None:  # type: ignore[no-untyped-def]
    for text, etype, doer in DESCRIBED_DOERS:
        e = one(code(pipeline, text), etype)
        assert e.actors[0].text == doer and e.actors[0].country is None, text
        assert e.confidence <= 0.99


def test_without_a_model_the_rules_alone_decide(pipeline, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(extract, "default_judge", Judge)
    for text, etype, _ in DESCRIBED_DOERS:
        assert not [e for e in code(pipeline, text) if e.type == etype], text
    # A party the dictionaries know is coded by the rules whatever the judge.
    assert one(code(pipeline, "Germany urged Iran to release the detained journalists."), "REQUEST")


def _found(pipeline, text: str, rescued: bool) -> extract.Found:  # type: ignore[no-untyped-def]
    """The first candidate event of a one-sentence text, as the coder builds it."""
    from eventwire.actors.resolve import ArticleActors

    doc = pipeline.nlp(text)
    sent = next(iter(doc.sents))
    actors = ArticleActors(pipeline.dictionary)
    actors.observe(sent, 0)
    judge = Judge()
    judge.rescues = True
    coder = extract.SentenceCoder(actors, judge)
    found = coder.code(sent)
    assert found, text
    assert found[0].rescued is rescued, text
    return found[0]


def test_features_tell_rescued_from_named_doers(pipeline) -> None:  # type: ignore[no-untyped-def]
    named = candidate_features(_found(pipeline, "Germany urged Iran to release the journalists.", False))
    assert "type=REQUEST" in named and "doer=country" in named and "lem=urge" in named
    described = candidate_features(_found(pipeline, "The coalition called for a ceasefire.", True))
    assert "doer=rescued-described" in described
    absent = candidate_features(_found(pipeline, "He urged them to leave.", True))
    assert "doer=rescued-absent" in absent


def test_model_judge_keeps_and_rescues_by_threshold(pipeline) -> None:  # type: ignore[no-untyped-def]
    model = AcceptanceModel({"bias": 0.0, "doer=rescued-described": 2.0, "doer=country": -3.0}, 0.5, 0.6)
    judge = ModelJudge(model)
    rescued = _found(pipeline, "The coalition called for a ceasefire.", True)
    rescued.confidence = 0.95
    assert judge.accept(rescued)
    assert math.isclose(rescued.confidence, round(1 / (1 + math.exp(-2.0)), 2))
    assert not judge.accept(_found(pipeline, "Germany urged Iran to release the journalists.", False))
    strict = ModelJudge(AcceptanceModel({"bias": 0.0, "doer=rescued-described": 2.0}, 0.5, 0.95))
    assert not strict.accept(_found(pipeline, "The coalition called for a ceasefire.", True))


def test_unnamed_doer_of_a_rescued_candidate(pipeline) -> None:  # type: ignore[no-untyped-def]
    found = _found(pipeline, "He urged them to leave.", True)
    assert found.actors[0].text == UNNAMED
