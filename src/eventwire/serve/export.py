"""Event pages as files: CSV and Parquet with the CLI's export columns (and the story), PLOVER JSON lines."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from typing import Any

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


def to_parquet(page: PageRows) -> bytes:
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.table({c: [r[i] for r in page.rows] for i, c in enumerate(page.columns)})
    sink = io.BytesIO()
    pq.write_table(table, sink)
    return sink.getvalue()


def to_plover_lines(events: Sequence[StoredEvent], articles: dict[str, dict[str, Any]]) -> bytes:
    lines = [
        json.dumps(to_plover(s.event, s.event_date, articles.get(s.event.article_id)), ensure_ascii=False)
        for s in events
    ]
    return ("\n".join(lines) + ("\n" if lines else "")).encode("utf-8")
