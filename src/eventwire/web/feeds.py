"""RSS 0.9x/1.0/2.0, Atom, OPML and (news) sitemaps -> one `Feed` with a list of entries.

    from eventwire.web.feeds import parse_feed, looks_like_feed, FeedError

    feed = parse_feed(data, url="https://example.org/rss.xml")
    feed.kind       # 'rss' | 'atom' | 'opml' | 'sitemap' | 'sitemapindex'
    feed.entries    # [FeedEntry(url, title, published, guid, summary)] in document order
    feed.links      # OPML: the feed URLs it lists; sitemap index: the child sitemap URLs

RSS and Atom go through feedparser (which never fetches when given bytes); sitemaps and OPML are
parsed with the standard library's XML parser (no entity expansion). Relative URLs are resolved against
`url`. A document that is not well-formed XML, or has no recognisable root, raises FeedError.
"""

from __future__ import annotations

import calendar
import re
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin

from eventwire.errors import RejectError

FEED_TYPES = (
    "application/rss+xml",
    "application/atom+xml",
    "application/rdf+xml",
    "application/xml",
    "text/xml",
    "application/x-opml+xml",
    "text/x-opml",
)
_ROOT = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(rss|feed|RDF|opml|urlset|sitemapindex)\b")
_DECL = re.compile(rb"<!DOCTYPE[^>]*\[|<!ENTITY", re.IGNORECASE)


class FeedError(RejectError):
    """A feed, OPML list or sitemap that cannot be read (reason 'bad feed')."""


@dataclass(frozen=True)
class FeedEntry:
    url: str
    title: str | None = None
    # ISO date-time (UTC, 'YYYY-MM-DDTHH:MM:SSZ'), or a date when only that is known.
    published: str | None = None
    guid: str | None = None
    summary: str | None = None


@dataclass(frozen=True)
class Feed:
    kind: str
    url: str | None = None
    title: str | None = None
    entries: list[FeedEntry] = field(default_factory=list)
    links: list[str] = field(default_factory=list)


def looks_like_feed(data: bytes, content_type: str = "") -> bool:
    """True for RSS/Atom/OPML/sitemap media types or an XML root of one of these kinds."""
    ctype = content_type.split(";")[0].strip().lower()
    if ctype in ("text/html", "application/xhtml+xml"):
        return _root_kind(data) is not None and b"<html" not in data[:2048].lower()
    return ctype in FEED_TYPES or _root_kind(data) is not None


def _root_kind(data: bytes) -> str | None:
    m = _ROOT.search(data[:4096])
    return m.group(1).decode().lower() if m else None


def parse_feed(data: bytes, url: str | None = None) -> Feed:
    """Parse one feed, OPML list or sitemap. Raises FeedError when it is none of them or malformed."""
    kind = _root_kind(data)
    if kind is None:
        raise FeedError("bad feed", "not an RSS or Atom feed, an OPML list or a sitemap")
    if kind in ("opml", "urlset", "sitemapindex"):
        root = _xml_root(data)
        if kind == "opml":
            return _opml(root, url)
        return _sitemap(root, url, kind)
    return _rss_atom(data, url)


def _xml_root(data: bytes) -> ET.Element:
    if _DECL.search(data[:65536]):
        raise FeedError("bad feed", "a DTD or entity declaration (refused)")
    try:
        return ET.fromstring(data)
    except ET.ParseError as exc:
        raise FeedError("bad feed", f"malformed XML: {exc}") from None


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1].lower()


def _abs(href: str, url: str | None) -> str:
    href = href.strip()
    return urljoin(url, href) if url else href


def _opml(root: ET.Element, url: str | None) -> Feed:
    links: list[str] = []
    for el in root.iter():
        if _local(el.tag) == "outline":
            href = el.get("xmlUrl") or el.get("xmlurl") or el.get("url")
            if href and href.strip():
                link = _abs(href, url)
                if link not in links:
                    links.append(link)
    title = next((el.text.strip() for el in root.iter() if _local(el.tag) == "title" and el.text), None)
    return Feed(kind="opml", url=url, title=title, links=links)


def _child_text(el: ET.Element, name: str) -> str | None:
    for child in el.iter():
        if _local(child.tag) == name and child.text and child.text.strip():
            return child.text.strip()
    return None


def _sitemap(root: ET.Element, url: str | None, kind: str) -> Feed:
    entries: list[FeedEntry] = []
    links: list[str] = []
    item_tag = "url" if kind == "urlset" else "sitemap"
    for el in root:
        if _local(el.tag) != item_tag:
            continue
        loc = next((c.text for c in el if _local(c.tag) == "loc" and c.text), None)
        if not loc or not loc.strip():
            continue
        if kind == "sitemapindex":
            links.append(_abs(loc, url))
            continue
        # Google News sitemaps: <news:news><news:publication_date/><news:title/></news:news>.
        date = _child_text(el, "publication_date") or _child_text(el, "lastmod")
        entries.append(FeedEntry(url=_abs(loc, url), title=_child_text(el, "title"), published=date))
    return Feed(kind="sitemap" if kind == "urlset" else "sitemapindex", url=url, entries=entries, links=links)


def _rss_atom(data: bytes, url: str | None) -> Feed:
    import feedparser

    if _DECL.search(data[:65536]):
        raise FeedError("bad feed", "a DTD or entity declaration (refused)")
    parsed: Any = feedparser.parse(data, response_headers={"content-location": url} if url else None)
    if parsed.get("bozo") and not parsed.entries:
        exc = parsed.get("bozo_exception")
        raise FeedError("bad feed", f"malformed XML: {exc}" if exc else "malformed XML")
    if parsed.get("bozo") and isinstance(parsed.get("bozo_exception"), Exception):
        # feedparser recovers from some errors; a feed that is not well-formed XML is still refused so
        # that a truncated feed never passes as a shorter one.
        exc = parsed.get("bozo_exception")
        if "not well-formed" in str(exc) or type(exc).__name__ in ("SAXParseException",):
            raise FeedError("bad feed", f"malformed XML: {exc}")
    version = str(parsed.get("version") or "")
    kind = "atom" if version.startswith("atom") else "rss"
    entries: list[FeedEntry] = []
    for e in parsed.entries:
        link = e.get("link") or next((ln.get("href") for ln in e.get("links", []) if ln.get("href")), None)
        if not link:
            guid = e.get("id") or ""
            link = guid if guid.startswith(("http://", "https://")) else None
        if not link:
            continue
        stamp = e.get("published_parsed") or e.get("updated_parsed")
        published = (
            time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(calendar.timegm(stamp))) if stamp else None
        )
        entries.append(
            FeedEntry(
                url=_abs(link, url),
                title=(e.get("title") or "").strip() or None,
                published=published,
                guid=e.get("id") or None,
                summary=(e.get("summary") or "").strip() or None,
            )
        )
    title = (parsed.feed.get("title") or "").strip() or None
    return Feed(kind=kind, url=url, title=title, entries=entries)
