"""Sharing one DuckDB file between processes: writers hold it only while they store a batch.

DuckDB lets one process at a time open a file for writing, and a writing process keeps every other process
out, readers included. So eventwire never keeps a database open for long: `eventwire ingest` and
`eventwire watch` open the file for each batch they store and close it right after (`EventStore.release`),
and `eventwire serve` reads a private copy of the file that it renews when the file changes
(`serve.db.Database`). A process that finds the file held waits for it, retrying with a short backoff, for
`EVENTWIRE_LOCK_WAIT_SECONDS` (default 60 s); only then does it stop, with `DatabaseBusy` saying what to do.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Callable
from typing import TypeVar

import duckdb

from eventwire.errors import UsageError

T = TypeVar("T")

DEFAULT_LOCK_WAIT_SECONDS = 60.0


class DatabaseBusy(UsageError):
    """Another process held the database for longer than this one would wait."""


def lock_wait_seconds() -> float:
    return float(os.environ.get("EVENTWIRE_LOCK_WAIT_SECONDS", str(DEFAULT_LOCK_WAIT_SECONDS)))


def is_lock_conflict(exc: BaseException) -> bool:
    """A lock held by another process, or (within one process) the file open on another connection."""
    text = str(exc).lower()
    held = ("lock" in text and ("conflict" in text or "could not set" in text)) or "already attached" in text
    return isinstance(exc, duckdb.Error) and held


def busy_message(path: str, exc: BaseException, waited: float) -> str:
    pid = re.search(r"PID (\d+)", str(exc))
    holder = f"process {pid.group(1)}" if pid else "another process"
    return (
        f"{path} is in use: {holder} kept it open for writing for more than {waited:.0f} s. "
        "eventwire's own writers (ingest, watch) hold it only while they store a batch and `eventwire serve` "
        "reads a copy, so this is another program (a DuckDB shell, a notebook) or a stuck eventwire: close "
        "it and run the command again, or wait longer with EVENTWIRE_LOCK_WAIT_SECONDS"
    )


def retry_on_lock(
    path: str,
    attempt: Callable[[], T],
    wait: float | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> T:
    """`attempt()`, retried while another process holds the file, for up to `wait` seconds."""
    wait = lock_wait_seconds() if wait is None else wait
    deadline = time.monotonic() + wait
    delay = 0.02
    while True:
        try:
            return attempt()
        except duckdb.Error as exc:
            if not is_lock_conflict(exc):
                raise
            if time.monotonic() + delay > deadline:
                raise DatabaseBusy(busy_message(path, exc, wait)) from None
            sleep(delay)
            delay = min(delay * 1.5, 0.5)
