"""`ingest --engine ray` on a local Ray head bound to 127.0.0.1: the same events as the local runner."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from ingested import stored
from typer.testing import CliRunner

from eventwire.cli.main import app

if importlib.util.find_spec("ray") is None:  # not imported here: Ray reads its settings on import
    pytest.skip("Ray is not installed (pip install 'eventwire[ray]')", allow_module_level=True)
runner = CliRunner()


@pytest.mark.slow
def test_ray_stores_the_same_events(
    corpus: Path, reference: tuple[set[str], set[str]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("EVENTWIRE_PROGRESS_SECONDS", "0.5")
    db, out = tmp_path / "ray.duckdb", tmp_path / "shards"
    result = runner.invoke(
        app,
        ["ingest", str(corpus), "--db", str(db), "--engine", "ray", "--workers", "2", "--out", str(out)],
    )
    assert result.exit_code == 0, result.output
    assert "read 23 | new 23 | already stored 0 | rejected 0" in result.output
    # the closing lines of the local engine, and progress while Ray codes
    assert f"{db}: 23 articles, " in result.stderr and f"{out}: Parquet shards" in result.stderr
    assert "ingest: 0 articles, 0 events, " in result.stderr and "(coding on Ray)" in result.stderr
    assert stored(db) == reference
    table = pq.read_table(out)
    assert table.num_rows == 23
    assert set(table.column("status").to_pylist()) == {"new"}
