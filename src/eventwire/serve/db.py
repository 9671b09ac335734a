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
about a second to build and some tens of MB. While the server holds the file, no other process can write
to it, so the index cannot go stale.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from eventwire.errors import UsageError
from eventwire.serve.merged import has_merged_events
from eventwire.serve.plover import CONFLICT, COOPERATION, PLOVER_SCORES
from eventwire.serve.stories import StorySource, detect_story_source

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


class Database:
    """One DuckDB instance for the server; each request works on its own cursor."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        if not self.path.exists():
            raise UsageError(
                f"no database at {self.path}; create one with `eventwire ingest PATH --db {self.path}`"
            )
        self._root = duckdb.connect(":memory:")
        try:
            self._root.execute(f"ATTACH ? AS {STORE} (READ_ONLY)", [str(self.path)])
        except duckdb.Error as exc:
            self._root.close()
            raise UsageError(f"cannot open {self.path} read-only: {exc}") from exc
        self._lock = threading.Lock()
        with self.cursor() as cur:
            tables = {
                r[0]
                for r in cur.execute(
                    "SELECT table_name FROM information_schema.tables WHERE table_catalog = ?", [STORE]
                ).fetchall()
            }
            if not {"events", "articles"} <= tables:
                self._root.close()
                raise UsageError(f"{self.path} is not an eventwire store (no events and articles tables)")
            self.stories: StorySource = detect_story_source(cur, STORE)
            self.merged: bool = has_merged_events(cur, STORE)
            types = list(PLOVER_SCORES)
            signs = [1 if t in COOPERATION else -1 if t in CONFLICT else 0 for t in types]
            cur.execute(
                "CREATE OR REPLACE TABLE memory.main.type_scale AS SELECT unnest(?::VARCHAR[]) AS type,"
                " unnest(?::INTEGER[]) AS sign, unnest(?::DOUBLE[]) AS score",
                [types, signs, [PLOVER_SCORES[t] for t in types]],
            )
            for sql in _INDEX_SQL:
                cur.execute(sql)

    @contextmanager
    def cursor(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A connection of its own for one request (DuckDB connections are not shared across threads)."""
        with self._lock:
            cur = self._root.cursor()
        try:
            cur.execute(f"USE {STORE}")
            yield cur
        finally:
            cur.close()

    def close(self) -> None:
        self._root.close()
