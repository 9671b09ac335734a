"""What a test database holds, for comparing runners."""

from __future__ import annotations

from pathlib import Path

import duckdb

BATCH = 4  # articles per batch: the small corpus makes several batches


def stored(db: Path) -> tuple[set[str], set[str]]:
    """(article ids, event ids) in a database file."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        articles = {r[0] for r in con.execute("SELECT article_id FROM articles").fetchall()}
        events = {r[0] for r in con.execute("SELECT event_id FROM events").fetchall()}
    finally:
        con.close()
    return articles, events
