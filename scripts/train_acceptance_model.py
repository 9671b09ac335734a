"""Train the acceptance judge (`src/eventwire/events/data/acceptance_model.json`) on the tune split.

Usage: python scripts/train_acceptance_model.py [--annotations FILE] [--plover FILE] [--out FILE] [--folds 5]

The coder runs over the tune articles with a judge that accepts every candidate and rescues every one
without a named doer, and records each candidate's features. A candidate is a positive example when a
gold event of its type is told in its sentence and no earlier candidate took that gold event (a candidate
whose token lies inside the gold trigger goes first). The PLOVER development records
(`../shared/eval/plover/dev.jsonl`, one sentence and one gold event each) add examples of the same
kind: a candidate of the record's type is positive, one of another type negative. A binary logistic
regression with L2 is fitted by full-batch gradient descent (numpy). The L2 strength and the two
thresholds (`keep` for candidates with a named doer, `rescue` for the others) are chosen on held-out
folds of whole articles: the best mean, over the two sources, of event F1 against their gold, counting
each gold event once. The check split is never read.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import numpy as np
import train_trigger_model
from train_trigger_model import Design, _vocab, fit, softmax

from eventwire.eval import plover
from eventwire.eval.articles import gold_events, load_records, record_article, shipped_annotations
from eventwire.events import extract
from eventwire.events.acceptance import MODEL_FILE, Judge, candidate_features
from eventwire.models import SegmentKind
from eventwire.pipeline import Pipeline

GRID = [round(x, 2) for x in np.arange(0.05, 0.9, 0.05)]
L2_GRID = (0.003, 0.01, 0.03, 0.1)


class Recorder(Judge):
    """Accepts and rescues everything, remembering each candidate."""

    rescues = True

    def __init__(self) -> None:
        self.seen: list[dict[str, Any]] = []

    def accept(self, found: extract.Found, segment: SegmentKind = "body") -> bool:
        sent = found.trigger.sent
        self.seen.append(
            {
                "feats": candidate_features(found, segment),
                "rescued": found.rescued,
                "type": found.type,
                "sent": sent.text,
                "word": found.trigger.text.lower(),
                "noun": found.noun.text.lower() if found.noun is not None else "",
            }
        )
        return True


def _recording(recorder: Recorder) -> Any:
    """Make every coder record its candidates; returns the original initialiser to restore."""
    original = extract.SentenceCoder.__init__

    def init(self: extract.SentenceCoder, actors: Any, judge: Judge | None = None) -> None:
        original(self, actors, recorder)

    extract.SentenceCoder.__init__ = init  # type: ignore[method-assign]
    return original


def plover_examples(path: Path, group0: int) -> tuple[list[dict[str, Any]], int]:
    """Candidates of the PLOVER records: positive when of the record's type (the first such only)."""
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    recorder = Recorder()
    original = _recording(recorder)
    pipe = Pipeline(selective=False)
    out: list[dict[str, Any]] = []
    try:
        for n, rec in enumerate(records):
            gold = plover.gold_type(rec)
            recorder.seen = []
            pipe.code_article(plover.record_article(rec))
            found = False
            for c in recorder.seen:
                if c["type"] == gold and found:
                    continue  # a second event of the gold type neither helps nor hurts
                c["label"] = int(c["type"] == gold)
                found = found or bool(c["label"])
                c["group"] = group0 + n
                out.append(c)
    finally:
        extract.SentenceCoder.__init__ = original  # type: ignore[method-assign]
    return out, len(records)


def examples(records: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], int]:
    """Every candidate of the tune articles with its label and article number; and the gold count."""
    recorder = Recorder()
    original = _recording(recorder)
    pipe = Pipeline(selective=False)
    out: list[dict[str, Any]] = []
    n_gold = 0
    try:
        for n, rec in enumerate(records):
            article = record_article(rec)
            gold = [g for g in gold_events(rec, article) if not g.optional]
            n_gold += len(gold)
            recorder.seen = []
            pipe.code_article(article)
            taken: set[int] = set()
            cands = recorder.seen
            for c in cands:
                at = article.text.find(c["sent"])
                c["span"] = (at, at + len(c["sent"])) if at >= 0 else (-1, -1)
                c["group"] = n
                c["label"] = 0
            # Candidates whose word lies in the gold trigger take their gold event first.
            for inside in (True, False):
                for c in cands:
                    if c["label"]:
                        continue
                    s0, s1 = c["span"]
                    for gi, g in enumerate(gold):
                        if gi in taken or g.type != c["type"] or not (g.start < s1 and s0 < g.end):
                            continue
                        trig = str(g.raw.get("trigger") or "").lower()
                        if inside and not (c["word"] in trig or (c["noun"] and c["noun"] in trig)):
                            continue
                        taken.add(gi)
                        c["label"] = 1
                        break
            out.extend(cands)
    finally:
        extract.SentenceCoder.__init__ = original  # type: ignore[method-assign]
    return out, n_gold


def _f1(p: np.ndarray, y: np.ndarray, rescued: np.ndarray, keep: float, rescue: float, n_gold: int) -> float:
    fired = np.where(rescued, p >= rescue, p >= keep)
    tp = int((fired & (y == 1)).sum())
    n = int(fired.sum())
    prec = tp / n if n else 0.0
    rec = tp / n_gold if n_gold else 0.0
    return 2 * prec * rec / (prec + rec) if prec + rec else 0.0


def choose_thresholds(
    feats: list[list[str]],
    y: np.ndarray,
    rescued: np.ndarray,
    groups: np.ndarray,
    sources: list[tuple[np.ndarray, int]],
    folds: int,
) -> tuple[float, float, dict[str, float]]:
    """Thresholds with the best mean over the sources (each a mask of examples and its gold count) of
    held-out event F1."""
    probs = np.zeros(len(y))
    for k in range(folds):
        held = groups % folds == k
        train_idx = np.flatnonzero(~held)
        vocab = _vocab([feats[i] for i in train_idx])
        w, b = fit(Design([feats[i] for i in train_idx], vocab), y[train_idx], len(vocab), 2)
        test_idx = np.flatnonzero(held)
        probs[test_idx] = softmax(Design([feats[i] for i in test_idx], vocab).scores(w, b))[:, 1]

    def score(keep: float, rescue: float) -> list[float]:
        return [_f1(probs[m], y[m], rescued[m], keep, rescue, n) for m, n in sources]

    best = (-1.0, 0.0, 1.0)
    for keep in [0.0, *GRID]:
        for rescue in [*GRID, 1.01]:
            f1 = float(np.mean(score(keep, rescue)))
            if f1 > best[0] + 1e-9:
                best = (f1, keep, rescue)
    f1, keep, rescue = best
    fired = np.where(rescued, probs >= rescue, probs >= keep)
    cv: dict[str, float] = {"mean_f1": f1, "rules_only_mean_f1": float(np.mean(score(0.0, 1.01)))}
    for k, ((m, n), f) in enumerate(zip(sources, score(keep, rescue), strict=True)):
        tp = int((fired[m] & (y[m] == 1)).sum())
        cv[f"source{k}_f1"] = f
        cv[f"source{k}_precision"] = tp / max(1, int(fired[m].sum()))
        cv[f"source{k}_recall"] = tp / max(1, n)
    cv["rescued"] = int((fired & rescued).sum())
    cv["dropped"] = int((~fired & ~rescued).sum())
    return keep, rescue, cv


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--annotations", type=Path, default=None)
    ap.add_argument("--out", type=Path, default=Path("src/eventwire/events/data") / MODEL_FILE)
    ap.add_argument("--plover", type=Path, default=Path("../shared/eval/plover/dev.jsonl"))
    ap.add_argument("--folds", type=int, default=5)
    args = ap.parse_args(argv)
    args.out.unlink(missing_ok=True)  # examples come from the rules alone, never from an older model
    records = load_records(args.annotations or shipped_annotations(), "tune")
    cands, n_gold = examples(records)
    sources = [(len(cands), n_gold)]
    if args.plover.is_file():
        more, n_more = plover_examples(args.plover, len(records))
        cands += more
        sources.append((len(more), n_more))
    feats = [c["feats"] for c in cands]
    y = np.array([c["label"] for c in cands])
    rescued = np.array([c["rescued"] for c in cands], dtype=bool)
    groups = np.array([c["group"] for c in cands])
    masks, at = [], 0
    for size, n in sources:
        mask = np.zeros(len(y), dtype=bool)
        mask[at : at + size] = True
        masks.append((mask, n))
        at += size
    # The L2 strength too is chosen on held-out folds: weak regularisation makes the model sure of
    # lemmas it saw a few times.
    best: tuple[float, float, float, dict[str, float]] | None = None
    for l2 in L2_GRID:
        train_trigger_model.L2 = l2
        keep, rescue, cv = choose_thresholds(feats, y, rescued, groups, masks, args.folds)
        if best is None or cv["mean_f1"] > best[3]["mean_f1"] + 1e-9:
            best = (l2, keep, rescue, cv)
    assert best is not None
    l2, keep, rescue, cv = best
    train_trigger_model.L2 = l2
    vocab = _vocab(feats)
    w, b = fit(Design(feats, vocab), y, len(vocab), 2)
    # A binary softmax is a logistic regression on the difference of the two columns.
    weights = {f: round(float(w[i, 1] - w[i, 0]), 4) for f, i in vocab.items()}
    weights["bias"] = round(weights.get("bias", 0.0) + float(b[1] - b[0]), 4)
    weights = {f: v for f, v in weights.items() if abs(v) >= 0.01 or f == "bias"}
    model = {
        "about": "acceptance judge (eventwire.events.acceptance), trained by "
        "scripts/train_acceptance_model.py on the tune split of eval/data/real_news_events.jsonl",
        "keep": keep,
        "rescue": rescue,
        "l2": l2,
        "cross_validation": {k: round(v, 4) if isinstance(v, float) else v for k, v in cv.items()},
        "examples": len(y),
        "positives": int(y.sum()),
        "rescuable": int(rescued.sum()),
        "weights": dict(sorted(weights.items())),
    }
    args.out.write_text(json.dumps(model, separators=(",", ":")) + "\n", encoding="utf-8")
    names = ["tune articles", "PLOVER records"]
    held = "; ".join(
        f"{names[k]} F1 {cv[f'source{k}_f1']:.3f} (P {cv[f'source{k}_precision']:.3f}, "
        f"R {cv[f'source{k}_recall']:.3f})"
        for k in range(len(masks))
    )
    print(
        f"{len(records)} tune articles, {len(y)} candidates ({int(rescued.sum())} without a named doer), "
        f"{int(y.sum())} positive; L2 {l2}, keep >= {keep}, rescue >= {rescue}; held-out {held}; mean F1 "
        f"{cv['mean_f1']:.3f} against {cv['rules_only_mean_f1']:.3f} for the rules alone; rescued "
        f"{cv['rescued']}, dropped {cv['dropped']}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
