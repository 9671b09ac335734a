"""A local process pool that codes batches of articles, the model loaded once in each worker.

Batches go out in input order and come back in the same order; at most `2 * workers` are in flight, so
memory stays bounded however long the input. Workers only code: the main process alone reads the inputs
and writes the database. A worker whose main process dies (killed) exits by itself.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Generic, TypeVar

from eventwire.config import Settings
from eventwire.models import Article, CodedArticle

T = TypeVar("T")

_pipeline = None  # the worker's Pipeline, loaded once by `_start_worker`


def _start_worker(settings: Settings, selective: bool) -> None:
    global _pipeline
    from eventwire.pipeline import Pipeline

    _pipeline = Pipeline(settings, selective=selective)
    parent = os.getppid()
    threading.Thread(target=_exit_with_parent, args=(parent,), daemon=True).start()


def _exit_with_parent(parent: int) -> None:
    while True:
        time.sleep(1.0)
        if os.getppid() != parent:
            os._exit(1)


def _code(articles: list[Article]) -> list[CodedArticle]:
    assert _pipeline is not None, "worker not started"
    return list(_pipeline.code_articles(articles, batch_size=len(articles) or 1))


class CoderPool(Generic[T]):
    """`map` codes `(key, articles)` jobs on `workers` processes and yields `(key, coded)` in input order."""

    def __init__(self, settings: Settings, workers: int, selective: bool = True) -> None:
        if workers < 1:
            raise ValueError("workers must be at least 1")
        self.workers = workers
        self._executor = ProcessPoolExecutor(
            max_workers=workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_start_worker,
            initargs=(settings, selective),
        )

    def map(self, jobs: Iterator[tuple[T, list[Article]]]) -> Iterator[tuple[T, list[CodedArticle]]]:
        window: deque[tuple[T, Future[list[CodedArticle]] | None]] = deque()
        limit = 2 * self.workers
        for key, articles in jobs:
            window.append((key, self._executor.submit(_code, articles) if articles else None))
            while len(window) >= limit:
                yield self._result(window.popleft())
        while window:
            yield self._result(window.popleft())

    @staticmethod
    def _result(item: tuple[T, Future[list[CodedArticle]] | None]) -> tuple[T, list[CodedArticle]]:
        key, future = item
        return key, (future.result() if future is not None else [])

    def close(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)

    def __enter__(self) -> CoderPool[T]:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
