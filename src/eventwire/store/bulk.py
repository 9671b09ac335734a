"""Batched writes: a batch of coded articles goes into DuckDB as Arrow tables, one INSERT per table.

These functions only write batches into a connection they are given; the connection, the schema and the
reads belong to `store.duck.EventStore`, which calls them (`EventStore.write_batch`, `write_new`). This
module imports nothing of `store.duck`. Rows are those of `store.rows`; a stored article is skipped and
keys are `ON CONFLICT DO NOTHING`, in one transaction per batch.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from typing import Any

import pyarrow as pa

from eventwire.models import CodedArticle, Reject
from eventwire.store.rows import EVENT_COLUMNS, article_row, event_row

# Arrow types for the store's column types (`store/schema.py`); a batch is built with the types of the
# table it goes into, read from the database.
_ARROW_TYPES: dict[str, pa.DataType] = {
    "VARCHAR": pa.string(),
    "JSON": pa.string(),
    "INTEGER": pa.int32(),
    "BIGINT": pa.int64(),
    "DOUBLE": pa.float64(),
    "BOOLEAN": pa.bool_(),
    "DATE": pa.date32(),
    "TIMESTAMP": pa.timestamp("us"),
    "VARCHAR[]": pa.list_(pa.string()),
}
# Schemas by (table, columns): every store has the tables of `store/schema.py`.
_SCHEMAS: dict[tuple[str, tuple[str, ...]], pa.Schema] = {}


def write_batch(con: Any, coded: Sequence[CodedArticle], rejects: Sequence[Reject] = ()) -> int:
    """Store a batch in one transaction on `con`; returns how many articles were new."""
    return len(write_new(con, coded, rejects))


def write_new(con: Any, coded: Sequence[CodedArticle], rejects: Sequence[Reject] = ()) -> list[CodedArticle]:
    """Store a batch in one transaction on `con`; returns the coded articles that were not stored before."""
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    con.execute("BEGIN TRANSACTION")
    try:
        known = stored_keys(con, "articles", "article_id", [c.article.article_id for c in coded])
        fresh: list[CodedArticle] = []
        for c in coded:
            if c.article.article_id not in known:
                known.add(c.article.article_id)
                fresh.append(c)
        insert_rows(con, "articles", [article_row(c, now) for c in fresh])
        events = unique_rows((r for c in fresh for r in map(event_row, c.events)), key=lambda r: (r[0],))
        insert_rows(con, "events", events, columns=EVENT_COLUMNS)
        mentions = unique_rows(
            (
                [c.article.article_id, m.kind, m.start, m.end, m.text, json.dumps(m.value)]
                for c in fresh
                for m in c.mentions
            ),
            key=lambda r: tuple(r[:4]),
        )
        insert_rows(con, "mentions", mentions)
        reject_rows = unique_rows(
            ([r.path, r.reason, r.detail, now] for r in rejects), key=lambda r: tuple(r[:2])
        )
        insert_rows(con, "rejects", reject_rows)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return fresh


def unique_rows(rows: Iterable[list[Any]], key: Any) -> list[list[Any]]:
    """Rows with a key seen before dropped: the first one wins, as with row-by-row inserts."""
    seen: set[tuple[Any, ...]] = set()
    out: list[list[Any]] = []
    for r in rows:
        k = key(r)
        if k not in seen:
            seen.add(k)
            out.append(r)
    return out


def table_schema(con: Any, table: str, columns: Sequence[str] = ()) -> pa.Schema:
    """The Arrow schema of `table`, or of its `columns` in that order, as the database defines them."""
    key = (table, tuple(columns))
    schema = _SCHEMAS.get(key)
    if schema is None:
        types = {row[0]: _ARROW_TYPES[row[1]] for row in con.execute(f"DESCRIBE {table}").fetchall()}
        names = list(columns) or list(types)
        schema = _SCHEMAS[key] = pa.schema([(n, types[n]) for n in names])
    return schema


def insert_rows(
    con: Any, table: str, rows: list[list[Any]], columns: Sequence[str] = (), skip_stored: bool = True
) -> None:
    """Insert `rows` (one list per row: every column of `table`, or its `columns`, in order) in one
    statement.

    With `skip_stored`, rows whose key is stored already are skipped (`ON CONFLICT DO NOTHING`, which does
    not keep the rows' order); without it the rows must be new, and are stored in the order given.
    """
    if not rows:
        return
    schema = table_schema(con, table, columns)
    values = list(zip(*rows, strict=True))
    batch = pa.Table.from_arrays(
        [pa.array(list(col), type=f.type) for col, f in zip(values, schema, strict=True)], schema=schema
    )
    target = f"{table} ({', '.join(columns)})" if columns else table
    conflict = " ON CONFLICT DO NOTHING" if skip_stored else ""
    con.register("_eventwire_batch", batch)
    try:
        con.execute(f"INSERT INTO {target} SELECT * FROM _eventwire_batch{conflict}")
    finally:
        con.unregister("_eventwire_batch")


def insert_new(con: Any, table: str, key: str, rows: list[list[Any]]) -> None:
    """Insert the rows whose `key` (their first column) is neither stored nor repeated, in order: the rows
    `INSERT ... ON CONFLICT DO NOTHING` would store one at a time, in the same order."""
    stored = stored_keys(con, table, key, [r[0] for r in rows])
    fresh = unique_rows((r for r in rows if r[0] not in stored), key=lambda r: (r[0],))
    insert_rows(con, table, fresh, skip_stored=False)


def upsert(con: Any, table: str, key: str, rows: list[list[Any]]) -> None:
    """Store the rows, replacing stored rows with the same `key` (their first column): the table ends as
    `INSERT OR REPLACE` one row at a time leaves a table with list columns, where a replaced row is
    deleted and appended. A key given twice keeps its last row, at its last place."""
    last = {r[0]: i for i, r in enumerate(rows)}
    kept = [r for i, r in enumerate(rows) if last[r[0]] == i]
    if not kept:
        return
    con.execute(f"DELETE FROM {table} WHERE list_contains(?, {key})", [[r[0] for r in kept]])
    insert_rows(con, table, kept, skip_stored=False)


def stored_keys(con: Any, table: str, key: str, keys: Sequence[Any]) -> set[Any]:
    """Those of `keys` stored in `table`'s `key` column."""
    if not keys:
        return set()
    rows = con.execute(f"SELECT {key} FROM {table} WHERE list_contains(?, {key})", [list(keys)]).fetchall()
    return {r[0] for r in rows}
