from __future__ import annotations

import pytest
from spacy.language import Language

from eventwire.config import Settings
from eventwire.geo import Geoparser
from eventwire.nlp.pipeline import load_nlp


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_nlp(Settings().spacy_model)


@pytest.fixture(scope="session")
def geoparser() -> Geoparser:
    return Geoparser.load()
