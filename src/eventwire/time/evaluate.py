"""Scoring find_timexes against gold documents in the time-evaluation JSONL format.

Each line: {"doc_id", "dct": "YYYY-MM-DD", "text", "timexes": [{"start", "end", "text", "type", "value"}]}.
A predicted expression matches a gold one when their spans overlap (one-to-one; pairs with the
same value are paired first, then the larger overlap). Scores, as in TempEval-3:
  precision / recall / f1   span matches over predictions / gold expressions
  value_accuracy            matched gold expressions whose value is exactly right
  value_f1                  a true positive needs an overlapping span AND the exact value

A file whose documents are split into a tune and a check part (by a stable hash of `doc_id`, as the
real-news event set is) can be scored one part at a time: `split="tune"` or `split="check"`.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from eventwire.time.timex import Timex, find_timexes


@dataclass(frozen=True)
class GoldTimex:
    start: int
    end: int
    text: str
    type: str
    value: str


SPLITS = ("tune", "check", "all")


def read_documents(path: Path, split: str = "all") -> Iterator[dict[str, Any]]:
    """The documents of a JSONL file; with split "tune" or "check", only that part's documents."""
    if split not in SPLITS:
        raise ValueError(f"split must be one of {', '.join(SPLITS)}, got {split!r}")
    from eventwire.eval.articles import split_of

    with Path(path).open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                doc = json.loads(line)
                if split == "all" or split_of(str(doc.get("doc_id", ""))) == split:
                    yield doc


def _pair(gold: list[GoldTimex], pred: list[Timex]) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, predicted index) of overlapping spans."""
    cands: list[tuple[bool, int, int, int]] = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            overlap = min(g.end, p.end) - max(g.start, p.start)
            if overlap > 0:
                cands.append((g.value == p.value, overlap, gi, pi))
    cands.sort(key=lambda c: (not c[0], -c[1], c[2], c[3]))
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _same, _overlap, gi, pi in cands:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        pairs.append((gi, pi))
    return pairs


def _ratio(num: int, den: int) -> float:
    return num / den if den else 0.0


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def evaluate_time(path: Path, errors: bool = False, split: str = "all") -> dict[str, Any]:
    """Score find_timexes on the documents of a JSONL file (all, or one split part); `errors` adds the
    misses and mistakes."""
    n_gold = n_pred = matched = value_ok = type_ok = n_docs = 0
    per_type: dict[str, dict[str, int]] = {}
    error_list: list[dict[str, Any]] = []
    for doc in read_documents(path, split):
        n_docs += 1
        text = doc["text"]
        dct = date.fromisoformat(str(doc["dct"])[:10])
        gold = [
            GoldTimex(t["start"], t["end"], t["text"], t["type"], t["value"]) for t in doc.get("timexes", [])
        ]
        pred = find_timexes(text, dct, doc.get("local_time"))
        pairs = _pair(gold, pred)
        n_gold += len(gold)
        n_pred += len(pred)
        matched += len(pairs)
        for g in gold:
            per_type.setdefault(g.type, {"n": 0, "matched": 0, "value_ok": 0})["n"] += 1
        paired_g = {gi: pi for gi, pi in pairs}
        paired_p = {pi for _gi, pi in pairs}
        for gi, pi in pairs:
            g, p = gold[gi], pred[pi]
            stats = per_type[g.type]
            stats["matched"] += 1
            type_ok += g.type == p.type
            if g.value == p.value:
                value_ok += 1
                stats["value_ok"] += 1
            elif errors:
                error_list.append(_error(doc, "wrong_value", g, p))
        if errors:
            for gi, g in enumerate(gold):
                if gi not in paired_g:
                    error_list.append(_error(doc, "missed", g, None))
            for pi, p in enumerate(pred):
                if pi not in paired_p:
                    error_list.append(_error(doc, "false_positive", None, p))
    precision, recall = _ratio(matched, n_pred), _ratio(matched, n_gold)
    vp, vr = _ratio(value_ok, n_pred), _ratio(value_ok, n_gold)
    result: dict[str, Any] = {
        "split": split,
        "n_docs": n_docs,
        "n_gold": n_gold,
        "n_pred": n_pred,
        "n_matched": matched,
        "precision": precision,
        "recall": recall,
        "f1": _f1(precision, recall),
        "type_accuracy": _ratio(type_ok, matched),
        "value_accuracy": _ratio(value_ok, matched),
        "value_precision": vp,
        "value_recall": vr,
        "value_f1": _f1(vp, vr),
        "per_type": {
            t: {
                "n": s["n"],
                "recall": _ratio(s["matched"], s["n"]),
                "value_accuracy": _ratio(s["value_ok"], s["matched"]),
                "value_recall": _ratio(s["value_ok"], s["n"]),
            }
            for t, s in sorted(per_type.items())
        },
    }
    if errors:
        result["errors"] = error_list
    return result


def _context(text: str, start: int, end: int, width: int = 50) -> str:
    left = text[max(0, start - width) : start].replace("\n", " ")
    right = text[end : end + width].replace("\n", " ")
    return f"{left}[{text[start:end]}]{right}"


def _error(doc: dict[str, Any], kind: str, gold: GoldTimex | None, pred: Timex | None) -> dict[str, Any]:
    span = gold or pred
    assert span is not None
    return {
        "doc_id": doc.get("doc_id"),
        "dct": doc.get("dct"),
        "kind": kind,
        "gold": None if gold is None else {"text": gold.text, "type": gold.type, "value": gold.value},
        "pred": None if pred is None else {"text": pred.text, "type": pred.type, "value": pred.value},
        "context": _context(doc["text"], span.start, span.end),
    }


def format_time_report(result: dict[str, Any]) -> str:
    """A readable table of evaluate_time's result (and its errors, when present)."""
    lines = [
        f"documents {result['n_docs']}   gold {result['n_gold']}   predicted {result['n_pred']}   "
        f"matched {result['n_matched']}",
        "",
        f"{'span precision':<18}{result['precision']:.3f}",
        f"{'span recall':<18}{result['recall']:.3f}",
        f"{'span f1':<18}{result['f1']:.3f}",
        f"{'type accuracy':<18}{result['type_accuracy']:.3f}",
        f"{'value accuracy':<18}{result['value_accuracy']:.3f}",
        f"{'value f1':<18}{result['value_f1']:.3f}   "
        f"(P {result['value_precision']:.3f}, R {result['value_recall']:.3f})",
        "",
        f"{'type':<10}{'n':>6}{'recall':>10}{'value acc':>12}",
    ]
    for t, s in result["per_type"].items():
        lines.append(f"{t:<10}{s['n']:>6}{s['recall']:>10.3f}{s['value_accuracy']:>12.3f}")
    errors = result.get("errors")
    if errors:
        lines += ["", f"errors ({len(errors)})"]
        for e in errors:
            g = e["gold"] and f"{e['gold']['type']} {e['gold']['value']}"
            p = e["pred"] and f"{e['pred']['type']} {e['pred']['value']}"
            lines.append(f"  {e['kind']:<15} {e['doc_id']}  gold={g}  pred={p}")
            lines.append(f"      {e['context']}")
    return "\n".join(lines)
