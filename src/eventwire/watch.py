"""`eventwire watch`: poll feeds and sitemaps, fetch their new pages, code them and store them, until stopped.

One round polls every source that is due; then the watcher sleeps until the next one is. Polling a source:
1. its feed (RSS, Atom, news sitemap; an OPML list or a sitemap index adds the sources it lists) is fetched
   with its stored validators (ETag, Last-Modified): a 304 costs nothing;
2. each listed page whose URL no stored article was reached by is fetched (robots.txt, a per-host rate limit,
   retries: `web.poll.Politeness`) and read (`web.extract.article_from_html`); a URL the store knows for
   another source, and a page whose canonical URL or content is stored, only add a row to `article_urls`;
3. the new articles are coded and stored in batches, as `eventwire ingest` does (one transaction a batch,
   then their stories), and only then are their URLs recorded;
4. the source's state (validators, failures, next poll) is saved last, after its pages.
A kill at any moment therefore loses nothing: a page stored without its URL is found stored again by its
content and linked; a feed whose validators were not saved is read again in full. Failed pages are rejects
named by their URL, retried with backoff (`store.web_state.MAX_PAGE_ATTEMPTS` times); a source that keeps
failing rests longer after each failure (`web.poll.source_backoff`) and is reported. The database is open
only while state is read or a batch is written, so `eventwire serve` and `eventwire ingest` can use it.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from eventwire.config import Settings
from eventwire.errors import RejectError
from eventwire.models import Article, CodedArticle, Reject
from eventwire.store import web_state
from eventwire.store.duck import EventStore
from eventwire.store.web_state import SourceState
from eventwire.web.fetch import FetchError, FetchOptions, FetchResult
from eventwire.web.poll import FetchRecord, Politeness, normalize_url, source_backoff

Coder = Callable[[list[Article]], Iterable[CodedArticle]]

PRUNE_EVERY = 3600.0
DEFAULT_KEEP_DAYS = 30.0


@dataclass
class WatchOptions:
    every: float = 300.0  # seconds between two polls of a source
    keep_days: float = DEFAULT_KEEP_DAYS  # fetch log rows and rejects older than this are deleted
    host_delay: float = 1.0  # seconds between two requests to one host
    obey_robots: bool = True
    fetch: FetchOptions = field(default_factory=FetchOptions)
    max_rounds: int | None = None  # stop after this many rounds (tests); None: until stopped


@dataclass
class WatchStats:
    sources: int = 0
    polled: int = 0
    new: int = 0
    linked: int = 0
    events: int = 0
    errors: int = 0

    def line(self) -> str:
        return (
            f"watch: sources {self.sources} | polled {self.polled} | articles new {self.new} | "
            f"events {self.events} | errors {self.errors}"
        )


@dataclass
class _Fetched:
    url: str
    article: Article
    canonical: str


class Watcher:
    def __init__(
        self,
        sources: Sequence[str],
        store: EventStore,
        settings: Settings,
        options: WatchOptions | None = None,
        *,
        coder: Coder | None = None,
        report: Callable[[str], None] | None = None,
        stop: threading.Event | None = None,
    ) -> None:
        self.roots = [normalize_url(s) for s in sources]
        self.store = store
        self.settings = settings
        self.options = options or WatchOptions()
        self.report = report or (lambda line: None)
        self.stop = stop or threading.Event()
        self.stats = WatchStats()
        self._log: list[tuple[dt.datetime, FetchRecord]] = []
        self.polite = Politeness(
            self.options.fetch,
            host_delay=self.options.host_delay,
            obey_robots=self.options.obey_robots,
            on_fetch=lambda rec: self._log.append((web_state.now(), rec)),
            sleep=self._sleep,
        )
        self._coder = coder
        self.sources: dict[str, SourceState] = {}
        self._last_prune = 0.0

    # --- the loop --------------------------------------------------------------------------------

    def run(self) -> WatchStats:
        """Poll until `stop` is set (or `max_rounds` rounds are done); returns the counts."""
        from eventwire.dedup.tracker import StoryTracker

        con = self.store.con
        web_state.ensure_tables(con)
        self.sources = web_state.load_sources(con)
        for url in self.roots:
            self.sources.setdefault(url, SourceState(url))
        self.tracker = StoryTracker.open(self.store)
        self._prune()
        self.store.release()
        coder = self._coder or self._pipeline_coder()
        rounds = 0
        while not self.stop.is_set():
            for state in self._due():
                if self.stop.is_set():
                    break
                self.poll(state, coder)
            rounds += 1
            self.stats.sources = len(self.sources)
            self.report(self.stats.line())
            if self.options.max_rounds is not None and rounds >= self.options.max_rounds:
                break
            if time.monotonic() - self._last_prune > PRUNE_EVERY:
                self._prune()
                self.store.release()
            self.stop.wait(self._until_next())
        return self.stats

    def _pipeline_coder(self) -> Coder:
        from eventwire.pipeline import Pipeline

        pipe = Pipeline(self.settings)

        def code(batch: list[Article]) -> Iterable[CodedArticle]:
            return pipe.code_articles(batch, batch_size=len(batch) or 1)

        return code

    def _due(self) -> list[SourceState]:
        now = web_state.now()
        return [s for s in list(self.sources.values()) if s.next_due is None or s.next_due <= now]

    def _until_next(self) -> float:
        now = web_state.now()
        waits = [(s.next_due - now).total_seconds() for s in self.sources.values() if s.next_due is not None]
        if len(waits) < len(self.sources):
            return 0.0
        return max(0.0, min(waits, default=self.options.every))

    def _sleep(self, seconds: float) -> None:
        self.stop.wait(seconds)

    def _prune(self) -> None:
        web_state.prune(self.store.con, self.options.keep_days)
        self._last_prune = time.monotonic()

    # --- one source --------------------------------------------------------------------------------

    def poll(self, state: SourceState, coder: Coder) -> None:
        """Poll one source: its feed, then its new and pending pages; its state is saved last."""
        from eventwire.web.feeds import FeedError, parse_feed

        self.stats.polled += 1
        state.last_fetch = web_state.now()
        urls: list[str] = []
        result: FetchResult | None = None
        try:
            result = self.polite.get(state.url, "feed", etag=state.etag, last_modified=state.last_modified)
            state.last_status = result.status
            if not result.not_modified:
                feed = parse_feed(result.body, result.final_url)
                state.kind = feed.kind
                for link in feed.links:  # OPML lists and sitemap indexes name more sources
                    child = normalize_url(link)
                    if child not in self.sources:
                        self.sources[child] = SourceState(child, parent=state.url)
                urls = list(dict.fromkeys(normalize_url(e.url) for e in feed.entries if e.url))
                state.entries = len(urls)
        except (FetchError, FeedError) as exc:
            self._source_failed(state, exc)
            return
        self._pages(state, urls, coder)
        if self.stop.is_set() and urls:
            self._flush()  # stopped midway: the validators are not saved, the feed is read again in full
            return
        state.errors = 0
        state.last_error = None
        state.last_ok = web_state.now()
        if result is not None and not result.not_modified:
            state.etag, state.last_modified = result.etag, result.last_modified
        state.next_due = web_state.now() + dt.timedelta(seconds=self.options.every)
        self._flush(state)

    def _source_failed(self, state: SourceState, exc: RejectError) -> None:
        state.errors += 1
        state.total_errors += 1
        state.last_error = f"{exc.reason}: {exc.detail}"[:500]
        rest = source_backoff(self.options.every, state.errors - 1)
        state.next_due = web_state.now() + dt.timedelta(seconds=rest)
        self.stats.errors += 1
        self.report(
            f"warning: source {state.url} failed ({state.errors} in a row): {state.last_error}; "
            f"next try in {rest:.0f} s"
        )
        self._flush(state, [Reject(state.url, exc.reason, exc.detail)])

    def _flush(self, state: SourceState | None = None, rejects: Sequence[Reject] = ()) -> None:
        """Write the fetch log, rejects and the source's state; then let the file go."""
        con = self.store.con
        con.execute("BEGIN TRANSACTION")
        try:
            web_state.log_fetches(con, self._log)
            self.store.add_rejects(rejects)
            if state is not None:
                web_state.save_source(con, state)
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
        finally:
            self.store.release()
        self._log.clear()

    def _pages(self, state: SourceState, urls: list[str], coder: Coder) -> None:
        """Fetch, code and store the source's new pages (and those due for another try)."""
        con = self.store.con
        pending = web_state.pending_pages(con, state.url)
        urls = list(dict.fromkeys([*urls, *pending]))
        known = web_state.known_urls(con, urls)
        here = web_state.linked(con, state.url, urls)
        failures = web_state.page_failures(con, urls)
        web_state.record_urls(
            con, [(u, state.url, known[u], None) for u in urls if u in known and u not in here]
        )
        self.store.release()
        self.stats.linked += sum(1 for u in urls if u in known and u not in here)
        now = web_state.now()
        todo = [u for u in urls if u not in known and _due(failures.get(u), now)]
        size = max(1, self.settings.batch_size)
        for i in range(0, len(todo), size):
            if self.stop.is_set():
                return
            self._batch(state, todo[i : i + size], failures, coder)

    def _batch(
        self,
        state: SourceState,
        urls: list[str],
        failures: dict[str, tuple[int, dt.datetime | None, bool]],
        coder: Coder,
    ) -> None:
        fetched: list[_Fetched] = []
        failed: list[tuple[str, RejectError]] = []
        for url in urls:
            if self.stop.is_set():
                break
            try:
                fetched.append(self._page(url))
            except RejectError as error:
                failed.append((url, error))
        # Pages whose canonical URL or content is stored are links to that article, not new articles.
        con = self.store.con
        by_url = web_state.known_urls(con, sorted({f.canonical for f in fetched}))
        stored = self.store.known_article_ids(f.article.article_id for f in fetched)
        self.store.release()
        links: list[tuple[str, str, str, str | None]] = []
        todo: dict[str, Article] = {}
        for f in fetched:
            article_id = by_url.get(f.canonical, f.article.article_id)
            links.append((f.url, state.url, article_id, f.canonical))
            if f.canonical != f.url:
                links.append((f.canonical, state.url, article_id, f.canonical))
            if f.canonical not in by_url and article_id not in stored:
                todo.setdefault(article_id, f.article)
        coded = list(coder(list(todo.values()))) if todo else []
        rejects = [Reject(url, e.reason, e.detail) for url, e in failed]
        new = self.store.write_new(coded, rejects)
        try:
            self.tracker.add_batch(coded)
            con = self.store.con
            web_state.record_urls(con, links)
            for url, e in failed:
                attempts = failures.get(url, (0, None, False))[0] + 1
                retryable = isinstance(e, FetchError) and e.retryable
                retry_in = source_backoff(self.options.every, attempts) if retryable else None
                web_state.record_page_failure(
                    con, url, state.url, f"{e.reason}: {e.detail}", retry_in, attempts
                )
        finally:
            self.store.release()
        for url, e in failed:
            self.report(f"warning: rejected {url}: {e.reason}: {e.detail}")
        self.stats.errors += len(failed)
        self.stats.new += len(new)
        self.stats.events += sum(len(c.events) for c in new)
        state.articles += len(new)

    def _page(self, url: str) -> _Fetched:
        from eventwire.web.extract import article_from_html

        result = self.polite.get(url, "page")
        kind = result.content_type
        if kind and "html" not in kind:
            raise RejectError("not html", f"{url} answered {kind}, not an HTML page")
        today = dt.date.today().isoformat()
        article = article_from_html(result.body, result.final_url, path=url, fetched_date=today)
        canonical = str(article.extra.get("canonical_url") or article.url or result.final_url)
        return _Fetched(url, article, normalize_url(canonical))


def _due(failure: tuple[int, dt.datetime | None, bool] | None, now: dt.datetime) -> bool:
    """A page never tried, or one that failed, is not given up and is due for another try."""
    if failure is None:
        return True
    _, next_try, gave_up = failure
    return not gave_up and (next_try is None or next_try <= now)
