"""`GET /api/events` (filtered, sorted, paged, in four formats) and `GET /api/events/{event_id}`."""

from __future__ import annotations

import json
from enum import StrEnum
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query
from fastapi.responses import Response

from eventwire import filters as checks
from eventwire.filters import FilterError
from eventwire.serve import export
from eventwire.serve.deps import CursorDep, DbDep, QueryDep
from eventwire.serve.errors import ApiError
from eventwire.serve.events_sql import (
    articles_for,
    get_article,
    get_event,
    page_events,
    page_json,
    page_table,
)
from eventwire.serve.marks import event_marks
from eventwire.serve.merged import merged_of
from eventwire.serve.params import api_error
from eventwire.serve.query import PageCursor, Sort
from eventwire.serve.schemas import ERROR_RESPONSES, EventDetail, EventPage

router = APIRouter(prefix="/api", tags=["events"])

MAX_LIMIT = 1000


class Format(StrEnum):
    json = "json"
    csv = "csv"
    parquet = "parquet"
    plover = "plover"


_FILE_RESPONSES: dict[int | str, dict[str, Any]] = {
    **ERROR_RESPONSES,
    200: {
        "description": "A page of events: JSON, or a file for format=csv|parquet|plover (PLOVER JSON lines);"
        " for files the next page's cursor is in the `X-Next-Cursor` header.",
        "content": {
            "text/csv": {},
            "application/vnd.apache.parquet": {},
            "application/x-ndjson": {},
        },
    },
}


@router.get("/events", response_model=EventPage, responses=_FILE_RESPONSES)
def list_events(
    db: DbDep,
    cur: CursorDep,
    q: QueryDep,
    sort: Annotated[
        str, Query(description="date, type, confidence, modality or place; '-' first for descending.")
    ] = "-date",
    limit: Annotated[
        int,
        Query(
            description=f"Page size, at most {MAX_LIMIT}.",
            json_schema_extra={"minimum": 1, "maximum": MAX_LIMIT},
        ),
    ] = 50,
    cursor: Annotated[
        str | None, Query(max_length=2000, description="`next_cursor` of the page before.")
    ] = None,
    format: Annotated[Format, Query(description="json, csv, parquet or plover (PLOVER JSON lines).")] = (
        Format.json
    ),
) -> Any:
    """Events matching the filters, one page at a time (keyset pagination: pages stay stable and quick).
    Items are the stored event JSON with `quad_class` and `story_id` added."""
    try:
        checks.limit(limit, maximum=MAX_LIMIT)  # checked as the CLI's --limit is, with its message
    except FilterError as exc:
        raise api_error(exc) from None
    order = Sort.parse(sort)
    after = PageCursor.decode(cursor, order) if cursor else None
    if format is Format.json:
        items, total, next_cursor = page_json(cur, q, db.stories, order, limit, after)
        head = json.dumps({"total": total, "limit": limit, "sort": order.token, "next_cursor": next_cursor})
        filters = json.dumps(q.active())
        body = f'{{"items": [{", ".join(items)}], {head[1:-1]}, "filters": {filters}}}'
        return Response(body.encode("utf-8"), media_type="application/json")
    headers: dict[str, str] = {}
    if format is Format.plover:
        events, next_cursor = page_events(cur, q, db.stories, order, limit, after)
        articles = articles_for(cur, [s.event.article_id for s in events])
        content = export.to_plover_lines(events, articles)
    elif format is Format.parquet:
        events, next_cursor = page_events(cur, q, db.stories, order, limit, after)
        content = export.to_parquet(events)
    else:
        table = page_table(cur, q, db.stories, order, limit, after)
        next_cursor = table.next_cursor
        content = export.to_csv(table)
    headers["Content-Disposition"] = f'attachment; filename="events.{export.SUFFIXES[format.value]}"'
    if next_cursor:
        headers["X-Next-Cursor"] = next_cursor
    return Response(content, media_type=export.MEDIA_TYPES[format.value], headers=headers)


@router.get("/events/{event_id}", response_model=EventDetail, responses=ERROR_RESPONSES)
def event_detail(db: DbDep, cur: CursorDep, event_id: Annotated[str, Path(max_length=200)]) -> dict[str, Any]:
    """One event with its article and the spans to highlight: evidence, trigger, actors, recipients and
    the party the claim is attributed to."""
    stored = get_event(cur, event_id, db.stories)
    if stored is None:
        raise ApiError(404, f"no event {event_id!r}", param="event_id")
    article = get_article(cur, stored.event.article_id, db.stories)
    if article is None:
        raise ApiError(404, f"the article {stored.event.article_id!r} of event {event_id!r} is missing")
    spans, attribution_found = event_marks(stored.event, article["text"], article["text_offset"])
    return {
        "event": stored.to_dict(),
        "article": article,
        "marks": [s.__dict__ for s in spans],
        "attribution_in_sentence": attribution_found,
        "merged": merged_of(cur, event_id) if db.merged else None,
    }
