"""`eventwire ingest URL` and `eventwire ingest FILE.warc.gz`: articles stored with title and date."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import duckdb
from test_web_sources import write_warc
from typer.testing import CliRunner
from webserver import LocalServer

from eventwire.cli.main import app


def stored(db: Path) -> list[tuple[Any, ...]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(
            "SELECT title, CAST(published AS VARCHAR), url, path FROM articles ORDER BY title"
        ).fetchall()
    finally:
        con.close()


def test_ingest_page_url_and_warc(server: LocalServer, pages: list[dict[str, Any]], tmp_path: Path) -> None:
    page = next(p for p in pages if p["template"] == "portal")
    url = server.add("/world/story.html", page["html"])
    db = tmp_path / "web.duckdb"
    result = CliRunner().invoke(app, ["ingest", url, "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert stored(db) == [(page["title"], page["published"], page["canonical_url"], url)]

    warc = tmp_path / "CC-NEWS-test.warc.gz"
    chosen = [p for p in pages if p["template"] in ("amp", "table", "consent")][:3]
    write_warc(warc, chosen)
    db2 = tmp_path / "warc.duckdb"
    result = CliRunner().invoke(app, ["ingest", str(warc), "--db", str(db2)])
    # The archive holds a 404 answer as well: one reject, exit code 1.
    assert result.exit_code == 1, result.output
    rows = stored(db2)
    assert [(t, d) for t, d, _, _ in rows] == sorted((p["title"], p["published"]) for p in chosen)
    assert all(path.startswith(str(warc) + "#") for _, _, _, path in rows)


def test_ingest_unreachable_url_is_a_reject(tmp_path: Path) -> None:
    with LocalServer() as srv:
        url = srv.url("/status/500")
        db = tmp_path / "r.duckdb"
        result = CliRunner().invoke(app, ["ingest", url, "--db", str(db)])
    assert result.exit_code == 1, result.output
    con = duckdb.connect(str(db), read_only=True)
    try:
        assert con.execute("SELECT path, reason FROM rejects").fetchall() == [(url, "http error")]
    finally:
        con.close()
