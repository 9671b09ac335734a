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


def _start_worker(settings: Settings, selective: bool, owner: int) -> None:
    global _pipeline
    from eventwire.pipeline import Pipeline

    _pipeline = Pipeline(settings, selective=selective)
    threading.Thread(target=_exit_with_owner, args=(owner,), daemon=True).start()


def _exit_with_owner(owner: int) -> None:
    """Exit once the process that made the pool is gone (a fork server, the worker's parent, outlives it)."""
    while True:
        time.sleep(1.0)
        try:
            os.kill(owner, 0)
        except (ProcessLookupError, PermissionError):  # gone, or its pid now another user's process
            os._exit(1)


def _context() -> multiprocessing.context.BaseContext:
    """Workers forked from a clean server process that has imported the pipeline's modules once (spaCy,
    the actor and place data code), rather than each importing them afresh; where there is no fork
    server, fresh interpreters."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(["eventwire.pipeline"])
    return ctx


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
            mp_context=_context(),
            initializer=_start_worker,
            initargs=(settings, selective, os.getpid()),
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
