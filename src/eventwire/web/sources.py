"""What `eventwire ingest` and `eventwire code` do with a web input.

A URL is fetched once; what comes back decides what it is:
- an RSS/Atom feed or a news sitemap: each entry's page is fetched and read as an article;
- an OPML list (or a sitemap index): each listed feed (sitemap) is read as above;
- an HTML page: the page is the article.
Failures become Reject rows named by the URL with a reason (an HTTP 500, a timeout, a page too large,
a non-HTML answer, a malformed feed...). WARC files are read by `eventwire.web.warc.read_warc`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from eventwire.config import Settings
from eventwire.errors import RejectError
from eventwire.models import Article, Reject
from eventwire.web.fetch import FetchOptions, FetchResult, fetch

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def is_url(name: str) -> bool:
    return name.lower().startswith(("http://", "https://"))


def read_url(
    url: str, settings: Settings, options: FetchOptions | None = None, *, max_depth: int = 2
) -> Iterator[Article | Reject]:
    """The article(s) a URL leads to, each page fetched once; failures are Rejects named by their URL."""
    opts = replace(options or FetchOptions(), max_bytes=settings.max_bytes)
    yield from _read(url, settings, opts, max_depth, set())


def _read(
    url: str, settings: Settings, opts: FetchOptions, depth: int, seen: set[str]
) -> Iterator[Article | Reject]:
    from eventwire.web.feeds import FeedError, looks_like_feed, parse_feed

    if url in seen:
        return
    seen.add(url)
    try:
        result = fetch(url, opts)
    except RejectError as exc:
        yield Reject(url, exc.reason, exc.detail)
        return
    seen.add(result.final_url)
    if result.content_type not in _HTML_TYPES and looks_like_feed(result.body, result.content_type):
        try:
            feed = parse_feed(result.body, result.final_url)
        except FeedError as exc:
            yield Reject(url, exc.reason, exc.detail)
            return
        if depth <= 0:
            yield Reject(url, "too deep", "a feed list nested deeper than the limit")
            return
        for link in feed.links:
            yield from _read(link, settings, opts, depth - 1, seen)
        for entry in feed.entries:
            if entry.url not in seen:
                yield from _page(entry.url, settings, opts, seen)
        return
    yield _html_article(url, result)


def _page(url: str, settings: Settings, opts: FetchOptions, seen: set[str]) -> Iterator[Article | Reject]:
    seen.add(url)
    try:
        result = fetch(url, opts)
    except RejectError as exc:
        yield Reject(url, exc.reason, exc.detail)
        return
    seen.add(result.final_url)
    yield _html_article(url, result)


def _html_article(url: str, result: FetchResult) -> Article | Reject:
    """A fetched page as an Article, or the reason it is not one."""
    from eventwire.web.extract import article_from_html

    if result.content_type and result.content_type not in _HTML_TYPES:
        return Reject(url, "not html", f"the server sent {result.content_type}")
    body: bytes | str = result.body
    if result.charset:
        try:
            body = result.body.decode(result.charset)
        except (LookupError, UnicodeDecodeError):
            body = result.body
    try:
        article = article_from_html(body, result.final_url, path=url)
    except RejectError as exc:
        return Reject(url, exc.reason, exc.detail)
    if result.final_url != url:
        article.extra["requested_url"] = url
    return article
