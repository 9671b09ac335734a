"""Events and merged events as Arrow tables with nested columns, for Parquet.

The columns are the keys of the event JSON (`Event.to_dict`) with their structure kept: actors and
recipients are LIST<STRUCT<text, name, country, sector, members LIST<STRUCT<...>>>>, location, evidence,
trigger and attributed_to are STRUCTs, context a LIST<STRING>; `event_date` (the first day the date
covers), `actor_countries` and `recipient_countries` are added for filtering without unnesting. A
row read back (`pyarrow.parquet.read_table(...).to_pylist()`) is accepted by `Event.from_dict`.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import pyarrow as pa

from eventwire.models import Entity, Event
from eventwire.store.rows import date_of

_ENTITY_FIELDS = [
    pa.field("text", pa.string()),
    pa.field("name", pa.string()),
    pa.field("country", pa.string()),
    pa.field("sector", pa.string()),
]
MEMBER = pa.struct(_ENTITY_FIELDS)
ENTITY = pa.struct([*_ENTITY_FIELDS, pa.field("members", pa.list_(MEMBER))])
LOCATION = pa.struct(
    [
        pa.field("name", pa.string()),
        pa.field("geonames_id", pa.int64()),
        pa.field("country", pa.string()),
        pa.field("lat", pa.float64()),
        pa.field("lon", pa.float64()),
        pa.field("rule", pa.string()),
    ]
)
EVIDENCE = pa.struct(
    [pa.field("text", pa.string()), pa.field("start", pa.int32()), pa.field("end", pa.int32())]
)
TRIGGER = pa.struct(
    [
        pa.field("text", pa.string()),
        pa.field("lemma", pa.string()),
        pa.field("start", pa.int32()),
        pa.field("end", pa.int32()),
        pa.field("rule", pa.string()),
    ]
)
STRINGS = pa.list_(pa.string())

EVENT_SCHEMA = pa.schema(
    [
        pa.field("event_id", pa.string()),
        pa.field("article_id", pa.string()),
        pa.field("type", pa.string()),
        pa.field("mode", pa.string()),
        pa.field("context", STRINGS),
        pa.field("actors", pa.list_(ENTITY)),
        pa.field("recipients", pa.list_(ENTITY)),
        pa.field("actor_countries", STRINGS),
        pa.field("recipient_countries", STRINGS),
        pa.field("date", pa.string()),
        pa.field("date_precision", pa.string()),
        pa.field("event_date", pa.date32()),
        pa.field("location", LOCATION),
        pa.field("modality", pa.string()),
        pa.field("attributed_to", ENTITY),
        pa.field("evidence", EVIDENCE),
        pa.field("confidence", pa.float64()),
        pa.field("trigger", TRIGGER),
        pa.field("pipeline_version", pa.string()),
    ]
)

MERGED_EVIDENCE = pa.struct(
    [
        pa.field("event_id", pa.string()),
        pa.field("article_id", pa.string()),
        pa.field("source", pa.string()),
        pa.field("published", pa.string()),
        pa.field("text", pa.string()),
        pa.field("start", pa.int32()),
        pa.field("end", pa.int32()),
    ]
)
MERGED_SCHEMA = pa.schema(
    [
        pa.field("merged_id", pa.string()),
        pa.field("story_id", pa.string()),
        pa.field("type", pa.string()),
        pa.field("mode", pa.string()),
        pa.field("modality", pa.string()),
        pa.field("actors", pa.list_(ENTITY)),
        pa.field("recipients", pa.list_(ENTITY)),
        pa.field("date", pa.string()),
        pa.field("date_precision", pa.string()),
        pa.field("event_date", pa.date32()),
        pa.field("location", LOCATION),
        pa.field("num_mentions", pa.int32()),
        pa.field("num_articles", pa.int32()),
        pa.field("num_sources", pa.int32()),
        pa.field("first_seen", pa.string()),
        pa.field("last_seen", pa.string()),
        pa.field("confidence", pa.float64()),
        pa.field("event_ids", STRINGS),
        pa.field("evidence", pa.list_(MERGED_EVIDENCE)),
    ]
)


def entity_value(e: Entity) -> dict[str, Any]:
    """An entity as a struct value: its own fields, and its members (flattened) for a compound one."""
    d = e.to_dict()
    if e.members:
        d["members"] = [m.to_dict() for member in e.members for m in member.flat()]
    else:
        d["members"] = []
    return d


def event_value(e: Event) -> dict[str, Any]:
    """One row of `EVENT_SCHEMA`."""
    d = e.to_dict()
    d["actors"] = [entity_value(a) for a in e.actors]
    d["recipients"] = [entity_value(r) for r in e.recipients]
    d["attributed_to"] = entity_value(e.attributed_to) if e.attributed_to else None
    d["actor_countries"] = sorted({c for a in e.actors for c in a.countries})
    d["recipient_countries"] = sorted({c for r in e.recipients for c in r.countries})
    d["event_date"] = date_of(e.date)
    return d


def events_table(
    events: Iterable[Event], extra: Mapping[str, tuple[pa.DataType, Sequence[Any]]] | None = None
) -> pa.Table:
    """The events as a table of `EVENT_SCHEMA`, plus `extra` columns (name -> (type, one value per event))."""
    rows = [event_value(e) for e in events]
    table = pa.Table.from_pylist(rows, schema=EVENT_SCHEMA)
    for name, (dtype, values) in (extra or {}).items():
        table = table.append_column(pa.field(name, dtype), pa.array(list(values), type=dtype))
    return table


def merged_table(merged: Sequence[dict[str, Any]]) -> pa.Table:
    """Merged events (`StoryStore.merged_events` objects, with their evidence) as a table of
    `MERGED_SCHEMA`."""
    rows = []
    for d in merged:
        row = dict(d)
        row["actors"] = [entity_value(Entity.from_dict(a)) for a in d.get("actors") or []]
        row["recipients"] = [entity_value(Entity.from_dict(r)) for r in d.get("recipients") or []]
        row["event_date"] = date_of(d.get("date"))
        rows.append(row)
    return pa.Table.from_pylist(rows, schema=MERGED_SCHEMA)


def write_parquet(table: pa.Table, output: str | Path | io.IOBase) -> None:
    import pyarrow.parquet as pq

    pq.write_table(table, output, compression="zstd")


def parquet_bytes(table: pa.Table) -> bytes:
    sink = io.BytesIO()
    write_parquet(table, sink)
    return sink.getvalue()
