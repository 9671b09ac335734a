"""The API's contract: one error shape, 400/422 with the reason, a page-size limit, local docs, read-only."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import duckdb
import pytest
from fastapi.testclient import TestClient

from eventwire.errors import UsageError
from eventwire.serve import create_app


def _error(response: Any, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"}
    error = body["error"]
    assert set(error) == {"status", "code", "message", "details"}
    assert error["status"] == status and error["message"]
    return dict(error)


@pytest.mark.parametrize(
    ("params", "param"),
    [
        ({"limit": 5000}, "limit"),
        ({"limit": 0}, "limit"),
        ({"since": "yesterday"}, "since"),
        ({"min_confidence": 2}, "min_confidence"),
        ({"format": "xml"}, "format"),
        ({"geonames_id": "x"}, "geonames_id"),
    ],
)
def test_invalid_parameters_get_422_with_the_parameter(
    client: TestClient, params: dict[str, Any], param: str
) -> None:
    error = _error(client.get("/api/events", params=params), 422)
    assert error["code"] == "invalid_parameter"
    assert [d["param"] for d in error["details"]] == [param]
    assert param in error["message"]


@pytest.mark.parametrize(
    ("params", "param", "words"),
    [
        ({"type": "PARTY"}, "type", "unknown value 'PARTY'"),
        ({"modality": "maybe"}, "modality", "unknown value 'maybe'"),
        ({"country": "Russia"}, "country", "three-letter"),
        ({"since": "2024-02-01", "until": "2024-01-01"}, "since", "after"),
        ({"bbox": "1,2,3"}, "bbox", "four numbers"),
        ({"bbox": "0,50,10,40"}, "bbox", "south is above north"),
        ({"sort": "evidence"}, "sort", "unknown field"),
        ({"cursor": "not-a-cursor"}, "cursor", "not a cursor"),
    ],
)
def test_bad_parameters_get_400_with_the_reason(
    client: TestClient, params: dict[str, Any], param: str, words: str
) -> None:
    error = _error(client.get("/api/events", params=params), 400)
    assert error["code"] == "bad_parameter"
    assert error["details"][0]["param"] == param
    assert words in error["message"]


def test_a_cursor_belongs_to_its_sort(client: TestClient) -> None:
    cursor = client.get("/api/events", params={"limit": 2}).json()["next_cursor"]
    assert cursor
    error = _error(client.get("/api/events", params={"limit": 2, "sort": "type", "cursor": cursor}), 400)
    assert "sort=-date" in error["message"]


def test_the_same_filters_guard_the_views(client: TestClient) -> None:
    for path in ("/api/actors", "/api/stats/timeline", "/api/network", "/api/places"):
        _error(client.get(path, params={"type": "PARTY"}), 400)
    _error(client.get("/api/stats/timeline", params={"bucket": "year"}), 422)
    _error(client.get("/api/network", params={"limit": 10_000}), 422)


def test_missing_things_are_404_in_the_same_shape(client: TestClient) -> None:
    assert _error(client.get("/api/events/nope"), 404)["code"] == "not_found"
    assert _error(client.get("/api/articles/nope"), 404)["code"] == "not_found"
    assert _error(client.get("/api/nothing-here"), 404)["code"] == "not_found"
    assert _error(client.post("/api/events"), 405)["code"] == "method_not_allowed"


def test_docs_are_served_from_local_assets(client: TestClient) -> None:
    page = client.get("/docs")
    assert page.status_code == 200
    urls = re.findall(r'(?:src|href)="([^"]+)"', page.text)
    assert urls and all(u.startswith("/") for u in urls), urls
    assert "validatorUrl" in page.text
    for url in urls:
        assert client.get(url).status_code == 200, url
    schema = client.get("/openapi.json").json()
    assert {"/api/events", "/api/events/{event_id}", "/api/articles/{article_id}", "/api/actors"} <= set(
        schema["paths"]
    )
    assert {"/api/stats/timeline", "/api/network", "/api/places"} <= set(schema["paths"])
    assert client.get("/redoc").status_code == 404


def test_the_page_and_its_assets_are_local(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200
    assert "default-src 'self'" in page.headers["content-security-policy"]
    urls = re.findall(r'(?:src|href)="([^"#]+)"', page.text)
    assert urls and all(u.startswith("/") for u in urls), urls
    for url in urls:
        assert client.get(url).status_code == 200, url
    script = client.get("/static/js/main.js").text
    assert "http://" not in script and "https://" not in script
    world = client.get("/static/world/countries-110m.geojson").json()
    assert len(world["features"]) > 150


def test_the_store_is_opened_read_only(serve_db: Path, client: TestClient) -> None:
    before = serve_db.stat().st_mtime_ns
    for path in ("/api/events", "/api/actors", "/api/network", "/api/places", "/api/stats/timeline"):
        assert client.get(path).status_code == 200
    db = client.app.state.db  # type: ignore[attr-defined]
    with db.cursor() as cur, pytest.raises(duckdb.Error, match="read-only"):
        cur.execute("DELETE FROM events")
    assert serve_db.stat().st_mtime_ns == before


def test_missing_or_foreign_files_are_refused(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="no database"):
        create_app(tmp_path / "absent.duckdb")
    other = tmp_path / "other.duckdb"
    duckdb.connect(str(other)).close()
    with pytest.raises(UsageError, match="not an eventwire store"):
        create_app(other)


# --- stories, where a store has them --------------------------------------------------------------


def _core_copy(src: Path, dst: Path) -> duckdb.DuckDBPyConnection:
    """A store with only articles and events (whatever else the current schema adds)."""
    con = duckdb.connect(str(dst))
    con.execute("ATTACH ? AS src (READ_ONLY)", [str(src)])
    con.execute("CREATE TABLE articles AS SELECT * FROM src.articles")
    con.execute("CREATE TABLE events AS SELECT * FROM src.events")
    con.execute("DETACH src")
    return con


def test_without_stories_the_story_filter_says_why(serve_db: Path, tmp_path: Path) -> None:
    path = tmp_path / "plain.duckdb"
    _core_copy(serve_db, path).close()
    with TestClient(create_app(path)) as c:
        error = _error(c.get("/api/events", params={"story": "s1"}), 400)
        assert "no story ids" in error["message"]
        assert c.get("/api/summary").json()["has_stories"] is False
        assert all(i["story_id"] is None for i in c.get("/api/events").json()["items"])


@pytest.mark.parametrize("layout", ["articles_column", "membership_table", "events_column"])
def test_story_ids_are_read_wherever_they_are(serve_db: Path, tmp_path: Path, layout: str) -> None:
    path = tmp_path / f"{layout}.duckdb"
    con = _core_copy(serve_db, path)
    article_id = con.execute(
        "SELECT article_id FROM events GROUP BY 1 ORDER BY count(*) DESC LIMIT 1"
    ).fetchone()
    assert article_id
    if layout == "articles_column":
        con.execute("ALTER TABLE articles ADD COLUMN story_id VARCHAR")
        con.execute("UPDATE articles SET story_id = 'story-1' WHERE article_id = ?", [article_id[0]])
    elif layout == "membership_table":
        con.execute("CREATE TABLE story_articles (article_id VARCHAR, story_id VARCHAR)")
        con.execute("INSERT INTO story_articles VALUES (?, 'story-1')", [article_id[0]])
    else:
        con.execute("ALTER TABLE events ADD COLUMN story_id VARCHAR")
        con.execute("UPDATE events SET story_id = 'story-1' WHERE article_id = ?", [article_id[0]])
    expected = {
        r[0]
        for r in con.execute("SELECT event_id FROM events WHERE article_id = ?", [article_id[0]]).fetchall()
    }
    con.close()
    with TestClient(create_app(path)) as c:
        assert c.get("/api/summary").json()["has_stories"] is True
        body = c.get("/api/events", params={"story": "story-1", "limit": 1000}).json()
        assert {i["event_id"] for i in body["items"]} == expected
        assert all(i["story_id"] == "story-1" for i in body["items"])
        article = c.get(f"/api/articles/{article_id[0]}").json()
        assert article["story_id"] == "story-1"
        assert c.get("/api/events", params={"story": "story-2"}).json()["total"] == 0


def test_merged_events_are_shown_where_they_exist(serve_db: Path, tmp_path: Path) -> None:
    path = tmp_path / "merged.duckdb"
    con = _core_copy(serve_db, path)
    ids = [r[0] for r in con.execute("SELECT event_id FROM events ORDER BY event_id LIMIT 3").fetchall()]
    con.execute(
        "CREATE TABLE merged_events (merged_id VARCHAR, num_mentions INTEGER, num_articles INTEGER,"
        " num_sources INTEGER, first_seen DATE, last_seen DATE)"
    )
    con.execute("INSERT INTO merged_events VALUES ('m1', 2, 2, 1, DATE '2023-09-18', DATE '2023-09-19')")
    con.execute("CREATE TABLE merged_event_members (event_id VARCHAR, merged_id VARCHAR)")
    con.execute("INSERT INTO merged_event_members VALUES (?, 'm1'), (?, 'm1')", ids[:2])
    con.close()
    with TestClient(create_app(path)) as c:
        merged = c.get(f"/api/events/{ids[0]}").json()["merged"]
        assert merged["merged_id"] == "m1" and merged["num_articles"] == 2
        assert merged["first_seen"] == "2023-09-18"
        assert [r["event_id"] for r in merged["other_reports"]] == [ids[1]]
        assert merged["other_reports"][0]["evidence"]
        assert c.get(f"/api/events/{ids[2]}").json()["merged"] is None
    plain = tmp_path / "plain.duckdb"
    _core_copy(serve_db, plain).close()
    with TestClient(create_app(plain)) as c:
        assert c.get(f"/api/events/{ids[0]}").json()["merged"] is None
