"""The app factory: `create_app(db_path)` gives the FastAPI app serving the API, the page and the docs."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI

from eventwire.serve.db import Database
from eventwire.serve.errors import install_error_handlers
from eventwire.serve.routes import articles, events, pages, stats
from eventwire.version import __version__

DESCRIPTION = """Political events coded in PLOVER, each with the sentence it came from.

Filters are shared by `/api/events` and the aggregate views; list filters take repeats or commas.
Errors always have the shape `{"error": {"status", "code", "message", "details"}}`.
"""


def create_app(db_path: str | Path) -> FastAPI:
    """The app over one DuckDB store, opened read-only; raises UsageError when it cannot be opened."""
    db = Database(db_path)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        try:
            yield
        finally:
            db.close()

    app = FastAPI(
        title="eventwire",
        version=__version__,
        description=DESCRIPTION,
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.db = db
    install_error_handlers(app)
    for module in (events, articles, stats, pages):
        app.include_router(module.router)
    pages.mount_static(app)
    return app
