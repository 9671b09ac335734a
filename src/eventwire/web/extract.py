"""HTML -> body text and metadata, and HTML -> Article.

    from eventwire.web.extract import extract_page, article_from_html

    page = extract_page(html_bytes, url="https://example.org/story")   # Page
    page.text, page.title, page.published, page.author, page.lang, page.canonical_url
    article = article_from_html(html_bytes, url)                       # Article, or RejectError

The body text comes from trafilatura (precision-oriented main-text extraction, no network), the
publication date from the page's metadata (JSON-LD datePublished, article:published_time, <time datetime>,
...) through htmldate's metadata-only search; nothing is fetched.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin

from eventwire.errors import RejectError
from eventwire.models import Article, Segment

# htmldate reads the page's own metadata first (JSON-LD, Open Graph / article:published_time, <time>,
# meta name=date...); the extensive search of free text is off: a date guessed from the body or from a
# "related stories" list would be a wrong document creation time.
_DATE_PARAMS: dict[str, Any] = {"extensive_search": False, "original_date": True, "outputformat": "%Y-%m-%d"}
_SPACES = re.compile(r"[ \t\u00a0]+")
_MIN_WORDS = 40
_LANG = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$")


@dataclass(frozen=True)
class Page:
    text: str  # body paragraphs separated by blank lines ('' when none was found)
    title: str | None
    published: str | None  # ISO date YYYY-MM-DD
    author: str | None
    lang: str | None  # from <html lang> or meta, as written (e.g. 'en', 'en-US'); None when absent
    canonical_url: str | None
    url: str | None  # the URL the page was fetched from
    sitename: str | None = None
    description: str | None = None


def extract_page(html: bytes | str, url: str | None = None) -> Page:
    """Body text and metadata of one HTML page. Never fetches anything."""
    import trafilatura
    from trafilatura.utils import load_html

    tree = load_html(html)
    if tree is None:
        return Page(text="", title=None, published=None, author=None, lang=None, canonical_url=None, url=url)
    lang = _page_lang(tree)
    canonical = _canonical(tree, url)
    meta = _trafilatura(trafilatura, html, url, precision=True)
    if len((meta.get("text") or "").split()) < _MIN_WORDS:
        # Precision mode gives up on some layouts (tables, <br>-separated text): the default mode reads them.
        meta = _trafilatura(trafilatura, html, url, precision=False)
    text = _drop_headline(_paragraphs(meta.get("text") or ""), meta.get("title"))
    return Page(
        text=text,
        title=_clean(meta.get("title")),
        published=_clean(meta.get("date")),
        author=_clean(meta.get("author")),
        lang=lang,
        canonical_url=canonical,
        url=url,
        sitename=_clean(meta.get("sitename")),
        description=_clean(meta.get("description")),
    )


def _trafilatura(module: Any, html: bytes | str, url: str | None, *, precision: bool) -> dict[str, Any]:
    doc = module.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        include_links=False,
        favor_precision=precision,
        date_extraction_params=_DATE_PARAMS,
    )
    return doc.as_dict() if doc is not None else {}


def _drop_headline(text: str, title: object) -> str:
    """The headline is metadata, not body: a first paragraph that repeats it is dropped."""
    if not isinstance(title, str) or not text:
        return text
    first, _, rest = text.partition("\n\n")
    if " ".join(first.split()).casefold() == " ".join(title.split()).casefold():
        return rest
    return text


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None


def _paragraphs(text: str) -> str:
    """One paragraph a block, blank lines between, spaces collapsed."""
    paras = (_SPACES.sub(" ", line).strip() for line in text.splitlines())
    return "\n\n".join(p for p in paras if p)


def _page_lang(tree: Any) -> str | None:
    candidates = [
        tree.get("lang"),
        tree.get("{http://www.w3.org/XML/1998/namespace}lang"),
        *tree.xpath("//meta[translate(@http-equiv,'CONTENTLAGU','contentlagu')='content-language']/@content"),
        *tree.xpath("//meta[@property='og:locale']/@content"),
    ]
    for value in candidates:
        value = (value or "").strip().split(",")[0].strip()
        if value and _LANG.match(value):
            return value.replace("_", "-")
    return None


def _canonical(tree: Any, url: str | None) -> str | None:
    hrefs = tree.xpath("//link[contains(concat(' ', normalize-space(@rel), ' '), ' canonical ')]/@href")
    hrefs += tree.xpath("//meta[@property='og:url']/@content")
    for href in hrefs:
        href = (href or "").strip()
        if href:
            absolute = urljoin(url, href) if url else href
            if absolute.startswith(("http://", "https://")):
                return absolute
    return None


def article_from_html(
    html: bytes | str, url: str | None = None, *, path: str | None = None, fetched_date: str | None = None
) -> Article:
    """An Article for a news page: title segment, body segments, published date, url = canonical URL.

    Raises RejectError('no article text', ...) when the page has no body text that reads as prose.
    `article.extra` keeps 'fetched_url', 'canonical_url', 'author', 'page_lang', 'sitename'.
    """
    from eventwire.ingest.decode import check_prose, normalise_text
    from eventwire.ingest.formats import content_id

    page = extract_page(html, url)
    body = normalise_text(page.text) if page.text else ""
    if not body.strip():
        raise RejectError("no article text", "the page has no main text an extractor can find")
    check_prose(body)
    headline = page.title or ""
    segments: list[Segment] = []
    offset = 0
    text = body
    if headline and not body.startswith(headline):
        text = f"{headline}\n\n{body}"
        segments.append(Segment("title", 0, len(headline)))
        offset = len(headline) + 2
    start = 0
    for para in body.split("\n\n"):
        at = body.index(para, start)
        segments.append(Segment("body", offset + at, offset + at + len(para)))
        start = at + len(para)
    extra: dict[str, Any] = {"fetched_url": url} if url else {}
    for key, value in (
        ("canonical_url", page.canonical_url),
        ("author", page.author),
        ("page_lang", page.lang),
        ("sitename", page.sitename),
        ("fetched_date", fetched_date),
    ):
        if value:
            extra[key] = value
    return Article(
        article_id=content_id(page.published, page.title, body),
        text=text,
        published=page.published,
        source=page.sitename,
        title=page.title,
        url=page.canonical_url or url,
        path=path or url,
        segments=segments,
        extra=extra,
    )
