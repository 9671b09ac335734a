"""One event, many reports: story clustering across articles and event merging within stories.

- `features`: what tells one happening from another (names, dates, numbers, topic words);
- `index.StoryIndex`: incremental, blocked story clustering with a time window (`config.StoryConfig`);
- `merge`: raw events of a story -> merged events with their counts and all their evidence;
- `tracker.StoryTracker`: both at ingest, batch by batch, stored with `store.stories`;
- `ecbplus`, `metrics`: scores against ECB+ (B-cubed, adjusted Rand index).
"""

from eventwire.dedup.config import StoryConfig
from eventwire.dedup.index import Assignment, StoryIndex
from eventwire.dedup.merge import MergedEvent, merge_events

__all__ = ["Assignment", "MergedEvent", "StoryConfig", "StoryIndex", "merge_events"]
