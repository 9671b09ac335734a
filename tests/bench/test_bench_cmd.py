"""`eventwire bench` reports throughput figures; it asserts nothing about speed."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from eventwire.cli.main import app

ROOT = Path(__file__).resolve().parents[2]


def test_bench_json(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "wire.txt").write_bytes((ROOT / "examples" / "wire" / "001_ministers_meet.txt").read_bytes())
    result = CliRunner().invoke(
        app, ["bench", "--corpus", str(corpus), "--runs", "2", "--warmup", "0", "--json"]
    )
    assert result.exit_code == 0, result.output
    r = json.loads(result.stdout)
    assert r["articles"] == 1 and r["words"] > 100 and r["runs"] == 2
    assert r["ratio"] > 0 and r["pipeline"]["articles_per_s"] > 0 and r["spacy"]["words_per_s"] > 0
    assert set(r["stages"]) == {"read", "nlp", "time", "geo", "code", "store"}
    assert {"tok2vec", "parser", "ner"} <= set(r["nlp_components"])
    assert r["peak_rss_mb"]["pipeline"] > 0


def test_bench_missing_corpus() -> None:
    result = CliRunner().invoke(app, ["bench", "--corpus", "no-such-folder"])
    assert result.exit_code == 2
