"""Polite polling for `eventwire watch`: robots.txt, a per-host rate limit, retries and backoff.

    polite = Politeness(FetchOptions(), host_delay=1.0)
    result = polite.get(url, etag=..., last_modified=...)    # FetchResult, or FetchError

`eventwire.web.fetch.fetch` does one bounded GET (user agent, timeouts, size and redirect limits,
conditional requests); this module decides when and whether to send it:
- robots.txt is read once per host and kept for `ROBOTS_TTL` seconds; a URL it disallows for our user
  agent is refused with reason 'robots'. A missing robots.txt (4xx) allows everything; one that cannot be
  read (5xx, timeout) disallows the host until it can (RFC 9309). Its Crawl-delay, when longer than
  `host_delay`, spaces the requests to that host;
- requests to one host are spaced by `host_delay` seconds, whatever source they are for;
- a retryable failure (timeout, connection error, HTTP 429 or 5xx) is tried again `retries` times, after
  1 s, 2 s, ... (a Retry-After header is not waited on beyond `max_retry_wait`);
- `source_backoff(every, errors)`: how long a source that failed `errors` times in a row rests before its
  next poll: `every` doubled per failure, at most `MAX_BACKOFF` seconds.
"""

from __future__ import annotations

import threading
import time
import urllib.robotparser
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from eventwire.web.fetch import FetchError, FetchOptions, FetchResult, fetch

ROBOTS_TTL = 3600.0
MAX_BACKOFF = 3600.0

# Query parameters that only track the reader: dropped when URLs are compared.
_TRACKING = ("utm_", "fbclid", "gclid", "mc_cid", "mc_eid", "ocid", "cmpid")


def normalize_url(url: str) -> str:
    """The URL as eventwire compares it: scheme and host lower-case, no fragment, no tracking parameters,
    no default port."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower()
    port = parts.port
    if port and not ((parts.scheme == "http" and port == 80) or (parts.scheme == "https" and port == 443)):
        host = f"{host}:{port}"
    query = urlencode(
        [
            (k, v)
            for k, v in parse_qsl(parts.query, keep_blank_values=True)
            if not k.lower().startswith(_TRACKING)
        ]
    )
    return urlunsplit((parts.scheme.lower(), host, parts.path or "/", query, ""))


def host_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc.lower()}"


def source_backoff(every: float, errors: int) -> float:
    """Seconds a source rests after `errors` failures in a row (0: poll again after `every`)."""
    if errors <= 0:
        return every
    return min(every * 2**errors, max(MAX_BACKOFF, every))


@dataclass
class FetchRecord:
    """One request as the fetch log keeps it."""

    url: str
    kind: str  # 'feed', 'page' or 'robots'
    status: int | None
    size: int
    seconds: float
    outcome: str  # 'ok', 'not modified', or the failure's reason and detail


@dataclass
class _Robots:
    parser: urllib.robotparser.RobotFileParser | None  # None: everything allowed
    blocked: bool  # robots.txt could not be read: nothing allowed for now
    fetched: float


@dataclass
class Politeness:
    options: FetchOptions = field(default_factory=FetchOptions)
    host_delay: float = 1.0
    retries: int = 2
    max_retry_wait: float = 30.0
    obey_robots: bool = True
    on_fetch: Callable[[FetchRecord], None] | None = None
    sleep: Callable[[float], None] = time.sleep
    _robots: dict[str, _Robots] = field(default_factory=dict)
    _next_slot: dict[str, float] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def get(
        self, url: str, kind: str = "page", *, etag: str | None = None, last_modified: str | None = None
    ) -> FetchResult:
        """GET `url` politely; raises FetchError (reason 'robots' when robots.txt disallows it)."""
        if self.obey_robots and not self.allowed(url):
            raise FetchError("robots", f"robots.txt of {host_of(url)} disallows {url}", url=url)
        attempt = 0
        while True:
            try:
                return self._get_once(url, kind, etag, last_modified)
            except FetchError as exc:
                if not exc.retryable or attempt >= self.retries:
                    raise
                attempt += 1
                self.sleep(min(float(2 ** (attempt - 1)), self.max_retry_wait))

    def _get_once(self, url: str, kind: str, etag: str | None, last_modified: str | None) -> FetchResult:
        self._wait_turn(url)
        start = time.monotonic()
        try:
            result = fetch(url, self.options, etag=etag, last_modified=last_modified)
        except FetchError as exc:
            if exc.status == 304 and (etag or last_modified):  # a 304 taken for a redirect
                result = FetchResult(url=url, final_url=url, status=304, headers={}, body=b"")
            else:
                self._log(url, kind, exc.status, 0, time.monotonic() - start, f"{exc.reason}: {exc.detail}")
                raise
        outcome = "not modified" if result.not_modified else "ok"
        self._log(url, kind, result.status, len(result.body), time.monotonic() - start, outcome)
        return result

    def _log(self, url: str, kind: str, status: int | None, size: int, seconds: float, outcome: str) -> None:
        if self.on_fetch is not None:
            self.on_fetch(FetchRecord(url, kind, status, size, round(seconds, 3), outcome[:500]))

    def _wait_turn(self, url: str) -> None:
        """Sleep until this host may be asked again, and book the next slot."""
        host = host_of(url)
        delay = max(self.host_delay, self._crawl_delay(host))
        with self._lock:
            now = time.monotonic()
            slot = max(now, self._next_slot.get(host, now))
            self._next_slot[host] = slot + delay
        if slot > now:
            self.sleep(slot - now)

    def _crawl_delay(self, host: str) -> float:
        robots = self._robots.get(host)
        if robots is None or robots.parser is None:
            return 0.0
        delay = robots.parser.crawl_delay(self.options.user_agent)
        return min(float(delay), 60.0) if delay else 0.0

    def allowed(self, url: str) -> bool:
        """Whether robots.txt of the URL's host lets our user agent fetch it (read once an hour)."""
        host = host_of(url)
        robots = self._robots.get(host)
        if robots is None or time.monotonic() - robots.fetched > ROBOTS_TTL:
            robots = self._robots[host] = self._read_robots(host)
        if robots.blocked:
            return False
        return robots.parser is None or robots.parser.can_fetch(self.options.user_agent, url)

    def _read_robots(self, host: str) -> _Robots:
        url = f"{host}/robots.txt"
        try:
            result = self._get_once(url, "robots", None, None)
        except FetchError as exc:
            if exc.status is not None and 400 <= exc.status < 500:
                return _Robots(None, False, time.monotonic())  # no robots.txt: everything allowed
            # Unreachable or a server error: nothing allowed; read again after a short while.
            return _Robots(None, True, time.monotonic() - ROBOTS_TTL + 60.0)
        parser = urllib.robotparser.RobotFileParser(url)
        parser.parse(result.body.decode("utf-8", "replace").splitlines())
        return _Robots(parser, False, time.monotonic())
