"""How well ingest tells English items from others: `eventwire eval language FILE`.

FILE holds one item a line: `{"text", "lang"}` (ISO 639-1 code, `en` for English), optionally `style`
(headline, caps, sentence, item, paragraph) and `split`. Each text goes through the same check as at
ingest (`check_prose`: too short, not prose, not English); an item is taken for English when the check
lets it through. Reported: precision and recall of English, the share of other items rejected, and the
same by split, by style and by language.
"""

from __future__ import annotations

import json
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from eventwire.errors import RejectError
from eventwire.eval.scores import prf
from eventwire.ingest.decode import check_prose


def read_items(path: str | Path) -> list[dict[str, Any]]:
    items = []
    with Path(path).open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            item = json.loads(line)
            if not isinstance(item.get("text"), str) or not isinstance(item.get("lang"), str):
                raise ValueError(f"{path}:{lineno}: an item needs a `text` and a `lang`")
            items.append(item)
    return items


def _scores(rows: list[tuple[dict[str, Any], bool]]) -> dict[str, Any]:
    tp = sum(accepted and item["lang"] == "en" for item, accepted in rows)
    fp = sum(accepted and item["lang"] != "en" for item, accepted in rows)
    fn = sum(not accepted and item["lang"] == "en" for item, accepted in rows)
    n_other = sum(item["lang"] != "en" for item, _ in rows)
    p, r, f = prf(tp, fp, fn)
    return {
        "n_items": len(rows),
        "n_english": tp + fn,
        "n_other": n_other,
        "english_precision": p,
        "english_recall": r,
        "english_f1": f,
        "other_rejected": round((n_other - fp) / n_other, 4) if n_other else 0.0,
    }


def evaluate_language(path: str | Path, *, with_errors: bool = False) -> dict[str, Any]:
    items = read_items(path)
    rows: list[tuple[dict[str, Any], bool]] = []
    reasons: list[str | None] = []
    started = time.perf_counter()
    for item in items:
        try:
            check_prose(item["text"])
        except RejectError as exc:
            rows.append((item, False))
            reasons.append(f"{exc.reason}: {exc.detail}")
        else:
            rows.append((item, True))
            reasons.append(None)
    elapsed = time.perf_counter() - started
    result: dict[str, Any] = {"data": str(path), **_scores(rows)}
    result["ms_per_item"] = round(1000 * elapsed / max(1, len(items)), 3)
    for key in ("split", "style"):
        groups: dict[str, list[tuple[dict[str, Any], bool]]] = defaultdict(list)
        for item, accepted in rows:
            if item.get(key):
                groups[str(item[key])].append((item, accepted))
        if groups:
            result[f"by_{key}"] = {g: _scores(rs) for g, rs in sorted(groups.items())}
    taken: Counter[str] = Counter()
    seen: Counter[str] = Counter()
    for item, accepted in rows:
        seen[item["lang"]] += 1
        taken[item["lang"]] += accepted
    result["by_language"] = {
        lang: {"n": seen[lang], "taken_for_english": taken[lang]} for lang in sorted(seen)
    }
    if with_errors:
        result["errors"] = [
            {"text": item["text"], "lang": item["lang"], "accepted": accepted, "reason": reason}
            for (item, accepted), reason in zip(rows, reasons, strict=True)
            if accepted != (item["lang"] == "en")
        ]
    return result


def format_language_report(result: dict[str, Any], errors: bool = False) -> str:
    lines = [
        f"language check: {result['n_items']} items, {result['n_english']} English, "
        f"{result['n_other']} in other languages ({result['ms_per_item']:.2f} ms an item)",
        f"  English  P {result['english_precision']:.3f}  R {result['english_recall']:.3f}  "
        f"F1 {result['english_f1']:.3f}   other languages rejected {result['other_rejected']:.3f}",
    ]
    for key in ("split", "style"):
        for name, s in result.get(f"by_{key}", {}).items():
            recall = f"R {s['english_recall']:.3f} of {s['n_english']}" if s["n_english"] else "no English"
            other = f"rejected {s['other_rejected']:.3f} of {s['n_other']}" if s["n_other"] else "no others"
            lines.append(f"  {key} {name:<10} English {recall}; {other}")
    slipped = {k: v["taken_for_english"] for k, v in result["by_language"].items() if k != "en"}
    if any(slipped.values()):
        lines.append("  taken for English: " + ", ".join(f"{k} {v}" for k, v in sorted(slipped.items()) if v))
    if errors:
        for e in result.get("errors", []):
            verdict = "accepted" if e["accepted"] else f"rejected ({e['reason']})"
            lines.append(f"  [{e['lang']}] {verdict}: {e['text']}")
    return "\n".join(lines)
