"""Incremental story clustering: each new article joins the most similar open story or opens a new one.

Nothing is ever re-clustered. Cost per article is bounded whatever the history: the article's strongest
features look up candidate stories in an inverted index whose posting lists keep only the most recent
stories per feature (blocking), partial dot products rank the candidates, and only the best few are
scored exactly. Similarity is the cosine of TF-IDF vectors weighted by feature kind (features.py), with
document frequencies counted online as articles arrive.
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter
from dataclasses import dataclass, field

from eventwire.dedup.config import StoryConfig
from eventwire.dedup.features import KIND_WEIGHTS


@dataclass(frozen=True)
class Assignment:
    article_id: str
    story_id: str
    similarity: float  # cosine to the story joined; 0.0 when the article opened the story
    opened: bool


@dataclass
class _Story:
    story_id: str
    centroid: dict[int, float]  # feature id -> summed kind weight over its articles' signatures
    norm: float
    first_day: int | None
    last_day: int | None
    size: int = 1


@dataclass
class StoryIndex:
    config: StoryConfig = field(default_factory=StoryConfig)

    def __post_init__(self) -> None:
        self._vocab: dict[str, int] = {}
        self._names: list[str] = []
        self._kind: list[float] = []
        self._df: list[int] = []
        self._n_docs = 0
        self._stories: dict[str, _Story] = {}
        # Feature id -> the stories that took it, oldest first, at most `posting_cap` of them. Plain lists:
        # most features belong to one article only, and a list of one is far smaller than a deque.
        self._postings: dict[int, list[str]] = {}

    # --- public -----------------------------------------------------------------------------------

    @property
    def n_stories(self) -> int:
        return len(self._stories)

    @property
    def n_articles(self) -> int:
        return self._n_docs

    def add(self, article_id: str, features: Counter[str], day: int | None) -> Assignment:
        """Assign one article (its feature counts, its day as a date ordinal or None) to a story."""
        ids = self._observe(features)
        sig = self._signature(ids)
        best, score = self._best_story(sig, day)
        if best is not None and score >= self.config.threshold:
            self._join(best, sig, day)
            return Assignment(article_id, best.story_id, round(score, 4), False)
        story = self._open(story_id_for(article_id), sig, day)
        return Assignment(article_id, story.story_id, 0.0, True)

    def restore(self, story_id: str, features: Counter[str], day: int | None) -> None:
        """Replay a stored assignment (no decision taken): used to rebuild the index from the store."""
        sig = self._signature(self._observe(features))
        story = self._stories.get(story_id)
        if story is None:
            self._open(story_id, sig, day)
        else:
            self._join(story, sig, day)

    def story_size(self, story_id: str) -> int:
        s = self._stories.get(story_id)
        return s.size if s else 0

    def top_terms(self, story_id: str, n: int = 8) -> list[str]:
        """The story's most telling features, for display."""
        s = self._stories.get(story_id)
        if s is None:
            return []
        ranked = sorted(s.centroid.items(), key=lambda kv: -kv[1] * self._idf(kv[0]))
        return [self._names[i] for i, _ in ranked[:n]]

    # --- internals --------------------------------------------------------------------------------

    def _observe(self, features: Counter[str]) -> dict[int, float]:
        """Intern the features, count their document frequency; returns feature id -> kind weight."""
        self._n_docs += 1
        out: dict[int, float] = {}
        for feat in features:
            fid = self._vocab.get(feat)
            if fid is None:
                fid = len(self._kind)
                self._vocab[feat] = fid
                self._names.append(feat)
                self._kind.append(KIND_WEIGHTS.get(feat[0], 1.0))
                self._df.append(0)
            self._df[fid] += 1
            # Presence, not counts: a name said ten times in one report is no more telling than once.
            out[fid] = self._kind[fid]
        return out

    def _idf(self, fid: int) -> float:
        # A prior of unseen documents keeps the first articles' weights sane: until the stream has shown that
        # a feature is common, it counts as rare.
        return math.log((self._n_docs + self.config.prior_docs) / (self._df[fid] + 1))

    def _signature(self, weights: dict[int, float]) -> dict[int, float]:
        k = self.config.doc_features
        if len(weights) <= k:
            return weights
        ranked = sorted(weights.items(), key=lambda kv: -kv[1] * self._idf(kv[0]))
        return dict(ranked[:k])

    def _norm(self, vec: dict[int, float]) -> float:
        return math.sqrt(sum((w * self._idf(f)) ** 2 for f, w in vec.items())) or 1.0

    def _best_story(self, sig: dict[int, float], day: int | None) -> tuple[_Story | None, float]:
        cfg = self.config
        # Look up through the strongest features that earlier articles had too (a new one has no postings).
        known = [(f, w) for f, w in sig.items() if f in self._postings]
        query = sorted(known, key=lambda kv: -kv[1] * self._idf(kv[0]))[: cfg.query_features]
        partial: dict[str, float] = {}
        budget = cfg.candidate_budget
        for fid, w in query:
            posting = self._postings.get(fid)
            if not posting:
                continue
            if budget <= 0:
                break  # the rarest features have had their say: bounded work per article
            budget -= len(posting)
            idf2 = self._idf(fid) ** 2
            for sid in posting:
                cw = self._stories[sid].centroid.get(fid)
                if cw is not None:
                    partial[sid] = partial.get(sid, 0.0) + w * cw * idf2
        if not partial:
            return None, 0.0
        ranked = sorted(partial.items(), key=lambda kv: -kv[1] / self._stories[kv[0]].norm)
        qnorm = self._norm(sig)
        best: _Story | None = None
        best_score = 0.0
        checked = 0
        for sid, _ in ranked:
            story = self._stories[sid]
            if not self._in_window(story, day):
                continue
            score = self._cosine(sig, qnorm, story)
            if score > best_score:
                best, best_score = story, score
            checked += 1
            if checked >= cfg.rerank:
                break
        return best, best_score

    def _cosine(self, sig: dict[int, float], qnorm: float, story: _Story) -> float:
        dot = 0.0
        cen = story.centroid
        for fid, w in sig.items():
            cw = cen.get(fid)
            if cw is not None:
                dot += w * cw * self._idf(fid) ** 2
        return dot / (qnorm * self._norm(cen))

    def _in_window(self, story: _Story, day: int | None) -> bool:
        if day is None or story.first_day is None or story.last_day is None:
            return True
        w = self.config.window_days
        return story.first_day - w <= day <= story.last_day + w

    def _open(self, story_id: str, sig: dict[int, float], day: int | None) -> _Story:
        story = _Story(story_id, dict(sig), 0.0, day, day)
        story.norm = self._norm(story.centroid)
        self._stories[story_id] = story
        self._post(story_id, sig)
        return story

    def _join(self, story: _Story, sig: dict[int, float], day: int | None) -> None:
        cen = story.centroid
        fresh = {}
        for fid, w in sig.items():
            if fid in cen:
                cen[fid] += w
            else:
                cen[fid] = w
                fresh[fid] = w
        k = self.config.story_features
        if len(cen) > k:
            ranked = sorted(cen.items(), key=lambda kv: -kv[1] * self._idf(kv[0]))
            story.centroid = cen = dict(ranked[:k])
            fresh = {f: w for f, w in fresh.items() if f in cen}
        story.norm = self._norm(cen)
        story.size += 1
        if day is not None:
            story.first_day = day if story.first_day is None else min(story.first_day, day)
            story.last_day = day if story.last_day is None else max(story.last_day, day)
        self._post(story.story_id, fresh)

    def _post(self, story_id: str, sig: dict[int, float]) -> None:
        cap = self.config.posting_cap
        for fid in sig:
            posting = self._postings.get(fid)
            if posting is None:
                self._postings[fid] = [story_id]
                continue
            posting.append(story_id)
            if len(posting) > cap:
                del posting[0]


def story_id_for(article_id: str) -> str:
    """A story is named after the article that opened it: the same input order gives the same ids."""
    return hashlib.sha256(f"story|{article_id}".encode()).hexdigest()[:16]
