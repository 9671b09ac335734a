"""Selective analysis gives the same Docs where they are read, and the same events and mentions."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, POS, SENT_START, TAG

from eventwire.config import Settings
from eventwire.events import lexicon as lx
from eventwire.events.extract import _OBLIGATION_AUX
from eventwire.events.syntax import verb_lemmas
from eventwire.ingest.readers import read_inputs
from eventwire.models import Article
from eventwire.nlp.analyzer import Analyzer
from eventwire.pipeline import Pipeline, codable_segments, trigger_lemmas, trigger_words

ROOT = Path(__file__).resolve().parents[2]
ATTRS = [TAG, POS, MORPH, LEMMA, DEP, HEAD, ENT_IOB, ENT_TYPE, SENT_START]


@pytest.fixture(scope="module")
def articles(seed_path: Path) -> list[Article]:
    paths = [str(ROOT / "examples"), str(seed_path)]
    return [a for a in read_inputs(paths, Settings()) if isinstance(a, Article)]


@pytest.fixture(scope="module")
def texts(articles: list[Article]) -> list[str]:
    return [a.text[s.start : s.end] for a in articles for s in codable_segments(a)]


def test_full_analysis_is_spacys_pipeline(pipeline: Pipeline, texts: list[str]) -> None:
    """Every component in spaCy's order, the attribute ruler's rules applied without its matcher."""
    analyzer = Analyzer(pipeline.nlp, trigger_lemmas(), trigger_words(), selective=False)
    assert analyzer._fast_ruler is not None
    assert analyzer._fast_lemmatizer is not None
    ours = analyzer.analyse(texts)
    theirs = list(pipeline.nlp.pipe(texts))
    for a, b in zip(ours, theirs, strict=True):
        assert np.array_equal(a.to_array(ATTRS), b.to_array(ATTRS)), a.text[:80]


def test_every_word_the_coder_fires_on_is_a_candidate(pipeline: Pipeline, texts: list[str]) -> None:
    forms = pipeline.analyzer.forms
    for doc in pipeline.nlp.pipe(texts):
        for t in doc:
            fires = (
                any(k in lx.VERBS for k in verb_lemmas(t))
                or t.lower_ in lx.NOUNS
                or t.lemma_.lower() in lx.NOUNS
                or t.lower_ in lx.ADJECTIVES
                or t.lower_ in _OBLIGATION_AUX
            )
            if fires:
                assert t.lower_ in forms, (t.text, t.lemma_, t.pos_)


def test_light_paragraphs_name_nothing(pipeline: Pipeline) -> None:
    analyzer = pipeline.analyzer
    light, caption, eventful = analyzer.analyse(
        [
            "the weather was mild and sunny for most of the afternoon.",
            "Kenyan Foreign Minister Joseph Mwangi and Ethiopian Foreign Minister Hana Tesfaye in Nairobi.",
            "the army attacked the town at dawn.",
        ]
    )
    assert not light.has_annotation("DEP") and len(list(light.sents)) == 1
    assert caption.has_annotation("DEP") and not analyzer.can_hold_event(caption)
    assert eventful.has_annotation("DEP") and analyzer.can_hold_event(eventful)


def _snapshot(coded: list) -> list[tuple[list[dict], list[tuple]]]:  # type: ignore[type-arg]
    return [
        (
            [e.to_dict() for e in c.events],
            sorted((m.kind, m.start, m.end, m.text, json.dumps(m.value, sort_keys=True)) for m in c.mentions),
        )
        for c in coded
    ]


def test_selective_parsing_codes_the_same_events(pipeline: Pipeline, articles: list[Article]) -> None:
    """The wire example's caption names the ministers that later paragraphs code events for."""
    full = Pipeline(selective=False)
    assert pipeline.analyzer.selective and not full.analyzer.selective
    ours = _snapshot(list(pipeline.code_articles(articles, batch_size=16)))
    reference = _snapshot(list(full.code_articles(articles, batch_size=16)))
    assert sum(len(events) for events, _ in ours) > 20
    assert ours == reference


def test_selective_parsing_keeps_the_constructions(pipeline: Pipeline) -> None:
    """Paragraphs whose only event is told by a construction, not a lexicon word, are still parsed."""
    from eventwire.ingest.formats import article_from_json

    texts = [
        "the minister said the decision was illegal.",
        "officials told residents to stay indoors.",
        "the embassy advised its citizens to leave the region.",
        "thousands of students poured into the streets on friday.",
    ]
    articles = [article_from_json({"text": t, "published": "2024-03-14"}) for t in texts]
    full = Pipeline(selective=False)
    ours = _snapshot(list(pipeline.code_articles(articles)))
    assert ours == _snapshot(list(full.code_articles(articles)))
    assert all(events for events, _ in ours)
