"""Rows between Ray stages and in the Parquet shards, and loading the shards into the database.

Between the read and code stages a row is one input item: `kind` (article | reject) and `payload`, the
item as JSON. A shard row is one input item after coding:

| column | meaning |
|---|---|
| `status` | `new` (coded here), `stored` (already in the database, not coded) or `rejected` |
| `article_id`, `path` | the article's content hash (null for a reject) and where it was read |
| `n_events` | number of events |
| `article`, `events`, `mentions` | JSON: the article's fields, its events (the event JSON), its mentions |
| `reject_reason`, `reject_detail` | why an input could not be read |

`load` stores the shards through the local runner's store stage, batch by batch; `summarise` only counts.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import asdict
from pathlib import Path
from typing import Any

import pyarrow as pa

from eventwire.config import Settings
from eventwire.models import Article, CodedArticle, Dateline, Event, Mention, Reject, Segment
from eventwire.runner import IngestSummary

ITEM_SCHEMA = pa.schema([("kind", pa.string()), ("payload", pa.string())])
SHARD_SCHEMA = pa.schema(
    [
        ("status", pa.string()),
        ("article_id", pa.string()),
        ("path", pa.string()),
        ("n_events", pa.int32()),
        ("article", pa.string()),
        ("events", pa.string()),
        ("mentions", pa.string()),
        ("reject_reason", pa.string()),
        ("reject_detail", pa.string()),
    ]
)


# --- read -> code ------------------------------------------------------------------------------------


def items_table(items: list[Article | Reject]) -> pa.Table:
    kinds = ["reject" if isinstance(i, Reject) else "article" for i in items]
    payloads = [json.dumps(asdict(i), default=str) for i in items]
    return pa.Table.from_arrays(
        [pa.array(kinds, pa.string()), pa.array(payloads, pa.string())], schema=ITEM_SCHEMA
    )


def items_from_table(table: pa.Table) -> list[Article | Reject]:
    out: list[Article | Reject] = []
    for kind, payload in zip(
        table.column("kind").to_pylist(), table.column("payload").to_pylist(), strict=True
    ):
        d = json.loads(payload)
        out.append(Reject(**d) if kind == "reject" else article_from_dict(d))
    return out


def article_from_dict(d: dict[str, Any]) -> Article:
    dateline = Dateline(**d["dateline"]) if d.get("dateline") else None
    return Article(**{**d, "segments": [Segment(**s) for s in d.get("segments") or []], "dateline": dateline})


# --- code -> shards -----------------------------------------------------------------------------------


def coded_table(items: list[Article | Reject], coded: dict[str, CodedArticle]) -> pa.Table:
    rows: list[list[Any]] = []
    for item in items:
        if isinstance(item, Reject):
            rows.append(["rejected", None, item.path, 0, None, None, None, item.reason, item.detail])
            continue
        c = coded.get(item.article_id)
        if c is None:
            rows.append(["stored", item.article_id, item.path, 0, None, None, None, None, None])
            continue
        rows.append(
            [
                "new",
                item.article_id,
                item.path,
                len(c.events),
                json.dumps(asdict(c.article), default=str),
                json.dumps([e.to_dict() for e in c.events]),
                json.dumps([asdict(m) for m in c.mentions]),
                None,
                None,
            ]
        )
    columns: list[tuple[Any, ...]] = list(zip(*rows, strict=True)) if rows else [() for _ in SHARD_SCHEMA]
    return pa.Table.from_arrays(
        [pa.array(list(col), type=f.type) for col, f in zip(columns, SHARD_SCHEMA, strict=True)],
        schema=SHARD_SCHEMA,
    )


def row_item(row: dict[str, Any]) -> CodedArticle | Reject | None:
    """A shard row back as what the store stage takes; None for an article stored before."""
    if row["status"] == "rejected":
        return Reject(row["path"], row["reject_reason"], row["reject_detail"] or "")
    if row["status"] != "new":
        return None
    return CodedArticle(
        article=article_from_dict(json.loads(row["article"])),
        events=[Event.from_dict(e) for e in json.loads(row["events"])],
        mentions=[Mention(**m) for m in json.loads(row["mentions"])],
    )


# --- shards -> database -------------------------------------------------------------------------------


def load(
    target: Path,
    db: Path,
    settings: Settings,
    warn: Callable[[str], None] | None = None,
    on_progress: Callable[[int, int], None] | None = None,
) -> IngestSummary:
    """Store the shards in `db`: one transaction per batch, then stories, as the local runner does
    (`on_progress` hears each batch: items read, events coded)."""
    from eventwire.dedup.tracker import StoryTracker
    from eventwire.runner import Batch, _store
    from eventwire.store.duck import EventStore

    summary = IngestSummary()
    with EventStore(db) as store:
        tracker = StoryTracker.open(store)
        for batch in _batches(target, settings.batch_size):
            coded, rejects, stored = _split(batch, summary, warn)
            summary.already += stored
            _store(store, tracker, Batch(len(batch), [c.article for c in coded], rejects), coded, summary)
            if on_progress:
                on_progress(len(batch), sum(len(c.events) for c in coded))
    return summary


def summarise(target: Path, warn: Callable[[str], None] | None = None) -> IngestSummary:
    """Counts of the shards, for a run that only writes Parquet."""
    summary = IngestSummary()
    for batch in _batches(target, 1024):
        coded, _rejects, stored = _split(batch, summary, warn)
        summary.already += stored
        summary.new += len(coded)
        summary.events += sum(len(c.events) for c in coded)
    return summary


def _batches(target: Path, size: int) -> Iterator[list[dict[str, Any]]]:
    """The shards' rows, `size` at a time (bounded memory however many shards)."""
    import pyarrow.dataset as pads

    if not target.exists():
        return
    for rb in pads.dataset(str(target), format="parquet").to_batches(batch_size=size):
        yield rb.to_pylist()


def _split(
    rows: list[dict[str, Any]], summary: IngestSummary, warn: Callable[[str], None] | None
) -> tuple[list[CodedArticle], list[Reject], int]:
    coded: list[CodedArticle] = []
    rejects: list[Reject] = []
    stored = 0
    for row in rows:
        item = row_item(row)
        summary.read += 1
        if isinstance(item, Reject):
            rejects.append(item)
            summary.rejected += 1
            summary.reject_rows.append(item)
            if warn:
                warn(f"warning: rejected {item.path}: {item.reason}: {item.detail}")
        elif item is None:
            stored += 1
        else:
            coded.append(item)
    return coded, rejects, stored
