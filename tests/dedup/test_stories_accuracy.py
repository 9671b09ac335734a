"""Accuracy gate for story clustering on ECB+ dev: fails when a score falls more than 0.01 below its floor.

Floors live in tests/data/stories_ecbplus_floors.json with the sha256 of the data file they were measured
on. Raising a floor is routine; lowering one is a decision to write down in the change that makes it.
Story clustering reads the text only, so this runs in seconds; the event-merging score needs the pipeline
and runs in the slow test below.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

from eventwire.dedup.ecbplus import evaluate_stories, format_story_report, parse_topics
from shared_data import shared_file

ROOT = Path(__file__).resolve().parents[2]
FLOORS = ROOT / "tests" / "data" / "stories_ecbplus_floors.json"
TOLERANCE = 0.01
PINNED = json.loads(FLOORS.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def ecbplus() -> Path:
    path = shared_file("eval", "ecbplus", "dev.jsonl")
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    assert digest == PINNED["data_sha256"], "dev.jsonl changed: re-measure and re-pin the floors"
    return path


@pytest.mark.parametrize("split", sorted(PINNED["splits"]))
def test_story_scores_hold_their_floors(ecbplus: Path, split: str) -> None:
    pinned = PINNED["splits"][split]
    result = evaluate_stories(ecbplus, topics=parse_topics(pinned["topics"]))
    print(format_story_report(result))
    assert result["n_docs"] == pinned["n_docs"]
    low = {
        name: (result[name], floor)
        for name, floor in pinned["floors"].items()
        if result[name] < floor - TOLERANCE
    }
    assert not low, f"scores below their floors (score, floor): {low}"


@pytest.mark.slow
def test_event_merging_is_scored_on_ecbplus(ecbplus: Path) -> None:
    # In a process of its own: the coder's failure on a document fails this test, not the whole run.
    # Topics 1-8 (187 documents) keep it to about half a minute of coding.
    cmd = [sys.executable, "-m", "eventwire.cli.main", "eval", "stories", str(ecbplus), "--json"]
    cmd += ["--topics", "1-8"]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, f"eval stories exited {done.returncode}: {done.stderr[-2000:]}"
    result = json.loads(done.stdout)
    print(format_story_report(result))
    ev = result["events"]
    assert ev["n_matched"] > 0 and ev["n_merged_events"] <= ev["n_events"]
    # merging within stories must beat leaving every mention alone
    assert ev["bcubed_f1"] > ev["singleton_bcubed_f1"]
