"""Where a database keeps story ids, if it keeps them at all.

Story clustering may put `story_id` on events, on articles, or in a membership table such as
`story_articles(article_id, story_id)`. The API looks at the catalog once at start-up and uses the most
direct place that holds ids; without any, story filters are refused with a reason and events carry
`story_id: null`. Table names come from the catalog and are checked to be plain identifiers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

import duckdb

_IDENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


@dataclass(frozen=True)
class StorySource:
    """How to read an event's story id; every SQL fragment here comes from the catalog, not a request."""

    # An expression over the events table aliased `e`, giving the story id as VARCHAR (NULL without one).
    select_sql: str = "CAST(NULL AS VARCHAR)"
    # The same for an article (the articles table aliased `a`).
    article_sql: str = "CAST(NULL AS VARCHAR)"
    # A condition over `events` (unaliased) with one `?` for the story id; None when there are no stories.
    filter_sql: str | None = None
    where: str = "none"  # the table holding the ids: events, articles, a membership table, or none
    populated: bool = False  # whether any story id is stored there

    @property
    def available(self) -> bool:
        return self.filter_sql is not None


_STORY = "min(CAST(s.story_id AS VARCHAR))"


def _by_article(table: str) -> StorySource:
    return StorySource(
        select_sql=f'(SELECT {_STORY} FROM "{table}" s WHERE s.article_id = e.article_id)',
        article_sql=f'(SELECT {_STORY} FROM "{table}" s WHERE s.article_id = a.article_id)',
        filter_sql=f'article_id IN (SELECT article_id FROM "{table}" WHERE CAST(story_id AS VARCHAR) = ?)',
        where=table,
    )


def _by_event(table: str) -> StorySource:
    return StorySource(
        select_sql=f'(SELECT {_STORY} FROM "{table}" s WHERE s.event_id = e.event_id)',
        article_sql=f'(SELECT {_STORY} FROM "{table}" s JOIN events e ON s.event_id = e.event_id'
        " WHERE e.article_id = a.article_id)",
        filter_sql=f'event_id IN (SELECT event_id FROM "{table}" WHERE CAST(story_id AS VARCHAR) = ?)',
        where=table,
    )


def _candidates(columns: dict[str, set[str]]) -> list[StorySource]:
    """Every place story ids could be read from, most direct first."""
    out: list[StorySource] = []
    if "story_id" in columns.get("events", set()):
        out.append(
            StorySource(
                select_sql="CAST(e.story_id AS VARCHAR)",
                article_sql="(SELECT min(CAST(e.story_id AS VARCHAR)) FROM events e"
                " WHERE e.article_id = a.article_id)",
                filter_sql="CAST(story_id AS VARCHAR) = ?",
                where="events",
            )
        )
    if "story_id" in columns.get("articles", set()):
        out.append(
            StorySource(
                select_sql="(SELECT CAST(a.story_id AS VARCHAR) FROM articles a"
                " WHERE a.article_id = e.article_id)",
                article_sql="CAST(a.story_id AS VARCHAR)",
                filter_sql="article_id IN (SELECT article_id FROM articles"
                " WHERE CAST(story_id AS VARCHAR) = ?)",
                where="articles",
            )
        )
    tables = [t for t in columns if t not in ("events", "articles") and _IDENT.match(t)]
    # Article membership (one story per article) before event membership; `story_articles` first.
    by_article = sorted(
        (t for t in tables if {"story_id", "article_id"} <= columns[t]),
        key=lambda t: (t != "story_articles", t),
    )
    by_event = sorted(t for t in tables if {"story_id", "event_id"} <= columns[t] and t not in by_article)
    out.extend(_by_article(t) for t in by_article)
    out.extend(_by_event(t) for t in by_event)
    return out


def detect_story_source(con: duckdb.DuckDBPyConnection, catalog: str) -> StorySource:
    """The first place that holds story ids; one that exists but is empty still answers story filters
    (with no events), and `populated` tells the page whether to offer them."""
    rows = con.execute(
        "SELECT table_name, column_name FROM information_schema.columns"
        " WHERE table_catalog = ? AND table_schema = 'main'",
        [catalog],
    ).fetchall()
    columns: dict[str, set[str]] = {}
    for table, column in rows:
        columns.setdefault(str(table), set()).add(str(column).lower())
    candidates = _candidates(columns)
    for candidate in candidates:
        table = (
            "events"
            if candidate.where == "events"
            else ("articles" if candidate.where == "articles" else candidate.where)
        )
        found = con.execute(
            f'SELECT count(*) FROM (SELECT 1 FROM "{table}" WHERE story_id IS NOT NULL LIMIT 1)'
        ).fetchone()
        if found and found[0]:
            return replace(candidate, populated=True)
    return candidates[0] if candidates else StorySource()
