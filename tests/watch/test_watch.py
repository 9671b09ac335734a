"""`eventwire watch` in this process against a news site on 127.0.0.1: what is fetched, stored, linked,
rejected, retried and kept."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from news_site import NewsSite

from eventwire.store import web_state
from eventwire.store.duck import EventStore
from eventwire.web.poll import normalize_url, source_backoff

Rows = Callable[[str], list[tuple[Any, ...]]]


def _site_with(site: NewsSite, voa: list[dict[str, Any]], n: int, feed: str = "/feed.xml") -> None:
    for i in range(n):
        site.page(f"/a/{i}.html", voa[i])
    site.feed(feed, [{"path": f"/a/{i}.html", "title": voa[i]["title"]} for i in range(n)])


def _make_due(db_folder: Path) -> None:
    with EventStore(db_folder / "watch.duckdb") as store:
        store.con.execute("UPDATE web_sources SET next_due = NULL")


def test_new_items_are_stored_once_and_the_feed_is_asked_conditionally(
    site: NewsSite, voa: list[dict[str, Any]], run_watch: Callable[..., Any], db_rows: Rows, tmp_path: Path
) -> None:
    _site_with(site, voa, 3)
    w = run_watch([site.base + "/feed.xml"])
    assert w.stats.new == 3 and w.stats.errors == 0
    assert db_rows("SELECT count(*) FROM articles") == [(3,)]
    titles = {r[0] for r in db_rows("SELECT title FROM articles")}
    assert titles == {voa[i]["title"] for i in range(3)}
    assert db_rows("SELECT min(published) FROM articles")[0][0] is not None
    # Every request names eventwire; robots.txt was asked once.
    assert all("eventwire" in h["user-agent"] for _, h in site.requests)
    assert len(site.hits("/robots.txt")) == 1
    # A restart waits for the source's next poll; then it sends the validators, gets 304 and fetches no
    # page again.
    w = run_watch([site.base + "/feed.xml"])
    assert len(site.hits("/feed.xml")) == 1
    _make_due(tmp_path)
    w = run_watch([site.base + "/feed.xml"])
    assert w.stats.new == 0
    feed_hits = site.hits("/feed.xml")
    assert feed_hits[-1].get("if-none-match") and feed_hits[-1].get("if-modified-since")
    assert len(site.hits("/a/0.html")) == 1
    (state,) = db_rows("SELECT etag, last_status, errors, entries, articles FROM web_sources")
    assert state[0] and state[1] == 304 and state[2] == 0 and state[3] == 3 and state[4] == 3
    # One item more: only it is fetched.
    _site_with(site, voa, 4)
    _make_due(tmp_path)
    w = run_watch([site.base + "/feed.xml"])
    assert w.stats.new == 1 and len(site.hits("/a/0.html")) == 1
    assert db_rows("SELECT count(*), count(DISTINCT url) FROM article_urls") == [(4, 4)]
    assert db_rows("SELECT count(*) FROM fetch_log WHERE kind = 'page'") == [(4,)]
    assert "articles new 1" in w.lines[-1]  # the progress line


def test_one_article_reached_by_two_urls_and_two_feeds_is_stored_once(
    site: NewsSite, voa: list[dict[str, Any]], run_watch: Callable[..., Any], db_rows: Rows
) -> None:
    canonical = site.base + "/a/0.html"
    site.page("/a/0.html", voa[0], canonical=canonical)
    site.page("/mobile/0.html", voa[0], canonical=canonical)  # another address, same canonical
    site.page("/print/0.html", voa[0])  # same content, no canonical link
    site.feed("/one.xml", [{"path": "/a/0.html", "title": "x"}])
    site.feed(
        "/two.xml",
        [
            {"path": "/a/0.html?utm_source=rss", "title": "x"},
            {"path": "/mobile/0.html", "title": "x"},
            {"path": "/print/0.html", "title": "x"},
        ],
    )
    w = run_watch([site.base + "/one.xml", site.base + "/two.xml"])
    assert w.stats.new == 1
    assert db_rows("SELECT count(*) FROM articles") == [(1,)]
    (article_id,) = db_rows("SELECT article_id FROM articles")[0]
    rows = db_rows("SELECT url, source_url, article_id, canonical_url FROM article_urls ORDER BY 1, 2")
    assert {r[2] for r in rows} == {article_id}
    assert {r[3] for r in rows} == {canonical}
    assert {(r[0], r[1].rsplit("/", 1)[1]) for r in rows} == {
        (canonical, "one.xml"),
        (canonical, "two.xml"),
        (site.base + "/mobile/0.html", "two.xml"),
        (site.base + "/print/0.html", "two.xml"),
    }
    assert not site.hits("/a/0.html?utm_source=rss")  # the tracking parameter is not a new page


def test_failures_are_rejects_the_source_backs_off_and_pages_are_tried_again(
    site: NewsSite, voa: list[dict[str, Any]], run_watch: Callable[..., Any], db_rows: Rows, tmp_path: Path
) -> None:
    site.page("/a/0.html", voa[0])
    site.answer("/a/1.html", 500, b"oops")
    site.answer("/a/2.pdf", 200, b"%PDF-1.4", "application/pdf")
    site.feed("/feed.xml", [{"path": p, "title": "x"} for p in ("/a/0.html", "/a/1.html", "/a/2.pdf")])
    site.answer("/broken.xml", 200, b"<rss><channel><item><title>unclosed", "application/rss+xml")
    w = run_watch([site.base + "/feed.xml", site.base + "/broken.xml"])
    assert w.stats.new == 1
    rejects = dict(db_rows("SELECT path, reason FROM rejects"))
    assert rejects == {
        site.base + "/a/1.html": "http error",
        site.base + "/a/2.pdf": "not html",
        site.base + "/broken.xml": "bad feed",
    }
    # The 500 was retried within the fetch (retries with backoff), then left for a later poll.
    assert len(site.hits("/a/1.html")) == 3
    (pending,) = db_rows(
        "SELECT attempts, gave_up, next_try > now()::TIMESTAMP FROM web_pages WHERE url LIKE '%1.html'"
    )
    assert pending == (1, False, True)
    assert db_rows("SELECT gave_up FROM web_pages WHERE url LIKE '%.pdf'") == [(True,)]
    broken = db_rows(
        "SELECT errors, last_error, next_due > now()::TIMESTAMP FROM web_sources WHERE url LIKE '%broken%'"
    )
    assert broken[0][0] == 1 and broken[0][1].startswith("bad feed") and broken[0][2]
    assert any("broken.xml failed (1 in a row)" in line for line in w.lines)
    # The page comes back; once its retry is due it is stored and its reject goes. The feed answers 304.
    site.page("/a/1.html", voa[1])
    with EventStore(tmp_path / "watch.duckdb") as store:
        store.con.execute("UPDATE web_pages SET next_try = next_try - INTERVAL 1 DAY")
    _make_due(tmp_path)
    w = run_watch([site.base + "/feed.xml", site.base + "/broken.xml"])
    assert w.stats.new == 1
    assert site.hits("/feed.xml")[-1].get("if-none-match")
    assert db_rows("SELECT count(*) FROM articles") == [(2,)]
    assert {r[0] for r in db_rows("SELECT path FROM rejects")} == {
        site.base + "/a/2.pdf",
        site.base + "/broken.xml",
    }
    assert db_rows("SELECT errors FROM web_sources WHERE url LIKE '%broken%'") == [(2,)]


def test_robots_txt_is_obeyed(
    site: NewsSite, voa: list[dict[str, Any]], run_watch: Callable[..., Any], db_rows: Rows
) -> None:
    _site_with(site, voa, 2)
    site.answer("/robots.txt", 200, b"User-agent: *\nDisallow: /a/1.html\n")
    w = run_watch([site.base + "/feed.xml"])
    assert w.stats.new == 1
    assert not site.hits("/a/1.html")
    assert db_rows("SELECT reason FROM rejects") == [("robots",)]


def test_a_page_stored_before_its_url_was_recorded_is_linked_not_stored_again(
    site: NewsSite, voa: list[dict[str, Any]], run_watch: Callable[..., Any], db_rows: Rows, tmp_path: Path
) -> None:
    """A kill between storing a batch and recording its URLs: the restart finds the content stored."""
    _site_with(site, voa, 2)
    run_watch([site.base + "/feed.xml"])
    with EventStore(tmp_path / "watch.duckdb") as store:
        store.con.execute("DELETE FROM article_urls")
        store.con.execute("DELETE FROM web_sources")  # the validators were not saved either
    w = run_watch([site.base + "/feed.xml"])
    assert w.stats.new == 0
    assert db_rows("SELECT count(*) FROM articles") == [(2,)]
    assert db_rows("SELECT count(*) FROM article_urls") == [(2,)]


def test_retention_deletes_old_log_rows_and_rejects(tmp_path: Path) -> None:
    old = web_state.now() - dt.timedelta(days=40)
    with EventStore(tmp_path / "s.duckdb") as store:
        con = store.con
        web_state.ensure_tables(con)
        con.execute("INSERT INTO fetch_log VALUES (?, 'u', 'page', 200, 1, 0.1, 'ok')", [old])
        con.execute("INSERT INTO fetch_log VALUES (?, 'v', 'page', 200, 1, 0.1, 'ok')", [web_state.now()])
        con.execute("INSERT INTO rejects VALUES ('u', 'http error', 'HTTP 500', ?)", [old])
        con.execute("INSERT INTO web_pages VALUES ('u', 's', 5, 'x', ?, ?, TRUE)", [old, old])
        assert web_state.prune(con, 30) == {"fetch_log": 1, "rejects": 1, "web_pages": 1}
        assert con.execute("SELECT url FROM fetch_log").fetchall() == [("v",)]


def test_urls_are_compared_without_tracking_parameters_and_fragments() -> None:
    assert normalize_url("HTTP://Example.ORG:80/a?utm_source=x&id=3#top") == "http://example.org/a?id=3"
    assert normalize_url("https://example.org") == "https://example.org/"
    assert source_backoff(5, 0) == 5 and source_backoff(5, 3) == 40 and source_backoff(5, 20) == 3600
