"""Story clustering and event merging scored on ECB+ documents (JSON lines, one document a line).

Documents: `doc_id`, `topic`, `story` (the seminal event: each topic holds two different happenings of
one kind), `text` and `mentions` with gold cross-document coreference ids (`instance`).
- Stories: the documents go through the story index one at a time, in file order, exactly as articles do
  at ingest (ECB+ documents carry no publication date, so the time window plays no part). B-cubed and
  the adjusted Rand index against `story`.
- Events (with the pipeline): each document is coded, its events merged within the story it was given,
  and every event whose trigger overlaps a gold action mention is scored against the mention's
  `instance` (a mention without one is a singleton): B-cubed and ARI of the clusters, and precision and
  recall of the merges (pairs of events merged), in all and across documents. The coder reads political
  events, so only part of ECB+'s actions are covered: the report says how many.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from eventwire.dedup.config import StoryConfig
from eventwire.dedup.features import article_features
from eventwire.dedup.index import StoryIndex
from eventwire.dedup.merge import ArticleInfo, MergedEvent, merge_events
from eventwire.dedup.metrics import adjusted_rand, bcubed, pairwise_links
from eventwire.eval.scores import prf
from eventwire.ingest.formats import article_from_json
from eventwire.models import Article, Event

if TYPE_CHECKING:
    from eventwire.pipeline import Pipeline


@dataclass(frozen=True)
class Doc:
    doc_id: str
    topic: int
    story: str
    article: Article
    mentions: list[dict[str, Any]]


def load_docs(path: str | Path, topics: Iterable[int] | None = None) -> list[Doc]:
    wanted = set(topics) if topics is not None else None
    docs = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            d = json.loads(line)
            if wanted is not None and int(d["topic"]) not in wanted:
                continue
            art = article_from_json({"text": d["text"], "id": d["doc_id"]})
            art.article_id = d["doc_id"]  # document ids are unique; texts need not be
            docs.append(Doc(d["doc_id"], int(d["topic"]), d["story"], art, d.get("mentions") or []))
    return docs


def parse_topics(spec: str | None) -> list[int] | None:
    """'1-14,16' -> [1, ..., 14, 16]; None or '' -> all topics."""
    if not spec:
        return None
    out: list[int] = []
    for part in spec.split(","):
        lo, _, hi = part.strip().partition("-")
        out.extend(range(int(lo), int(hi or lo) + 1))
    return out


def evaluate_stories(
    path: str | Path,
    *,
    topics: Iterable[int] | None = None,
    pipeline: Pipeline | None = None,
    config: StoryConfig | None = None,
) -> dict[str, Any]:
    """Score story clustering (and, given a pipeline, event merging) on an ECB+ file."""
    docs = load_docs(path, topics)
    index = StoryIndex(config or StoryConfig())
    assigned = {d.doc_id: index.add(d.doc_id, article_features(d.article), None).story_id for d in docs}
    gold = {d.doc_id: d.story for d in docs}
    p, r, f = bcubed(gold, assigned)
    result: dict[str, Any] = {
        "data": str(path),
        "topics": sorted({d.topic for d in docs}),
        "n_docs": len(docs),
        "n_gold_stories": len(set(gold.values())),
        "n_clusters": len(set(assigned.values())),
        "bcubed_precision": round(p, 4),
        "bcubed_recall": round(r, 4),
        "bcubed_f1": round(f, 4),
        "ari": round(adjusted_rand(gold, assigned), 4),
    }
    if pipeline is not None:
        result["events"] = _score_events(docs, assigned, pipeline)
    return result


def _score_events(docs: Sequence[Doc], assigned: dict[str, str], pipeline: Pipeline) -> dict[str, Any]:
    coded = list(pipeline.code_articles([d.article for d in docs], batch_size=64))
    return score_merging(docs, assigned, [c.events for c in coded])


def score_merging(
    docs: Sequence[Doc], assigned: dict[str, str], events: Sequence[Sequence[Event]]
) -> dict[str, Any]:
    """Merge each document's coded events (`events[i]` of `docs[i]`) within its story, and score the
    events that overlap a gold action mention against the mentions' coreference ids.

    B-cubed and ARI score the clusters, singletons included. The merge scores count links: a pair of
    matched events put in one merged event is a merge; it is right when their gold mentions are one
    instance. Merge precision is the share of merges that are right, merge recall the share of gold
    links (pairs of matched mentions of one instance) that were merged; `cross_document_*` count only
    pairs from two documents, the links that tie reports of a happening together.
    """
    merged: dict[str, list[MergedEvent]] = {}
    for d, evs in zip(docs, events, strict=True):
        story = assigned[d.doc_id]
        info = ArticleInfo(d.doc_id, None, None)
        merge_events(story, merged.setdefault(story, []), ((e, info) for e in evs))
    owner = {eid: m.merged_id for ms in merged.values() for m in ms for eid in m.event_ids}
    gold: dict[tuple[str, str], str] = {}
    pred: dict[tuple[str, str], str] = {}
    n_actions = 0
    n_events = 0
    for d, evs in zip(docs, events, strict=True):
        actions = [m for m in d.mentions if "ACTION" in m["tag"]]
        n_actions += len(actions)
        n_events += len(evs)
        for e in evs:
            hit = _overlapping(e, actions)
            if hit is None:
                continue
            key = (d.doc_id, hit["m_id"])
            if key in gold:
                continue  # one event per gold mention
            gold[key] = hit["instance"] or f"single:{d.doc_id}:{hit['m_id']}"
            pred[key] = owner[e.event_id]
    p, r, f = bcubed(gold, pred)
    singles = {k: str(k) for k in gold}
    _, _, f0 = bcubed(gold, singles)
    result = {
        "n_events": n_events,
        "n_merged_events": sum(len(ms) for ms in merged.values()),
        "n_gold_action_mentions": n_actions,
        "n_matched": len(gold),
        "n_gold_instances_matched": len(set(gold.values())),
        "bcubed_precision": round(p, 4),
        "bcubed_recall": round(r, 4),
        "bcubed_f1": round(f, 4),
        "ari": round(adjusted_rand(gold, pred), 4) if gold else 0.0,
        "singleton_bcubed_f1": round(f0, 4),
    }
    doc_of = {k: k[0] for k in gold}
    for prefix, groups in (("", None), ("cross_document_", doc_of)):
        n_pred, n_gold, n_both = pairwise_links(gold, pred, groups)
        mp, mr, mf = prf(n_both, n_pred - n_both, n_gold - n_both)
        result |= {
            f"{prefix}merges": n_pred,
            f"{prefix}gold_links": n_gold,
            f"{prefix}merge_precision": mp,
            f"{prefix}merge_recall": mr,
            f"{prefix}merge_f1": mf,
        }
    return result


def _overlapping(e: Event, actions: Sequence[dict[str, Any]]) -> dict[str, Any] | None:
    t0, t1 = e.trigger.start, e.trigger.end
    for m in actions:
        if m["start"] < t1 and t0 < m["end"]:
            return m
    return None


def format_story_report(result: dict[str, Any]) -> str:
    lines = [
        f"ECB+ stories: {result['n_docs']} documents, topics {_span(result['topics'])}, "
        f"{result['n_gold_stories']} gold stories, {result['n_clusters']} clusters",
        f"  B-cubed  P {result['bcubed_precision']:.3f}  R {result['bcubed_recall']:.3f}  "
        f"F1 {result['bcubed_f1']:.3f}   ARI {result['ari']:.3f}",
    ]
    ev = result.get("events")
    if ev:
        lines += [
            f"events: {ev['n_events']} coded, {ev['n_merged_events']} merged; {ev['n_matched']} overlap "
            f"one of {ev['n_gold_action_mentions']} gold action mentions "
            f"({ev['n_gold_instances_matched']} instances)",
            f"  B-cubed  P {ev['bcubed_precision']:.3f}  R {ev['bcubed_recall']:.3f}  "
            f"F1 {ev['bcubed_f1']:.3f}   ARI {ev['ari']:.3f}   "
            f"(every mention alone: F1 {ev['singleton_bcubed_f1']:.3f})",
            f"  merges   P {ev['merge_precision']:.3f}  R {ev['merge_recall']:.3f}  "
            f"F1 {ev['merge_f1']:.3f}   ({ev['merges']} merges, {ev['gold_links']} gold links)",
            f"  across documents  P {ev['cross_document_merge_precision']:.3f}  "
            f"R {ev['cross_document_merge_recall']:.3f}  F1 {ev['cross_document_merge_f1']:.3f}   "
            f"({ev['cross_document_merges']} merges, {ev['cross_document_gold_links']} gold links)",
        ]
    return "\n".join(lines)


def _span(topics: Sequence[int]) -> str:
    if not topics:
        return "-"
    runs: list[list[int]] = []
    for t in topics:
        if runs and t == runs[-1][-1] + 1:
            runs[-1].append(t)
        else:
            runs.append([t])
    return ",".join(f"{r[0]}-{r[-1]}" if len(r) > 1 else str(r[0]) for r in runs)
