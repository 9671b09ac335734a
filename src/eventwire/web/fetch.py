"""One HTTP GET, bounded: named user agent, timeouts, a size limit, a redirect limit, conditional requests.

    from eventwire.web.fetch import FetchOptions, FetchError, fetch

    result = fetch("https://example.org/feed.xml", FetchOptions(timeout=10), etag=old_etag)
    if result.not_modified: ...        # 304: nothing new, validators unchanged
    result.body, result.final_url, result.content_type, result.etag, result.last_modified

`fetch` never retries, never sleeps and never reads robots.txt: the caller (`eventwire watch`) owns
politeness and backoff. Every failure is a `FetchError` (a `RejectError`, so it becomes a reject row with the
URL and a reason) whose `retryable` says whether trying again later can help (timeouts, connection errors,
HTTP 429 and 5xx) and whose `status` holds the HTTP status when there was one.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import httpx

from eventwire.errors import RejectError
from eventwire.version import __version__

DEFAULT_USER_AGENT = f"eventwire/{__version__} (news event coder; polite crawler)"


@dataclass(frozen=True)
class FetchOptions:
    user_agent: str = DEFAULT_USER_AGENT
    # Seconds to connect, and seconds without a byte while reading.
    timeout: float = 15.0
    # Seconds for the whole exchange, redirects and body included (a slow drip is cut off).
    total_timeout: float = 60.0
    # Bodies larger than this are refused (Content-Length up front, or counted while streaming).
    max_bytes: int = 5_000_000
    max_redirects: int = 5
    # Extra request headers (Accept, Accept-Language...).
    headers: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class FetchResult:
    url: str  # as requested
    final_url: str  # after redirects
    status: int
    headers: dict[str, str]  # lower-case names
    body: bytes
    redirects: tuple[str, ...] = ()  # the URLs passed through, in order
    elapsed: float = 0.0

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    @property
    def content_type(self) -> str:
        """The media type without parameters, lower-case ('' when the server sent none)."""
        return self.headers.get("content-type", "").split(";")[0].strip().lower()

    @property
    def charset(self) -> str | None:
        for part in self.headers.get("content-type", "").split(";")[1:]:
            key, _, value = part.partition("=")
            if key.strip().lower() == "charset" and value.strip():
                return value.strip().strip("\"'")
        return None

    @property
    def etag(self) -> str | None:
        return self.headers.get("etag")

    @property
    def last_modified(self) -> str | None:
        return self.headers.get("last-modified")


class FetchError(RejectError):
    """A fetch that failed. `reason` is a short tag: 'http error', 'timeout', 'too large',
    'too many redirects', 'redirect loop', 'connection failed', 'bad url'."""

    def __init__(
        self,
        reason: str,
        detail: str = "",
        *,
        url: str = "",
        status: int | None = None,
        retryable: bool = False,
    ) -> None:
        super().__init__(reason, detail)
        self.url = url
        self.status = status
        self.retryable = retryable

    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (_rebuild_fetch_error, (self.reason, self.detail, self.url, self.status, self.retryable))


def _rebuild_fetch_error(
    reason: str, detail: str, url: str, status: int | None, retryable: bool
) -> FetchError:
    return FetchError(reason, detail, url=url, status=status, retryable=retryable)


def fetch(
    url: str,
    options: FetchOptions | None = None,
    *,
    etag: str | None = None,
    last_modified: str | None = None,
) -> FetchResult:
    """GET `url`. Sends If-None-Match / If-Modified-Since when validators are given (304 -> not_modified).

    Raises FetchError on a non-2xx/304 answer, a timeout, a body over `max_bytes`, a redirect loop or
    too many redirects, and a connection failure.
    """
    opts = options or FetchOptions()
    headers = {
        "User-Agent": opts.user_agent,
        "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
        "Accept-Encoding": "gzip, deflate",
        **opts.headers,
    }
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    timeout = httpx.Timeout(opts.timeout)
    started = time.monotonic()
    deadline = started + opts.total_timeout
    current = _check_url(url, url)
    seen = {current}
    redirects: list[str] = []
    try:
        with httpx.Client(timeout=timeout, follow_redirects=False, trust_env=False) as client:
            while True:
                with client.stream("GET", current, headers=headers) as resp:
                    if resp.status_code in (301, 302, 303, 307, 308) and "location" in resp.headers:
                        location = resp.headers.get("location", "")
                        target = _check_url(urljoin(current, location), url)
                        if target in seen:
                            raise FetchError(
                                "redirect loop",
                                f"{current} redirects back to {target}",
                                url=url,
                                status=resp.status_code,
                            )
                        if len(redirects) >= opts.max_redirects:
                            raise FetchError(
                                "too many redirects",
                                f"more than {opts.max_redirects} redirects",
                                url=url,
                                status=resp.status_code,
                            )
                        redirects.append(current)
                        seen.add(target)
                        current = target
                        continue
                    status = resp.status_code
                    if status != 304 and not 200 <= status < 300:
                        raise FetchError(
                            "http error",
                            f"HTTP {status} {resp.reason_phrase}".rstrip(),
                            url=url,
                            status=status,
                            retryable=status == 429 or status >= 500,
                        )
                    body = _read_body(resp, opts, deadline, url)
                    return FetchResult(
                        url=url,
                        final_url=str(resp.url),
                        status=status,
                        headers={k.lower(): v for k, v in resp.headers.items()},
                        body=body,
                        redirects=tuple(redirects),
                        elapsed=time.monotonic() - started,
                    )
    except FetchError:
        raise
    except httpx.TimeoutException as exc:
        raise FetchError(
            "timeout", f"no answer within {opts.timeout:g} s ({type(exc).__name__})", url=url, retryable=True
        ) from None
    except httpx.HTTPError as exc:
        raise FetchError(
            "connection failed", str(exc) or type(exc).__name__, url=url, retryable=True
        ) from None


def _check_url(target: str, url: str) -> str:
    parts = urlsplit(target)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise FetchError("bad url", f"{target!r} is not an http(s) URL", url=url)
    return target


def _read_body(resp: httpx.Response, opts: FetchOptions, deadline: float, url: str) -> bytes:
    declared = resp.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > opts.max_bytes:
        raise FetchError(
            "too large", f"{int(declared):,} bytes is over the {opts.max_bytes:,}-byte limit", url=url
        )
    chunks: list[bytes] = []
    size = 0
    for chunk in resp.iter_bytes():
        size += len(chunk)
        if size > opts.max_bytes:
            raise FetchError("too large", f"more than the {opts.max_bytes:,}-byte limit", url=url)
        if time.monotonic() > deadline:
            raise FetchError(
                "timeout", f"the whole answer took over {opts.total_timeout:g} s", url=url, retryable=True
            )
        chunks.append(chunk)
    return b"".join(chunks)
