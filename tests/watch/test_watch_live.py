"""The bar of `eventwire watch`, with real processes on 127.0.0.1: a feed of VOA stories is watched into a
store that `eventwire serve` answers from meanwhile; items added later show up; kill -9 and a restart store
nothing twice; a broken feed and a page answering 500 are rejects and the watch goes on; `eventwire ingest`
writes to the store while the server runs."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from news_site import NewsSite, stories

from eventwire.store.duck import EventStore

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _eventwire(args: list[str], log: Path, env: dict[str, str]) -> subprocess.Popen[bytes]:
    with log.open("ab") as out:
        return subprocess.Popen(
            [sys.executable, "-m", "eventwire.cli.main", *args], stdout=out, stderr=subprocess.STDOUT, env=env
        )


def _until(check: Callable[[], Any], seconds: float, what: str) -> Any:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        got = check()
        if got:
            return got
        time.sleep(0.5)
    raise AssertionError(f"not within {seconds:.0f} s: {what}")


def _summary(port: int) -> dict[str, Any]:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/summary", timeout=10) as r:
        data: dict[str, Any] = json.loads(r.read())
        return data


def _rows(db: Path, sql: str) -> list[tuple[Any, ...]]:
    with EventStore(db, read_only=True) as store:
        return store.con.execute(sql).fetchall()


@pytest.fixture
def processes() -> Iterator[list[subprocess.Popen[bytes]]]:
    started: list[subprocess.Popen[bytes]] = []
    yield started
    for p in started:
        if p.poll() is None:
            p.kill()
            p.wait(timeout=30)


def test_watch_while_serving(tmp_path: Path, processes: list[subprocess.Popen[bytes]]) -> None:
    voa = stories()
    db = tmp_path / "live.duckdb"
    log = tmp_path / "processes.log"
    env = {**os.environ, "EVENTWIRE_SERVE_REFRESH_SECONDS": "2", "EVENTWIRE_PROGRESS_SECONDS": "3600"}
    EventStore(db).close()  # an empty store for the server to start on
    with NewsSite() as site:

        def publish(n: int) -> None:
            for i in range(n):
                site.page(f"/news/{i}.html", voa[i])
            items = [{"path": f"/news/{i}.html", "title": voa[i]["title"]} for i in range(n)]
            site.feed("/feed.xml", [*items, {"path": "/news/down.html", "title": "down"}])

        site.answer("/news/down.html", 500, b"server error")
        site.answer("/broken.xml", 200, b"<rss><channel><item><title>unclosed", "application/rss+xml")
        publish(10)
        port = _free_port()
        processes.append(_eventwire(["serve", "--db", str(db), "--port", str(port)], log, env))
        _until(lambda: _try(lambda: _summary(port)), 60, "the server answers")
        watch_args = ["watch", site.base + "/feed.xml", site.base + "/broken.xml", "--db", str(db)]
        watch_args += ["--every", "3", "--host-delay", "0"]
        watch = _eventwire(watch_args, log, env)
        processes.append(watch)
        # All 10 stored within 2 minutes, and the running server reports them without a restart.
        started = time.monotonic()
        _until(lambda: _summary(port)["articles"] >= 10, 120, "10 articles in /api/summary")
        first_wait = time.monotonic() - started
        assert _summary(port)["articles"] == 10 and _summary(port)["events"] > 0
        # Five more items: they appear within 60 s. Kill -9 as soon as the first of them is stored.
        publish(15)
        _until(lambda: _rows(db, "SELECT count(*) FROM articles")[0][0] > 10, 60, "a new item stored")
        watch.send_signal(signal.SIGKILL)
        watch.wait(timeout=30)
        watch = _eventwire(watch_args, log, env)
        processes.append(watch)
        _until(lambda: _summary(port)["articles"] >= 15, 60, "15 articles in /api/summary")
        # Nothing twice: one article per story, one URL row per page.
        assert _rows(db, "SELECT count(*), count(DISTINCT text) FROM articles") == [(15, 15)]
        assert _rows(db, "SELECT count(*), count(DISTINCT url) FROM article_urls") == [(15, 15)]
        # The broken feed and the page answering 500 are rejects named by their URL; the watch runs on.
        rejects = dict(_rows(db, "SELECT path, reason FROM rejects"))
        assert rejects.get(site.base + "/broken.xml") == "bad feed"
        assert rejects.get(site.base + "/news/down.html") == "http error"
        assert watch.poll() is None
        # `eventwire ingest` writes while the server and the watch run, and the server shows it.
        example = ROOT / "examples" / "wire" / "003_sanctions.txt"
        ingest = subprocess.run(
            [sys.executable, "-m", "eventwire.cli.main", "ingest", str(example), "--db", str(db)],
            capture_output=True,
            text=True,
            env=env,
            timeout=300,
        )
        assert ingest.returncode == 0, ingest.stderr
        _until(lambda: _summary(port)["articles"] == 16, 60, "the ingested article in /api/summary")
        # SIGTERM stops the watch cleanly.
        watch.send_signal(signal.SIGTERM)
        assert watch.wait(timeout=60) == 0
    output = log.read_text(errors="replace")
    assert "watch: sources 2 | polled" in output and "articles new" in output
    assert "broken.xml failed" in output
    assert first_wait < 120


def _try(f: Callable[[], Any]) -> Any:
    try:
        return f()
    except OSError:
        return None
