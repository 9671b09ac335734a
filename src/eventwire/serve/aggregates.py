"""Server-side aggregates for the views: actor counts, the timeline, the actor network, places.

Each works on the filtered events in SQL and returns at most a bounded number of rows, so a page never
needs every event. Cooperation, conflict and PLOVER scores come from the in-memory `type_scale` table
(see `eventwire.serve.db`), never from SQL text.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import duckdb

from eventwire.events.lexicon import EVENT_TYPES, QUAD_CLASS
from eventwire.serve.query import EventQuery, Where, build_where
from eventwire.serve.stories import StorySource

QUAD_ORDER = ("verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict")


def _filtered_rows(w: Where) -> str:
    """The row ids of the filtered events, for a semi-join (callers skip it when nothing is filtered)."""
    return f"SELECT rowid FROM events{w.sql()}"


def actor_counts(
    cur: duckdb.DuckDBPyConnection, q: EventQuery, stories: StorySource, role: str, limit: int
) -> list[dict[str, Any]]:
    w = build_where(q, stories)
    conds: list[str] = []
    if w.clauses:
        conds.append(f"l.ev IN ({_filtered_rows(w)})")
    if role == "actor":
        conds.append("l.is_actor")
    elif role == "recipient":
        conds.append("NOT l.is_actor")
    where = (" WHERE " + " AND ".join(conds)) if conds else ""
    rows = cur.execute(
        f"""
        WITH c AS (
            SELECT l.k, count(*) FILTER (WHERE l.is_actor) AS as_actor,
                   count(*) FILTER (WHERE NOT l.is_actor) AS as_recipient, count(*) AS n
            FROM memory.main.actor_links l{where}
            GROUP BY l.k ORDER BY n DESC, l.k LIMIT ?
        )
        SELECT k.name, k.country, k.sector, c.as_actor, c.as_recipient, c.n
        FROM c JOIN memory.main.actor_keys k USING (k) ORDER BY c.n DESC, k.name
        """,
        [*w.params, limit],
    ).fetchall()
    keys = ("name", "country", "sector", "as_actor", "as_recipient", "count")
    return [dict(zip(keys, r, strict=True)) for r in rows]


def pick_bucket(first: dt.date | None, last: dt.date | None) -> str:
    """Days for a few months, weeks for a few years, months beyond."""
    if first is None or last is None:
        return "day"
    span = (last - first).days
    if span <= 120:
        return "day"
    if span <= 3 * 366:
        return "week"
    return "month"


def timeline(
    cur: duckdb.DuckDBPyConnection, q: EventQuery, stories: StorySource, bucket: str
) -> dict[str, Any]:
    w = build_where(q, stories)
    dated = Where([*w.clauses, "event_date IS NOT NULL"], list(w.params))
    row = cur.execute(
        f"SELECT count(*), count(*) FILTER (WHERE event_date IS NULL), min(event_date), max(event_date)"
        f" FROM events{w.sql()}",
        w.params,
    ).fetchone()
    total, undated, first, last = (row or (0, 0, None, None))[:4]
    if bucket == "auto":
        bucket = pick_bucket(first, last)
    rows = cur.execute(
        f"SELECT CAST(date_trunc(?, event_date) AS DATE) AS period, type, count(*) FROM events{dated.sql()}"
        " GROUP BY ALL ORDER BY period, type",
        [bucket, *dated.params],
    ).fetchall()
    periods = sorted({r[0] for r in rows})
    index = {p: i for i, p in enumerate(periods)}
    present = [t for t in EVENT_TYPES if any(r[1] == t for r in rows)]
    present += sorted({r[1] for r in rows} - set(present))
    types = {t: [0] * len(periods) for t in present}
    quads = {qc: [0] * len(periods) for qc in QUAD_ORDER}
    for period, etype, n in rows:
        i = index[period]
        types[etype][i] += n
        qc = QUAD_CLASS.get(etype)
        if qc:
            quads[qc][i] += n
    return {
        "bucket": bucket,
        "periods": [p.isoformat() for p in periods],
        "types": types,
        "quad_classes": quads,
        "total": int(total),
        "undated": int(undated),
    }


def network(
    cur: duckdb.DuckDBPyConnection, q: EventQuery, stories: StorySource, node: str, limit: int
) -> dict[str, Any]:
    """Directed actor-to-recipient edges, the heaviest `limit` of them, with their nodes."""
    w = build_where(q, stories)
    measures = """
        count(*) AS n,
        count(*) FILTER (WHERE sign > 0) AS cooperation,
        count(*) FILTER (WHERE sign < 0) AS conflict,
        avg(score) AS mean_score
    """
    if node == "country":
        # Unnest in two select lists: a lateral unnest with `a <> r` makes DuckDB plan a slow join.
        sql = f"""
            WITH by_actor AS (
                SELECT unnest(e.actor_countries) AS a, e.recipient_countries AS rc, x.sign, x.score
                FROM (SELECT actor_countries, recipient_countries, type FROM events{w.sql()}) e
                LEFT JOIN memory.main.type_scale x ON x.type = e.type
            ), pairs AS (
                SELECT a, unnest(rc) AS r, sign, score FROM by_actor
            )
            SELECT a AS source, r AS target, {measures}
            FROM pairs WHERE a <> r
            GROUP BY ALL ORDER BY n DESC, source, target LIMIT ?
        """
    else:
        rows_filter = f" WHERE ev IN ({_filtered_rows(w)})" if w.clauses else ""
        sql = f"""
            WITH top AS (
                SELECT s, t, {measures} FROM memory.main.actor_pairs{rows_filter}
                GROUP BY ALL ORDER BY n DESC, s, t LIMIT ?
            )
            SELECT CAST(s AS VARCHAR), CAST(t AS VARCHAR), n, cooperation, conflict, mean_score
            FROM top ORDER BY n DESC, s, t
        """
    params = [*w.params, limit]
    rows = cur.execute(sql, params).fetchall()
    edges = [
        {
            "source": r[0],
            "target": r[1],
            "count": int(r[2]),
            "cooperation": int(r[3]),
            "conflict": int(r[4]),
            "balance": round((int(r[3]) - int(r[4])) / int(r[2]), 3) if r[2] else 0.0,
            "mean_score": round(float(r[5]), 2) if r[5] is not None else None,
        }
        for r in rows
    ]
    weight: dict[str, int] = {}
    for e in edges:
        for end in (e["source"], e["target"]):
            weight[end] = weight.get(end, 0) + e["count"]
    nodes = _nodes(cur, node, weight)
    return {"node": node, "nodes": nodes, "edges": edges}


def _nodes(cur: duckdb.DuckDBPyConnection, node: str, weight: dict[str, int]) -> list[dict[str, Any]]:
    if node == "country":
        return [
            {"id": c, "label": c, "country": c, "sector": None, "count": n}
            for c, n in sorted(weight.items(), key=lambda kv: (-kv[1], kv[0]))
        ]
    if not weight:
        return []
    rows = cur.execute(
        "SELECT CAST(k AS VARCHAR), name, country, sector FROM memory.main.actor_keys"
        " WHERE list_contains(?::BIGINT[], k)",
        [[int(k) for k in weight]],
    ).fetchall()
    info = {r[0]: r for r in rows}
    out = []
    for key, n in sorted(weight.items(), key=lambda kv: (-kv[1], kv[0])):
        _, name, country, sector = info.get(key, (key, key, None, None))
        out.append({"id": key, "label": name or key, "country": country, "sector": sector, "count": n})
    return out


def places(
    cur: duckdb.DuckDBPyConnection, q: EventQuery, stories: StorySource, limit: int
) -> tuple[list[dict[str, Any]], int]:
    w = build_where(q, stories)
    located = Where([*w.clauses, "lat IS NOT NULL", "lon IS NOT NULL"], list(w.params))
    rows = cur.execute(
        f"""
        SELECT place_name, geonames_id, place_country, avg(lat), avg(lon), count(*) AS n,
               count(*) FILTER (WHERE x.sign > 0), count(*) FILTER (WHERE x.sign < 0)
        FROM (SELECT place_name, geonames_id, place_country, lat, lon, type FROM events{located.sql()}) e
        LEFT JOIN memory.main.type_scale x ON x.type = e.type
        GROUP BY place_name, geonames_id, place_country
        ORDER BY n DESC, place_name LIMIT ?
        """,
        [*located.params, limit],
    ).fetchall()
    unplaced = Where([*w.clauses, "(lat IS NULL OR lon IS NULL)"], list(w.params))
    unplaced_row = cur.execute(f"SELECT count(*) FROM events{unplaced.sql()}", unplaced.params).fetchone()
    keys = ("name", "geonames_id", "country", "lat", "lon", "count", "cooperation", "conflict")
    items = [dict(zip(keys, r, strict=True)) for r in rows]
    for item in items:
        item["lat"] = round(float(item["lat"]), 5)
        item["lon"] = round(float(item["lon"]), 5)
    return items, int(unplaced_row[0]) if unplaced_row else 0


def summary(cur: duckdb.DuckDBPyConnection) -> dict[str, Any]:
    row = cur.execute(
        "SELECT count(*), min(event_date), max(event_date), count(*) FILTER (WHERE lat IS NOT NULL)"
        " FROM events"
    ).fetchone()
    n_events, first, last, located = row or (0, None, None, 0)
    art = cur.execute("SELECT count(*) FROM articles").fetchone()
    types = cur.execute(
        "SELECT type, count(*) AS n FROM events GROUP BY type ORDER BY n DESC, type"
    ).fetchall()
    modalities = cur.execute(
        "SELECT modality, count(*) AS n FROM events GROUP BY modality ORDER BY n DESC, modality"
    ).fetchall()
    return {
        "events": int(n_events),
        "articles": int(art[0]) if art else 0,
        "first_date": first.isoformat() if first else None,
        "last_date": last.isoformat() if last else None,
        "types": [{"value": t, "count": int(n)} for t, n in types],
        "modalities": [{"value": m, "count": int(n)} for m, n in modalities],
        "located_events": int(located),
    }
