from __future__ import annotations

import pytest

from eventwire.dedup.metrics import adjusted_rand, bcubed


def test_perfect_and_lumped_clusterings() -> None:
    gold = {1: "a", 2: "a", 3: "b", 4: "b"}
    assert bcubed(gold, {1: "x", 2: "x", 3: "y", 4: "y"}) == (1.0, 1.0, 1.0)
    assert adjusted_rand(gold, {1: "x", 2: "x", 3: "y", 4: "y"}) == 1.0
    p, r, f = bcubed(gold, dict.fromkeys(gold, "x"))
    assert (p, r) == (0.5, 1.0) and f == pytest.approx(2 / 3)
    assert adjusted_rand(gold, dict.fromkeys(gold, "x")) == 0.0


def test_adjusted_rand_matches_the_textbook_value() -> None:
    # By hand: pairs together in both 1 + 3 = 4, in gold 3 + 3 = 6, in pred 1 + 6 = 7, of 15;
    # expected 6 * 7 / 15 = 2.8, so (4 - 2.8) / ((6 + 7) / 2 - 2.8) = 1.2 / 3.7.
    gold = dict(enumerate("aaabbb"))
    pred = dict(enumerate("xxyyyy"))
    assert adjusted_rand(gold, pred) == pytest.approx(1.2 / 3.7)
