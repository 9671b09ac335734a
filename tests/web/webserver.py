"""A local HTTP server on 127.0.0.1 for the web tests: fixture pages and feeds, and broken answers.

    with LocalServer() as server:
        server.add("/story/1", html, "text/html; charset=utf-8")
        server.url("/story/1")

Built-in paths: /status/500 (HTTP 500), /slow (answers after `slow_seconds`), /loop/a <-> /loop/b
(a redirect loop), /chain/N (N redirects in a row), /huge (50 MB streamed without a length),
/huge-declared (announces 50 MB), /not-html (a PDF). Routes added with an ETag answer 304 to a
request that sends it back. Every request is recorded (path and headers) in `server.requests`.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

HUGE = 50 * 1024 * 1024


@dataclass
class Route:
    body: bytes
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        srv = self.server
        srv.requests.append((self.path, dict(self.headers.items())))
        path = self.path
        if path in srv.routes:
            route = srv.routes[path]
            etag = route.headers.get("ETag")
            if etag and self.headers.get("If-None-Match") == etag:
                self._send(304, b"", "", {"ETag": etag})
                return
            self._send(route.status, route.body, route.content_type, route.headers)
        elif path.startswith("/status/"):
            self._send(int(path.rsplit("/", 1)[1]), b"<html><body>error</body></html>", "text/html")
        elif path == "/slow":
            time.sleep(srv.slow_seconds)
            self._send(200, b"<html><body>late</body></html>", "text/html")
        elif path in ("/loop/a", "/loop/b"):
            self._redirect("/loop/b" if path == "/loop/a" else "/loop/a")
        elif path.startswith("/chain/"):
            n = int(path.rsplit("/", 1)[1])
            if n > 0:
                self._redirect(f"/chain/{n - 1}")
            else:
                self._send(200, b"<html><body>end of the chain</body></html>", "text/html")
        elif path == "/huge":
            self._stream_huge(declare=False)
        elif path == "/huge-declared":
            self._stream_huge(declare=True)
        elif path == "/not-html":
            self._send(200, b"%PDF-1.4\n" + b"0" * 2000, "application/pdf")
        else:
            self._send(404, b"<html><body>not found</body></html>", "text/html")

    def _send(self, status: int, body: bytes, ctype: str, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        if ctype:
            self.send_header("Content-Type", ctype)
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if body:
            self.wfile.write(body)

    def _redirect(self, to: str) -> None:
        self.send_response(302)
        self.send_header("Location", to)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _stream_huge(self, declare: bool) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        if declare:
            self.send_header("Content-Length", str(HUGE))
        self.send_header("Connection", "close")
        self.end_headers()
        chunk = b"<p>" + b"filler text " * 5000 + b"</p>\n"
        sent = 0
        try:
            while sent < HUGE:
                self.wfile.write(chunk)
                sent += len(chunk)
        except (BrokenPipeError, ConnectionResetError):
            pass
        self.close_connection = True


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    routes: dict[str, Route]
    requests: list[tuple[str, dict[str, str]]]
    slow_seconds: float


class LocalServer:
    def __init__(self, slow_seconds: float = 3.0) -> None:
        self._srv = _Server(("127.0.0.1", 0), _Handler)
        self._srv.routes = {}
        self._srv.requests = []
        self._srv.slow_seconds = slow_seconds
        self._thread = threading.Thread(target=self._srv.serve_forever, daemon=True)

    def __enter__(self) -> LocalServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._srv.shutdown()
        self._srv.server_close()

    @property
    def base(self) -> str:
        host, port = self._srv.server_address[:2]
        return f"http://{host!s}:{port}"

    def url(self, path: str) -> str:
        return self.base + path

    @property
    def requests(self) -> list[tuple[str, dict[str, str]]]:
        return self._srv.requests

    def add(
        self,
        path: str,
        body: bytes | str,
        content_type: str = "text/html; charset=utf-8",
        status: int = 200,
        headers: dict[str, str] | None = None,
    ) -> str:
        data = body.encode("utf-8") if isinstance(body, str) else body
        self._srv.routes[path] = Route(data, content_type, status, dict(headers or {}))
        return self.url(path)
