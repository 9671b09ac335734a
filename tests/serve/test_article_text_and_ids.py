"""`/api/articles/{id}` takes the ids `eventwire show` takes, and serves the text as shown: without the
wire header lines, every offset served with it moved to match."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import duckdb
import pytest
from fastapi.testclient import TestClient

from eventwire.store.article_ids import resolve_article_id


@pytest.fixture(scope="module")
def stored(serve_db: Path) -> dict[str, dict[str, Any]]:
    """Each article as stored: its text and source id."""
    con = duckdb.connect(str(serve_db), read_only=True)
    try:
        rows = con.execute("SELECT article_id, text, extra FROM articles").fetchall()
    finally:
        con.close()
    return {a: {"text": t, "source_id": json.loads(e or "{}").get("source_id")} for a, t, e in rows}


def test_articles_by_id_start_and_source_id(
    client: TestClient, serve_db: Path, stored: dict[str, dict[str, Any]]
) -> None:
    article_id = next(a for a, s in stored.items() if s["source_id"] == "wikinews-125")
    others = [a for a in stored if a != article_id]
    n = next(n for n in range(1, 17) if not any(o.startswith(article_id[:n]) for o in others))
    con = duckdb.connect(str(serve_db), read_only=True)
    try:
        for given in (article_id, article_id[:n], "wikinews-125"):
            body = client.get(f"/api/articles/{given}").json()
            assert body["article_id"] == article_id, given
            assert resolve_article_id(con, given) == article_id  # what `eventwire show` resolves
    finally:
        con.close()


def test_ambiguous_and_unknown_ids(client: TestClient, stored: dict[str, dict[str, Any]]) -> None:
    ids = sorted(stored)
    start = next(a[0] for a in ids if sum(b.startswith(a[0]) for b in ids) > 1)
    count = sum(b.startswith(start) for b in ids)
    response = client.get(f"/api/articles/{start}")
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["details"][0]["param"] == "article_id"
    assert f"'{start}' starts {count} article ids" in error["message"]
    missing = client.get("/api/articles/wikinews-999")
    assert missing.status_code == 404 and "source's own id" in missing.json()["error"]["message"]


def test_wire_articles_are_served_without_their_header(
    client: TestClient, stored: dict[str, dict[str, Any]], db_rows: list[dict[str, Any]]
) -> None:
    wire = [a for a, s in stored.items() if s["text"].lstrip().startswith("date ")]
    assert wire, "the examples hold articles in the dated wire format"
    evidence = {r["event_id"]: r["evidence"]["text"] for r in db_rows}
    for article_id in wire:
        body = client.get(f"/api/articles/{article_id}").json()
        text, offset = body["text"], body["text_offset"]
        header = stored[article_id]["text"].split("\n", 1)[0]
        assert offset > 0 and header not in text and not text.startswith("date ")
        assert stored[article_id]["text"][offset:] == text
        assert body["title"] and text.startswith(body["title"])
        assert all(s["kind"] != "header" and s["start"] >= 0 for s in body["segments"])
        for e in body["events"]:
            assert text[e["evidence_start"] : e["evidence_end"]] == evidence[e["event_id"]]


def test_event_marks_line_up_with_the_shown_text(
    client: TestClient, stored: dict[str, dict[str, Any]], db_rows: list[dict[str, Any]]
) -> None:
    wire = {a for a, s in stored.items() if s["text"].lstrip().startswith("date ")}
    checked = 0
    for row in db_rows:
        if row["article_id"] not in wire:
            continue
        detail = client.get(f"/api/events/{row['event_id']}").json()
        text = detail["article"]["text"]
        assert not text.startswith("date ")
        for mark in detail["marks"]:
            assert text[mark["start"] : mark["end"]] == mark["text"]
        ev = row["evidence"]
        shift = detail["article"]["text_offset"]
        assert text[ev["start"] - shift : ev["end"] - shift] == ev["text"]  # stored offsets, moved
        checked += 1
    assert checked > 5
