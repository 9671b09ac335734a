"""One store, several processes: writers hold the file only while they store a batch, they wait for each
other, the server reads a renewed snapshot, and a file held too long is reported in eventwire's words."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from eventwire.bench.synthetic import synthetic_articles
from eventwire.store.duck import EventStore
from eventwire.store.locking import DatabaseBusy

HOLD = """
import sys, time, duckdb
con = duckdb.connect(sys.argv[1])
print("held", flush=True)
time.sleep(float(sys.argv[2]))
con.close()
"""

WRITE = """
import sys
from eventwire.bench.synthetic import synthetic_articles
from eventwire.store.duck import EventStore
with EventStore(sys.argv[1]) as store:
    store.write_new(list(synthetic_articles(int(sys.argv[2]), seed=int(sys.argv[3]))))
"""


def _hold(db: Path, seconds: float) -> subprocess.Popen[str]:
    """Another program keeping the file open for writing for `seconds`."""
    p = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(db), str(seconds)], stdout=subprocess.PIPE, text=True
    )
    assert p.stdout is not None and p.stdout.readline().strip() == "held"
    return p


def _write(db: Path, n_events: int, seed: int) -> None:
    subprocess.run(
        [sys.executable, "-c", textwrap.dedent(WRITE), str(db), str(n_events), str(seed)], check=True
    )


def test_a_writer_waits_while_another_process_holds_the_file(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    EventStore(db).close()
    holder = _hold(db, 1.5)
    started = time.monotonic()
    with EventStore(db) as store:
        assert store.counts()["articles"] == 0
    assert time.monotonic() - started > 0.5
    holder.wait(timeout=30)


def test_a_file_held_too_long_is_reported_with_what_to_do(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "s.duckdb"
    EventStore(db).close()
    monkeypatch.setenv("EVENTWIRE_LOCK_WAIT_SECONDS", "0.5")
    holder = _hold(db, 20)
    try:
        with pytest.raises(DatabaseBusy) as got:
            EventStore(db)
        message = str(got.value)
        assert f"{db} is in use: process {holder.pid}" in message
        assert "close it and run the command again" in message and "EVENTWIRE_LOCK_WAIT_SECONDS" in message
        assert "Conflicting lock" not in message and "DuckDB CLI" not in message
        cli = subprocess.run(
            [sys.executable, "-m", "eventwire.cli.main", "rejects", "--db", str(db)],
            capture_output=True,
            text=True,
            env={**os.environ, "EVENTWIRE_LOCK_WAIT_SECONDS": "0.5"},
        )
        assert cli.returncode == 2
        assert "is in use" in cli.stderr and "Conflicting lock" not in cli.stderr
    finally:
        holder.kill()
        holder.wait(timeout=30)


def test_the_server_reads_a_snapshot_renewed_while_others_write(tmp_path: Path) -> None:
    from eventwire.serve.db import Database

    db = tmp_path / "s.duckdb"
    with EventStore(db) as store:
        store.write_new(list(synthetic_articles(40, seed=1)))
    served = Database(db, refresh_seconds=0.2)
    try:
        with served.cursor() as cur:
            before = cur.execute("SELECT count(*) FROM events").fetchone()
        # Another process writes while the server is up: the server does not hold the file.
        _write(db, 40, seed=2)

        def events() -> int:
            with served.cursor() as cur:
                row = cur.execute("SELECT count(*) FROM events").fetchone()
                return int(row[0]) if row else 0

        deadline = time.monotonic() + 20
        while events() == (before[0] if before else 0) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert events() > (before[0] if before else 0)
        with served.cursor() as cur:  # the index is the new snapshot's
            assert cur.execute("SELECT count(*) FROM memory.main.evidence_lower").fetchone() == (events(),)
            with pytest.raises(Exception, match="read-only"):
                cur.execute("DELETE FROM events")
    finally:
        served.close()
