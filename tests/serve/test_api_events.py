"""`/api/events` and `/api/events/{id}` on a real store coded from the sample articles."""

from __future__ import annotations

import csv
import datetime as dt
import io
import itertools
import json
from typing import Any

import pyarrow.parquet as pq
import pytest
from fastapi.testclient import TestClient

from eventwire.events.lexicon import QUAD_CLASS
from eventwire.serve.schemas import EventPage


def _countries(entries: list[dict[str, Any]]) -> set[str]:
    out: set[str] = set()
    for e in entries:
        for m in e.get("members") or [e]:
            if m.get("country"):
                out.add(m["country"])
    return out


def _all_pages(client: TestClient, params: dict[str, Any]) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    cursor = None
    for _ in range(500):
        query = {**params, **({"cursor": cursor} if cursor else {})}
        body = client.get("/api/events", params=query).json()
        items += body["items"]
        cursor = body["next_cursor"]
        if cursor is None:
            return items
    raise AssertionError("pagination did not end")


def test_default_page_is_newest_first_and_counts_every_event(
    client: TestClient, db_rows: list[dict[str, Any]]
) -> None:
    body = client.get("/api/events").json()
    assert body["total"] == len(db_rows)
    assert body["sort"] == "-date"
    assert 0 < len(body["items"]) <= body["limit"] == 50
    dates = [i["date"] for i in body["items"] if i["date"]]
    firsts = {r["event_id"]: r["_event_date"] for r in db_rows}
    keys = [firsts[i["event_id"]] for i in body["items"] if firsts[i["event_id"]]]
    assert keys == sorted(keys, reverse=True)
    assert dates, "the sample store has dated events"
    item = body["items"][0]
    assert set(item) >= {
        "event_id",
        "type",
        "actors",
        "evidence",
        "trigger",
        "modality",
        "quad_class",
        "story_id",
    }
    # the page is assembled without the response model: it must still fit it, item for item
    page = EventPage.model_validate(body)
    stored = {r["event_id"]: r for r in db_rows}
    for out in page.items:
        dumped = out.model_dump(mode="json")
        assert dumped.pop("quad_class") == QUAD_CLASS[out.type]
        dumped.pop("story_id")
        expected = {k: v for k, v in stored[out.event_id].items() if not k.startswith("_")}
        assert dumped == expected


@pytest.mark.parametrize("sort", ["-date", "date", "confidence", "-confidence", "place", "type", "-modality"])
def test_cursor_pages_walk_every_event_once(
    client: TestClient, db_rows: list[dict[str, Any]], sort: str
) -> None:
    items = _all_pages(client, {"sort": sort, "limit": 7})
    ids = [i["event_id"] for i in items]
    assert len(ids) == len(set(ids)) == len(db_rows)
    if sort.lstrip("-") == "confidence":
        values = [i["confidence"] for i in items]
        assert values == sorted(values, reverse=sort.startswith("-"))
    if sort == "place":
        names = [i["location"]["name"] for i in items if i["location"]]
        assert names == sorted(names)
        # events without a place come last
        placed = [i["location"] is not None for i in items]
        assert placed == sorted(placed, reverse=True)


def test_type_filter_matches_the_store(client: TestClient, db_rows: list[dict[str, Any]]) -> None:
    body = client.get("/api/events", params={"type": "consult,AGREE", "limit": 1000}).json()
    expected = {r["event_id"] for r in db_rows if r["type"] in ("CONSULT", "AGREE")}
    assert expected, "the samples hold CONSULT and AGREE events"
    assert {i["event_id"] for i in body["items"]} == expected
    assert body["total"] == len(expected)
    assert body["filters"]["types"] == ["CONSULT", "AGREE"]


def test_country_filters_by_role(client: TestClient, db_rows: list[dict[str, Any]]) -> None:
    either = client.get("/api/events", params={"country": "rus", "limit": 1000}).json()["items"]
    assert either
    for item in either:
        assert "RUS" in _countries(item["actors"]) | _countries(item["recipients"])
    as_recipient = client.get("/api/events", params={"recipient_country": "RUS", "limit": 1000}).json()[
        "items"
    ]
    expected = {r["event_id"] for r in db_rows if "RUS" in _countries(r["recipients"])}
    assert {i["event_id"] for i in as_recipient} == expected


def test_sector_modality_and_confidence_filters(client: TestClient, db_rows: list[dict[str, Any]]) -> None:
    gov = client.get("/api/events", params={"actor_sector": "GOV", "limit": 1000}).json()["items"]
    expected = {
        r["event_id"]
        for r in db_rows
        if any(m.get("sector") == "GOV" for e in r["actors"] for m in (e.get("members") or [e]))
    }
    assert {i["event_id"] for i in gov} == expected
    for modality in ("asserted", "speculated"):
        items = client.get("/api/events", params={"modality": modality, "limit": 1000}).json()["items"]
        assert {i["event_id"] for i in items} == {r["event_id"] for r in db_rows if r["modality"] == modality}
    high = client.get("/api/events", params={"min_confidence": 0.75, "limit": 1000}).json()["items"]
    assert high and all(i["confidence"] >= 0.75 for i in high)


def test_actor_name_filter_reaches_members_and_recipients(
    client: TestClient, db_rows: list[dict[str, Any]]
) -> None:
    items = client.get("/api/events", params={"actor": "korea", "limit": 1000}).json()["items"]

    def names(r: dict[str, Any]) -> list[str]:
        out = []
        for e in r["actors"] + r["recipients"]:
            for m in e.get("members") or [e]:
                out.append((m.get("name") or m.get("text") or "").lower())
        return out

    expected = {r["event_id"] for r in db_rows if any("korea" in n for n in names(r))}
    assert {i["event_id"] for i in items} == expected


def test_evidence_text_is_matched_literally(client: TestClient, db_rows: list[dict[str, Any]]) -> None:
    items = client.get("/api/events", params={"text": "ceasefire", "limit": 1000}).json()["items"]
    expected = {r["event_id"] for r in db_rows if "ceasefire" in r["evidence"]["text"].lower()}
    assert expected and {i["event_id"] for i in items} == expected
    # LIKE wildcards and quotes in the request are plain characters
    for text in ("%", "_", "'; DROP TABLE events; --"):
        body = client.get("/api/events", params={"text": text}).json()
        assert body["total"] == sum(text in r["evidence"]["text"] for r in db_rows)
    assert client.get("/api/events").json()["total"] == len(db_rows)


def test_date_range(client: TestClient, db_rows: list[dict[str, Any]]) -> None:
    since, until = dt.date(2023, 9, 1), dt.date(2023, 12, 31)
    items = client.get(
        "/api/events", params={"since": str(since), "until": str(until), "limit": 1000}
    ).json()["items"]
    expected = {r["event_id"] for r in db_rows if r["_event_date"] and since <= r["_event_date"] <= until}
    assert expected and {i["event_id"] for i in items} == expected


def test_place_and_bounding_box(client: TestClient, need_seed: None) -> None:
    by_name = client.get("/api/events", params={"place": "vladivostok"}).json()["items"]
    assert [i["location"]["name"] for i in by_name] == ["Vladivostok"]
    by_id = client.get("/api/events", params={"geonames_id": by_name[0]["location"]["geonames_id"]}).json()
    assert [i["event_id"] for i in by_id["items"]] == [by_name[0]["event_id"]]
    box = client.get("/api/events", params={"bbox": "125,38,140,48"}).json()["items"]
    assert by_name[0]["event_id"] in {i["event_id"] for i in box}
    for item in box:
        assert 125 <= item["location"]["lon"] <= 140 and 38 <= item["location"]["lat"] <= 48
    # west > east wraps round the antimeridian: 170E..-170W holds nothing here
    assert client.get("/api/events", params={"bbox": "170,-90,-170,90"}).json()["total"] == 0


def test_csv_and_parquet_hold_the_page(client: TestClient) -> None:
    params = {"type": "CONSULT", "limit": 3}
    page = client.get("/api/events", params=params).json()
    response = client.get("/api/events", params={**params, "format": "csv"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert [r["event_id"] for r in rows] == [i["event_id"] for i in page["items"]]
    assert response.headers.get("x-next-cursor") == page["next_cursor"]
    parquet = client.get("/api/events", params={**params, "format": "parquet"})
    table = pq.read_table(io.BytesIO(parquet.content))
    assert table.column("event_id").to_pylist() == [i["event_id"] for i in page["items"]]
    assert "evidence" in table.column_names and "story_id" in table.column_names


def test_plover_records_use_the_manual_field_names(client: TestClient, need_seed: None) -> None:
    response = client.get("/api/events", params={"place": "Vladivostok", "format": "plover"})
    assert response.headers["content-type"].startswith("application/x-ndjson")
    records = [json.loads(line) for line in response.text.splitlines()]
    assert len(records) == 1
    r = records[0]
    assert r["id"] and r["has_event"] is True
    assert r["date"] == "2023-09-19"
    assert r["event"] == ["CONSULT"] and r["mode"] == ["visit"]
    assert r["quad_code"] == 1 and r["event_scale"] == 4.0  # CONSULT: Visit in the manual's score table
    assert {"code": "PRK", "sector": "GOV"}.items() <= r["actor"][0].items()
    assert r["recipient"][0]["code"] == "RUS"
    assert r["event_loc"]["resolved_place"] == "Vladivostok"
    assert r["event_loc"]["geonameid"] == 2013348
    assert abs(r["event_loc"]["lat"] - 43.1) < 0.1 and abs(r["event_loc"]["lon"] - 131.9) < 0.1
    assert "Vladivostok" in r["event_text"][0]
    assert r["text_info"]["end"] > r["text_info"]["start"]
    assert r["cite_info"]["publication"] == "Associated Press"
    assert r["modality"] == "asserted"


def test_event_detail_marks_its_parts(client: TestClient, need_seed: None) -> None:
    event = client.get("/api/events", params={"place": "Vladivostok"}).json()["items"][0]
    detail = client.get(f"/api/events/{event['event_id']}").json()
    text = detail["article"]["text"]
    marks = {m["kind"]: m for m in detail["marks"]}
    ev = marks["evidence"]
    assert text[ev["start"] : ev["end"]] == event["evidence"]["text"]
    assert marks["trigger"]["text"] == "visits" == text[marks["trigger"]["start"] : marks["trigger"]["end"]]
    assert marks["actor"]["text"] in ("Kim Jong Un", event["actors"][0]["text"])
    assert "Shoigu" in marks["recipient"]["text"]
    inner = [m for m in detail["marks"] if m["kind"] != "evidence"]
    for m in inner:
        assert ev["start"] <= m["start"] < m["end"] <= ev["end"]
        assert text[m["start"] : m["end"]] == m["text"]
    spans = sorted((m["start"], m["end"]) for m in inner)
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans)), "marks overlap"
    assert detail["article"]["title"].startswith("Kim Jong Un returns from Russia")
    assert any(e["event_id"] == event["event_id"] for e in detail["article"]["events"])


def test_attribution_is_marked_in_the_sentence(client: TestClient, db_rows: list[dict[str, Any]]) -> None:
    attributed = [r for r in db_rows if r["attributed_to"]]
    if not attributed:
        pytest.skip("no attributed events in the samples")
    found = 0
    for r in attributed:
        detail = client.get(f"/api/events/{r['event_id']}").json()
        kinds = [m["kind"] for m in detail["marks"]]
        assert detail["attribution_in_sentence"] == ("attribution" in kinds)
        found += detail["attribution_in_sentence"]
    assert found, "at least one attribution is named inside its own sentence"


def test_article_endpoint(client: TestClient, db_rows: list[dict[str, Any]]) -> None:
    article_id = db_rows[0]["article_id"]
    body = client.get(f"/api/articles/{article_id}").json()
    assert body["article_id"] == article_id
    mine = {r["event_id"] for r in db_rows if r["article_id"] == article_id}
    assert {e["event_id"] for e in body["events"]} == mine
    for e in body["events"]:
        assert 0 <= e["evidence_start"] < e["evidence_end"] <= len(body["text"])
