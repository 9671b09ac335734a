"""`eventwire stories`, `eventwire events --merged` and `eventwire eval stories` as a user runs them."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eventwire.cli.main import app
from shared_data import shared_file

runner = CliRunner()


@pytest.fixture(scope="module")
def db(seed_and_copy: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "x.duckdb"
    res = runner.invoke(app, ["ingest", *map(str, seed_and_copy), "--db", str(path)])
    assert res.exit_code == 0, res.output
    return path


def test_stories_lists_one_story_of_two_sources(db: Path) -> None:
    res = runner.invoke(app, ["stories", "--db", str(db), "--format", "jsonl"])
    assert res.exit_code == 0, res.output
    rows = [json.loads(line) for line in res.output.splitlines()]
    assert len(rows) == 1
    assert rows[0]["num_articles"] == 2 and rows[0]["num_sources"] == 2
    assert rows[0]["first_seen"] == "2023-09-19"
    table = runner.invoke(app, ["stories", "--db", str(db)])
    assert table.exit_code == 0 and "1 stories" in table.output


def test_events_merged_counts_and_keeps_evidence(db: Path) -> None:
    res = runner.invoke(app, ["events", "--db", str(db), "--merged", "--format", "jsonl"])
    assert res.exit_code == 0, res.output
    rows = [json.loads(line) for line in res.output.splitlines()]
    assert rows and all(r["num_articles"] == 2 and r["num_sources"] == 2 for r in rows)
    assert all(len(r["evidence"]) == r["num_mentions"] == len(r["event_ids"]) for r in rows)
    raw = runner.invoke(app, ["events", "--db", str(db), "--format", "jsonl"])
    assert sum(r["num_mentions"] for r in rows) == len(raw.output.splitlines())
    consult = runner.invoke(app, ["events", "--db", str(db), "--merged", "-f", "csv", "--type", "consult"])
    got = list(csv.DictReader(io.StringIO(consult.output)))
    assert got and {r["type"] for r in got} == {"CONSULT"}


def test_stories_on_a_missing_file_is_a_usage_error(tmp_path: Path) -> None:
    res = runner.invoke(app, ["stories", "--db", str(tmp_path / "none.duckdb")])
    assert res.exit_code == 2 and "no database" in res.output


def test_eval_stories_prints_one_json_object() -> None:
    data = shared_file("eval", "ecbplus", "dev.jsonl")
    res = runner.invoke(app, ["eval", "stories", str(data), "--json", "--no-events", "--topics", "1-2"])
    assert res.exit_code == 0, res.output
    result = json.loads(res.output)
    for key in ("n_docs", "n_clusters", "bcubed_precision", "bcubed_recall", "bcubed_f1", "ari"):
        assert key in result
    assert result["topics"] == [1, 2] and result["n_docs"] > 0
