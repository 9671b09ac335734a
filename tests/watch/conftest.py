"""Fixtures for the watch tests: a news site on 127.0.0.1 and a watcher with a quick stand-in coder."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest
from news_site import NewsSite, stories

from eventwire.config import Settings
from eventwire.models import Article, CodedArticle
from eventwire.store.duck import EventStore
from eventwire.watch import Watcher, WatchOptions


@pytest.fixture
def site() -> Iterator[NewsSite]:
    with NewsSite() as s:
        yield s


@pytest.fixture(scope="session")
def voa() -> list[dict[str, Any]]:
    return stories()


def no_events(batch: list[Article]) -> Iterable[CodedArticle]:
    """Codes nothing: the watch tests are about what is fetched and stored, not about events."""
    return [CodedArticle(a, []) for a in batch]


@pytest.fixture
def run_watch(tmp_path: Path) -> Callable[..., Watcher]:
    """Run a watcher over `sources` into tmp_path/watch.duckdb for `rounds` rounds; returns it."""

    def run(sources: list[str], rounds: int = 1, **options: Any) -> Watcher:
        opts = WatchOptions(every=options.pop("every", 60.0), host_delay=0.0, max_rounds=rounds, **options)
        lines: list[str] = []
        with EventStore(tmp_path / "watch.duckdb") as store:
            w = Watcher(sources, store, Settings(), opts, coder=no_events, report=lines.append)
            w.lines = lines  # type: ignore[attr-defined]
            w.run()
        return w

    return run


@pytest.fixture
def db_rows(tmp_path: Path) -> Callable[[str], list[tuple[Any, ...]]]:
    def rows(sql: str) -> list[tuple[Any, ...]]:
        with EventStore(tmp_path / "watch.duckdb", read_only=True) as store:
            return store.con.execute(sql).fetchall()

    return rows
