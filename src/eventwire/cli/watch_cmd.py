"""CLI command `eventwire watch`: registered on the main app by `register`."""

from __future__ import annotations

import signal
import threading
from dataclasses import replace
from pathlib import Path
from typing import Annotated, Any

import typer

from eventwire.watch import DEFAULT_KEEP_DAYS


def register(app: typer.Typer, eval_app: typer.Typer) -> None:
    """Add this module's commands to the `eventwire` app."""
    app.command("watch")(watch)


def watch(
    sources: Annotated[
        list[str], typer.Argument(help="URLs of RSS/Atom feeds, news sitemaps or OPML lists.")
    ],
    db: Annotated[Path, typer.Option("--db", help="DuckDB file holding articles, events and rejects.")],
    every: Annotated[float, typer.Option(min=1.0, help="Seconds between two polls of a source.")] = 300.0,
    keep_days: Annotated[
        float, typer.Option(min=0.0, help="Keep fetch log rows and rejects this many days.")
    ] = DEFAULT_KEEP_DAYS,
    host_delay: Annotated[
        float, typer.Option(min=0.0, help="Seconds between two requests to one host.")
    ] = 1.0,
    timeout: Annotated[float, typer.Option(min=0.1, help="Seconds to connect, and without a byte.")] = 15.0,
    max_bytes: Annotated[int | None, typer.Option(help="Refuse pages and feeds larger than this.")] = None,
    user_agent: Annotated[str | None, typer.Option(help="User agent sent with every request.")] = None,
    model: Annotated[str | None, typer.Option(help="spaCy pipeline (env EVENTWIRE_SPACY_MODEL).")] = None,
    batch_size: Annotated[int | None, typer.Option(help="Articles per batch (one transaction each).")] = None,
) -> None:
    """Poll feeds and sitemaps, code their new articles and store them, until stopped (Ctrl-C)."""
    from rich.console import Console

    from eventwire.config import Settings
    from eventwire.errors import EventwireError, UsageError
    from eventwire.store.duck import EventStore
    from eventwire.watch import Watcher, WatchOptions
    from eventwire.web.fetch import FetchOptions
    from eventwire.web.poll import normalize_url

    err = Console(stderr=True)

    def say(line: str) -> None:
        err.print(line, markup=False, highlight=False, soft_wrap=True)

    bad = next((s for s in sources if not s.lower().startswith(("http://", "https://"))), None)
    if bad is not None:
        say(f"error: {bad!r} is not an http(s) URL; `eventwire watch` polls feeds, sitemaps and OPML lists")
        raise typer.Exit(2)
    settings = Settings().with_overrides(spacy_model=model, max_bytes=max_bytes, batch_size=batch_size)
    fetch = FetchOptions(timeout=timeout, max_bytes=settings.max_bytes)
    if user_agent:
        fetch = replace(fetch, user_agent=user_agent)
    options = WatchOptions(every=every, keep_days=keep_days, host_delay=host_delay, fetch=fetch)
    stop = threading.Event()

    def on_signal(signum: int, frame: Any) -> None:
        if stop.is_set():
            raise KeyboardInterrupt
        say("eventwire watch: stopping after the current step (again to stop now)")
        stop.set()

    signal.signal(signal.SIGINT, on_signal)
    signal.signal(signal.SIGTERM, on_signal)
    say(f"eventwire watch: {len(sources)} source(s) into {db}, every {every:g} s (Ctrl-C stops)")
    try:
        with EventStore(db) as store:
            watcher = Watcher(
                [normalize_url(s) for s in sources], store, settings, options, report=say, stop=stop
            )
            stats = watcher.run()
    except UsageError as exc:
        say(f"error: {exc}")
        raise typer.Exit(2) from None
    except EventwireError as exc:
        say(f"error: {exc}")
        raise typer.Exit(1) from None
    say(stats.line())
