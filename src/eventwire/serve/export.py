"""Event pages as files: CSV with the CLI's export columns (and the story), Parquet with nested columns (as
the CLI writes it, plus the quad class and the story), PLOVER JSON lines."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from typing import Any

from eventwire.events.lexicon import QUAD_CLASS
from eventwire.serve.events_sql import PageRows, StoredEvent
from eventwire.serve.plover import to_plover

MEDIA_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "parquet": "application/vnd.apache.parquet",
    "plover": "application/x-ndjson",
}
SUFFIXES = {"csv": "csv", "parquet": "parquet", "plover": "plover.jsonl"}


def to_csv(page: PageRows) -> bytes:
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(page.columns)
    writer.writerows(page.rows)
    return buf.getvalue().encode("utf-8")


def to_parquet(events: Sequence[StoredEvent]) -> bytes:
    """The events with nested columns (`eventwire.export.nested`), plus their quad class and story."""
    import pyarrow as pa

    from eventwire.export.nested import events_table, parquet_bytes

    extra = {
        "quad_class": (pa.string(), [QUAD_CLASS.get(s.event.type) for s in events]),
        "story_id": (pa.string(), [s.story_id for s in events]),
    }
    return parquet_bytes(events_table([s.event for s in events], extra))


def to_plover_lines(events: Sequence[StoredEvent], articles: dict[str, dict[str, Any]]) -> bytes:
    lines = [
        json.dumps(to_plover(s.event, s.event_date, articles.get(s.event.article_id)), ensure_ascii=False)
        for s in events
    ]
    return ("\n".join(lines) + ("\n" if lines else "")).encode("utf-8")
