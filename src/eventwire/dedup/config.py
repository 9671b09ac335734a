"""Story clustering settings. Precedence: an explicit value > an environment variable > the default."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from typing import Any


def _env_float(name: str, default: float) -> float:
    return float(os.environ.get(f"EVENTWIRE_STORY_{name}", default))


def _env_int(name: str, default: int) -> int:
    return int(os.environ.get(f"EVENTWIRE_STORY_{name}", default))


@dataclass(frozen=True)
class StoryConfig:
    # An article joins a story only when the story was seen within this many days of the article's date
    # (either side); undated articles and stories are not limited.
    window_days: int = field(default_factory=lambda: _env_int("WINDOW_DAYS", 30))
    # Cosine similarity (weighted features, see features.py) at or above which an article joins a story.
    threshold: float = field(default_factory=lambda: _env_float("THRESHOLD", 0.15))
    # An article is represented by its most telling features, a story by the strongest of its articles'.
    doc_features: int = 96
    story_features: int = 192
    # Blocking: the article's strongest features look up stories in the inverted index; each feature keeps
    # only the stories that took it most recently. Both bound the work per article, whatever the history.
    query_features: int = 24
    posting_cap: int = 48
    # At most about this many posting entries are read per article, rarest features first.
    candidate_budget: int = 384
    rerank: int = 8
    prior_docs: int = 200

    def with_overrides(self, **kwargs: Any) -> StoryConfig:
        return replace(self, **{k: v for k, v in kwargs.items() if v is not None})
