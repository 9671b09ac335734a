"""A small corpus in several batches, and the event ids the single-process runner stores for it."""

from __future__ import annotations

from pathlib import Path

import pytest
from ingested import BATCH, stored

from eventwire.config import Settings
from eventwire.runner import ingest
from eventwire.store.duck import EventStore

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled Wikinews sample and the wire example: 23 articles, 6 batches of 4."""
    d = tmp_path_factory.mktemp("corpus")
    (d / "wikinews.jsonl").write_bytes(
        (ROOT / "examples" / "wikinews" / "wikinews_sample.jsonl").read_bytes()
    )
    (d / "wire.txt").write_bytes((ROOT / "examples" / "wire" / "001_ministers_meet.txt").read_bytes())
    return d


@pytest.fixture(scope="session")
def reference(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[set[str], set[str]]:
    """What the single-process runner stores."""
    db = tmp_path_factory.mktemp("reference") / "one.duckdb"
    with EventStore(db) as store:
        summary = ingest([str(corpus)], store, Settings(batch_size=BATCH))
    assert summary.new == 23 and summary.rejected == 0
    articles, events = stored(db)
    assert len(articles) == 23 and len(events) > 20
    return articles, events
