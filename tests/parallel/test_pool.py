"""`ingest --workers N`: a process pool stores what one process stores, and a killed run resumes."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
from ingested import BATCH, stored
from typer.testing import CliRunner

from eventwire.bench.procs import process_tree
from eventwire.cli.main import app

runner = CliRunner()

# A child process that ingests with two workers and says "batch" after each stored batch.
CHILD = """
import sys
from eventwire.config import Settings
from eventwire.runner import ingest
from eventwire.store.duck import EventStore

with EventStore(sys.argv[2]) as store:
    ingest([sys.argv[1]], store, Settings(batch_size=int(sys.argv[3])), workers=2,
           on_progress=lambda n, e: print("batch", flush=True))
"""


def test_two_workers_store_the_same_events(
    corpus: Path, reference: tuple[set[str], set[str]], tmp_path: Path
) -> None:
    db = tmp_path / "two.duckdb"
    result = runner.invoke(
        app, ["ingest", str(corpus), "--db", str(db), "--workers", "2", "--batch-size", str(BATCH)]
    )
    assert result.exit_code == 0, result.output
    assert "read 23 | new 23 | already stored 0 | rejected 0" in result.output
    assert f"{db}: 23 articles, " in result.stderr  # the closing lines of every engine
    assert stored(db) == reference
    again = runner.invoke(app, ["ingest", str(corpus), "--db", str(db), "--workers", "2"])
    assert again.exit_code == 0 and "new 0 | already stored 23" in again.output


def _consistent(db: Path) -> None:
    """Nothing half-written: each stored article has all its events and mentions, no event is orphaned."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        short = con.execute(
            "SELECT count(*) FROM articles a WHERE a.n_events <> "
            "(SELECT count(*) FROM events e WHERE e.article_id = a.article_id)"
        ).fetchone()
        orphans = con.execute(
            "SELECT count(*) FROM events e WHERE e.article_id NOT IN (SELECT article_id FROM articles)"
        ).fetchone()
        unmentioned = con.execute(
            "SELECT count(*) FROM articles a WHERE NOT EXISTS "
            "(SELECT 1 FROM mentions m WHERE m.article_id = a.article_id)"
        ).fetchone()
    finally:
        con.close()
    assert short == (0,) and orphans == (0,) and unmentioned == (0,)


def test_a_killed_run_resumes(corpus: Path, reference: tuple[set[str], set[str]], tmp_path: Path) -> None:
    db = tmp_path / "killed.duckdb"
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(corpus), str(db), str(BATCH)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "batch"  # the first batch is committed
    helpers = set(process_tree(child.pid)[1:])
    assert helpers, "the workers run in processes of their own"
    child.send_signal(signal.SIGKILL)  # the next is being coded or written
    child.wait(30)
    deadline = time.monotonic() + 20
    while _alive(helpers) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not _alive(helpers), "worker processes outlived the killed run"
    articles, _ = stored(db)
    assert BATCH <= len(articles) < 23
    _consistent(db)
    result = runner.invoke(app, ["ingest", str(corpus), "--db", str(db), "--workers", "2"])
    assert result.exit_code == 0, result.output
    assert f"already stored {len(articles)}" in result.output
    assert stored(db) == reference
    _consistent(db)


def _alive(pids: set[int]) -> bool:
    """Any of `pids` still running (a zombie waiting for its parent counts as gone)."""
    for p in pids:
        try:
            with open(f"/proc/{p}/stat", encoding="ascii") as fh:
                if fh.read().rsplit(")", 1)[1].split()[0] != "Z":
                    return True
        except OSError:
            continue
    return False
