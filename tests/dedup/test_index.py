"""The story index: incremental joins, happenings of one kind kept apart, the time window, replay."""

from __future__ import annotations

import datetime as dt

from eventwire.dedup.config import StoryConfig
from eventwire.dedup.features import text_features
from eventwire.dedup.index import StoryIndex

QUAKE_A = [
    "A magnitude 7.6 earthquake struck off Sumatra near the city of Padang on Wednesday, killing at least "
    "529 people, Indonesia's disaster agency said. President Susilo Bambang Yudhoyono flew to Padang.",
    "Rescuers in Padang dug through collapsed hotels after the 7.6 quake off Sumatra. Yudhoyono said the "
    "death toll of 529 would rise; the disaster agency in Jakarta sent tents to West Sumatra.",
    "The toll from the Sumatra earthquake rose above 529 as teams reached villages outside Padang, the "
    "agency said. The 7.6 tremor flattened schools in West Sumatra.",
]
QUAKE_B = [
    "A magnitude 6.3 earthquake hit the central Italian town of L'Aquila early on Monday, killing at least "
    "150 people. Prime Minister Silvio Berlusconi declared a state of emergency in Abruzzo.",
    "Firefighters searched the rubble of L'Aquila after the 6.3 quake in Abruzzo. Berlusconi said 150 "
    "people had died and that tents would house the homeless.",
]
REHAB_A = [
    "Actress Tara Reid has checked into Promises Treatment Center in Malibu, her representative Jack "
    "Ketsoyan told People magazine. The American Pie star is 33.",
    "Tara Reid is in rehab at Promises in Malibu, Ketsoyan confirmed. Reid, 33, starred in American Pie.",
]
REHAB_B = [
    "Lindsay Lohan has checked into the Betty Ford Center in Rancho Mirage for 90 days of court-ordered "
    "rehab, her lawyer Shawn Holley said.",
    "Lohan began her 90-day stay at the Betty Ford Center on Thursday, Holley told reporters in Los Angeles.",
]


def _assign(index: StoryIndex, texts: list[str], tag: str, day: int | None = None) -> list[str]:
    return [index.add(f"{tag}{i}", text_features(t), day).story_id for i, t in enumerate(texts)]


def test_reports_of_one_happening_share_a_story_and_two_of_one_kind_do_not() -> None:
    index = StoryIndex(StoryConfig())
    # interleaved, as a news stream brings them
    stories = {}
    for tag, texts in (("qa", QUAKE_A), ("qb", QUAKE_B), ("ra", REHAB_A), ("rb", REHAB_B)):
        stories[tag] = set(_assign(index, texts, tag))
    assert all(len(s) == 1 for s in stories.values()), stories
    assert len(set().union(*stories.values())) == 4
    assert index.n_stories == 4 and index.n_articles == 9


def test_a_new_article_joins_an_existing_story_without_reclustering() -> None:
    index = StoryIndex(StoryConfig())
    first = _assign(index, QUAKE_A[:2] + REHAB_A, "x")
    before = {sid: index.story_size(sid) for sid in set(first)}
    got = index.add("late", text_features(QUAKE_A[2]), None)
    assert not got.opened and got.story_id == first[0] and got.similarity > 0
    assert index.story_size(first[0]) == before[first[0]] + 1
    assert index.story_size(first[2]) == before[first[2]]  # the other story is untouched


def test_the_time_window_keeps_a_story_from_reopening_months_later() -> None:
    index = StoryIndex(StoryConfig(window_days=30))
    day = dt.date(2009, 9, 30).toordinal()
    a = _assign(index, QUAKE_A[:2], "a", day)
    assert a[0] == a[1]
    assert index.add("next-week", text_features(QUAKE_A[2]), day + 7).story_id == a[0]
    assert index.add("next-year", text_features(QUAKE_A[2]), day + 365).opened


def test_restoring_from_stored_assignments_gives_the_same_next_decision() -> None:
    live = StoryIndex(StoryConfig())
    ids = _assign(live, QUAKE_A[:2] + REHAB_B, "x")
    replay = StoryIndex(StoryConfig())
    for i, (text, sid) in enumerate(zip(QUAKE_A[:2] + REHAB_B, ids, strict=True)):
        replay.restore(sid, text_features(text), None)
        assert replay.story_size(sid) >= 1, i
    a = live.add("n", text_features(QUAKE_A[2]), None)
    b = replay.add("n", text_features(QUAKE_A[2]), None)
    assert (a.story_id, a.opened) == (b.story_id, b.opened)
