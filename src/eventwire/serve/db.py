"""The API's view of an event store: the DuckDB file attached read-only, plus an in-memory actor index.

The file is attached to an in-memory DuckDB database, so the server can never write to it. At start-up
the actors and recipients of every event (members of compound entries included) are flattened once into
two small in-memory tables, `memory.main.actor_keys` (one row per distinct name, country and sector)
and `memory.main.actor_links` (event row, role, actor key, event type), with the actor-to-recipient pairs
in `memory.main.actor_pairs`; they make actor counts, the actor network and the actor-name filter cheap
on large stores. A key is a party (`actor_keys.party`) when the coder identified who it is: a known name
with a country or a sector, or a country with a sector ("Turkish government", TUR GOV). Bare phrases that
carry one code or none ("two villages", CVL; "more funding from the US", USA; an unresolved "Agency") and
doers the sentence does not mention are not; only pairs of parties make the actor network.
`memory.main.type_scale` gives each event type its side (1 cooperation, -1 conflict) and its PLOVER score;
`memory.main.evidence_lower` holds the evidence sentences lower-cased, so a text search is a plain
substring scan (two to four times quicker than ILIKE on the file's column). At 100k events the index takes
about a second to build and some tens of MB. The server reads a snapshot of the file, renewed when the file
changes (`Database`), so writers can use the file meanwhile; each snapshot has its own index.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import threading
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from eventwire.errors import UsageError
from eventwire.serve.merged import has_merged_events
from eventwire.serve.plover import CONFLICT, COOPERATION, PLOVER_SCORES
from eventwire.serve.stories import StorySource, detect_story_source
from eventwire.store.locking import retry_on_lock

STORE = "store"  # the catalog name of the attached file

_ENTITY_SCHEMA = (
    '[{"text":"VARCHAR","name":"VARCHAR","country":"VARCHAR","sector":"VARCHAR",'
    '"members":[{"text":"VARCHAR","name":"VARCHAR","country":"VARCHAR","sector":"VARCHAR"}]}]'
)

# An entry identified as a party: a known name with a code, or a country with a sector. "UNK" is no sector;
# "(unnamed)" (`eventwire.events.doers.UNNAMED`) is a doer the sentence does not mention, whoever it is.
_PARTY_SQL = (
    "((nullif(m.country, '') IS NOT NULL AND coalesce(m.sector, '') NOT IN ('', 'UNK')"
    " AND m.text IS DISTINCT FROM '(unnamed)')"
    " OR (nullif(m.name, '') IS NOT NULL"
    " AND (nullif(m.country, '') IS NOT NULL OR coalesce(m.sector, '') NOT IN ('', 'UNK'))))"
)

_INDEX_SQL = (
    f"""
CREATE OR REPLACE TABLE memory.main.actor_flat AS
WITH entries AS (
    SELECT rowid AS ev, type, TRUE AS is_actor, unnest(from_json(actors, '{_ENTITY_SCHEMA}')) AS e FROM events
    UNION ALL
    SELECT rowid, type, FALSE, unnest(from_json(recipients, '{_ENTITY_SCHEMA}')) FROM events
), flat AS (
    SELECT ev, type, is_actor, unnest(CASE WHEN len(e.members) > 0 THEN e.members
        ELSE [{{'text': e.text, 'name': e.name, 'country': e.country, 'sector': e.sector}}] END) AS m
    FROM entries
)
SELECT ev, type, is_actor, coalesce(nullif(m.name, ''), m.text) AS name, m.country AS country,
       m.sector AS sector, {_PARTY_SQL} AS party
FROM flat
""",
    """
CREATE OR REPLACE TABLE memory.main.actor_keys AS
SELECT row_number() OVER (ORDER BY name, country, sector) AS k, name, country, sector, party
FROM (SELECT name, country, sector, bool_or(party) AS party FROM memory.main.actor_flat GROUP BY ALL)
""",
    """
CREATE OR REPLACE TABLE memory.main.actor_links AS
SELECT f.ev, f.is_actor, a.k, f.type
FROM memory.main.actor_flat f JOIN memory.main.actor_keys a
  ON f.name IS NOT DISTINCT FROM a.name AND f.country IS NOT DISTINCT FROM a.country
 AND f.sector IS NOT DISTINCT FROM a.sector
ORDER BY f.ev
""",
    """
CREATE OR REPLACE TABLE memory.main.actor_pairs AS
SELECT a.ev, a.k AS s, r.k AS t, x.sign, x.score
FROM memory.main.actor_links a
JOIN memory.main.actor_links r ON r.ev = a.ev AND NOT r.is_actor
LEFT JOIN memory.main.type_scale x ON x.type = a.type
WHERE a.is_actor AND a.k <> r.k
  AND a.k IN (SELECT k FROM memory.main.actor_keys WHERE party)
  AND r.k IN (SELECT k FROM memory.main.actor_keys WHERE party)
ORDER BY a.ev
""",
    "DROP TABLE memory.main.actor_flat",
    """
CREATE OR REPLACE TABLE memory.main.evidence_lower AS
SELECT rowid AS ev, lower(evidence_text) AS text FROM events ORDER BY rowid
""",
)


class _Snapshot:
    """A private copy of the store, attached read-only to an in-memory DuckDB with the actor index."""

    def __init__(self, folder: Path, root: duckdb.DuckDBPyConnection, signature: object) -> None:
        self.folder = folder
        self.root = root
        self.signature = signature
        self.stories: StorySource
        self.merged = False
        self.refs = 0  # requests working on it
        self.retired = False  # a newer snapshot serves new requests
        self._cleanup = weakref.finalize(self, shutil.rmtree, folder, True)

    def close(self) -> None:
        self.root.close()
        self._cleanup()


class Database:
    """The server's view of a store: a snapshot renewed when the file changes; each request has a cursor.

    The server never keeps the store's file open: it copies the file (and its write-ahead log) into a
    private temporary folder while holding DuckDB's read lock for the few milliseconds of the copy, and
    reads the copy. Every `refresh_seconds` (`EVENTWIRE_SERVE_REFRESH_SECONDS`, default 10) it looks at
    the file's size and time; when they changed it takes a new snapshot and builds its index, then serves
    new requests from it while requests under way finish on the old one. So `eventwire ingest` and
    `eventwire watch` can write while the server answers, and their events show within one refresh.
    """

    def __init__(self, path: str | Path, refresh_seconds: float | None = None) -> None:
        self.path = Path(path)
        if not self.path.exists():
            raise UsageError(
                f"no database at {self.path}; create one with `eventwire ingest PATH --db {self.path}`"
            )
        if refresh_seconds is None:
            refresh_seconds = float(os.environ.get("EVENTWIRE_SERVE_REFRESH_SECONDS", "10"))
        self.refresh_seconds = refresh_seconds
        self._lock = threading.Lock()
        self._snap = self._snapshot(wait=None)
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        if refresh_seconds > 0:
            self._thread = threading.Thread(target=self._refresh_loop, name="eventwire-refresh", daemon=True)
            self._thread.start()

    @property
    def stories(self) -> StorySource:
        return self._snap.stories

    @property
    def merged(self) -> bool:
        return self._snap.merged

    def _signature(self) -> tuple[tuple[int, int] | None, ...]:
        out: list[tuple[int, int] | None] = []
        for f in (self.path, _wal(self.path)):
            try:
                st = f.stat()
            except FileNotFoundError:
                out.append(None)
            else:
                out.append((st.st_mtime_ns, st.st_size))
        return tuple(out)

    def _copy(self, folder: Path) -> object:
        """Copy the file and its log into `folder` under DuckDB's read lock; the signature copied."""
        probe = duckdb.connect(":memory:")
        try:
            probe.execute("ATTACH ? AS source (READ_ONLY)", [str(self.path)])
            signature = self._signature()
            shutil.copyfile(self.path, folder / self.path.name)
            if _wal(self.path).exists():
                shutil.copyfile(_wal(self.path), _wal(folder / self.path.name))
            return signature
        finally:
            probe.close()

    def _snapshot(self, wait: float | None) -> _Snapshot:
        folder = Path(tempfile.mkdtemp(prefix="eventwire-serve-"))
        try:
            signature = retry_on_lock(str(self.path), lambda: self._copy(folder), wait=wait)
            root = duckdb.connect(":memory:")
        except BaseException:
            shutil.rmtree(folder, ignore_errors=True)
            raise
        snap = _Snapshot(folder, root, signature)
        try:
            root.execute(f"ATTACH ? AS {STORE} (READ_ONLY)", [str(folder / self.path.name)])
        except duckdb.Error as exc:
            snap.close()
            message = str(exc).replace(str(folder / self.path.name), str(self.path))
            raise UsageError(f"cannot open {self.path} read-only: {message}") from exc
        try:
            _build_index(snap, self.path)
        except BaseException:
            snap.close()
            raise
        return snap

    def refresh(self) -> bool:
        """Take a new snapshot when the file changed; True when one was taken."""
        if self._signature() == self._snap.signature:
            return False
        try:
            snap = self._snapshot(wait=max(self.refresh_seconds, 1.0))
        except UsageError:
            return False  # held by a writer all that time, or mid-change: next round
        with self._lock:
            old, self._snap = self._snap, snap
            old.retired = True
            done = old.refs == 0
        if done:
            old.close()
        return True

    def _refresh_loop(self) -> None:
        while not self._stop.wait(self.refresh_seconds):
            try:
                self.refresh()
            except Exception as exc:  # keep serving the last good snapshot
                print(f"eventwire serve: could not renew the snapshot of {self.path}: {exc}", file=sys.stderr)

    @contextmanager
    def cursor(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A connection of its own for one request (DuckDB connections are not shared across threads)."""
        with self._lock:
            snap = self._snap
            snap.refs += 1
            cur = snap.root.cursor()
        try:
            cur.execute(f"USE {STORE}")
            yield cur
        finally:
            cur.close()
            with self._lock:
                snap.refs -= 1
                done = snap.retired and snap.refs == 0
            if done:
                snap.close()

    def close(self) -> None:
        self._stop.set()
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(timeout=30)
        with self._lock:
            self._snap.retired = True
            done = self._snap.refs == 0
        if done:
            self._snap.close()


def _wal(path: Path) -> Path:
    return path.with_name(path.name + ".wal")


def _build_index(snap: _Snapshot, path: Path) -> None:
    """Check the snapshot is an eventwire store and build its in-memory actor index."""
    cur = snap.root.cursor()
    try:
        cur.execute(f"USE {STORE}")
        tables = {
            r[0]
            for r in cur.execute(
                "SELECT table_name FROM information_schema.tables WHERE table_catalog = ?", [STORE]
            ).fetchall()
        }
        if not {"events", "articles"} <= tables:
            raise UsageError(f"{path} is not an eventwire store (no events and articles tables)")
        snap.stories = detect_story_source(cur, STORE)
        snap.merged = has_merged_events(cur, STORE)
        types = list(PLOVER_SCORES)
        signs = [1 if t in COOPERATION else -1 if t in CONFLICT else 0 for t in types]
        cur.execute(
            "CREATE OR REPLACE TABLE memory.main.type_scale AS SELECT unnest(?::VARCHAR[]) AS type,"
            " unnest(?::INTEGER[]) AS sign, unnest(?::DOUBLE[]) AS score",
            [types, signs, [PLOVER_SCORES[t] for t in types]],
        )
        for sql in _INDEX_SQL:
            cur.execute(sql)
    finally:
        cur.close()
