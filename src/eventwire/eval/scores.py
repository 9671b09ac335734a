"""Shared pieces of the evaluation commands: precision/recall/F1, per-type tables, floor pinning."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return round(p, 4), round(r, 4), round(f, 4)


def per_type_scores(per_type: Mapping[str, Counter[str]], predicted: str) -> dict[str, dict[str, Any]]:
    """{type: precision, recall, f1, n_gold and n_<predicted>} from tp/fp/fn counts per type."""
    return {
        t: dict(zip(("precision", "recall", "f1"), prf(c["tp"], c["fp"], c["fn"]), strict=True))
        | {"n_gold": c["tp"] + c["fn"], f"n_{predicted}": c["tp"] + c["fp"]}
        for t, c in sorted(per_type.items())
    }


def per_type_lines(per_type: Mapping[str, Mapping[str, Any]], predicted: str) -> list[str]:
    """The per-type table of a report."""
    lines = [f"{'type':<12}{'n_gold':>7}{'n_' + predicted:>8}{'P':>7}{'R':>7}{'F1':>7}"]
    for t, s in per_type.items():
        lines.append(
            f"{t:<12}{s['n_gold']:>7}{s['n_' + predicted]:>8}{s['precision']:>7.2f}{s['recall']:>7.2f}"
            f"{s['f1']:>7.2f}"
        )
    return lines


def raise_floors(
    floors: dict[str, float], scores: Mapping[str, float], metrics: Iterable[str], allow_lower: bool
) -> list[str]:
    """Move each floor up to its new score (down only with `allow_lower`); one line a metric."""
    out = []
    for metric in metrics:
        old, new = floors.get(metric), scores[metric]
        if old is not None and new < old and not allow_lower:
            out.append(
                f"{metric}: {new:.4f} is below the floor {old:.4f}; kept (use --allow-lower to lower it)"
            )
            continue
        floors[metric] = new
        out.append(f"{metric}: {'-' if old is None else f'{old:.4f}'} -> {new:.4f}")
    return out
