"""Reading events and articles: one page of events, one event, one article."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

import duckdb

from eventwire.events.lexicon import QUAD_CLASS
from eventwire.models import Event
from eventwire.serve.query import EventQuery, PageCursor, Sort, build_where
from eventwire.serve.stories import StorySource
from eventwire.store.display import shown_article


@dataclass
class StoredEvent:
    event: Event
    event_date: dt.date | None
    story_id: str | None

    def to_dict(self) -> dict[str, Any]:
        d = self.event.to_dict()
        d["quad_class"] = QUAD_CLASS.get(self.event.type)
        d["story_id"] = self.story_id
        return d


@dataclass
class PageRows:
    """One page of rows in the shape a caller asked for, with what it takes to get the next page."""

    rows: list[tuple[Any, ...]]
    columns: list[str]
    total: int
    next_cursor: str | None


def page_rows(
    cur: duckdb.DuckDBPyConnection,
    q: EventQuery,
    stories: StorySource,
    sort: Sort,
    limit: int,
    select_sql: str,
    cursor: PageCursor | None = None,
    with_total: bool = True,
) -> PageRows:
    """One page in keyset order (the sort key, then the event id to break ties). `select_sql` is a
    fixed select list over the page's events (aliased `e`); it may use `{story}` for the story id."""
    where = build_where(q, stories)
    total = 0
    if with_total:
        row = cur.execute(f"SELECT count(*) FROM events{where.sql()}", where.params).fetchone()
        total = int(row[0]) if row else 0
    keyset_sql, keyset_params = sort.after(cursor) if cursor else ("", [])
    page_where = where.sql()
    if keyset_sql:
        page_where = f"{page_where} AND {keyset_sql}" if page_where else f" WHERE {keyset_sql}"
    # The sort keys and row ids of the page first; then the wide columns of just those rows.
    sql = f"""
        WITH page AS (
            SELECT rowid AS ev, {sort.key_sql} AS sort_key, event_id FROM events{page_where}
            ORDER BY {sort.order_sql()} LIMIT ?
        )
        SELECT p.sort_key, p.event_id, {select_sql.format(story=stories.select_sql)}
        FROM page p JOIN events e ON e.rowid = p.ev
        ORDER BY {sort.order_sql("p")}
    """
    result = cur.execute(sql, [*where.params, *keyset_params, limit + 1])
    columns = [d[0] for d in result.description][2:]
    rows = result.fetchall()
    more = len(rows) > limit
    rows = rows[:limit]
    next_cursor = PageCursor(sort.token, rows[-1][0], rows[-1][1]).encode() if more and rows else None
    return PageRows([r[2:] for r in rows], columns, total, next_cursor)


def page_events(
    cur: duckdb.DuckDBPyConnection,
    q: EventQuery,
    stories: StorySource,
    sort: Sort,
    limit: int,
    cursor: PageCursor | None = None,
) -> tuple[list[StoredEvent], str | None]:
    """A page as typed events (for PLOVER records)."""
    page = page_rows(cur, q, stories, sort, limit, "e.event_json, e.event_date, {story}", cursor, False)
    events = [StoredEvent(Event.from_dict(json.loads(r[0])), r[1], r[2]) for r in page.rows]
    return events, page.next_cursor


def page_json(
    cur: duckdb.DuckDBPyConnection,
    q: EventQuery,
    stories: StorySource,
    sort: Sort,
    limit: int,
    cursor: PageCursor | None = None,
) -> tuple[list[str], int, str | None]:
    """A page as event JSON texts, each the stored event plus `quad_class` and `story_id`, spliced
    without parsing (the stored JSON is always one object, written by `Event.to_dict`)."""
    page = page_rows(cur, q, stories, sort, limit, "e.event_json, e.type, {story}", cursor)
    items = [
        f"{str(event_json).rstrip()[:-1]}, "
        f'"quad_class": {json.dumps(QUAD_CLASS.get(etype))}, "story_id": {json.dumps(story)}}}'
        for event_json, etype, story in page.rows
    ]
    return items, page.total, page.next_cursor


# The CLI's export columns (`eventwire.cli.render.CSV_COLUMNS`) read from the typed columns, plus the story.
TABLE_SQL = """
    e.event_id, e.article_id, e.type, e.mode, array_to_string(e.context, ';') AS context,
    CAST(e.actors AS VARCHAR) AS actors, CAST(e.recipients AS VARCHAR) AS recipients,
    array_to_string(e.actor_countries, ';') AS actor_countries,
    array_to_string(e.recipient_countries, ';') AS recipient_countries,
    e.date, e.date_precision, e.place_name AS location, e.lat, e.lon, e.modality,
    CAST(e.attributed_to AS VARCHAR) AS attributed_to, e.evidence_text AS evidence, e.evidence_start,
    e.evidence_end, round(e.confidence, 3) AS confidence, e.trigger_text AS trigger, e.rule,
    e.pipeline_version, {story} AS story_id
"""


def page_table(
    cur: duckdb.DuckDBPyConnection,
    q: EventQuery,
    stories: StorySource,
    sort: Sort,
    limit: int,
    cursor: PageCursor | None = None,
) -> PageRows:
    """A page as flat rows with the export columns (for CSV and Parquet)."""
    return page_rows(cur, q, stories, sort, limit, TABLE_SQL, cursor, with_total=False)


def get_event(cur: duckdb.DuckDBPyConnection, event_id: str, stories: StorySource) -> StoredEvent | None:
    row = cur.execute(
        f"SELECT e.event_json, e.event_date, {stories.select_sql} FROM events e WHERE e.event_id = ?",
        [event_id],
    ).fetchone()
    if row is None:
        return None
    return StoredEvent(Event.from_dict(json.loads(row[0])), row[1], row[2])


_ARTICLE_COLUMNS = (
    "article_id",
    "title",
    "source",
    "section",
    "published",
    "url",
    "text",
    "local_time",
    "lang",
    "segments",
    "ingested_at",
)


def get_article(
    cur: duckdb.DuckDBPyConnection, article_id: str, stories: StorySource
) -> dict[str, Any] | None:
    """An article with its events' offsets, as shown (`store.display`: without the wire header lines,
    offsets moved by `text_offset`); None when there is no such article."""
    row = cur.execute(
        f"SELECT {', '.join('a.' + c for c in _ARTICLE_COLUMNS)}, {stories.article_sql} FROM articles a"
        " WHERE a.article_id = ?",
        [article_id],
    ).fetchone()
    if row is None:
        return None
    article = dict(zip((*_ARTICLE_COLUMNS, "story_id"), row, strict=True))
    article["published"] = article["published"].isoformat() if article["published"] else None
    segments = article["segments"]
    article["segments"] = json.loads(segments) if isinstance(segments, str) else (segments or [])
    article["events"] = [
        {"event_id": r[0], "type": r[1], "modality": r[2], "evidence_start": r[3], "evidence_end": r[4]}
        for r in cur.execute(
            "SELECT event_id, type, modality, evidence_start, evidence_end FROM events"
            " WHERE article_id = ? ORDER BY evidence_start, event_id",
            [article_id],
        ).fetchall()
    ]
    return shown_article(article)


def articles_for(cur: duckdb.DuckDBPyConnection, article_ids: list[str]) -> dict[str, dict[str, Any]]:
    """Citation fields of some articles, by id (for PLOVER records)."""
    if not article_ids:
        return {}
    rows = cur.execute(
        "SELECT article_id, url, title, source, lang, ingested_at FROM articles"
        " WHERE list_contains(?::VARCHAR[], article_id)",
        [sorted(set(article_ids))],
    ).fetchall()
    keys = ("article_id", "url", "title", "source", "lang", "ingested_at")
    return {r[0]: dict(zip(keys, r, strict=True)) for r in rows}
