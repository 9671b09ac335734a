"""Stories and merged events at ingest, with the real pipeline and a real DuckDB file."""

from __future__ import annotations

from pathlib import Path

import duckdb

from eventwire.config import Settings
from eventwire.dedup.tracker import StoryTracker
from eventwire.models import Article, CodedArticle
from eventwire.pipeline import Pipeline
from eventwire.runner import ingest
from eventwire.store.duck import EventStore
from eventwire.store.stories import StoryStore


def _ingest(paths: list[Path], db: Path, pipeline: Pipeline) -> None:
    def coder(batch: list[Article]) -> list[CodedArticle]:
        return list(pipeline.code_articles(batch, batch_size=len(batch) or 1))

    with EventStore(db) as store:
        ingest([str(p) for p in paths], store, Settings(), coder=coder, warn=lambda _: None)


def _rows(db: Path, sql: str) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def _table_counts(db: Path) -> tuple[int, ...]:
    tables = ("articles", "events", "stories", "story_articles", "merged_events", "merged_event_members")
    return tuple(_rows(db, f"SELECT count(*) FROM {t}")[0][0] for t in tables)


def test_the_seed_duplicated_caption_gives_one_event(
    seed_and_copy: tuple[Path, Path], pipeline: Pipeline, tmp_path: Path
) -> None:
    db = tmp_path / "seed.duckdb"
    _ingest([seed_and_copy[0]], db, pipeline)
    caption = "%visits an airport%"
    raw = _rows(db, f"SELECT event_id FROM events WHERE evidence_text LIKE '{caption}'")
    assert len(raw) == 1
    merged = _rows(
        db,
        "SELECT merged_id, num_mentions, num_articles FROM merged_events WHERE merged_id IN "
        f"(SELECT merged_id FROM merged_event_evidence WHERE evidence_text LIKE '{caption}')",
    )
    assert len(merged) == 1 and merged[0][2] == 1
    # every raw event is kept and linked to exactly one merged event; one article, one story
    assert _rows(db, "SELECT count(*) FROM story_events WHERE merged_id IS NULL") == [(0,)]
    assert _rows(db, "SELECT count(DISTINCT story_id), count(*) FROM story_articles") == [(1, 1)]


def test_the_seed_and_another_outlets_copy_make_one_story(
    seed_and_copy: tuple[Path, Path], pipeline: Pipeline, tmp_path: Path
) -> None:
    db = tmp_path / "two.duckdb"
    _ingest(list(seed_and_copy), db, pipeline)
    stories = _rows(db, "SELECT story_id, num_articles, num_sources FROM stories")
    assert len(stories) == 1 and stories[0][1:] == (2, 2)
    merged = _rows(db, "SELECT type, num_mentions, num_articles, num_sources FROM merged_events")
    assert merged and all(m[2] == 2 and m[3] == 2 for m in merged), merged
    n_raw = _rows(db, "SELECT count(*) FROM events")[0][0]
    assert sum(m[1] for m in merged) == n_raw  # no evidence thrown away
    assert len(merged) < n_raw / 2  # the copy's events merged with the seed's, not beside them
    evidence = _rows(db, "SELECT DISTINCT source FROM merged_event_evidence ORDER BY source")
    assert evidence == [("Associated Press",), ("Reuters",)]
    # a second run adds nothing
    before = _table_counts(db)
    _ingest(list(seed_and_copy), db, pipeline)
    assert _table_counts(db) == before


def test_articles_stored_without_a_story_get_one_when_the_tracker_opens(
    seed_and_copy: tuple[Path, Path], pipeline: Pipeline, tmp_path: Path
) -> None:
    # As after a run stopped between the article write and the story write, or a file from before stories.
    from eventwire.ingest.readers import read_inputs

    articles = [a for a in read_inputs([str(p) for p in seed_and_copy], Settings()) if isinstance(a, Article)]
    coded = list(pipeline.code_articles(articles, batch_size=2))
    with EventStore(tmp_path / "late.duckdb") as store:
        store.write_batch(coded)
        assert StoryStore(store).stories() == []
        tracker = StoryTracker.open(store)
        assert tracker.index.n_articles == 2
        rows = StoryStore(store).stories()
        assert len(rows) == 1 and rows[0].num_articles == 2
        merged = StoryStore(store).merged_events()
        assert merged and all(m["num_articles"] == 2 for m in merged)
        assert all(len(m["evidence"]) == m["num_mentions"] for m in merged)
