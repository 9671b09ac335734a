"""Merged events, where story clustering has stored them: how many times, articles and sources report
an event, and the evidence of its other reports.

Read defensively: the tables `merged_event_members(event_id, merged_id)` and `merged_events(merged_id,
num_mentions, num_articles, num_sources, first_seen, last_seen)` are used only when the catalog shows
those columns; otherwise events simply carry `merged: null`.
"""

from __future__ import annotations

from typing import Any

import duckdb

_MEMBERS = {"event_id", "merged_id"}
_MERGED = {"merged_id", "num_mentions", "num_articles", "num_sources", "first_seen", "last_seen"}
OTHER_REPORTS = 50


def has_merged_events(con: duckdb.DuckDBPyConnection, catalog: str) -> bool:
    rows = con.execute(
        "SELECT table_name, column_name FROM information_schema.columns"
        " WHERE table_catalog = ? AND table_schema = 'main'"
        " AND table_name IN ('merged_event_members', 'merged_events')",
        [catalog],
    ).fetchall()
    columns: dict[str, set[str]] = {}
    for table, column in rows:
        columns.setdefault(str(table), set()).add(str(column).lower())
    members = columns.get("merged_event_members", set())
    merged = columns.get("merged_events", set())
    return members >= _MEMBERS and merged >= _MERGED


def merged_of(cur: duckdb.DuckDBPyConnection, event_id: str) -> dict[str, Any] | None:
    """The merged event this event belongs to, with the other reports' evidence (at most 50)."""
    row = cur.execute(
        "SELECT g.merged_id, g.num_mentions, g.num_articles, g.num_sources, g.first_seen, g.last_seen"
        " FROM merged_event_members m JOIN merged_events g ON g.merged_id = m.merged_id"
        " WHERE m.event_id = ?",
        [event_id],
    ).fetchone()
    if row is None:
        return None
    merged_id, mentions, articles, sources, first, last = row
    others = cur.execute(
        "SELECT e.event_id, e.article_id, a.title, a.source, CAST(a.published AS VARCHAR), e.evidence_text"
        " FROM merged_event_members m JOIN events e ON e.event_id = m.event_id"
        " JOIN articles a ON a.article_id = e.article_id"
        " WHERE m.merged_id = ? AND m.event_id <> ?"
        " ORDER BY a.published NULLS LAST, e.article_id, e.evidence_start, e.event_id LIMIT ?",
        [merged_id, event_id, OTHER_REPORTS],
    ).fetchall()
    keys = ("event_id", "article_id", "title", "source", "published", "evidence")
    return {
        "merged_id": str(merged_id),
        "num_mentions": int(mentions or 0),
        "num_articles": int(articles or 0),
        "num_sources": int(sources or 0),
        "first_seen": first.isoformat() if first else None,
        "last_seen": last.isoformat() if last else None,
        "other_reports": [dict(zip(keys, r, strict=True)) for r in others],
    }
