"""Throughput of the whole pipeline and of each stage, against spaCy's own full pipeline on the same texts.

As spaCy's `benchmark speed` does, the work is warmed up first (caches, lazily built tables) and then
timed over several runs; each figure is the mean over runs with a 95% bootstrap interval. Each run times,
on the same articles and in the same process:

- `spacy`: spaCy's full pipeline (`nlp.pipe` over the article texts, every component of the model);
- `pipeline`: eventwire's work on them: read the corpus, code it (analysis, time, places, events) and
  store it in a fresh DuckDB file;

and, within `pipeline`, each stage. Words are spaCy's tokens of the article texts, the same count for
every figure, so `ratio` (pipeline words/s over spaCy words/s) is the figure to watch: above 1 the whole
of eventwire is faster than spaCy's pipeline alone. Peak RSS is sampled per phase.
"""

from __future__ import annotations

import os
import platform
import random
import statistics
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from eventwire.bench.procs import rss_mb
from eventwire.config import Settings
from eventwire.ingest.readers import read_inputs
from eventwire.models import Article

STAGES = ("read", "nlp", "time", "geo", "code", "store")


@dataclass
class Figure:
    """Seconds per run (mean, 95% interval) and the throughput they give."""

    seconds: float
    low: float
    high: float
    articles_per_s: float
    words_per_s: float


@dataclass
class BenchResult:
    corpus: str
    articles: int
    words: int
    runs: int
    warmup: int
    machine: dict[str, Any]
    spacy: Figure
    pipeline: Figure
    ratio: float
    stages: dict[str, Figure]
    nlp_components: dict[str, float]
    parsed_share: float
    peak_rss_mb: dict[str, float] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


class RssSampler:
    """Peak resident memory of this process, per named phase, sampled every 20 ms."""

    def __init__(self) -> None:
        self.phase = "start"
        self.peaks: dict[str, float] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True)

    def __enter__(self) -> RssSampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _loop(self) -> None:
        while not self._stop.wait(0.02):
            rss = current_rss_mb()
            self.peaks[self.phase] = max(self.peaks.get(self.phase, 0.0), rss)


def current_rss_mb() -> float:
    rss = rss_mb(os.getpid())
    if rss:
        return rss
    import resource  # no /proc: the peak so far

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def machine() -> dict[str, Any]:
    import spacy

    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as fh:
            cpu = next((ln.split(":", 1)[1].strip() for ln in fh if ln.startswith("model name")), cpu)
    except OSError:
        pass
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "spacy": spacy.__version__,
        "system": f"{platform.system()} {platform.release()}",
    }


def _interval(values: list[float]) -> tuple[float, float]:
    """95% bootstrap interval of the mean."""
    if len(values) < 2:
        return values[0], values[0]
    rng = random.Random(0)
    means = sorted(statistics.fmean(rng.choices(values, k=len(values))) for _ in range(1000))
    return means[25], means[974]


def _figure(values: list[float], articles: int, words: int) -> Figure:
    mean = statistics.fmean(values)
    low, high = _interval(values)
    return Figure(
        seconds=round(mean, 3),
        low=round(low, 3),
        high=round(high, 3),
        articles_per_s=round(articles / mean, 2) if mean else 0.0,
        words_per_s=round(words / mean, 1) if mean else 0.0,
    )


@contextmanager
def _timed(into: dict[str, list[float]], name: str) -> Iterator[None]:
    start = time.perf_counter()
    yield
    into.setdefault(name, []).append(time.perf_counter() - start)


def run_bench(corpus: Path, runs: int = 3, warmup: int = 1, settings: Settings | None = None) -> BenchResult:
    """Warm up, then time `runs` runs of spaCy's full pipeline and of eventwire over `corpus`."""
    from eventwire.pipeline import Pipeline
    from eventwire.store.duck import EventStore

    settings = settings or Settings()
    paths = [str(corpus)]
    articles = [a for a in read_inputs(paths, settings) if isinstance(a, Article)]
    if not articles:
        raise ValueError(f"{corpus} holds no article to code")
    texts = [a.text for a in articles]
    with RssSampler() as rss:
        rss.phase = "load"
        pipe = Pipeline(settings)
        nlp = pipe.nlp
        words = sum(len(nlp.make_doc(t)) for t in texts)
        rss.phase = "warmup"
        for _ in range(warmup):
            for _doc in nlp.pipe(texts):
                pass
            list(pipe.code_articles(articles, batch_size=settings.batch_size))
        times: dict[str, list[float]] = {}
        pipe.stage_clock = time.perf_counter
        pipe.analyzer.clock = time.perf_counter
        pipe.analyzer.stats.seconds.clear()
        with tempfile.TemporaryDirectory(prefix="eventwire-bench-") as tmp:
            for run in range(runs):
                rss.phase = "spacy"
                with _timed(times, "spacy"):
                    for _doc in nlp.pipe(texts):
                        pass
                rss.phase = "pipeline"
                pipe.stage_seconds.clear()
                start = time.perf_counter()
                with _timed(times, "read"):
                    batch = [a for a in read_inputs(paths, settings) if isinstance(a, Article)]
                coded = list(pipe.code_articles(batch, batch_size=settings.batch_size))
                with _timed(times, "store"), EventStore(Path(tmp) / f"run{run}.duckdb") as store:
                    for i in range(0, len(coded), settings.batch_size):
                        store.write_batch(coded[i : i + settings.batch_size])
                times.setdefault("pipeline", []).append(time.perf_counter() - start)
                for stage in ("nlp", "time", "geo", "code"):
                    times.setdefault(stage, []).append(pipe.stage_seconds.get(stage, 0.0))
        pipe.stage_clock = None
        pipe.analyzer.clock = None
    n = len(articles)
    spacy_fig = _figure(times["spacy"], n, words)
    pipeline_fig = _figure(times["pipeline"], n, words)
    stats = pipe.analyzer.stats
    return BenchResult(
        corpus=str(corpus),
        articles=n,
        words=words,
        runs=runs,
        warmup=warmup,
        machine=machine(),
        spacy=spacy_fig,
        pipeline=pipeline_fig,
        ratio=round(spacy_fig.seconds / pipeline_fig.seconds, 3) if pipeline_fig.seconds else 0.0,
        stages={s: _figure(times[s], n, words) for s in STAGES},
        nlp_components={k: round(v / runs, 3) for k, v in stats.seconds.items()},
        parsed_share=round(stats.parsed_tokens / stats.tokens, 3) if stats.tokens else 0.0,
        peak_rss_mb={k: round(v, 1) for k, v in rss.peaks.items()},
    )


def format_report(r: BenchResult) -> str:
    lines = [
        f"corpus      {r.corpus}: {r.articles} articles, {r.words} words; "
        f"{r.runs} runs after {r.warmup} warm-up",
        f"machine     {r.machine['cpu']}, {r.machine['cores']} cores, Python {r.machine['python']}, "
        f"spaCy {r.machine['spacy']}",
        "",
        f"{'':12}{'s/run':>9}{'95% interval':>18}{'articles/s':>12}{'words/s':>11}",
    ]

    def row(name: str, f: Figure) -> str:
        interval = f"{f.low:.2f}-{f.high:.2f}"
        if f.seconds < 0.005:  # next to nothing to do (articles without a date have no time stage)
            return f"{name:12}{f.seconds:9.2f}{interval:>18}{'-':>12}{'-':>11}"
        return f"{name:12}{f.seconds:9.2f}{interval:>18}{f.articles_per_s:12.1f}{f.words_per_s:11.0f}"

    lines.append(row("spaCy full", r.spacy))
    lines.append(row("eventwire", r.pipeline))
    for name, f in r.stages.items():
        lines.append(row(f"  {name}", f))
    lines += [
        "",
        f"ratio       {r.ratio:.2f} (eventwire words/s over spaCy's full pipeline words/s)",
        f"parsed      {r.parsed_share:.0%} of tokens (paragraphs with a candidate trigger)",
        "nlp parts   " + ", ".join(f"{k} {v:.2f}s" for k, v in r.nlp_components.items()),
        "peak RSS    " + ", ".join(f"{k} {v:.0f} MB" for k, v in r.peak_rss_mb.items()),
    ]
    return "\n".join(lines)
