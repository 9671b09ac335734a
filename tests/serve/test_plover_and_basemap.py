"""PLOVER records and scores; the base map decoder and the shipped outlines."""

from __future__ import annotations

import json
from pathlib import Path

from eventwire.events.lexicon import EVENT_TYPES, QUAD_CLASS
from eventwire.models import Entity, Event, Evidence, Trigger
from eventwire.serve.basemap import topojson_to_geojson
from eventwire.serve.plover import QUAD_CODES, plover_score, to_plover

STATIC = Path(__file__).resolve().parents[2] / "src" / "eventwire" / "serve" / "static"


def _event(**kw: object) -> Event:
    base: dict[str, object] = dict(
        event_id="e1",
        article_id="a1",
        type="THREATEN",
        mode=None,
        context=["military"],
        actors=[
            Entity(
                "US and South Korean officials",
                members=(Entity("US", None, "USA", "GOV"), Entity("ROK", None, "KOR", "GOV")),
            )
        ],
        recipients=[Entity("Russia", "Russia", "RUS", None)],
        date="2023-W37",
        date_precision="week",
        location=None,
        modality="future",
        attributed_to=None,
        evidence=Evidence("They warned Russia.", 10, 29),
        confidence=0.71234,
        trigger=Trigger("warned", "warn", 15, 21, "verb:threaten"),
        pipeline_version="test",
    )
    base.update(kw)
    return Event(**base)  # type: ignore[arg-type]


def test_every_type_has_a_score_and_quad_code() -> None:
    for t in EVENT_TYPES:
        assert plover_score(t, None) is not None
        assert QUAD_CODES[QUAD_CLASS[t]] in (1, 2, 3, 4)
    cooperative = [plover_score(t, None) for t in EVENT_TYPES if QUAD_CLASS[t].endswith("cooperation")]
    conflictual = [
        plover_score(t, None) for t in EVENT_TYPES if QUAD_CLASS[t].endswith("conflict") and t != "REQUEST"
    ]
    assert min(x for x in cooperative if x is not None) > 0 > max(x for x in conflictual if x is not None)
    assert plover_score("ASSAULT", "aerial") == -9.5
    assert plover_score("ASSAULT", "made-up") == -9.0


def test_compound_actors_become_one_entity_each() -> None:
    import datetime as dt

    record = to_plover(_event(), dt.date(2023, 9, 11))
    assert [a["code"] for a in record["actor"]] == ["USA", "KOR"]
    assert record["date"] == "2023-09-11" and record["date_value"] == "2023-W37"
    assert record["event"] == ["THREATEN"] and record["mode"] == [] and record["quad_code"] == 3
    assert record["event_loc"] is None and "cite_info" not in record
    assert record["confidence"] == 0.712
    json.dumps(record)


def test_topology_decoding() -> None:
    topology = {
        "type": "Topology",
        "transform": {"scale": [1, 1], "translate": [0, 0]},
        "arcs": [[[0, 0], [10, 0], [0, 10], [-10, 0]], [[0, 10], [0, -10]]],
        "objects": {
            "countries": {
                "type": "GeometryCollection",
                "geometries": [
                    {"type": "Polygon", "arcs": [[0, 1]], "id": "001", "properties": {"name": "Square"}},
                    {"type": "Point", "coordinates": [1, 1]},
                ],
            }
        },
    }
    out = topojson_to_geojson(topology, "countries")
    assert len(out["features"]) == 1
    feature = out["features"][0]
    assert feature["properties"] == {"name": "Square", "id": "001"}
    ring = feature["geometry"]["coordinates"][0]
    assert ring == [[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]]


def test_shipped_outlines() -> None:
    world = json.loads((STATIC / "world" / "countries-110m.geojson").read_text(encoding="utf-8"))
    names = {f["properties"].get("name") for f in world["features"]}
    assert {"Russia", "North Korea", "Kenya", "Brazil"} <= names
    for f in world["features"]:
        polygons = (
            f["geometry"]["coordinates"]
            if f["geometry"]["type"] == "MultiPolygon"
            else [f["geometry"]["coordinates"]]
        )
        for poly in polygons:
            for ring in poly:
                assert ring[0] == ring[-1] and len(ring) >= 4
                assert all(-180 <= x <= 180 and -90 <= y <= 90 for x, y in ring)
    assert (STATIC / "world" / "ATTRIBUTION.md").exists()
