"""Fixtures for the API and page tests: a real DuckDB store coded from the sample articles (and the seed
when it is beside the repository), the app over it, a live server on 127.0.0.1, and headless Chromium."""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from shared_data import ROOT, SEED

if TYPE_CHECKING:
    from fastapi.testclient import TestClient
    from playwright.sync_api import Browser, Page

    from eventwire.pipeline import Pipeline

SCREENSHOTS = ROOT / "tests" / "screenshots"


@pytest.fixture(scope="session")
def serve_db(tmp_path_factory: pytest.TempPathFactory, pipeline: Pipeline) -> Path:
    """The bundled examples, plus the seed when present, ingested by the real pipeline."""
    from eventwire.config import Settings
    from eventwire.runner import ingest
    from eventwire.store.duck import EventStore

    path = tmp_path_factory.mktemp("serve") / "events.duckdb"
    inputs = [str(ROOT / "examples")] + ([str(SEED)] if SEED.exists() else [])
    with EventStore(path) as store:
        ingest(
            inputs,
            store,
            Settings(),
            coder=lambda batch: pipeline.code_articles(batch, batch_size=len(batch) or 1),
            warn=lambda message: None,
        )
    return path


@pytest.fixture(scope="session")
def seed_present() -> bool:
    return SEED.exists()


@pytest.fixture
def need_seed(seed_present: bool) -> None:
    if not seed_present:
        pytest.skip(f"{SEED} is not available")


@pytest.fixture(scope="session")
def client(serve_db: Path) -> Iterator[TestClient]:
    from fastapi.testclient import TestClient

    from eventwire.serve import create_app

    with TestClient(create_app(serve_db)) as test_client:
        yield test_client


@pytest.fixture(scope="session")
def db_rows(serve_db: Path) -> list[dict[str, Any]]:
    """Every stored event as its JSON, read straight from the file: what the API must agree with."""
    import json

    import duckdb

    con = duckdb.connect(str(serve_db), read_only=True)
    try:
        rows = con.execute("SELECT event_json, event_date FROM events").fetchall()
    finally:
        con.close()
    out = []
    for event_json, event_date in rows:
        d = json.loads(event_json)
        d["_event_date"] = event_date
        out.append(d)
    return out


# --- a live server and a real browser ------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def serving(db: Path) -> Iterator[str]:
    """The app over `db` on a free port of 127.0.0.1, in a thread; yields its base URL."""
    import uvicorn

    from eventwire.serve import create_app

    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)


@pytest.fixture(scope="session")
def live_url(serve_db: Path) -> Iterator[str]:
    with serving(serve_db) as url:
        yield url


@pytest.fixture(scope="session")
def serve_store() -> Iterator[Callable[[Path], str]]:
    """Serve other stores until the test run ends: call it with a store's path for its base URL."""
    with ExitStack() as stack:
        urls: dict[Path, str] = {}

        def start(db: Path) -> str:
            if db not in urls:
                urls[db] = stack.enter_context(serving(db))
            return urls[db]

        yield start


def _chromium() -> str | None:
    return os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    path = _chromium()
    if path is None:
        message = "Debian's chromium is not installed (apt-get install chromium)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        launched = p.chromium.launch(
            executable_path=path,
            args=[
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-default-apps",
                "--disable-domain-reliability",
                "--disable-sync",
                "--no-first-run",
                "--no-pings",
                "--metrics-recording-only",
            ],
        )
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Browser, live_url: str) -> Iterator[Page]:
    """A fresh page that may reach nothing but the test server: any other request is refused and fails
    the test."""
    with guarded_page(browser, 1440, 900) as new_page:
        yield new_page


@pytest.fixture
def screen_page(browser: Browser) -> Iterator[Page]:
    """A guarded page at 1400x900, the size of the views' screenshots."""
    with guarded_page(browser, 1400, 900) as new_page:
        yield new_page


@contextmanager
def guarded_page(browser: Browser, width: int, height: int) -> Iterator[Page]:
    """A page in a context of its own that may reach only 127.0.0.1; a request elsewhere or a script
    error fails the test when the page is closed."""
    from urllib.parse import urlsplit

    context = browser.new_context(viewport={"width": width, "height": height}, service_workers="block")
    outside: list[str] = []
    errors: list[str] = []

    def guard(route: Any) -> None:
        url = route.request.url
        if urlsplit(url).hostname == "127.0.0.1" or url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            outside.append(url)
            route.abort()

    context.route("**/*", guard)
    new_page = context.new_page()
    new_page.on("pageerror", lambda exc: errors.append(str(exc)))
    new_page.set_default_timeout(10_000)
    try:
        yield new_page
    finally:
        context.close()
    assert outside == [], f"the page tried to reach other hosts: {outside}"
    assert errors == [], f"script errors on the page: {errors}"


@pytest.fixture(scope="session")
def screenshots() -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS
