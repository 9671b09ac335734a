"""`FastLemmatizer` gives spaCy's lemmas, word for word, on text it has not seen."""

from __future__ import annotations

import json
import warnings

import numpy as np
import pytest
from spacy.attrs import LEMMA
from spacy.tokens import Doc

from eventwire.nlp.lemmas import FastLemmatizer
from eventwire.pipeline import Pipeline
from shared_data import shared_file

BEFORE_LEMMAS = ("tok2vec", "tagger", "attribute_ruler")


@pytest.fixture(scope="module")
def tagged(pipeline: Pipeline) -> list[Doc]:
    path = shared_file("eval", "ecbplus", "dev.jsonl")
    with path.open(encoding="utf-8") as fh:
        texts = [json.loads(line)["text"] for line, _ in zip(fh, range(60), strict=False)]
    # Words of every kind the rules treat apart: plurals, irregular forms, numbers, symbols, spaces.
    texts.append("Geese flew; the oxen were fed.  He'd 3.5-km swum, mice's teeth, 1990s, A.B.C. \u2014 done!")
    docs = [pipeline.nlp.make_doc(t) for t in texts]
    for name in BEFORE_LEMMAS:
        docs = list(pipeline.nlp.get_pipe(name).pipe(docs))
    return docs


def _lemmas(docs: list[Doc], lemmatize: object) -> list[np.ndarray]:
    out = []
    for d in docs:
        copy = d.copy()
        copy.from_array([LEMMA], np.zeros(len(copy), dtype=np.uint64))
        out.append(lemmatize(copy).to_array([LEMMA]))  # type: ignore[operator]
    return out


def test_same_lemmas_as_spacy(pipeline: Pipeline, tagged: list[Doc]) -> None:
    spacys = pipeline.nlp.get_pipe("lemmatizer")
    assert FastLemmatizer.supports(spacys)
    fast = FastLemmatizer(spacys)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        theirs = _lemmas(tagged, spacys)
        ours = _lemmas(tagged, fast)
        again = _lemmas(tagged, fast)  # answers from the cache
    n = 0
    for doc, a, b, c in zip(tagged, theirs, ours, again, strict=True):
        assert np.array_equal(a, b), [(t.text, t.pos_) for t, x, y in zip(doc, a, b, strict=True) if x != y]
        assert np.array_equal(a, c)
        n += len(doc)
    assert n > 10_000


def test_keeps_lemmas_already_set(pipeline: Pipeline) -> None:
    """Lemmas set before it (by the attribute ruler) stay, as with spaCy's component."""
    fast = FastLemmatizer(pipeline.nlp.get_pipe("lemmatizer"))
    doc = pipeline.nlp("Troops were sent.")
    doc[1].lemma_ = "be-set-earlier"
    assert fast(doc)[1].lemma_ == "be-set-earlier"
    assert doc[2].lemma_ == "send"
