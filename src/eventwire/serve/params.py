"""Query parameters shared by the event list and the aggregate views, parsed into an `EventQuery`.

List parameters take repeats or commas: `type=CONSULT&type=AID` or `type=CONSULT,AID`. Values are checked
by `eventwire.filters`, as the CLI's options are, so both accept the same values with the same messages.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Query

from eventwire import filters
from eventwire.filters import FilterError
from eventwire.serve.errors import ApiError
from eventwire.serve.query import BBox, EventQuery


def api_error(exc: FilterError) -> ApiError:
    """A refused filter value as the API answers it: 422 for a value of the wrong form, else 400."""
    status = 422 if exc.malformed else 400
    return ApiError(status, f"{exc.param}: {exc.reason}", param=exc.param, reason=exc.reason)


def event_query(
    type: Annotated[
        list[str] | None, Query(description="PLOVER event types, e.g. `CONSULT` (repeat or comma-separate).")
    ] = None,
    modality: Annotated[
        list[str] | None, Query(description="asserted, negated, hypothetical, speculated, future.")
    ] = None,
    country: Annotated[
        list[str] | None, Query(description="ISO3 (or PLOVER) code among actors or recipients.")
    ] = None,
    actor_country: Annotated[list[str] | None, Query(description="Code among the actors.")] = None,
    recipient_country: Annotated[list[str] | None, Query(description="Code among the recipients.")] = None,
    actor_sector: Annotated[list[str] | None, Query(description="Sector among the actors, e.g. GOV.")] = None,
    recipient_sector: Annotated[list[str] | None, Query(description="Sector among the recipients.")] = None,
    actor: Annotated[
        str | None, Query(max_length=200, description="Part of an actor's or recipient's name.")
    ] = None,
    actor_name: Annotated[
        str | None, Query(max_length=200, description="An actor's whole name (any case), among the actors.")
    ] = None,
    recipient_name: Annotated[
        str | None,
        Query(max_length=200, description="A recipient's whole name (any case), among the recipients."),
    ] = None,
    text: Annotated[
        str | None, Query(max_length=200, description="Part of the evidence sentence (case-insensitive).")
    ] = None,
    since: Annotated[
        str | None,
        Query(description="Earliest event date, YYYY-MM-DD.", json_schema_extra={"format": "date"}),
    ] = None,
    until: Annotated[
        str | None, Query(description="Latest event date, YYYY-MM-DD.", json_schema_extra={"format": "date"})
    ] = None,
    place: Annotated[str | None, Query(max_length=200, description="Place name (exact, any case).")] = None,
    geonames_id: Annotated[int | None, Query(description="GeoNames id of the place.")] = None,
    bbox: Annotated[
        str | None, Query(description="west,south,east,north in degrees; west > east crosses 180°.")
    ] = None,
    story: Annotated[str | None, Query(max_length=200, description="Story id, where stories exist.")] = None,
    article_id: Annotated[str | None, Query(max_length=200, description="Events of one article.")] = None,
    min_confidence: Annotated[float | None, Query(ge=0, le=1, description="Lowest confidence.")] = None,
) -> EventQuery:
    try:
        first, last = filters.date(since, "since"), filters.date(until, "until")
        filters.date_range(first, last)
        return EventQuery(
            types=filters.event_types(type),
            modalities=filters.modalities(modality),
            countries=filters.country_codes(country),
            actor_countries=filters.country_codes(actor_country, "actor_country"),
            recipient_countries=filters.country_codes(recipient_country, "recipient_country"),
            actor_sectors=filters.sector_codes(actor_sector, "actor_sector"),
            recipient_sectors=filters.sector_codes(recipient_sector, "recipient_sector"),
            actor=filters.text(actor, "actor"),
            actor_name=filters.text(actor_name, "actor_name"),
            recipient_name=filters.text(recipient_name, "recipient_name"),
            text=filters.text(text, "text"),
            since=first,
            until=last,
            place=filters.text(place, "place"),
            geonames_id=geonames_id,
            bbox=BBox.parse(bbox) if bbox else None,
            story=filters.text(story, "story"),
            article_id=filters.text(article_id, "article_id"),
            min_confidence=min_confidence,
        )
    except FilterError as exc:
        raise api_error(exc) from None
