"""Query building: values are always bound, cursors round-trip, boxes and sorts are checked."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventwire.serve.errors import ApiError
from eventwire.serve.query import BBox, EventQuery, PageCursor, Sort, build_where, like_pattern
from eventwire.serve.stories import StorySource

STORIES = StorySource(filter_sql="story_id = ?", where="events", populated=True)


@given(st.text(min_size=1, max_size=40))
def test_request_text_never_reaches_the_sql(text: str) -> None:
    q = EventQuery(actor=text, text=text, place=text, story=text, article_id=text, types=("AID",))
    where = build_where(q, STORIES)
    sql = where.sql()
    assert sql.count("?") == len(where.params)
    if len(text) > 3 and text not in "list_contains type modality":
        assert text not in sql


def test_every_filter_adds_a_bound_clause() -> None:
    q = EventQuery(
        types=("CONSULT",),
        modalities=("asserted",),
        countries=("RUS",),
        actor_countries=("PRK",),
        recipient_countries=("RUS",),
        actor_sectors=("GOV",),
        recipient_sectors=("MIL",),
        actor="Kim",
        actor_name="Kim Jong Un",
        recipient_name="Sergei Shoigu",
        text="visit",
        since=dt.date(2023, 1, 1),
        until=dt.date(2023, 12, 31),
        place="Vladivostok",
        geonames_id=2013348,
        bbox=BBox(120, 30, 140, 50),
        story="s1",
        article_id="a1",
        min_confidence=0.5,
    )
    where = build_where(q, STORIES)
    assert len(where.clauses) == 20  # the bbox adds two
    assert where.sql().count("?") == len(where.params)
    assert q.active()["bbox"] == [120, 30, 140, 50]


def test_like_pattern_escapes_wildcards() -> None:
    assert like_pattern("50%_off\\") == "%50\\%\\_off\\\\%"


@pytest.mark.parametrize("value", ["1,2,3", "a,b,c,d", "0,10,200,20", "0,95,10,96", "0,50,10,40"])
def test_bad_boxes(value: str) -> None:
    with pytest.raises(ApiError):
        BBox.parse(value)


def test_antimeridian_box() -> None:
    box = BBox.parse("170,-10,-170,10")
    where = build_where(EventQuery(bbox=box), STORIES)
    assert "lon >= ? OR lon <= ?" in where.sql()


@pytest.mark.parametrize("key", ["2024-01-02", 0.5, "Vladivostok", "\U0010ffff"])
def test_cursor_round_trip(key: object) -> None:
    sort = Sort.parse("-date")
    cursor = PageCursor("-date", key, "abc123")
    back = PageCursor.decode(cursor.encode(), sort)
    assert back == cursor


def test_cursor_checks() -> None:
    encoded = PageCursor("-date", "2024-01-02", "x").encode()
    with pytest.raises(ApiError, match="sort=-date"):
        PageCursor.decode(encoded, Sort.parse("type"))
    with pytest.raises(ApiError, match="not a cursor"):
        PageCursor.decode("!!!", Sort.parse("-date"))


def test_story_filter_without_stories() -> None:
    with pytest.raises(ApiError, match="no story ids"):
        build_where(EventQuery(story="s1"), StorySource())
