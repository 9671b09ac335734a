"""Progress of long commands on stderr: a live bar on a terminal, otherwise (piped, in a log) a plain line
every few seconds, e.g. `ingest: 120/462 articles, 530 events, 12.3 s`. Either way stdout stays clean.

The interval of the plain lines is `EVENTWIRE_PROGRESS_SECONDS` (default 5).
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterable, Iterator
from types import TracebackType
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeElapsedColumn
from rich.progress import Progress as Bar

from eventwire.models import Article, CodedArticle

DEFAULT_SECONDS = 5.0


def _interval() -> float:
    try:
        return max(0.01, float(os.environ.get("EVENTWIRE_PROGRESS_SECONDS", DEFAULT_SECONDS)))
    except ValueError:
        return DEFAULT_SECONDS


class Progress:
    """How far a command is: items done (of `total` when known), other counts, time, and a stage.

    Use as a context manager; `advance` from the working thread. On a terminal a transient bar is drawn;
    else a timer thread prints the state every `every` seconds, so a run that ends sooner prints none."""

    def __init__(
        self,
        console: Console,
        label: str,
        unit: str = "articles",
        total: int | None = None,
        counts: tuple[str, ...] = ("events",),
        every: float | None = None,
    ) -> None:
        self.console = console
        self.label = label
        self.unit = unit
        self.total = total
        self.done = 0
        self.counts: dict[str, int] = dict.fromkeys(counts, 0)
        self.stage_text = ""
        self.every = every if every is not None else _interval()
        self._start = time.monotonic()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._bar: Bar | None = None
        self._task: Any = None

    # --- reporting ---------------------------------------------------------------------------------

    def advance(self, n: int = 1, **counts: int) -> None:
        self.done += n
        for key, value in counts.items():
            self.counts[key] = self.counts.get(key, 0) + value
        self._refresh()

    def add_total(self, n: int) -> None:
        self.total = (self.total or 0) + n
        self._refresh()

    def stage(self, text: str) -> None:
        """What is being done now, when it is not items ("loading the model", "coding on Ray")."""
        self.stage_text = text
        self._refresh()

    def line(self) -> str:
        done = f"{self.done}/{self.total}" if self.total is not None else str(self.done)
        parts = [f"{done} {self.unit}", *(f"{v} {k}" for k, v in self.counts.items())]
        parts.append(f"{time.monotonic() - self._start:.1f} s")
        stage = f" ({self.stage_text})" if self.stage_text else ""
        return f"{self.label}: {', '.join(parts)}{stage}"

    # --- drawing -----------------------------------------------------------------------------------

    def _extra(self) -> str:
        elapsed = time.monotonic() - self._start
        parts = [f"{v} {k}" for k, v in self.counts.items()]
        if self.done and elapsed:
            parts.append(f"{self.done / elapsed:.1f} {self.unit}/s")
        if self.stage_text:
            parts.append(self.stage_text)
        return ", ".join(parts)

    def _refresh(self) -> None:
        if self._bar is not None:
            self._bar.update(self._task, completed=self.done, total=self.total, extra=self._extra())

    def _tick(self) -> None:
        while not self._stop.wait(self.every):
            self.console.print(self.line(), highlight=False, markup=False, soft_wrap=True)

    def __enter__(self) -> Progress:
        self._start = time.monotonic()
        if self.console.is_terminal:
            self._bar = Bar(
                TextColumn("[progress.description]{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("{task.fields[extra]}"),
                TimeElapsedColumn(),
                console=self.console,
                transient=True,
                redirect_stdout=False,  # stdout carries the command's output, even under a live bar
            )
            self._bar.__enter__()
            self._task = self._bar.add_task(self.label, total=self.total, extra="")
        else:
            self._thread = threading.Thread(target=self._tick, name="eventwire-progress", daemon=True)
            self._thread.start()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
        if self._bar is not None:
            self._bar.__exit__(kind, exc, tb)


class CountingPipeline:
    """A pipeline that reports each article it codes to a `Progress` (for commands that hand a pipeline
    to a library function, as the `eval` commands do). Anything else is the wrapped pipeline's."""

    def __init__(self, pipeline: Any, progress: Progress) -> None:
        self._pipeline = pipeline
        self._progress = progress

    def code_articles(self, articles: Iterable[Article], batch_size: int = 32) -> Iterator[CodedArticle]:
        todo = list(articles)
        self._progress.add_total(len(todo))
        for coded in self._pipeline.code_articles(todo, batch_size=batch_size):
            self._progress.advance(1, events=len(coded.events))
            yield coded

    def code_article(self, article: Article) -> CodedArticle:
        coded: CodedArticle = self._pipeline.code_article(article)
        self._progress.advance(1, events=len(coded.events))
        return coded

    def __getattr__(self, name: str) -> Any:
        return getattr(self._pipeline, name)
