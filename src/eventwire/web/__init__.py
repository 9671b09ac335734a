"""Web sources: article pages, RSS/Atom feeds, OPML lists, news sitemaps and WARC files.

The modules, each usable on its own:

- `eventwire.web.fetch`: one HTTP GET with a named user agent, timeouts, size and redirect limits and
  conditional requests (`fetch(url, options, etag=..., last_modified=...) -> FetchResult`, or `FetchError`).
- `eventwire.web.extract`: HTML -> body text and metadata (`extract_page(html, url) -> Page`) and
  HTML -> `Article` (`article_from_html(html, url) -> Article`, or `RejectError`).
- `eventwire.web.feeds`: RSS/Atom/OPML/news sitemap bytes -> `Feed` with its `FeedEntry` list
  (`parse_feed(data, url) -> Feed`, or `FeedError`).
- `eventwire.web.warc`: WARC / WARC.gz -> response records and articles (`read_warc(path, settings)`).
- `eventwire.web.sources`: what `eventwire ingest` and `eventwire code` do with a URL or a WARC path
  (`read_url(url, settings)`, `is_url(name)`, `is_warc(name)`).
"""

from __future__ import annotations
