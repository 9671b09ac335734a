"""A news site on 127.0.0.1 for the watch tests: VOA stories (public domain) wrapped in simple HTML pages,
an RSS feed of them that honours ETag and Last-Modified, and broken answers on demand.

`NewsSite` runs `http.server` in a thread of the test process; `python site.py DIR PORT_FILE` runs the same
site in a process of its own, reading its items from DIR/items.json whenever it changes (the live tests
add items by rewriting that file).
"""

from __future__ import annotations

import email.utils
import hashlib
import html
import json
import re
import sys
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

STORIES = Path(__file__).resolve().parents[1] / "data" / "voa_pages.jsonl"


def stories() -> list[dict[str, Any]]:
    return [json.loads(line) for line in STORIES.read_text(encoding="utf-8").splitlines() if line.strip()]


def page_html(story: dict[str, Any], canonical: str | None = None) -> str:
    """A news page: navigation, the story in <article> with its metadata, related links and a footer."""
    sentences = re.split(r"(?<=[.!?\"”])\s+(?=[A-Z“\"])", story["text"])
    paras = [" ".join(sentences[i : i + 3]) for i in range(0, len(sentences), 3)]
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paras)
    title = html.escape(story["title"])
    link = f'<link rel="canonical" href="{html.escape(canonical)}">' if canonical else ""
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title} | Test News</title>
<meta property="og:title" content="{title}">
<meta property="article:published_time" content="{story["published"]}T12:00:00Z">
<meta name="author" content="{html.escape(story.get("author") or "")}">{link}
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/about">About us</a></nav>
<main><article><h1>{title}</h1>
<time datetime="{story["published"]}">{story["published"]}</time>
{body}
</article>
<aside><h2>Related</h2><ul><li><a href="/other">Other news of the day</a></li></ul></aside></main>
<footer>Test News. All rights reserved. Contact us.</footer>
</body></html>"""


def rss(items: list[dict[str, Any]], base: str) -> str:
    entries = "\n".join(
        f"<item><title>{html.escape(i['title'])}</title><link>{base}{i['path']}</link>"
        f"<guid>{base}{i['path']}</guid>"
        "<pubDate>Fri, 14 Mar 2025 12:00:00 GMT</pubDate></item>"
        for i in items
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Test News</title>'
        f"<link>{base}/</link><description>test feed</description>{entries}</channel></rss>"
    )


@dataclass
class Answer:
    status: int
    content_type: str
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)


class NewsSite:
    """Routes to answers; `requests` lists (path, request headers) in the order they came."""

    def __init__(self) -> None:
        self.routes: dict[str, Answer] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.lock = threading.Lock()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.server.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> NewsSite:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()

    def page(self, path: str, story: dict[str, Any], canonical: str | None = None) -> None:
        self.routes[path] = Answer(200, "text/html; charset=utf-8", page_html(story, canonical).encode())

    def feed(self, path: str, items: list[dict[str, Any]]) -> None:
        """An RSS feed with an ETag and a Last-Modified that change with its content."""
        body = rss(items, self.base).encode()
        tag = '"' + hashlib.sha1(body).hexdigest()[:12] + '"'
        modified = email.utils.formatdate(time.time(), usegmt=True)
        self.routes[path] = Answer(200, "application/rss+xml", body, {"ETag": tag, "Last-Modified": modified})

    def answer(self, path: str, status: int, body: bytes = b"", content_type: str = "text/plain") -> None:
        self.routes[path] = Answer(status, content_type, body)

    def hits(self, path: str) -> list[dict[str, str]]:
        with self.lock:
            return [h for p, h in self.requests if p == path]

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                headers = {k.lower(): v for k, v in self.headers.items()}
                with site.lock:
                    site.requests.append((self.path, headers))
                found = site.routes.get(self.path)
                if found is None:
                    found = Answer(404, "text/plain", b"not found")
                if (
                    found.status == 200
                    and found.headers.get("ETag")
                    and (headers.get("if-none-match") == found.headers["ETag"])
                ):
                    self.send_response(304)
                    self.send_header("ETag", found.headers["ETag"])
                    self.end_headers()
                    return
                self.send_response(found.status)
                self.send_header("Content-Type", found.content_type)
                self.send_header("Content-Length", str(len(found.body)))
                for k, v in found.headers.items():
                    self.send_header(k, v)
                self.end_headers()
                self.wfile.write(found.body)

            def log_message(self, format: str, *args: Any) -> None:
                pass

        return Handler


def serve_folder(folder: Path, port_file: Path) -> None:
    """The site of `folder/items.json` (a list of {"path", "story": index} or {"path", "status"}), reloaded
    when the file changes; the feed at /feed.xml, a broken feed at /broken.xml."""
    all_stories = stories()
    with NewsSite() as site:
        site.answer("/broken.xml", 200, b"<rss><channel><item><title>unclosed", "application/rss+xml")
        port_file.write_text(site.base)
        seen = None
        while True:
            items_file = folder / "items.json"
            stamp = items_file.stat().st_mtime_ns if items_file.exists() else None
            if stamp != seen:
                seen = stamp
                items = json.loads(items_file.read_text()) if stamp else []
                for item in items:
                    if "status" in item:
                        site.answer(item["path"], item["status"], b"server error")
                    else:
                        site.page(item["path"], all_stories[item["story"]])
                feed_items = [
                    {
                        "path": i["path"],
                        "title": all_stories[i["story"]]["title"] if "story" in i else "broken",
                    }
                    for i in items
                ]
                site.feed("/feed.xml", feed_items)
            time.sleep(0.2)


if __name__ == "__main__":
    serve_folder(Path(sys.argv[1]), Path(sys.argv[2]))
