"""Aggregate views: actors with counts, the timeline, the actor network, places, a summary."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any

from fastapi import APIRouter, Query

from eventwire.serve import aggregates
from eventwire.serve.deps import CursorDep, DbDep, QueryDep
from eventwire.serve.schemas import (
    ERROR_RESPONSES,
    ActorsOut,
    NetworkOut,
    PlacesOut,
    SummaryOut,
    TimelineOut,
)

router = APIRouter(prefix="/api", tags=["aggregates"])


class Role(StrEnum):
    any = "any"
    actor = "actor"
    recipient = "recipient"


class Bucket(StrEnum):
    auto = "auto"
    day = "day"
    week = "week"
    month = "month"


class Node(StrEnum):
    country = "country"
    actor = "actor"


@router.get("/actors", response_model=ActorsOut, responses=ERROR_RESPONSES)
def actors(
    db: DbDep,
    cur: CursorDep,
    q: QueryDep,
    role: Annotated[Role, Query(description="Count actors, recipients, or both.")] = Role.any,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> dict[str, Any]:
    """Actors and recipients (members of compound entries counted one by one) with their event counts."""
    return {"items": aggregates.actor_counts(cur, q, db.stories, role.value, limit), "filters": q.active()}


@router.get("/stats/timeline", response_model=TimelineOut, responses=ERROR_RESPONSES)
def timeline(
    db: DbDep,
    cur: CursorDep,
    q: QueryDep,
    bucket: Annotated[Bucket, Query(description="day, week, month, or auto (by the span of dates).")] = (
        Bucket.auto
    ),
) -> dict[str, Any]:
    """Event counts per period by type and by quad class. Events without a date are counted apart."""
    return {**aggregates.timeline(cur, q, db.stories, bucket.value), "filters": q.active()}


@router.get("/network", response_model=NetworkOut, responses=ERROR_RESPONSES)
def network(
    db: DbDep,
    cur: CursorDep,
    q: QueryDep,
    node: Annotated[Node, Query(description="Nodes are countries (codes) or actors (by name).")] = (
        Node.country
    ),
    limit: Annotated[int, Query(ge=1, le=500, description="The heaviest edges, at most this many.")] = 60,
) -> dict[str, Any]:
    """Actor-to-recipient edges with event counts and the balance of cooperation against conflict. With
    `node=actor`, only parties are nodes: a known name with a country or sector, or a country with a sector;
    bare phrases ("two villages") are left out. `actor_name` and `recipient_name` (or `actor_country` and
    `recipient_country`) select the events of one edge."""
    return {**aggregates.network(cur, q, db.stories, node.value, limit), "filters": q.active()}


@router.get("/places", response_model=PlacesOut, responses=ERROR_RESPONSES)
def places(
    db: DbDep,
    cur: CursorDep,
    q: QueryDep,
    limit: Annotated[int, Query(ge=1, le=5000, description="The busiest places, at most this many.")] = 1000,
) -> dict[str, Any]:
    """Event counts by place, with coordinates."""
    items, unplaced = aggregates.places(cur, q, db.stories, limit)
    return {"items": items, "unplaced": unplaced, "filters": q.active()}


@router.get("/summary", response_model=SummaryOut)
def summary(db: DbDep, cur: CursorDep) -> dict[str, Any]:
    """What the database holds: counts, the span of dates, types and modalities present."""
    return {**aggregates.summary(cur), "database": db.path.name, "has_stories": db.stories.populated}
