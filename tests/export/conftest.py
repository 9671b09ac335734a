"""A real DuckDB store coded by the real pipeline from a few short dated articles, for the export tests."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from eventwire.pipeline import Pipeline

ARTICLES = [
    (
        "2024-03-04",
        "Test Wire",
        "Police arrested dozens of protesters in Nairobi on Monday, the interior ministry said.",
    ),
    (
        "2024-03-06",
        "Test Wire",
        "Kenyan President William Ruto met Ethiopian Prime Minister Abiy Ahmed in Addis Ababa on Wednesday "
        "to discuss border security.",
    ),
    (
        "2024-03-20",
        "Other Wire",
        "Thousands of teachers marched through the centre of Lima on Wednesday to demand higher wages.",
    ),
    (
        "2024-04-15",
        "Other Wire",
        "Russian forces shelled the Ukrainian city of Kharkiv on Monday, killing three civilians, Ukrainian "
        "officials said.",
    ),
    (
        "2024-05-02",
        "Test Wire",
        "The European Union imposed new sanctions on Iran on Thursday over its drone exports.",
    ),
    (
        "2024-05-03",
        "Test Wire",
        "Kenya and Ethiopia held talks in Nairobi on Friday on security along their shared border. The "
        "United States accused Iran of supplying drones to Russia.",
    ),
    (None, "Other Wire", "Israeli troops raided a refugee camp in Jenin, Palestinian officials said."),
]


@pytest.fixture(scope="session")
def coded_db(tmp_path_factory: pytest.TempPathFactory, pipeline: Pipeline) -> Path:
    from eventwire.config import Settings
    from eventwire.runner import ingest
    from eventwire.store.duck import EventStore

    folder = tmp_path_factory.mktemp("export")
    source = folder / "articles.jsonl"
    with source.open("w", encoding="utf-8") as fh:
        for n, (published, wire, text) in enumerate(ARTICLES, 1):
            record = {"id": f"t-{n}", "url": f"https://example.org/{n}", "source": wire, "text": text}
            if published:
                record["published"] = published
            fh.write(json.dumps(record) + "\n")
    path = folder / "events.duckdb"
    with EventStore(path) as store:
        ingest(
            [str(source)],
            store,
            Settings(),
            coder=lambda batch: pipeline.code_articles(batch, batch_size=len(batch) or 1),
            warn=lambda message: None,
        )
    return path
