"""Article formats: the dated wire format, plain text and JSON objects, each to one Article.

The dated wire format:
    line 1   `date YYYY-MM-DD Section`
    line 2   the source or agency
    then     the title, an optional local time line (`10:00pm`), photo captions (which the format
             repeats with a `(Source: ...)` credit) and the body, one paragraph a line.

Each parser marks the dateline opening the first body paragraph (`ingest.dateline`) and records where the
article's `published` came from in `extra["published_from"]` (`ingest.dates`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Mapping
from typing import Any

from eventwire.errors import RejectError
from eventwire.ingest.dateline import attach_dateline
from eventwire.models import Article, Segment

_HEADER = re.compile(r"^\s*date\b(?P<rest>.*)$", re.IGNORECASE)
_HEADER_FULL = re.compile(
    r"^\s*date\s+(?P<date>\d{4}-\d{2}-\d{2})(?:\s+(?P<section>.*?))?\s*$", re.IGNORECASE
)
_LOCAL_TIME = re.compile(
    r"^\s*(?P<h>\d{1,2})(?::(?P<m>\d{2}))?\s*(?P<ampm>[ap]\.?\s?m\.?)?\s*$", re.IGNORECASE
)
# A photo credit closing a caption: "(Source: Associated Press)", "(AP Photo/Jane Doe)", "(Photo: Reuters)".
_CREDIT = re.compile(
    r"\s*\((?:source|photo|credit|image)s?\s*[:/][^()]*\)\s*$|\s*\([A-Z]{2,6} Photo[^()]*\)\s*$",
    re.IGNORECASE,
)


def content_id(*parts: str | None) -> str:
    """A stable article id: the hash of the article's content (16 hex digits of SHA-256)."""
    h = hashlib.sha256()
    for p in parts:
        h.update((p or "").encode("utf-8"))
        h.update(b"\x1f")
    return h.hexdigest()[:16]


def is_dated_format(text: str) -> bool:
    first = text.lstrip().split("\n", 1)[0]
    return bool(_HEADER.match(first)) and len(first) < 120


def parse_dated_text(text: str, path: str | None = None) -> Article:
    """Parse the dated wire format; a malformed header is rejected with the reason."""
    lines = text.split("\n")
    first_idx = next(i for i, line in enumerate(lines) if line.strip())
    header = lines[first_idx]
    m = _HEADER_FULL.match(header)
    if not m:
        raise RejectError(
            "malformed header", f"line 1 must read `date YYYY-MM-DD Section`, got {header.strip()[:60]!r}"
        )
    published = m.group("date")
    try:
        dt.date.fromisoformat(published)
    except ValueError:
        raise RejectError("malformed header", f"{published!r} is not a valid date") from None
    section = (m.group("section") or "").strip() or None

    header_span = _line_span_at(text, first_idx)
    spans = [s for s in _line_spans(text) if s[0] >= header_span[1]]
    if not spans:
        raise RejectError("malformed header", "a header but no source, title or body follows it")
    segments: list[Segment] = [Segment("header", *header_span)]
    source = None
    if len(spans) >= 2:
        source = text[spans[0][0] : spans[0][1]].strip()
        segments.append(Segment("header", *spans[0]))
        spans = spans[1:]
    title_span = spans[0]
    title = text[title_span[0] : title_span[1]].strip()
    segments.append(Segment("title", *title_span))
    rest = spans[1:]
    local_time = None
    if rest:
        lt = _parse_local_time(text[rest[0][0] : rest[0][1]])
        if lt:
            local_time = lt
            segments.append(Segment("local_time", *rest[0]))
            rest = rest[1:]
    segments.extend(_mark_captions(text, rest))
    article = Article(
        article_id=content_id(text),
        text=text,
        published=published,
        source=source,
        section=section,
        title=title,
        path=path,
        local_time=local_time,
        segments=sorted(segments, key=lambda s: s.start),
        extra={"published_from": "header"},
    )
    return attach_dateline(article)


def parse_plain_text(text: str, path: str | None = None) -> Article:
    """Plain text: a short first line followed by a blank line is the title; the rest is body."""
    spans = _line_spans(text)
    segments: list[Segment] = []
    title = None
    if len(spans) > 1:
        first = text[spans[0][0] : spans[0][1]].strip()
        blank_after = text[spans[0][1] : spans[1][0]].count("\n") >= 2
        if blank_after and len(first.split()) <= 25 and not first.endswith((".", '"', "”")):
            title = first
            segments.append(Segment("title", *spans[0]))
            spans = spans[1:]
    segments.extend(_mark_captions(text, spans))
    article = Article(article_id=content_id(text), text=text, title=title, path=path, segments=segments)
    return attach_dateline(article)


def article_from_json(obj: Mapping[str, Any], path: str | None = None) -> Article:
    """One JSON object: `text` required; `id`, `title`, `published`, `source`, `url`, `section` optional.

    Unknown fields are kept in `extra`. The article id is the content hash; a given `id` is kept in extra.
    """
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        raise RejectError("no text", "the JSON object has no non-empty `text` field")
    from eventwire.ingest.decode import normalise_text

    text = normalise_text(text)
    published = _iso_date(obj.get("published") or obj.get("date"))
    title = obj.get("title") if isinstance(obj.get("title"), str) else None
    known = {"text", "title", "published", "date", "source", "url", "section", "id"}
    extra = {k: v for k, v in obj.items() if k not in known}
    if obj.get("id") is not None:
        extra["source_id"] = obj["id"]
    if obj.get("date") is not None and not obj.get("published"):
        extra["date"] = obj["date"]
    if published:
        extra["published_from"] = "json"
    article_id = content_id(published, title, text)
    segments = _mark_captions(text, _line_spans(text))
    headline = " ".join(title.split()) if title else ""
    if headline and not text.lstrip().startswith(headline):
        # The headline is coded too: it leads the article's text as a segment of its own.
        body_at = len(headline) + 2
        text = f"{headline}\n\n{text}"
        segments = [Segment("title", 0, len(headline))] + [_shifted(s, body_at) for s in segments]
    article = Article(
        article_id=article_id,
        text=text,
        published=published,
        source=_str_or_none(obj.get("source")),
        section=_str_or_none(obj.get("section")),
        title=title,
        url=_str_or_none(obj.get("url")),
        path=path,
        segments=segments,
        extra=extra,
    )
    return attach_dateline(article)


def _shifted(seg: Segment, by: int) -> Segment:
    first = None if seg.duplicate_of is None else seg.duplicate_of + by
    return Segment(seg.kind, seg.start + by, seg.end + by, first)


def _iso_date(value: Any) -> str | None:
    if value is None or value == "":
        return None
    s = str(value).strip()
    m = re.match(r"(\d{4}-\d{2}-\d{2})", s)
    if not m:
        raise RejectError("bad date", f"`published` must start with YYYY-MM-DD, got {s[:40]!r}")
    try:
        dt.date.fromisoformat(m.group(1))
    except ValueError:
        raise RejectError("bad date", f"{m.group(1)!r} is not a valid date") from None
    return m.group(1)


def _str_or_none(v: Any) -> str | None:
    return str(v) if v not in (None, "") else None


def _parse_local_time(line: str) -> str | None:
    m = _LOCAL_TIME.match(line)
    if not m or (m.group("m") is None and m.group("ampm") is None):
        return None
    h, mins = int(m.group("h")), int(m.group("m") or 0)
    ampm = (m.group("ampm") or "").lower().replace(".", "").replace(" ", "")
    if ampm == "pm" and h < 12:
        h += 12
    elif ampm == "am" and h == 12:
        h = 0
    if h > 23 or mins > 59:
        return None
    return f"{h:02d}:{mins:02d}"


def _line_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank line, trimmed of surrounding whitespace."""
    spans = []
    pos = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            spans.append((pos + lead, pos + lead + len(stripped)))
        pos += len(line) + 1
    return spans


def _offset_of_line(text: str, idx: int) -> int:
    return sum(len(line) + 1 for line in text.split("\n")[:idx])


def _line_span_at(text: str, idx: int) -> tuple[int, int]:
    start = _offset_of_line(text, idx)
    line = text.split("\n")[idx]
    lead = len(line) - len(line.lstrip())
    return start + lead, start + lead + len(line.strip())


def _mark_captions(text: str, spans: list[tuple[int, int]]) -> list[Segment]:
    """Mark captions and their credit lines; everything else is body.

    A paragraph closed by a photo credit is a caption; the credit is its own segment. A paragraph equal to
    a credited caption's text is the same caption printed twice: it is marked, and only one copy is coded.
    """
    credited: dict[str, int] = {}
    for start, end in spans:
        para = text[start:end]
        m = _CREDIT.search(para)
        if m and m.start() > 0:
            credited.setdefault(para[: m.start()].strip(), start)
    segments: list[Segment] = []
    first_copy: dict[str, int] = {}
    for start, end in spans:
        para = text[start:end]
        m = _CREDIT.search(para)
        caption_text = para[: m.start()].strip() if m and m.start() > 0 else para.strip()
        if m and m.start() > 0:
            cap_end = start + len(para[: m.start()].rstrip())
            dup = first_copy.get(caption_text)
            segments.append(Segment("caption", start, cap_end, duplicate_of=dup))
            first_copy.setdefault(caption_text, start)
            segments.append(
                Segment("credit", start + m.start() + (len(m.group()) - len(m.group().lstrip())), end)
            )
        elif caption_text in credited:
            dup = first_copy.get(caption_text)
            segments.append(Segment("caption", start, end, duplicate_of=dup))
            first_copy.setdefault(caption_text, start)
        else:
            segments.append(Segment("body", start, end))
    return segments
