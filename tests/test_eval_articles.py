"""`eventwire eval articles`: matching coded events to annotated ones, on records written for the test."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from eventwire.cli.main import app
from eventwire.eval.articles import GoldEvent, evaluate_articles, match, split_of
from eventwire.models import Event, Evidence, Trigger

RECORD = {
    "id": "t1",
    "title": "Kenya expels Somali envoy",
    "text": "Kenya expelled the Somali ambassador on Monday. Police arrested 12 protesters in Nairobi. "
    "The weather was mild.",
    "published": "2024-05-02",
    "events": [
        {"type": "SANCTION", "evidence": {"start": 0, "end": 47}, "salient": True},
        {"type": "COERCE", "evidence": {"quote": "Police arrested 12 protesters in Nairobi."}},
        {"type": "SANCTION", "evidence": {"field": "title", "quote": "Kenya expels Somali envoy"}},
        {"type": "PROTEST", "evidence": {"field": "text", "quote": "The weather was mild."}},
    ],
}


def _event(etype: str, start: int, end: int) -> Event:
    return Event(
        event_id="e",
        article_id="a",
        type=etype,
        mode=None,
        context=[],
        actors=[],
        recipients=[],
        date=None,
        date_precision=None,
        location=None,
        modality="asserted",
        attributed_to=None,
        evidence=Evidence(text="", start=start, end=end),
        confidence=0.5,
        trigger=Trigger(text="", lemma="", start=start, end=start, rule="verb:x"),
        pipeline_version="v",
    )


def test_matching_is_one_to_one_by_type_and_overlap() -> None:
    gold = [GoldEvent("ASSAULT", 0, 50, {}), GoldEvent("ASSAULT", 60, 90, {})]
    coded = [_event("ASSAULT", 0, 50), _event("ASSAULT", 10, 40), _event("COERCE", 60, 90)]
    assert match(gold, coded) == [(0, 0)]


def test_scores_headline_retold_optional_and_offsets_only(pipeline, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(RECORD) + "\n")
    r = evaluate_articles(path, pipeline=pipeline, with_errors=True)
    # The headline's SANCTION is told again in the body: optional, so 3 required events.
    assert r["gold_events"] == 3 and r["articles"] == 1
    assert 0.6 < r["event_recall"] < 0.7  # the protest that never happened is missed
    assert any(e["kind"] == "miss" and e["type"] == "PROTEST" for e in r["errors"])
    assert r["salient_recall"] == 1.0


def test_split_is_stable_and_two_way() -> None:
    assert split_of("voa-8011115") == split_of("voa-8011115")
    assert {split_of(f"x{i}") for i in range(50)} == {"tune", "check"}


def test_cli_scores_a_file_and_refuses_a_bad_split(pipeline, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(RECORD) + "\n")
    out = CliRunner().invoke(app, ["eval", "articles", str(path), "--json"])
    assert out.exit_code == 0, out.output
    assert {"event_recall", "type_precision"} <= set(json.loads(out.output))
    bad = CliRunner().invoke(app, ["eval", "articles", str(path), "--split", "dev"])
    assert bad.exit_code == 2
