"""The seed article's time expressions (../shared/golden/seed_time.jsonl) must come out exactly."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from eventwire.time import find_timexes
from eventwire.time.evaluate import evaluate_time

ROOT = Path(__file__).resolve().parents[2]
SEED_TIME = ROOT.parent / "shared" / "golden" / "seed_time.jsonl"

pytestmark = pytest.mark.skipif(not SEED_TIME.is_file(), reason="../shared/golden/seed_time.jsonl not found")


def _documents() -> list[dict[str, object]]:
    return [json.loads(line) for line in SEED_TIME.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_every_seed_expression_is_found_with_its_span_type_and_value() -> None:
    for doc in _documents():
        text, dct = str(doc["text"]), date.fromisoformat(str(doc["dct"]))
        found = {(t.start, t.end): t for t in find_timexes(text, dct)}
        for gold in doc["timexes"]:  # type: ignore[attr-defined]
            got = found.get((gold["start"], gold["end"]))
            assert got is not None, f"missed {gold['text']!r} at {gold['start']}"
            assert (got.text, got.type, got.value) == (gold["text"], gold["type"], gold["value"])


def test_seed_scores_are_perfect() -> None:
    result = evaluate_time(SEED_TIME)
    assert result["recall"] == 1.0
    assert result["precision"] == 1.0
    assert result["value_f1"] == 1.0
