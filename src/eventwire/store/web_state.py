"""What `eventwire watch` keeps in the store besides articles and events: sources, URLs, pending pages, a log.

Tables (created when missing, so an existing store takes them on the first `watch`; nothing else changes):
- `web_sources`: one row per feed, sitemap or OPML list polled: when it was last fetched and last read
  without error, its validators (ETag, Last-Modified), its failures in a row and the last one, when it is
  due again, and counts;
- `article_urls`: every URL an article was reached by, from which source, with the article's canonical
  URL: the same article reached by two URLs or two feeds is one article with one row for each;
- `web_pages`: pages listed by a source and not stored yet because their fetch failed: how often, why,
  and when they are tried again (after `MAX_PAGE_ATTEMPTS` failures they are given up);
- `fetch_log`: one row per request (time, URL, kind, HTTP status, size, seconds, outcome).
Rejects (unreadable feeds and pages, named by their URL) go to the `rejects` table as for files.
`prune(con, keep_days)` deletes log rows, rejects and given-up pages older than `keep_days`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from eventwire.web.poll import FetchRecord

MAX_PAGE_ATTEMPTS = 5

WEB_TABLES = """
CREATE TABLE IF NOT EXISTS web_sources (
    url VARCHAR PRIMARY KEY,
    kind VARCHAR,
    parent VARCHAR,
    added_at TIMESTAMP,
    last_fetch TIMESTAMP,
    last_ok TIMESTAMP,
    last_status INTEGER,
    etag VARCHAR,
    last_modified VARCHAR,
    errors INTEGER,
    total_errors INTEGER,
    last_error VARCHAR,
    next_due TIMESTAMP,
    entries INTEGER,
    articles INTEGER
);
CREATE TABLE IF NOT EXISTS article_urls (
    url VARCHAR NOT NULL,
    source_url VARCHAR NOT NULL,
    article_id VARCHAR NOT NULL,
    canonical_url VARCHAR,
    first_seen TIMESTAMP,
    PRIMARY KEY (url, source_url)
);
CREATE TABLE IF NOT EXISTS web_pages (
    url VARCHAR PRIMARY KEY,
    source_url VARCHAR,
    attempts INTEGER,
    last_error VARCHAR,
    last_try TIMESTAMP,
    next_try TIMESTAMP,
    gave_up BOOLEAN
);
CREATE TABLE IF NOT EXISTS fetch_log (
    fetched_at TIMESTAMP,
    url VARCHAR,
    kind VARCHAR,
    status INTEGER,
    bytes BIGINT,
    seconds DOUBLE,
    outcome VARCHAR
);
"""


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def ensure_tables(con: Any) -> None:
    con.execute(WEB_TABLES)


@dataclass
class SourceState:
    url: str
    kind: str | None = None
    parent: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    errors: int = 0
    total_errors: int = 0
    last_error: str | None = None
    next_due: dt.datetime | None = None
    last_fetch: dt.datetime | None = None
    last_ok: dt.datetime | None = None
    last_status: int | None = None
    entries: int = 0
    articles: int = 0


_SOURCE_COLUMNS = (
    "url, kind, parent, etag, last_modified, errors, total_errors, last_error, next_due, last_fetch, "
    "last_ok, last_status, entries, articles"
)


def load_sources(con: Any) -> dict[str, SourceState]:
    rows = con.execute(f"SELECT {_SOURCE_COLUMNS} FROM web_sources").fetchall()
    return {r[0]: SourceState(*r) for r in rows}


def save_source(con: Any, s: SourceState) -> None:
    con.execute(
        f"INSERT OR REPLACE INTO web_sources ({_SOURCE_COLUMNS}, added_at) VALUES "
        "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
        "coalesce((SELECT added_at FROM web_sources WHERE url = ?), ?))",
        [
            s.url, s.kind, s.parent, s.etag, s.last_modified, s.errors, s.total_errors, s.last_error,
            s.next_due, s.last_fetch, s.last_ok, s.last_status, s.entries, s.articles, s.url, now(),
        ],
    )  # fmt: skip


def known_urls(con: Any, urls: Sequence[str]) -> dict[str, str]:
    """Those of `urls` an article was reached by (as a URL or as its canonical URL): url -> article id."""
    if not urls:
        return {}
    rows = con.execute(
        "SELECT url, article_id FROM article_urls WHERE list_contains(?, url) "
        "UNION ALL SELECT canonical_url, article_id FROM article_urls WHERE list_contains(?, canonical_url)",
        [list(urls), list(urls)],
    ).fetchall()
    return {r[0]: r[1] for r in rows}


def linked(con: Any, source_url: str, urls: Sequence[str]) -> set[str]:
    """Those of `urls` recorded for `source_url` already."""
    if not urls:
        return set()
    rows = con.execute(
        "SELECT url FROM article_urls WHERE source_url = ? AND list_contains(?, url)",
        [source_url, list(urls)],
    ).fetchall()
    return {r[0] for r in rows}


def record_urls(con: Any, rows: Iterable[tuple[str, str, str, str | None]]) -> None:
    """(url, source url, article id, canonical url) rows; a pair stored already is kept as it is. An article
    keeps the canonical URL it was first recorded with. Pages stored are no longer pending, and their old
    rejects go."""
    batch = [[u, s, a, a, c, now()] for u, s, a, c in rows]
    if not batch:
        return
    con.executemany(
        "INSERT INTO article_urls SELECT ?, ?, ?, coalesce((SELECT any_value(canonical_url) FROM "
        "article_urls WHERE article_id = ?), ?), ? ON CONFLICT DO NOTHING",
        batch,
    )
    urls = sorted({str(r[0]) for r in batch})
    con.execute("DELETE FROM web_pages WHERE list_contains(?, url)", [urls])
    con.execute("DELETE FROM rejects WHERE list_contains(?, path)", [urls])


def page_failures(con: Any, urls: Sequence[str]) -> dict[str, tuple[int, dt.datetime | None, bool]]:
    """url -> (attempts, next try, given up) for those of `urls` that failed before."""
    if not urls:
        return {}
    rows = con.execute(
        "SELECT url, attempts, next_try, gave_up FROM web_pages WHERE list_contains(?, url)", [list(urls)]
    ).fetchall()
    return {r[0]: (int(r[1]), r[2], bool(r[3])) for r in rows}


def pending_pages(con: Any, source_url: str) -> list[str]:
    """Pages of a source that failed and are due for another try."""
    rows = con.execute(
        "SELECT url FROM web_pages WHERE source_url = ? AND NOT gave_up AND next_try <= ? ORDER BY url",
        [source_url, now()],
    ).fetchall()
    return [r[0] for r in rows]


def record_page_failure(
    con: Any, url: str, source_url: str, error: str, retry_in: float | None, attempts: int
) -> None:
    """A page that failed; `retry_in` None (or too many attempts) gives it up."""
    gave_up = retry_in is None or attempts >= MAX_PAGE_ATTEMPTS
    next_try = now() + dt.timedelta(seconds=retry_in or 0)
    con.execute(
        "INSERT OR REPLACE INTO web_pages VALUES (?, ?, ?, ?, ?, ?, ?)",
        [url, source_url, attempts, error[:500], now(), next_try, gave_up],
    )


def log_fetches(con: Any, records: Sequence[tuple[dt.datetime, FetchRecord]]) -> None:
    if records:
        con.executemany(
            "INSERT INTO fetch_log VALUES (?, ?, ?, ?, ?, ?, ?)",
            [[at, r.url, r.kind, r.status, r.size, r.seconds, r.outcome] for at, r in records],
        )


def prune(con: Any, keep_days: float) -> dict[str, int]:
    """Delete fetch log rows, rejects and given-up pages older than `keep_days`; counts deleted."""
    cutoff = now() - dt.timedelta(days=keep_days)
    out = {}
    for table, column, extra in (
        ("fetch_log", "fetched_at", ""),
        ("rejects", "rejected_at", ""),
        ("web_pages", "last_try", " AND gave_up"),
    ):
        row = con.execute(f"SELECT count(*) FROM {table} WHERE {column} < ?{extra}", [cutoff]).fetchone()
        out[table] = int(row[0]) if row else 0
        if out[table]:
            con.execute(f"DELETE FROM {table} WHERE {column} < ?{extra}", [cutoff])
    return out
