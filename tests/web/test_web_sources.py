"""Feeds, OPML, sitemaps, pages and WARC files read into articles, against a server on 127.0.0.1."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from webserver import LocalServer

from eventwire.config import Settings
from eventwire.ingest.readers import read_inputs
from eventwire.models import Article, Reject
from eventwire.web.feeds import FeedError, looks_like_feed, parse_feed


def rss(items: list[tuple[str, str, str]]) -> str:
    body = "".join(
        f"<item><title>{t}</title><link>{u}</link><guid>{u}</guid><pubDate>{d}</pubDate></item>"
        for u, t, d in items
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>World</title>{body}</channel></rss>'


def serve_pages(server: LocalServer, pages: list[dict[str, Any]], n: int) -> list[str]:
    return [server.add(f"/story/{p['id']}", p["html"]) for p in pages[:n]]


def test_rss_atom_opml_sitemap_parse() -> None:
    feed = parse_feed(
        rss([("/a/1.html", "One", "Fri, 14 Mar 2025 20:30:26 GMT")]).encode(), "http://127.0.0.1:9/rss"
    )
    assert feed.kind == "rss"
    assert feed.entries[0].url == "http://127.0.0.1:9/a/1.html"
    assert feed.entries[0].published == "2025-03-14T20:30:26Z"
    atom = (
        b'<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><entry><title>Two</title>'
        b'<link href="http://127.0.0.1:9/b"/><id>urn:b</id><updated>2025-03-11T10:00:00Z</updated></entry></feed>'
    )
    parsed = parse_feed(atom)
    assert (parsed.kind, parsed.entries[0].url, parsed.entries[0].title) == (
        "atom",
        "http://127.0.0.1:9/b",
        "Two",
    )
    opml = (
        b'<opml version="2.0"><body><outline text="x" xmlUrl="/rss1"/><outline xmlUrl="/rss2"/></body></opml>'
    )
    assert parse_feed(opml, "http://127.0.0.1:9/list.opml").links == [
        "http://127.0.0.1:9/rss1",
        "http://127.0.0.1:9/rss2",
    ]
    sitemap = (
        b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        b'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"><url><loc>http://127.0.0.1:9/c</loc>'
        b"<news:news><news:publication_date>2025-03-12</news:publication_date><news:title>Three</news:title>"
        b"</news:news></url></urlset>"
    )
    sm = parse_feed(sitemap)
    assert (sm.kind, sm.entries[0].url, sm.entries[0].title, sm.entries[0].published) == (
        "sitemap",
        "http://127.0.0.1:9/c",
        "Three",
        "2025-03-12",
    )
    assert looks_like_feed(sitemap) and not looks_like_feed(b"<!DOCTYPE html><html><body>x</body></html>")


@pytest.mark.parametrize(
    "data",
    [
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>Broken</title><item><title>x</ti',
        b"<urlset><url><loc>http://127.0.0.1/x</loc></url>",
        b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa">]><rss><channel></channel></rss>',
        b"just some text",
    ],
)
def test_malformed_feeds_raise(data: bytes) -> None:
    with pytest.raises(FeedError):
        parse_feed(data)


def test_ingest_feed_url(server: LocalServer, pages: list[dict[str, Any]]) -> None:
    urls = serve_pages(server, pages, 3)
    date = "Fri, 14 Mar 2025 20:30:26 GMT"
    items = [(u, f"Story {i}", date) for i, u in enumerate(urls)]
    # An old item repeated, a page that answers 500, a PDF.
    items += [(urls[0], "Story 0 again", date), (server.url("/status/500"), "Broken", date)]
    items += [(server.url("/not-html"), "A PDF", date)]
    feed_url = server.add("/rss.xml", rss(items), "application/rss+xml")
    got = list(read_inputs([feed_url], Settings()))
    articles = [a for a in got if isinstance(a, Article)]
    rejects = {r.path: r for r in got if isinstance(r, Reject)}
    assert [a.title for a in articles] == [p["title"] for p in pages[:3]]
    assert [a.published for a in articles] == [p["published"] for p in pages[:3]]
    assert rejects[server.url("/status/500")].reason == "http error"
    assert rejects[server.url("/not-html")].reason == "not html"
    assert len(got) == 5
    fetched = [path for path, _ in server.requests]
    assert fetched.count(f"/story/{pages[0]['id']}") == 1


def test_ingest_opml_and_sitemap(server: LocalServer, pages: list[dict[str, Any]]) -> None:
    urls = serve_pages(server, pages, 2)
    sitemap = "".join(f"<url><loc>{u}</loc></url>" for u in urls)
    sm = server.add(
        "/news-sitemap.xml",
        f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{sitemap}</urlset>',
        "application/xml",
    )
    bad = server.add("/bad.xml", b"<rss><channel><item>", "application/rss+xml")
    opml = server.add(
        "/feeds.opml",
        f'<opml><body><outline xmlUrl="{sm}"/><outline xmlUrl="{bad}"/></body></opml>',
        "text/x-opml",
    )
    got = list(read_inputs([opml], Settings()))
    assert sorted(a.title for a in got if isinstance(a, Article)) == sorted(p["title"] for p in pages[:2])
    assert [(r.path, r.reason) for r in got if isinstance(r, Reject)] == [(bad, "bad feed")]


def test_broken_urls_become_rejects(server: LocalServer) -> None:
    names = [server.url(p) for p in ("/status/500", "/loop/a", "/huge", "/not-html")]
    got = list(read_inputs(names, Settings(max_bytes=1_000_000)))
    assert [(r.path, r.reason) for r in got if isinstance(r, Reject)] == list(
        zip(names, ["http error", "redirect loop", "too large", "not html"], strict=True)
    )


def test_page_url_keeps_canonical_and_metadata(server: LocalServer, pages: list[dict[str, Any]]) -> None:
    page = next(p for p in pages if p["template"] == "blog")
    url = server.add("/a/story.html?utm_source=feed", page["html"])
    (article,) = list(read_inputs([url], Settings()))
    assert isinstance(article, Article)
    assert article.title == page["title"]
    assert article.published == page["published"]
    assert article.url == page["canonical_url"]
    assert article.extra["fetched_url"] == url
    assert article.extra["author"] == page["author"]
    assert article.text.startswith(page["title"] + "\n\n")
    assert article.body == page["text"]


def write_warc(path: Path, pages: list[dict[str, Any]]) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "eventwire tests"}))
        for p in pages:
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            req = writer.create_warc_record(
                p["url"], "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")
            )
            writer.write_record(req)
            rec = writer.create_warc_record(
                p["url"], "response", payload=io.BytesIO(p["html"].encode("utf-8")), http_headers=headers
            )
            writer.write_record(rec)
        gone = StatusAndHeaders("404 Not Found", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(
                "https://news.example.org/gone",
                "response",
                payload=io.BytesIO(b"<html>gone</html>"),
                http_headers=gone,
            )
        )
        img = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(
                "https://news.example.org/a.png",
                "response",
                payload=io.BytesIO(b"\x89PNG...."),
                http_headers=img,
            )
        )


def test_read_warc(tmp_path: Path, pages: list[dict[str, Any]]) -> None:
    path = tmp_path / "news.warc.gz"
    write_warc(path, pages[:4])
    got = list(read_inputs([str(tmp_path)], Settings()))
    articles = [a for a in got if isinstance(a, Article)]
    assert [(a.title, a.published) for a in articles] == [(p["title"], p["published"]) for p in pages[:4]]
    assert [r.reason for r in got if isinstance(r, Reject)] == ["http error"]
    broken = tmp_path / "broken.warc"
    broken.write_bytes(b"this is not a warc file\n")
    (bad,) = list(read_inputs([str(broken)], Settings()))
    assert isinstance(bad, Reject) and bad.reason == "bad warc"
