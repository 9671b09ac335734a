"""The API benchmark and its synthetic stores live in `eventwire.bench`, with the other benchmarks."""

from __future__ import annotations

import ast
import importlib.util
from pathlib import Path

import duckdb

from eventwire.bench.api import format_report, run_benchmark
from eventwire.bench.synthetic import build_synthetic_db

ROOT = Path(__file__).resolve().parents[2]


def test_serve_holds_no_benchmark() -> None:
    assert importlib.util.find_spec("eventwire.serve.bench") is None
    assert importlib.util.find_spec("eventwire.serve.synthetic") is None
    stale = []
    for path in [*ROOT.glob("src/**/*.py"), *ROOT.glob("tests/**/*.py"), *ROOT.glob("benchmarks/*.py")]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module, *(f"{node.module}.{a.name}" for a in node.names)]
            elif isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            stale += [
                f"{path.relative_to(ROOT)}: {n}"
                for n in names
                if n.startswith(("eventwire.serve.bench", "eventwire.serve.synthetic"))
            ]
    assert not stale


def test_synthetic_store_and_api_benchmark(tmp_path: Path) -> None:
    db = tmp_path / "synthetic.duckdb"
    written = build_synthetic_db(db, 300, seed=3)
    con = duckdb.connect(str(db), read_only=True)
    try:
        stored = con.execute("SELECT count(*), count(DISTINCT type) FROM events").fetchall()[0]
    finally:
        con.close()
    assert stored[0] == written >= 300 and stored[1] > 10
    report = run_benchmark(db, rounds=1, warmup=0)
    assert report["events"] == written
    assert report["endpoints"] and all(set(r["statuses"]) == {200} for r in report["endpoints"]), report
    assert "events: first page" in format_report(report)
