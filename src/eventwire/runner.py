"""Ingest: read inputs, skip what is stored, code the rest in batches, write each batch in one transaction.

Three stages, whatever runs the coding:
1. read (`_new_batches`): inputs are streamed and cut into batches of `settings.batch_size`; articles
   already stored are skipped, rejects kept;
2. code (`_coding`): in this process, or in a local pool of `workers` processes (`parallel.pool`), batches
   coming back in input order, a bounded number in flight;
3. store (`_store`): in this process only, each batch in one transaction (`EventStore.write_new`), then
   its stories.

A kill between batches loses nothing already committed and leaves nothing half-written; a rerun skips the
stored articles, so it resumes. The database file is open only while a batch is read or stored
(`EventStore.release`), so `eventwire serve` and other writers can use it while a batch is coded.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import islice

from eventwire.config import Settings
from eventwire.dedup.tracker import StoryTracker
from eventwire.ingest.readers import read_inputs
from eventwire.models import Article, CodedArticle, Reject
from eventwire.store.duck import EventStore

Coder = Callable[[list[Article]], Iterable[CodedArticle]]
CodingStage = Callable[[Iterator["Batch"]], Iterator[tuple["Batch", list[CodedArticle]]]]


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


@dataclass
class Batch:
    """One batch of input: how many items were read, the articles to code and the rejects."""

    size: int
    todo: list[Article]
    rejects: list[Reject]


def _chunks(items: Iterable[Article | Reject], n: int) -> Iterator[list[Article | Reject]]:
    it = iter(items)
    while chunk := list(islice(it, n)):
        yield chunk


def ingest(
    paths: list[str],
    store: EventStore,
    settings: Settings,
    *,
    coder: Coder | None = None,
    workers: int = 1,
    on_progress: Callable[[int, int], None] | None = None,
    warn: Callable[[str], None] | None = None,
    stories: StoryTracker | None = None,
) -> IngestSummary:
    """Ingest every input under `paths` into `store`.

    `coder` codes a batch of new articles in this process (by default a `Pipeline`); with `workers` > 1 a
    pool of that many processes codes instead, each with its own `Pipeline`. Each stored batch is then
    clustered into stories and its events merged (`stories`, by default a tracker opened on `store`),
    incrementally, in this process.
    """
    warn = warn or (lambda msg: print(msg, file=sys.stderr))
    tracker = stories or StoryTracker.open(store)
    store.release()  # the file is held only while a batch is read or stored (`store.locking`)
    summary = IngestSummary()
    batches = _new_batches(paths, store, settings, summary, warn)
    with _coding(settings, coder, workers) as code:
        for batch, coded in code(batches):
            _store(store, tracker, batch, coded, summary)
            if on_progress:
                on_progress(batch.size, sum(len(c.events) for c in coded))
    return summary


def _new_batches(
    paths: list[str],
    store: EventStore,
    settings: Settings,
    summary: IngestSummary,
    warn: Callable[[str], None],
) -> Iterator[Batch]:
    """Stage 1: the inputs in batches, without the articles already stored."""
    for chunk in _chunks(read_inputs(paths, settings), settings.batch_size):
        rejects = [r for r in chunk if isinstance(r, Reject)]
        articles = [a for a in chunk if isinstance(a, Article)]
        for r in rejects:
            warn(f"warning: rejected {r.path}: {r.reason}: {r.detail}")
        summary.read += len(chunk)
        summary.rejected += len(rejects)
        summary.reject_rows.extend(rejects)
        known = store.known_article_ids(a.article_id for a in articles)
        store.release()
        todo: list[Article] = []
        seen: set[str] = set()
        for a in articles:
            if a.article_id in known or a.article_id in seen:
                summary.already += 1
            else:
                seen.add(a.article_id)
                todo.append(a)
        yield Batch(len(chunk), todo, rejects)


@contextmanager
def _coding(settings: Settings, coder: Coder | None, workers: int) -> Iterator[CodingStage]:
    """Stage 2: code each batch here (`coder`, or a Pipeline) or, with `workers` > 1, in a process pool."""
    if coder is None and workers > 1:
        from eventwire.parallel.pool import CoderPool

        with CoderPool[Batch](settings, workers) as pool:

            def pooled(batches: Iterator[Batch]) -> Iterator[tuple[Batch, list[CodedArticle]]]:
                return pool.map((b, b.todo) for b in batches)

            yield pooled
        return
    if coder is None:
        from eventwire.pipeline import Pipeline

        pipe = Pipeline(settings)

        def coder(batch: list[Article]) -> Iterable[CodedArticle]:
            return pipe.code_articles(batch, batch_size=len(batch) or 1)

    here = coder

    def in_process(batches: Iterator[Batch]) -> Iterator[tuple[Batch, list[CodedArticle]]]:
        for b in batches:
            yield b, (list(here(b.todo)) if b.todo else [])

    yield in_process


def _store(
    store: EventStore, tracker: StoryTracker, batch: Batch, coded: list[CodedArticle], summary: IngestSummary
) -> None:
    """Stage 3: one transaction for the batch, then its stories. Articles stored meanwhile are skipped."""
    new = store.write_new(coded, batch.rejects)
    tracker.add_batch(coded)
    store.release()
    summary.new += len(new)
    summary.already += len(coded) - len(new)
    summary.events += sum(len(c.events) for c in new)
