"""Stories at ingest: each stored batch is clustered into stories and its events merged, incrementally.

`StoryTracker.open(store)` rebuilds the story index from the assignments already stored (a replay, no
re-clustering), assigns any stored article that has no story yet, and then `add_batch` takes one coded
batch at a time: the runner calls it right after the batch is written.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from eventwire.dedup.config import StoryConfig
from eventwire.dedup.features import article_features
from eventwire.dedup.index import StoryIndex
from eventwire.dedup.merge import ArticleInfo, MergedEvent, merge_events
from eventwire.models import CodedArticle, Event
from eventwire.store.duck import EventStore
from eventwire.store.stories import NewAssignment, StoryStore

CATCH_UP_BATCH = 256


@dataclass
class BatchStories:
    assigned: int = 0
    opened: int = 0
    merged_changed: int = 0


class StoryTracker:
    def __init__(self, store: EventStore, config: StoryConfig | None = None) -> None:
        self.stories = StoryStore(store)
        self.index = StoryIndex(config or StoryConfig())

    @classmethod
    def open(cls, store: EventStore, config: StoryConfig | None = None) -> StoryTracker:
        tracker = cls(store, config)
        for a in tracker.stories.assignments():
            tracker.index.restore(a.story_id, a.features, _day(a.published))
        tracker.catch_up()
        return tracker

    def catch_up(self) -> int:
        """Give a story to every stored article that has none; returns how many were assigned."""
        done = 0
        while batch := self.stories.unassigned(CATCH_UP_BATCH):
            done += self.add_batch(batch).assigned
        return done

    def add_batch(self, coded: Sequence[CodedArticle]) -> BatchStories:
        """Assign a stored batch's articles to stories and merge their events; one transaction."""
        already = self.stories.assigned([c.article.article_id for c in coded])
        todo: list[CodedArticle] = []
        for c in coded:
            if c.article.article_id not in already:
                already.add(c.article.article_id)
                todo.append(c)
        out = BatchStories()
        if not todo:
            return out
        assignments: list[NewAssignment] = []
        by_story: dict[str, list[tuple[Event, ArticleInfo]]] = {}
        for c in todo:
            a = c.article
            feats = article_features(a, c.mentions)
            got = self.index.add(a.article_id, feats, _day(a.published))
            assignments.append(NewAssignment(a.article_id, got.story_id, got.similarity, got.opened, feats))
            info = ArticleInfo(a.article_id, a.source, a.published)
            by_story.setdefault(got.story_id, []).extend((e, info) for e in _by_position(c.events))
            out.assigned += 1
            out.opened += got.opened
        merged = self.stories.merged_for(sorted(by_story))
        changed: list[MergedEvent] = []
        members: list[tuple[str, str, str, str]] = []
        for story_id, events in by_story.items():
            story_merged = merged[story_id]
            ids = merge_events(story_id, story_merged, events)
            changed.extend(m for m in story_merged if m.merged_id in ids)
            owner = {eid: m.merged_id for m in story_merged for eid in m.event_ids}
            members.extend((e.event_id, owner[e.event_id], story_id, info.article_id) for e, info in events)
        out.merged_changed = len(changed)
        terms = {s: self.index.top_terms(s) for s in by_story}
        self.stories.write(assignments, changed, members, terms)
        return out


def _by_position(events: Sequence[Event]) -> list[Event]:
    return sorted(events, key=lambda e: (e.evidence.start, e.trigger.start, e.event_id))


def _day(published: str | None) -> int | None:
    if not published:
        return None
    try:
        return dt.date.fromisoformat(published[:10]).toordinal()
    except ValueError:
        return None
