"""Actor texts end where the party's words end: no conjunction joining it to the next party ("Thailand
and"), no "neither", no trailing comma; brackets that belong to the name stay."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from eventwire.actors.resolve import _span_text
from eventwire.api import code_text
from eventwire.models import Entity

if TYPE_CHECKING:
    from eventwire.pipeline import Pipeline

EDGE_WORDS = {"and", "or", "nor", "but", "&", "neither", "either", "both"}


def _tokens(pipeline: Pipeline, sentence: str, words: str):  # type: ignore[no-untyped-def]
    """The tokens of `words` inside the parsed sentence."""
    doc = pipeline.nlp(sentence)
    start = sentence.index(words)
    span = doc.char_span(start, start + len(words), alignment_mode="expand")
    assert span is not None
    return list(span)


@pytest.mark.parametrize(
    ("sentence", "words", "text"),
    [
        ("Thailand and Cambodia signed a peace deal.", "Thailand and", "Thailand"),
        ("United States and Vietnamese officials met in Hanoi.", "United States and", "United States"),
        ("Neither the E.U. nor Britain commented.", "Neither the E.U. nor", "E.U."),
        ("Both Russia and China vetoed the text.", "Both Russia and", "Russia"),
        (
            "Doctors Without Borders (MSF), or MSF, warned of a crisis.",
            "Doctors Without Borders (MSF), or",
            "Doctors Without Borders (MSF)",
        ),
        ("Police, soldiers and medics arrived.", "Police,", "Police"),
    ],
)
def test_phrase_edges_are_trimmed(pipeline: Pipeline, sentence: str, words: str, text: str) -> None:
    assert _span_text(None, _tokens(pipeline, sentence, words)) == text


def _texts(entities: list[Entity]) -> list[str]:
    return [t for e in entities for t in (e.text, *(m.text for m in e.members))]


def test_coded_actors_keep_no_joining_words(pipeline: Pipeline) -> None:
    sentences = [
        "Thailand and Cambodia signed a ceasefire agreement in Kuala Lumpur on Monday.",
        "United States and Vietnamese officials began talks in Hanoi on Tuesday.",
        "Neither the E.U. nor Britain condemned the arrest of the opposition leader.",
        "Kenya and Ethiopia held talks on border security in Nairobi on Wednesday.",
        "Russia, China and Iran criticised the new sanctions imposed by Washington.",
    ]
    seen: list[str] = []
    for sentence in sentences:
        for e in code_text(sentence, published="2024-05-06", pipeline=pipeline):
            seen += _texts(e.actors) + _texts(e.recipients)
    assert len(seen) >= 5, "the sentences name parties the coder finds"
    for text in seen:
        words = text.lower().split()
        assert words[0] not in EDGE_WORDS and words[-1] not in EDGE_WORDS, text
        assert not text.endswith((",", ";", ":")), text
    assert "Thailand" in seen or "United States" in seen
