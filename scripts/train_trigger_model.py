"""Train the learned trigger model (`src/eventwire/events/data/trigger_model.json`) on the tune split.

Usage: python scripts/train_trigger_model.py [--annotations FILE] [--out FILE] [--folds 5]

Every content verb and common noun of every sentence of the tune articles is an example; its label is the
PLOVER type of the gold event whose trigger it heads, else NONE. A multinomial logistic regression with L2
is fitted by full-batch gradient descent (numpy). The probability threshold is chosen by cross-validation
over the tune articles (folds by article): the one that maximises F1 of typed triggers on held-out folds.
The check split is never read.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

from eventwire.eval.articles import gold_events, load_records, record_article, shipped_annotations
from eventwire.events import lexicon as lx
from eventwire.events.learned import NONE, candidate, features
from eventwire.events.senses import generated
from eventwire.pipeline import Pipeline, codable_segments

MIN_COUNT = 2
L2 = 1e-4


def _trigger_token(sent_tokens: list[Any], start: int, end: int) -> Any | None:
    """The token that heads a gold trigger span: a lexicon trigger, else its first verb, else its
    last noun."""
    covered = [t for t in sent_tokens if start <= t.idx < end]
    verbs, nouns = generated(False)
    for t in covered:
        key = t.lemma_.lower()
        if key in lx.VERBS or key in lx.NOUNS or key in verbs or key in nouns:
            return t
    for t in covered:
        if t.pos_ == "VERB":
            return t
    found = [t for t in covered if t.pos_ in ("NOUN", "PROPN")]
    return found[-1] if found else None


def examples(records: list[dict[str, Any]]) -> tuple[list[list[str]], list[str], list[int]]:
    """Features, labels and the article number of every candidate token of the records."""
    pipe = Pipeline(selective=False)
    feats: list[list[str]] = []
    labels: list[str] = []
    groups: list[int] = []
    for n, rec in enumerate(records):
        article = record_article(rec)
        gold = gold_events(rec, article)
        segs = codable_segments(article)
        docs = pipe.analyzer.analyse([article.text[s.start : s.end] for s in segs])
        for seg, doc in zip(segs, docs, strict=True):
            labelled: dict[int, str] = {}
            for sent in doc.sents:
                s0, s1 = seg.start + sent.start_char, seg.start + sent.end_char
                toks = list(sent)
                for g in gold:
                    if not (g.start < s1 and s0 < g.end):
                        continue
                    trig = str(g.raw.get("trigger") or "")
                    at = article.text.lower().find(trig.lower(), max(g.start, s0), min(g.end, s1) + 1)
                    if not trig or at < 0:
                        continue
                    tok = _trigger_token(toks, at - seg.start, at - seg.start + len(trig))
                    if tok is not None:
                        labelled.setdefault(tok.i, g.type)
            for tok in doc:
                if candidate(tok):
                    feats.append(features(tok, seg.kind))
                    labels.append(labelled.get(tok.i, NONE))
                    groups.append(n)
    return feats, labels, groups


class Design:
    """Examples as index lists into a feature vocabulary (a sparse matrix kept as flat arrays)."""

    def __init__(self, feats: list[list[str]], vocab: dict[str, int]) -> None:
        rows = [[vocab[f] for f in fs if f in vocab] for fs in feats]
        self.indptr = np.cumsum([0] + [len(r) for r in rows])
        self.indices = np.array([i for r in rows for i in r], dtype=np.int64)
        self.row_of = np.repeat(np.arange(len(rows)), [len(r) for r in rows])
        self.n = len(rows)

    def scores(self, w: np.ndarray, b: np.ndarray) -> np.ndarray:
        out = np.zeros((self.n, w.shape[1]))
        np.add.at(out, self.row_of, w[self.indices])
        return out + b


def softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def fit(design: Design, y: np.ndarray, n_feats: int, n_labels: int, steps: int = 400) -> tuple[Any, Any]:
    """Full-batch gradient descent with Adam on the mean cross-entropy plus L2."""
    w = np.zeros((n_feats, n_labels))
    b = np.zeros(n_labels)
    onehot = np.eye(n_labels)[y]
    m_w, v_w, m_b, v_b = np.zeros_like(w), np.zeros_like(w), np.zeros_like(b), np.zeros_like(b)
    lr, b1, b2, eps = 0.05, 0.9, 0.999, 1e-8
    for t in range(1, steps + 1):
        p = softmax(design.scores(w, b))
        d = (p - onehot) / design.n
        g_w = np.zeros_like(w)
        np.add.at(g_w, design.indices, d[design.row_of])
        g_w += L2 * w
        g_b = d.sum(axis=0)
        for g, m, v, param in ((g_w, m_w, v_w, w), (g_b, m_b, v_b, b)):
            m *= b1
            m += (1 - b1) * g
            v *= b2
            v += (1 - b2) * g * g
            param -= lr * (m / (1 - b1**t)) / (np.sqrt(v / (1 - b2**t)) + eps)
    return w, b


def _vocab(feats: list[list[str]]) -> dict[str, int]:
    counts = Counter(f for fs in feats for f in set(fs))
    kept = sorted(f for f, c in counts.items() if c >= MIN_COUNT)
    return {f: i for i, f in enumerate(kept)}


def choose_threshold(
    feats: list[list[str]], y: np.ndarray, groups: np.ndarray, labels: list[str], folds: int
) -> tuple[float, dict[str, float]]:
    """The threshold with the best held-out F1 of typed triggers, over folds of whole articles."""
    none = labels.index(NONE)
    preds = np.zeros(len(y), dtype=np.int64)
    probs = np.zeros(len(y))
    for k in range(folds):
        held = groups % folds == k
        train_idx = np.flatnonzero(~held)
        vocab = _vocab([feats[i] for i in train_idx])
        w, b = fit(Design([feats[i] for i in train_idx], vocab), y[train_idx], len(vocab), len(labels))
        test_idx = np.flatnonzero(held)
        p = softmax(Design([feats[i] for i in test_idx], vocab).scores(w, b))
        p_event = p.copy()
        p_event[:, none] = -1
        preds[test_idx] = p_event.argmax(axis=1)
        probs[test_idx] = p_event.max(axis=1)
    best = (0.0, 0.5, {})
    gold_pos = int((y != none).sum())
    for th in np.arange(0.2, 0.95, 0.05):
        fired = probs >= th
        tp = int((fired & (preds == y)).sum())
        n_fired = int(fired.sum())
        prec = tp / n_fired if n_fired else 0.0
        rec = tp / gold_pos if gold_pos else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        if f1 > best[0]:
            best = (f1, float(round(th, 2)), {"precision": prec, "recall": rec, "f1": f1})
    return best[1], best[2]


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--annotations", type=Path, default=None)
    ap.add_argument("--out", type=Path, default=Path("src/eventwire/events/data/trigger_model.json"))
    ap.add_argument("--folds", type=int, default=5)
    args = ap.parse_args(argv)
    records = load_records(args.annotations or shipped_annotations(), "tune")
    feats, labels_s, groups_l = examples(records)
    labels = [NONE, *sorted(set(labels_s) - {NONE})]
    y = np.array([labels.index(x) for x in labels_s])
    groups = np.array(groups_l)
    threshold, cv = choose_threshold(feats, y, groups, labels, args.folds)
    vocab = _vocab(feats)
    w, b = fit(Design(feats, vocab), y, len(vocab), len(labels))
    weights = {f: [round(float(x), 4) for x in w[i]] for f, i in vocab.items() if np.abs(w[i]).max() >= 0.01}
    bias = weights.get("bias", [0.0] * len(labels))
    weights["bias"] = [round(float(x + y_), 4) for x, y_ in zip(bias, b, strict=True)]
    model = {
        "about": "learned trigger model (eventwire.events.learned), trained by "
        "scripts/train_trigger_model.py on the tune split of eval/data/real_news_events.jsonl",
        "labels": labels,
        "threshold": threshold,
        "cross_validation": {k: round(v, 4) for k, v in cv.items()},
        "examples": len(y),
        "events": int((y != 0).sum()),
        "weights": dict(sorted(weights.items())),
    }
    args.out.write_text(json.dumps(model, separators=(",", ":")) + "\n", encoding="utf-8")
    print(
        f"{len(records)} tune articles, {len(y)} candidates, {model['events']} triggers, "
        f"{len(weights)} features kept; threshold {threshold} (held-out F1 {cv.get('f1', 0):.3f}, "
        f"P {cv.get('precision', 0):.3f}, R {cv.get('recall', 0):.3f})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
