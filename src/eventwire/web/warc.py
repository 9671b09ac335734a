"""WARC and WARC.gz files (as Common Crawl News publishes them) -> HTML responses -> articles.

    from eventwire.web.warc import iter_html_responses, read_warc

    for rec in iter_html_responses("CC-NEWS-....warc.gz"):   # WarcResponse(url, date, status, ...)
        ...
    for item in read_warc(path, settings):                      # Article | Reject, streamed
        ...

Records are streamed with warcio (one record in memory at a time); only `response` records with a 2xx
status and an HTML content type are read as articles. A record whose page yields no article text is a
Reject named `PATH#URL`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from eventwire.config import Settings
from eventwire.errors import RejectError
from eventwire.models import Article, Reject

WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")


@dataclass(frozen=True)
class WarcResponse:
    url: str
    date: str | None  # WARC-Date (ISO date-time)
    status: int
    content_type: str
    body: bytes
    record_id: str | None = None


def is_warc(name: str) -> bool:
    return name.lower().endswith(WARC_SUFFIXES)


_HTML_TYPES = ("text/html", "application/xhtml+xml")


def iter_html_responses(
    path: str, max_bytes: int | None = None, skipped: list[tuple[str, str, str]] | None = None
) -> Iterator[WarcResponse]:
    """The HTML `response` records of a WARC file, in order.

    A response that is not 2xx, not HTML or over `max_bytes` is left out; when `skipped` is given, each
    left-out response is appended to it as (url, reason, detail). Raises RejectError when the file is not
    a WARC file or is cut short.
    """
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    _check_magic(path)
    try:
        with open(path, "rb") as fh:
            for record in ArchiveIterator(fh, arc2warc=True):
                if record.rec_type != "response":
                    continue
                url = record.rec_headers.get_header("WARC-Target-URI") or ""
                http = record.http_headers
                status = int(http.get_statuscode() or 0) if http is not None else 0
                ctype = (http.get_header("Content-Type") or "") if http is not None else ""
                media = ctype.split(";")[0].strip().lower()
                if not 200 <= status < 300:
                    if skipped is not None:
                        skipped.append((url, "http error", f"the archived answer is HTTP {status}"))
                    continue
                if media not in _HTML_TYPES:
                    continue
                stream = record.content_stream()
                limit = max_bytes if max_bytes is not None else -1
                body = stream.read(limit + 1) if limit >= 0 else stream.read()
                if max_bytes is not None and len(body) > max_bytes:
                    if skipped is not None:
                        skipped.append((url, "too large", f"over the {max_bytes:,}-byte limit"))
                    continue
                yield WarcResponse(
                    url=url,
                    date=record.rec_headers.get_header("WARC-Date"),
                    status=status,
                    content_type=media,
                    body=body,
                    record_id=record.rec_headers.get_header("WARC-Record-ID"),
                )
    except ArchiveLoadFailed as exc:
        raise RejectError("bad warc", str(exc).splitlines()[0] if str(exc) else "not a WARC file") from None
    except (OSError, EOFError, ValueError) as exc:
        raise RejectError("bad warc", f"{type(exc).__name__}: {exc}") from None


def _check_magic(path: str) -> None:
    """A WARC (or ARC) file starts with its version line, gzipped or not."""
    import gzip

    try:
        with open(path, "rb") as fh:
            head = fh.read(2)
            fh.seek(0)
            start = gzip.GzipFile(fileobj=fh).read(16) if head == b"\x1f\x8b" else fh.read(16)
    except (OSError, EOFError) as exc:
        raise RejectError("bad warc", f"{type(exc).__name__}: {exc}") from None
    if not start.startswith((b"WARC/", b"filedesc://")):
        raise RejectError("bad warc", "the file does not start with a WARC record")


def read_warc(path: str, settings: Settings) -> Iterator[Article | Reject]:
    """Each HTML response of a WARC file as an Article (or a Reject named PATH#URL), streamed."""
    from eventwire.web.extract import article_from_html

    skipped: list[tuple[str, str, str]] = []
    try:
        for rec in iter_html_responses(path, settings.max_bytes, skipped):
            while skipped:
                url, reason, detail = skipped.pop(0)
                yield Reject(f"{path}#{url}", reason, detail)
            where = f"{path}#{rec.url}"
            try:
                article = article_from_html(rec.body, rec.url, path=where, fetched_date=rec.date)
            except RejectError as exc:
                yield Reject(where, exc.reason, exc.detail)
                continue
            yield article
    except RejectError as exc:
        yield Reject(path, exc.reason, exc.detail)
    for url, reason, detail in skipped:
        yield Reject(f"{path}#{url}", reason, detail)
