"""Readers: paths, directories (recursive), JSON lines and stdin, streamed one article at a time.

Every input yields either an Article or a Reject with a one-line reason; nothing is read whole into
memory beyond one article (JSON lines are streamed line by line). An article whose content gives no
publication date takes the date in its file's name, else `settings.published` (`ingest.dates`).
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from eventwire.config import Settings
from eventwire.errors import RejectError
from eventwire.ingest.dateline import attach_dateline
from eventwire.ingest.dates import fill_published, mark_published
from eventwire.ingest.decode import check_prose, decode_bytes
from eventwire.ingest.formats import article_from_json, is_dated_format, parse_dated_text, parse_plain_text
from eventwire.models import Article, Reject
from eventwire.web.sources import is_url
from eventwire.web.warc import is_warc

JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz")
JSON_SUFFIXES = (".json",)
# Documentation that sits beside articles in a folder (attribution, licences) is not an article.
_DOC_NAMES = ("readme", "license", "licence", "notice", "attribution", "copying")


def _is_documentation(name: str) -> bool:
    low = name.lower()
    return low.startswith(_DOC_NAMES) or low.endswith(".md")


def iter_input_files(paths: Iterable[str]) -> Iterator[str]:
    """Expand directories recursively; `-` stands for stdin.

    Entries are sorted; hidden entries and documentation files (README, LICENSE, NOTICE, ATTRIBUTION,
    *.md) inside directories are skipped. Named files are always read.
    """
    for p in paths:
        if p == "-" or is_url(p):
            yield p
            continue
        path = Path(p)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for f in sorted(files):
                    if not f.startswith(".") and not _is_documentation(f):
                        yield str(Path(root) / f)
        else:
            yield str(path)


def read_inputs(paths: Iterable[str], settings: Settings) -> Iterator[Article | Reject]:
    for name in iter_input_files(paths):
        yield from read_one(name, settings)


def read_one(name: str, settings: Settings) -> Iterator[Article | Reject]:
    if name == "-":
        yield from _read_stream(sys.stdin.buffer, "<stdin>", settings)
        return
    if is_url(name):
        from eventwire.web.sources import read_url

        yield from _web_items(read_url(name, settings), settings)
        return
    path = Path(name)
    if not path.exists():
        yield Reject(name, "not found", "no such file or directory")
        return
    if is_warc(name):
        from eventwire.web.warc import read_warc

        yield from _web_items(read_warc(name, settings), settings)
        return
    if name.endswith(JSONL_SUFFIXES):
        yield from _read_jsonl_file(path, settings)
        return
    try:
        size = path.stat().st_size
        if size > settings.max_bytes:
            raise RejectError(
                "too large",
                f"{size:,} bytes is over the {settings.max_bytes:,}-byte limit (raise --max-bytes)",
            )
        data = path.read_bytes()
    except RejectError as exc:
        yield Reject(name, exc.reason, exc.detail)
        return
    except OSError as exc:
        yield Reject(name, "unreadable", str(exc))
        return
    if name.endswith(JSON_SUFFIXES):
        yield from _read_json_document(data, name, settings)
        return
    yield _text_article(data, name, settings)


def _text_article(data: bytes, name: str, settings: Settings) -> Article | Reject:
    try:
        text, note = decode_bytes(data, max_bytes=settings.max_bytes)
        article = parse_dated_text(text, name) if is_dated_format(text) else parse_plain_text(text, name)
        check_prose(article.body or text)
    except RejectError as exc:
        return Reject(name, exc.reason, exc.detail)
    if note:
        article.extra["encoding_note"] = note
    return fill_published(article, file_name=name, flag=settings.published)


def _web_items(items: Iterable[Article | Reject], settings: Settings) -> Iterator[Article | Reject]:
    """Pages and WARC records: the page's metadata dates them, else a dateline, else `--published`."""
    for item in items:
        if isinstance(item, Article):
            mark_published(item, "page")
            if item.dateline is None:
                attach_dateline(item)
            fill_published(item, flag=settings.published)
        yield item


def _read_stream(stream: BinaryIO, name: str, settings: Settings) -> Iterator[Article | Reject]:
    head = stream.peek(64)[:64] if hasattr(stream, "peek") else b""
    if head.lstrip().startswith(b"{"):
        yield from _read_jsonl_lines(stream, name, settings)
        return
    data = stream.read(settings.max_bytes + 1)
    yield _text_article(data, name, settings)


def _read_jsonl_file(path: Path, settings: Settings) -> Iterator[Article | Reject]:
    try:
        if path.suffix == ".gz":
            import gzip

            with gzip.open(path, "rb") as fh:
                yield from _read_jsonl_lines(fh, str(path), settings)
        else:
            with path.open("rb") as fh:
                yield from _read_jsonl_lines(fh, str(path), settings)
    except OSError as exc:
        yield Reject(str(path), "unreadable", str(exc))


def _read_jsonl_lines(lines: Iterable[bytes], name: str, settings: Settings) -> Iterator[Article | Reject]:
    for lineno, raw in enumerate(lines, 1):
        if not raw.strip():
            continue
        where = f"{name}:{lineno}"
        if len(raw) > settings.max_bytes:
            yield Reject(
                where, "too large", f"{len(raw):,} bytes is over the {settings.max_bytes:,}-byte limit"
            )
            continue
        try:
            obj = json.loads(raw)
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            yield Reject(where, "bad json", f"line {lineno}: {exc}")
            continue
        yield _object_article(obj, where, name, settings)


def _read_json_document(data: bytes, name: str, settings: Settings) -> Iterator[Article | Reject]:
    """A .json file: one article object, or a list of them."""
    try:
        doc = json.loads(data)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        yield Reject(name, "bad json", str(exc))
        return
    if isinstance(doc, list):
        for i, obj in enumerate(doc):
            yield _object_article(obj, f"{name}[{i}]", name, settings)
    else:
        yield _object_article(doc, name, name, settings)


def _object_article(obj: object, where: str, name: str, settings: Settings) -> Article | Reject:
    """One decoded JSON value as an article, or the reason it is not one; an object without a date takes
    the date in the name of its file `name`, else `settings.published`."""
    try:
        if not isinstance(obj, dict):
            raise RejectError("bad json", f"expected an object, got {type(obj).__name__}")
        article = article_from_json(obj, where)
        check_prose(article.text)
    except RejectError as exc:
        return Reject(where, exc.reason, exc.detail)
    return fill_published(article, file_name=name, flag=settings.published)
