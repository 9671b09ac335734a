"""Clustering scores: B-cubed precision, recall and F1, the adjusted Rand index, and counts of links.

Both take two labelings of the same items (item -> cluster label) and run in time linear in the items.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Mapping
from typing import Any, TypeVar

K = TypeVar("K", bound=Hashable)


def bcubed(gold: Mapping[K, Hashable], pred: Mapping[K, Hashable]) -> tuple[float, float, float]:
    """B-cubed (Bagga & Baldwin 1998) precision, recall and F1 over the items labelled in `gold`."""
    items = list(gold)
    if not items:
        return 0.0, 0.0, 0.0
    both = Counter((gold[i], pred[i]) for i in items)
    gsize = Counter(gold[i] for i in items)
    psize = Counter(pred[i] for i in items)
    p = sum(both[(gold[i], pred[i])] / psize[pred[i]] for i in items) / len(items)
    r = sum(both[(gold[i], pred[i])] / gsize[gold[i]] for i in items) / len(items)
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def adjusted_rand(gold: Mapping[K, Hashable], pred: Mapping[K, Hashable]) -> float:
    """The adjusted Rand index (Hubert & Arabie 1985): 1 for identical partitions, about 0 for chance."""
    items = list(gold)
    n = len(items)
    if n < 2:
        return 1.0

    def pairs(k: int) -> float:
        return k * (k - 1) / 2

    both = sum(pairs(c) for c in Counter((gold[i], pred[i]) for i in items).values())
    g = sum(pairs(c) for c in Counter(gold[i] for i in items).values())
    p = sum(pairs(c) for c in Counter(pred[i] for i in items).values())
    expected = g * p / pairs(n)
    top = (g + p) / 2
    if top == expected:
        return 1.0
    return (both - expected) / (top - expected)


def pairwise_links(
    gold: Mapping[K, Hashable], pred: Mapping[K, Hashable], same_group: Mapping[K, Hashable] | None = None
) -> tuple[int, int, int]:
    """Counts of links (pairs of items put together): (predicted, gold, both), over the items in `gold`.

    With `same_group` (item -> group, e.g. its document), only pairs from two different groups count.
    Counted from cluster sizes, so linear in the items.
    """

    def links(sizes: Mapping[Any, int]) -> int:
        return sum(c * (c - 1) // 2 for c in sizes.values())

    items = list(gold)
    by_pred = Counter((pred[i],) for i in items)
    by_gold = Counter((gold[i],) for i in items)
    by_both = Counter((gold[i], pred[i]) for i in items)
    n_pred, n_gold, n_both = links(by_pred), links(by_gold), links(by_both)
    if same_group is not None:
        n_pred -= links(Counter((pred[i], same_group[i]) for i in items))
        n_gold -= links(Counter((gold[i], same_group[i]) for i in items))
        n_both -= links(Counter((gold[i], pred[i], same_group[i]) for i in items))
    return n_pred, n_gold, n_both
