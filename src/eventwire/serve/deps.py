"""Request-scoped dependencies: the database and a cursor of the request's own."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

import duckdb
from fastapi import Depends, Request

from eventwire.serve.db import Database
from eventwire.serve.params import event_query
from eventwire.serve.query import EventQuery


def get_db(request: Request) -> Database:
    db: Database = request.app.state.db
    return db


def get_cursor(db: Annotated[Database, Depends(get_db)]) -> Iterator[duckdb.DuckDBPyConnection]:
    with db.cursor() as cur:
        yield cur


DbDep = Annotated[Database, Depends(get_db)]
CursorDep = Annotated[duckdb.DuckDBPyConnection, Depends(get_cursor)]
QueryDep = Annotated[EventQuery, Depends(event_query)]
