"""The event store: one DuckDB file. Each batch is one transaction; storing an article twice is a no-op.

`EventStore` owns the connection (opening, schema, reads); `store.bulk` writes its batches.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from eventwire.errors import UsageError
from eventwire.models import CodedArticle, Event, Reject
from eventwire.store import bulk
from eventwire.store.locking import retry_on_lock
from eventwire.store.schema import SCHEMA_VERSION, TABLES


@dataclass(frozen=True)
class EventFilter:
    """Filters shared by the CLI, the Python API and the HTTP API. Values are bound, never spliced.

    `type`, `country` and `modality` take one value or several (any of them matches); the CLI checks
    them first with `eventwire.filters`, as the HTTP API does."""

    type: str | tuple[str, ...] | None = None
    actor: str | None = None  # text or name of an actor or recipient, case-insensitive substring
    country: str | tuple[str, ...] | None = None  # ISO3 among actors or recipients
    since: str | None = None
    until: str | None = None
    modality: str | tuple[str, ...] | None = None
    article_id: str | None = None

    def where(self) -> tuple[str, list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        if self.type:
            clauses.append("list_contains(?::VARCHAR[], type)")
            params.append([t.upper() for t in _listed(self.type)])
        if self.country:
            countries = [c.upper() for c in _listed(self.country)]
            clauses.append(
                "(list_has_any(actor_countries, ?::VARCHAR[])"
                " OR list_has_any(recipient_countries, ?::VARCHAR[]))"
            )
            params += [countries, countries]
        if self.actor:
            clauses.append(
                "(lower(CAST(actors AS VARCHAR)) LIKE ? OR lower(CAST(recipients AS VARCHAR)) LIKE ?)"
            )
            params += [f"%{self.actor.lower()}%"] * 2
        if self.since:
            clauses.append("event_date >= CAST(? AS DATE)")
            params.append(self.since)
        if self.until:
            clauses.append("event_date <= CAST(? AS DATE)")
            params.append(self.until)
        if self.modality:
            clauses.append("list_contains(?::VARCHAR[], modality)")
            params.append(list(_listed(self.modality)))
        if self.article_id:
            clauses.append("article_id = ?")
            params.append(self.article_id)
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def _listed(value: str | tuple[str, ...]) -> tuple[str, ...]:
    return (value,) if isinstance(value, str) else tuple(value)


class EventStore:
    def __init__(self, path: str | Path, read_only: bool = False) -> None:
        self.path = str(path)
        if read_only and not Path(self.path).exists():
            raise UsageError(
                f"no database at {self.path}; create one with `eventwire ingest PATH --db {self.path}`"
            )
        self.read_only = read_only
        self._con: duckdb.DuckDBPyConnection | None = None
        self._connect()

    @property
    def con(self) -> duckdb.DuckDBPyConnection:
        """The connection; opened again after `release`, waiting while another process writes the file."""
        if self._con is None:
            self._connect()
        assert self._con is not None
        return self._con

    def _connect(self) -> None:
        def attempt() -> duckdb.DuckDBPyConnection:
            return duckdb.connect(self.path, read_only=self.read_only)

        try:
            con = retry_on_lock(self.path, attempt)
        except duckdb.IOException as exc:
            raise UsageError(f"cannot open {self.path}: {exc}") from exc
        if not self.read_only:
            con.execute(TABLES)
            con.execute(
                "INSERT INTO meta VALUES ('schema_version', ?) ON CONFLICT DO NOTHING", [str(SCHEMA_VERSION)]
            )
        self._con = con

    def release(self) -> None:
        """Close the file until the next use, so that other processes can open it (`store.locking`)."""
        if self._con is not None:
            self._con.close()
            self._con = None

    def close(self) -> None:
        self.release()

    def __enter__(self) -> EventStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- writing -------------------------------------------------------------------------------

    def known_article_ids(self, ids: Iterable[str]) -> set[str]:
        return bulk.stored_keys(self.con, "articles", "article_id", list(ids))

    def write_batch(self, coded: Sequence[CodedArticle], rejects: Sequence[Reject] = ()) -> int:
        """Store a batch in one transaction; returns how many articles were new."""
        return bulk.write_batch(self.con, coded, rejects)

    def write_new(self, coded: Sequence[CodedArticle], rejects: Sequence[Reject] = ()) -> list[CodedArticle]:
        """Store a batch in one transaction; returns the coded articles that were not stored before."""
        return bulk.write_new(self.con, coded, rejects)

    def add_rejects(self, rejects: Sequence[Reject]) -> None:
        self._insert_rejects(rejects, dt.datetime.now(dt.UTC).replace(tzinfo=None))

    def _insert_rejects(self, rejects: Sequence[Reject], now: dt.datetime) -> None:
        if rejects:
            self.con.executemany(
                "INSERT INTO rejects VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
                [[r.path, r.reason, r.detail, now] for r in rejects],
            )

    # --- reading -------------------------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        out = {}
        for table in ("articles", "events", "rejects"):
            row = self.con.execute(f"SELECT count(*) FROM {table}").fetchone()
            out[table] = int(row[0]) if row else 0
        return out

    def events(self, flt: EventFilter | None = None, limit: int | None = None) -> list[Event]:
        where, params = (flt or EventFilter()).where()
        order = "event_date NULLS LAST, article_id, evidence_start, event_id"
        sql = f"SELECT event_json FROM events{where} ORDER BY {order}"
        if limit is not None:
            sql += " LIMIT ?"
            params = [*params, int(limit)]
        return [Event.from_dict(json.loads(r[0])) for r in self.con.execute(sql, params).fetchall()]

    def article(self, article_id: str) -> dict[str, Any] | None:
        cur = self.con.execute("SELECT * FROM articles WHERE article_id = ?", [article_id])
        row = cur.fetchone()
        if row is None:
            rows = self.con.execute(
                "SELECT article_id FROM articles WHERE article_id LIKE ? LIMIT 2", [article_id + "%"]
            ).fetchall()
            if len(rows) != 1:
                return None
            return self.article(rows[0][0])
        cols = [d[0] for d in cur.description]
        return dict(zip(cols, row, strict=True))

    def rejects(self) -> list[Reject]:
        rows = self.con.execute("SELECT path, reason, detail FROM rejects ORDER BY path, reason").fetchall()
        return [Reject(*r) for r in rows]
