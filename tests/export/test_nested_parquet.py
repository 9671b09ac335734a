"""Parquet exports keep the event's structure: LIST and STRUCT columns, not JSON text, read back whole."""

from __future__ import annotations

import io
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from eventwire.cli.main import app
from eventwire.events.lexicon import QUAD_CLASS
from eventwire.export.nested import ENTITY, EVENT_SCHEMA, entity_value, events_table
from eventwire.models import Entity, Event
from eventwire.store.duck import EventStore

runner = CliRunner()


def _stored(db: Path) -> dict[str, Event]:
    with EventStore(db, read_only=True) as store:
        return {e.event_id: e for e in store.events()}


def _assert_nested(schema: pa.Schema) -> None:
    for name in ("actors", "recipients"):
        t = schema.field(name).type
        assert pa.types.is_list(t) and pa.types.is_struct(t.value_type), (name, t)
        assert t.value_type == ENTITY
        members = t.value_type.field("members").type
        assert pa.types.is_list(members) and pa.types.is_struct(members.value_type)
    for name in ("location", "evidence", "trigger", "attributed_to"):
        assert pa.types.is_struct(schema.field(name).type), name
    assert schema.field("context").type == pa.list_(pa.string())
    assert schema.field("event_date").type == pa.date32()
    assert schema.field("evidence").type.field("start").type == pa.int32()


def test_cli_parquet_is_nested_and_round_trips(coded_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.parquet"
    res = runner.invoke(app, ["events", "--db", str(coded_db), "--format", "parquet", "--output", str(out)])
    assert res.exit_code == 0, res.output
    table = pq.read_table(out)
    _assert_nested(table.schema)
    stored = _stored(coded_db)
    rows = table.to_pylist()
    assert len(rows) == len(stored) >= 5
    for row in rows:
        event = stored[row["event_id"]]
        assert Event.from_dict(row).to_dict() == event.to_dict()
        assert row["evidence"]["text"] == event.evidence.text
        assert row["actor_countries"] == sorted({c for a in event.actors for c in a.countries})
    # DuckDB reads the nested columns as STRUCT and LIST without any JSON parsing
    got = duckdb.execute(
        f"SELECT event_id, actors[1].country, location.name, evidence.start, len(recipients)"
        f" FROM read_parquet('{out}')"
    ).fetchall()
    for event_id, country, place, start, n_recipients in got:
        event = stored[event_id]
        assert country == (event.actors[0].country if event.actors else None)
        assert place == (event.location.name if event.location else None)
        assert start == event.evidence.start and n_recipients == len(event.recipients)


def test_empty_parquet_keeps_the_nested_schema(coded_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "none.parquet"
    args = ["events", "--db", str(coded_db), "--since", "2031-01-01", "--format", "parquet", "-o", str(out)]
    res = runner.invoke(app, args)
    assert res.exit_code == 0, res.output
    table = pq.read_table(out)
    assert table.num_rows == 0
    _assert_nested(table.schema)


def test_merged_parquet_is_nested(coded_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "merged.parquet"
    res = runner.invoke(app, ["events", "--db", str(coded_db), "--merged", "-f", "parquet", "-o", str(out)])
    assert res.exit_code == 0, res.output
    table = pq.read_table(out)
    assert table.num_rows > 0
    assert table.schema.field("event_ids").type == pa.list_(pa.string())
    evidence = table.schema.field("evidence").type
    assert pa.types.is_list(evidence) and pa.types.is_struct(evidence.value_type)
    assert table.schema.field("actors").type == pa.list_(ENTITY)
    stored = _stored(coded_db)
    for row in table.to_pylist():
        assert row["event_ids"] and set(row["event_ids"]) <= set(stored)
        assert {ev["text"] for ev in row["evidence"]} <= {stored[i].evidence.text for i in row["event_ids"]}
        assert row["num_mentions"] == len(row["evidence"])


def test_api_parquet_is_nested(coded_db: Path) -> None:
    from eventwire.serve import create_app

    with TestClient(create_app(coded_db)) as client:
        page = client.get("/api/events", params={"limit": 4}).json()
        response = client.get("/api/events", params={"limit": 4, "format": "parquet"})
    assert response.status_code == 200
    table = pq.read_table(io.BytesIO(response.content))
    _assert_nested(table.schema)
    rows = table.to_pylist()
    assert [r["event_id"] for r in rows] == [i["event_id"] for i in page["items"]]
    assert response.headers.get("x-next-cursor") == page["next_cursor"]
    for row, item in zip(rows, page["items"], strict=True):
        assert row["quad_class"] == QUAD_CLASS.get(item["type"]) == item["quad_class"]
        assert row["story_id"] == item["story_id"]
        assert row["actors"] == [entity_value(Entity.from_dict(a)) for a in item["actors"]]


def test_compound_entities_keep_their_members() -> None:
    inner = Entity("US and UK", members=(Entity("US", None, "USA", "GOV"), Entity("UK", None, "GBR", "MIL")))
    outer = Entity("the allies", members=(inner, Entity("France", "France", "FRA", None)))
    value = entity_value(outer)
    assert [m["country"] for m in value["members"]] == ["USA", "GBR", "FRA"]
    assert entity_value(Entity("Kenya", "Kenya", "KEN", "GOV"))["members"] == []
    assert events_table([]).schema == EVENT_SCHEMA
