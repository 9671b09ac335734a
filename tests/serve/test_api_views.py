"""The aggregate views: actors, timeline, network, places and the summary agree with the stored events."""

from __future__ import annotations

from collections import Counter
from typing import Any

from fastapi.testclient import TestClient

from eventwire.events.lexicon import QUAD_CLASS


def _flat(entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [m for e in entries for m in (e.get("members") or [e])]


def test_summary(client: TestClient, db_rows: list[dict[str, Any]]) -> None:
    body = client.get("/api/summary").json()
    assert body["events"] == len(db_rows)
    assert body["articles"] > 0
    assert sum(t["count"] for t in body["types"]) == len(db_rows)
    assert body["located_events"] == sum(
        1 for r in db_rows if r["location"] and r["location"]["lat"] is not None
    )


def test_actor_counts_match_the_events(client: TestClient, db_rows: list[dict[str, Any]]) -> None:
    expected: Counter[tuple[str, str | None, str | None]] = Counter()
    for r in db_rows:
        for e in _flat(r["actors"]) + _flat(r["recipients"]):
            expected[(e.get("name") or e["text"], e.get("country"), e.get("sector"))] += 1
    body = client.get("/api/actors", params={"limit": 1000}).json()
    got = {(i["name"], i["country"], i["sector"]): i["count"] for i in body["items"]}
    assert got == dict(expected)
    for i in body["items"]:
        assert i["as_actor"] + i["as_recipient"] == i["count"]
    counts = [i["count"] for i in body["items"]]
    assert counts == sorted(counts, reverse=True)
    only_recipients = client.get("/api/actors", params={"role": "recipient", "limit": 5}).json()["items"]
    assert all(i["as_actor"] == 0 for i in only_recipients)


def test_timeline_counts_by_type_and_quad(client: TestClient, db_rows: list[dict[str, Any]]) -> None:
    body = client.get("/api/stats/timeline", params={"bucket": "month"}).json()
    assert body["bucket"] == "month"
    assert all(p.endswith("-01") for p in body["periods"])
    dated = [r for r in db_rows if r["_event_date"]]
    assert body["total"] == len(db_rows)
    assert body["undated"] == len(db_rows) - len(dated)
    by_type = Counter(r["type"] for r in dated)
    assert {t: sum(v) for t, v in body["types"].items()} == dict(by_type)
    by_quad = Counter(QUAD_CLASS[r["type"]] for r in dated)
    assert {q: sum(v) for q, v in body["quad_classes"].items() if sum(v)} == dict(by_quad)
    # one month's column is the events of that month
    first = body["periods"][0]
    in_first = [r for r in dated if r["_event_date"].isoformat()[:7] == first[:7]]
    assert sum(v[0] for v in body["types"].values()) == len(in_first)


def test_timeline_buckets_and_filters(client: TestClient) -> None:
    weeks = client.get("/api/stats/timeline", params={"bucket": "week"}).json()
    import datetime as dt

    assert all(dt.date.fromisoformat(p).weekday() == 0 for p in weeks["periods"])
    auto = client.get("/api/stats/timeline").json()
    assert auto["bucket"] in ("day", "week", "month")
    consult = client.get("/api/stats/timeline", params={"type": "CONSULT"}).json()
    assert set(consult["types"]) <= {"CONSULT"}


def test_network_edges_count_pairs_and_balance(client: TestClient, db_rows: list[dict[str, Any]]) -> None:
    body = client.get("/api/network", params={"limit": 500}).json()
    assert body["node"] == "country" and body["edges"]
    pairs: Counter[tuple[str, str]] = Counter()
    coop: Counter[tuple[str, str]] = Counter()
    for r in db_rows:
        actors = {e["country"] for e in _flat(r["actors"]) if e.get("country")}
        recipients = {e["country"] for e in _flat(r["recipients"]) if e.get("country")}
        for a in actors:
            for b in recipients:
                if a != b:
                    pairs[(a, b)] += 1
                    coop[(a, b)] += QUAD_CLASS[r["type"]].endswith("cooperation")
    got = {(e["source"], e["target"]): e for e in body["edges"]}
    assert set(got) == set(pairs)
    for key, edge in got.items():
        assert edge["count"] == pairs[key]
        assert edge["cooperation"] == coop[key]
        assert edge["cooperation"] + edge["conflict"] == edge["count"]
        assert -1 <= edge["balance"] <= 1
        assert edge["balance"] == round((edge["cooperation"] - edge["conflict"]) / edge["count"], 3)
    ids = {n["id"] for n in body["nodes"]}
    assert ids == {k for pair in got for k in pair}
    capped = client.get("/api/network", params={"limit": 2}).json()
    assert len(capped["edges"]) <= 2


def test_network_of_named_actors(client: TestClient) -> None:
    body = client.get("/api/network", params={"node": "actor"}).json()
    assert body["node"] == "actor" and body["edges"]
    labels = {n["id"]: n["label"] for n in body["nodes"]}
    for e in body["edges"]:
        assert e["source"] in labels and e["target"] in labels and e["source"] != e["target"]


def test_places_have_coordinates_and_counts(client: TestClient, db_rows: list[dict[str, Any]]) -> None:
    body = client.get("/api/places").json()
    placed = [r for r in db_rows if r["location"] and r["location"]["lat"] is not None]
    assert sum(p["count"] for p in body["items"]) == len(placed)
    assert body["unplaced"] == len(db_rows) - len(placed)
    for p in body["items"]:
        assert -90 <= p["lat"] <= 90 and -180 <= p["lon"] <= 180


def test_vladivostok_is_a_place(client: TestClient, need_seed: None) -> None:
    items = client.get("/api/places").json()["items"]
    vlad = [p for p in items if p["name"] == "Vladivostok"]
    assert len(vlad) == 1
    assert abs(vlad[0]["lat"] - 43.11) < 0.1 and abs(vlad[0]["lon"] - 131.87) < 0.1
    assert vlad[0]["country"] == "RUS" and vlad[0]["count"] >= 1
