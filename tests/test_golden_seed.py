"""The seed article against what a careful human coder reads out of it (shared golden expectations)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from golden_rules import check
from shared_data import ROOT, shared_file


@pytest.fixture(scope="module")
def seed_events(seed_path: Path) -> list[dict]:  # type: ignore[type-arg]
    exe = Path(sys.executable).with_name("eventwire")
    proc = subprocess.run(
        [str(exe), "code", str(seed_path), "--format", "jsonl"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    return [json.loads(line) for line in proc.stdout.splitlines() if line.strip()]


@pytest.fixture(scope="module")
def spec() -> dict:  # type: ignore[type-arg]
    return json.loads(shared_file("golden", "seed_expectations.json").read_text())


def test_event_json_has_exactly_the_documented_keys(seed_events: list[dict]) -> None:  # type: ignore[type-arg]
    keys = {
        "event_id",
        "article_id",
        "type",
        "mode",
        "context",
        "actors",
        "recipients",
        "date",
        "date_precision",
        "location",
        "modality",
        "attributed_to",
        "evidence",
        "confidence",
        "trigger",
        "pipeline_version",
    }
    assert seed_events
    for e in seed_events:
        assert set(e) == keys
        assert 0.0 <= e["confidence"] <= 1.0
        assert e["modality"] in {"asserted", "negated", "hypothetical", "speculated", "future"}
        for a in e["actors"] + e["recipients"]:
            for m in a.get("members") or [a]:
                assert m["country"] is None or len(m["country"]) == 3


def test_evidence_is_exact_article_text(seed_events: list[dict], seed_path: Path) -> None:  # type: ignore[type-arg]
    text = seed_path.read_text(encoding="utf-8")
    for e in seed_events:
        ev = e["evidence"]
        assert text[ev["start"] : ev["end"]] == ev["text"]
        assert text[e["trigger"]["start"] : e["trigger"]["end"]] == e["trigger"]["text"]


def test_must_and_must_not(seed_events: list[dict], spec: dict) -> None:  # type: ignore[type-arg]
    result = check(seed_events, spec)
    failed = [(group, name, n) for group in ("must", "must_not") for name, n, ok in result[group] if not ok]
    assert not failed, f"golden expectations not met: {failed}"


def test_ids_are_deterministic(seed_events: list[dict], seed_path: Path) -> None:  # type: ignore[type-arg]
    from eventwire.config import Settings
    from eventwire.ingest.readers import read_inputs
    from eventwire.pipeline import Pipeline

    [article] = list(read_inputs([str(seed_path)], Settings()))
    again = Pipeline().code_article(article)  # type: ignore[arg-type]
    assert [e.event_id for e in again.events] == [e["event_id"] for e in seed_events]
    assert len({e["event_id"] for e in seed_events}) == len(seed_events)
