"""Accuracy gate on the project's own time development set (tests/data/time_dev.jsonl).

The documents are news-like texts written for the project and annotated the way TimeBank /
TempEval-3 annotators mark newswire. Floors are pinned in tests/data/time_floors.json with the
sha256 of the file they were measured on; each floor is the measured score minus at most 0.01.
Raising a floor is routine; lowering one is a decision to write down in the change that makes it.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from eventwire.time.evaluate import evaluate_time, format_time_report

ROOT = Path(__file__).resolve().parents[2]
DEV = ROOT / "tests" / "data" / "time_dev.jsonl"
FLOORS = ROOT / "tests" / "data" / "time_floors.json"


def test_dev_set_is_large_enough() -> None:
    docs = [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(docs) >= 40
    assert sum(len(d["timexes"]) for d in docs) >= 250
    for doc in docs:
        for t in doc["timexes"]:
            assert doc["text"][t["start"] : t["end"]] == t["text"], (doc["doc_id"], t)
            assert t["type"] in ("DATE", "TIME", "DURATION", "SET")


def test_dev_scores_hold_their_floors() -> None:
    pinned = json.loads(FLOORS.read_text(encoding="utf-8"))
    digest = hashlib.sha256(DEV.read_bytes()).hexdigest()
    assert digest == pinned["data_sha256"], (
        "time_dev.jsonl changed: re-measure and re-pin tests/data/time_floors.json"
    )
    result = evaluate_time(DEV, errors=True)
    print(format_time_report(result))
    assert result["n_gold"] == pinned["n_gold"]
    low = {name: (result[name], floor) for name, floor in pinned["floors"].items() if result[name] < floor}
    assert not low, f"scores below their floors (score, floor): {low}"
