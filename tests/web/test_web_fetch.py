"""fetch(): limits, redirects, timeouts, conditional requests, against a server on 127.0.0.1."""

from __future__ import annotations

import time

import pytest
from webserver import LocalServer

from eventwire.web.fetch import DEFAULT_USER_AGENT, FetchError, FetchOptions, fetch


def test_fetch_page_sends_user_agent(server: LocalServer) -> None:
    url = server.add("/p", "<html><body><p>hello</p></body></html>")
    result = fetch(url)
    assert result.status == 200
    assert result.content_type == "text/html"
    assert result.charset == "utf-8"
    assert b"hello" in result.body
    assert server.requests[-1][1]["User-Agent"] == DEFAULT_USER_AGENT
    assert DEFAULT_USER_AGENT.startswith("eventwire/")


def test_http_500_is_a_retryable_error(server: LocalServer) -> None:
    with pytest.raises(FetchError) as info:
        fetch(server.url("/status/500"))
    assert info.value.reason == "http error"
    assert info.value.status == 500
    assert info.value.retryable


def test_http_404_is_not_retryable(server: LocalServer) -> None:
    with pytest.raises(FetchError) as info:
        fetch(server.url("/nowhere"))
    assert info.value.status == 404
    assert not info.value.retryable


def test_timeout(server: LocalServer) -> None:
    started = time.monotonic()
    with pytest.raises(FetchError) as info:
        fetch(server.url("/slow"), FetchOptions(timeout=0.5))
    assert info.value.reason == "timeout"
    assert info.value.retryable
    assert time.monotonic() - started < 2.5


def test_redirect_loop(server: LocalServer) -> None:
    with pytest.raises(FetchError) as info:
        fetch(server.url("/loop/a"))
    assert info.value.reason == "redirect loop"


def test_redirect_limit(server: LocalServer) -> None:
    result = fetch(server.url("/chain/3"), FetchOptions(max_redirects=3))
    assert result.final_url.endswith("/chain/0")
    assert len(result.redirects) == 3
    with pytest.raises(FetchError) as info:
        fetch(server.url("/chain/6"), FetchOptions(max_redirects=3))
    assert info.value.reason == "too many redirects"


@pytest.mark.parametrize("path", ["/huge", "/huge-declared"])
def test_fifty_megabyte_page_is_refused(server: LocalServer, path: str) -> None:
    started = time.monotonic()
    with pytest.raises(FetchError) as info:
        fetch(server.url(path), FetchOptions(max_bytes=2_000_000))
    assert info.value.reason == "too large"
    assert time.monotonic() - started < 10


def test_conditional_request_gets_304(server: LocalServer) -> None:
    url = server.add("/feed", "<rss/>", "application/rss+xml", headers={"ETag": '"v1"'})
    first = fetch(url)
    assert first.etag == '"v1"'
    again = fetch(url, etag=first.etag)
    assert again.not_modified
    assert again.body == b""
    assert server.requests[-1][1]["If-None-Match"] == '"v1"'


def test_connection_refused_is_retryable() -> None:
    with LocalServer() as srv:
        url = srv.url("/p")
    with pytest.raises(FetchError) as info:
        fetch(url, FetchOptions(timeout=2))
    assert info.value.reason == "connection failed"
    assert info.value.retryable


def test_bad_scheme() -> None:
    with pytest.raises(FetchError) as info:
        fetch("ftp://127.0.0.1/file")
    assert info.value.reason == "bad url"


def test_fetch_error_pickles() -> None:
    import pickle

    exc = FetchError("http error", "HTTP 503", url="http://127.0.0.1/x", status=503, retryable=True)
    back = pickle.loads(pickle.dumps(exc))
    assert (back.reason, back.status, back.retryable, back.url) == ("http error", 503, True, exc.url)
