"""Ingest: read inputs, skip what is stored, code the rest in batches, write each batch in one transaction.

A kill between batches loses nothing already committed; a rerun skips stored articles, so it resumes.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice

from eventwire.config import Settings
from eventwire.ingest.readers import read_inputs
from eventwire.models import Article, CodedArticle, Reject
from eventwire.store.duck import EventStore


@dataclass
class IngestSummary:
    read: int = 0
    new: int = 0
    already: int = 0
    rejected: int = 0
    events: int = 0
    reject_rows: list[Reject] = field(default_factory=list)

    def line(self) -> str:
        return (
            f"read {self.read} | new {self.new} | already stored {self.already} | "
            f"rejected {self.rejected} | events {self.events}"
        )


def _chunks(items: Iterable[Article | Reject], n: int) -> Iterator[list[Article | Reject]]:
    it = iter(items)
    while chunk := list(islice(it, n)):
        yield chunk


def ingest(
    paths: list[str],
    store: EventStore,
    settings: Settings,
    *,
    coder: Callable[[list[Article]], Iterable[CodedArticle]] | None = None,
    on_progress: Callable[[int, int], None] | None = None,
    warn: Callable[[str], None] | None = None,
) -> IngestSummary:
    """Ingest every input under `paths` into `store`; `coder` codes a batch of new articles."""
    if coder is None:
        from eventwire.pipeline import Pipeline

        pipe = Pipeline(settings)

        def coder(batch: list[Article]) -> Iterable[CodedArticle]:
            return pipe.code_articles(batch, batch_size=len(batch) or 1)

    warn = warn or (lambda msg: print(msg, file=sys.stderr))
    summary = IngestSummary()
    for chunk in _chunks(read_inputs(paths, settings), settings.batch_size):
        rejects = [r for r in chunk if isinstance(r, Reject)]
        articles = [a for a in chunk if isinstance(a, Article)]
        for r in rejects:
            warn(f"warning: rejected {r.path}: {r.reason}: {r.detail}")
        summary.read += len(chunk)
        summary.rejected += len(rejects)
        summary.reject_rows.extend(rejects)
        known = store.known_article_ids(a.article_id for a in articles)
        todo: list[Article] = []
        seen: set[str] = set()
        for a in articles:
            if a.article_id in known or a.article_id in seen:
                summary.already += 1
            else:
                seen.add(a.article_id)
                todo.append(a)
        coded = list(coder(todo)) if todo else []
        summary.new += store.write_batch(coded, rejects)
        summary.events += sum(len(c.events) for c in coded)
        if on_progress:
            on_progress(len(chunk), sum(len(c.events) for c in coded))
    return summary
