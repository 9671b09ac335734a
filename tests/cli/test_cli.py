"""The CLI as a user runs it: real files, a real DuckDB file, the real pipeline."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from eventwire.cli.main import app

runner = CliRunner()


@pytest.fixture(scope="module")
def messy_folder(tmp_path_factory: pytest.TempPathFactory, seed_path: Path) -> Path:
    d = tmp_path_factory.mktemp("inbox")
    shutil.copy(seed_path, d / "seed.txt")
    (d / "empty.txt").write_bytes(b"")
    (d / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)) * 8)
    (d / "legacy.txt").write_bytes(b"\x81\x8d\x8f\x90\x9d\xfe\xff" * 40)
    return d


def _counts(db: Path) -> tuple[int, int, int]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        rows = [
            con.execute(f"SELECT count(*) FROM {t}").fetchone() for t in ("articles", "events", "rejects")
        ]
        return tuple(int(r[0]) for r in rows if r is not None)  # type: ignore[return-value]
    finally:
        con.close()


def test_ingest_folder_twice_is_idempotent(messy_folder: Path, tmp_path: Path) -> None:
    db = tmp_path / "x.duckdb"
    first = runner.invoke(app, ["ingest", str(messy_folder), "--db", str(db)])
    assert first.exit_code == 1, first.output  # some inputs rejected
    assert "new 1" in first.output and "rejected 3" in first.output
    articles, events, rejects = _counts(db)
    assert articles == 1 and events >= 5 and rejects >= 2
    second = runner.invoke(app, ["ingest", str(messy_folder), "--db", str(db)])
    assert second.exit_code == 1
    assert "already stored 1" in second.output and "new 0" in second.output
    assert _counts(db) == (articles, events, rejects)


def test_rejects_are_listed_with_reasons(messy_folder: Path, tmp_path: Path) -> None:
    db = tmp_path / "x.duckdb"
    runner.invoke(app, ["ingest", str(messy_folder), "--db", str(db)])
    res = runner.invoke(app, ["rejects", "--db", str(db)])
    assert res.exit_code == 0
    lines = dict(line.split("\t")[:2] for line in res.output.strip().splitlines())
    assert {Path(p).name: r for p, r in lines.items()} == {
        "empty.txt": "empty",
        "photo.jpg": "binary",
        "legacy.txt": "not utf-8",
    }


def test_events_exports_and_filters(messy_folder: Path, tmp_path: Path) -> None:
    db = tmp_path / "x.duckdb"
    runner.invoke(app, ["ingest", str(messy_folder), "--db", str(db)])
    res = runner.invoke(app, ["events", "--db", str(db), "--format", "jsonl", "--type", "CONSULT"])
    assert res.exit_code == 0
    rows = [json.loads(line) for line in res.output.splitlines()]
    assert rows and all(r["type"] == "CONSULT" for r in rows)
    res = runner.invoke(app, ["events", "--db", str(db), "--format", "csv", "--country", "USA"])
    assert res.exit_code == 0 and res.output.startswith("event_id,") and "USA" in res.output
    out = tmp_path / "e.parquet"
    res = runner.invoke(app, ["events", "--db", str(db), "--format", "parquet", "--output", str(out)])
    assert res.exit_code == 0
    assert pq.read_table(out).num_rows == _counts(db)[1]
    res = runner.invoke(app, ["events", "--db", str(db), "--format", "jsonl", "--since", "2030-01-01"])
    assert res.exit_code == 0 and res.output == ""


def test_show_highlights_evidence(messy_folder: Path, tmp_path: Path) -> None:
    db = tmp_path / "x.duckdb"
    runner.invoke(app, ["ingest", str(messy_folder), "--db", str(db)])
    con = duckdb.connect(str(db), read_only=True)
    aid = con.execute("SELECT article_id FROM articles").fetchone()[0]  # type: ignore[index]
    con.close()
    res = runner.invoke(app, ["show", aid[:8], "--db", str(db)])
    assert res.exit_code == 0
    assert "CONSULT" in res.output and "according to" in res.output


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    db = tmp_path / "none.duckdb"
    res = runner.invoke(app, ["events", "--db", str(db)])
    assert res.exit_code == 2 and "eventwire ingest" in res.output
    res = runner.invoke(app, ["events", "--db", str(db), "--since", "last week"])
    assert res.exit_code == 2 and "YYYY-MM-DD" in res.output
    assert runner.invoke(app, ["ingest"]).exit_code == 2
    assert runner.invoke(app, ["events", "--db", str(db), "--format", "xml"]).exit_code == 2


def test_code_reads_stdin_jsonl(tmp_path: Path) -> None:
    text = "Police arrested dozens of protesters in Nairobi on Monday, the interior ministry said."
    line = json.dumps({"text": text, "published": "2024-05-06"})
    res = runner.invoke(app, ["code", "-", "--format", "json"], input=line + "\n")
    assert res.exit_code == 0, res.output
    events = json.loads(res.output)
    assert any(e["type"] == "COERCE" and e["mode"] == "arrest" for e in events)
