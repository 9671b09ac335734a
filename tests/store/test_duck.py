from __future__ import annotations

import hashlib
from pathlib import Path

import duckdb
import pytest

from eventwire.errors import UsageError
from eventwire.models import (
    Article,
    CodedArticle,
    Entity,
    Event,
    Evidence,
    Location,
    Mention,
    Reject,
    Segment,
    Trigger,
)
from eventwire.store.duck import EventFilter, EventStore


def _article(n: int) -> Article:
    text = f"Story number {n}: Country A met Country B."
    return Article(
        article_id=hashlib.sha256(text.encode()).hexdigest()[:16],
        text=text,
        published="2024-01-0" + str(n % 9 + 1),
        segments=[Segment("body", 0, len(text))],
    )


def _event(a: Article, etype: str = "CONSULT", k: int = 0) -> Event:
    return Event(
        event_id=f"{a.article_id}-{etype}-{k}",
        article_id=a.article_id,
        type=etype,
        mode=None,
        context=["diplomatic"],
        actors=[Entity("Country A", "Country A", "AAA", "GOV")],
        recipients=[
            Entity(
                "US and UK officials",
                members=(Entity("US", None, "USA", "GOV"), Entity("UK", None, "GBR", "GOV")),
            )
        ],
        date="2024-W02" if k else a.published,
        date_precision="week" if k else "day",
        location=Location("Paris", 2988507, "FRA", 48.85, 2.35),
        modality="asserted",
        attributed_to=None,
        evidence=Evidence(a.text, 0, len(a.text)),
        confidence=0.8,
        trigger=Trigger("met", "meet", 20, 23, "verb:consult"),
        pipeline_version="test",
    )


def test_write_is_idempotent_and_round_trips(tmp_path: Path) -> None:
    db = tmp_path / "x.duckdb"
    arts = [_article(n) for n in range(3)]
    coded = [
        CodedArticle(a, [_event(a), _event(a, "AGREE", 1)], [Mention("actor", 0, 5, "Story", {"x": 1})])
        for a in arts
    ]
    rejects = [Reject("bad.bin", "binary", "binary data")]
    with EventStore(db) as store:
        assert store.write_batch(coded, rejects) == 3
        assert store.write_batch(coded, rejects) == 0
        assert store.counts() == {"articles": 3, "events": 6, "rejects": 1}
        got = store.events(EventFilter(type="consult"))
        assert len(got) == 3
        assert got[0].to_dict() == _event(arts[0]).to_dict()
    with EventStore(db, read_only=True) as store:
        assert len(store.events(EventFilter(country="GBR"))) == 6
        assert len(store.events(EventFilter(actor="country a", type="AGREE"))) == 3
        assert len(store.events(EventFilter(since="2024-01-03"))) == 4  # week values compare by their Monday
        assert store.article(arts[1].article_id[:10])["article_id"] == arts[1].article_id  # type: ignore[index]
        assert store.rejects() == rejects


def test_failed_batch_leaves_nothing_half_written(tmp_path: Path) -> None:
    db = tmp_path / "x.duckdb"
    a, b = _article(1), _article(2)
    with EventStore(db) as store:
        store.write_batch([CodedArticle(a, [_event(a)])])
        bad = _event(b)
        bad.evidence = None  # type: ignore[assignment]
        with pytest.raises(AttributeError):
            store.write_batch([CodedArticle(b, [bad])])
        assert store.counts()["articles"] == 1
        assert store.known_article_ids([a.article_id, b.article_id]) == {a.article_id}


def test_filters_are_bound_not_spliced(tmp_path: Path) -> None:
    db = tmp_path / "x.duckdb"
    a = _article(1)
    with EventStore(db) as store:
        store.write_batch([CodedArticle(a, [_event(a)])])
        assert store.events(EventFilter(actor="x' OR '1'='1")) == []
        assert store.events(EventFilter(type="CONSULT; DROP TABLE events")) == []
        assert store.counts()["events"] == 1


def test_read_only_missing_db_says_how_to_fix(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="eventwire ingest"):
        EventStore(tmp_path / "none.duckdb", read_only=True)


def test_schema_is_plain_duckdb(tmp_path: Path) -> None:
    db = tmp_path / "x.duckdb"
    a = _article(1)
    with EventStore(db) as store:
        store.write_batch([CodedArticle(a, [_event(a)])])
    con = duckdb.connect(str(db), read_only=True)
    row = con.execute(
        "SELECT type, actor_countries, recipient_countries, lat, event_date FROM events"
    ).fetchone()
    assert row is not None and row[0] == "CONSULT" and row[1] == ["AAA"] and row[2] == ["GBR", "USA"]
