"""Query parameters shared by the event list and the aggregate views, parsed into an `EventQuery`.

List parameters take repeats or commas: `type=CONSULT&type=AID` or `type=CONSULT,AID`.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated

from fastapi import Query

from eventwire.events.lexicon import EVENT_TYPES
from eventwire.models import MODALITIES
from eventwire.serve.errors import bad_parameter
from eventwire.serve.query import BBox, EventQuery

_COUNTRY = re.compile(r"^[A-Z]{3}$")
_SECTOR = re.compile(r"^[A-Z]{3,6}$")


def _split(values: list[str] | None) -> tuple[str, ...]:
    out: list[str] = []
    for value in values or ():
        out.extend(v.strip() for v in value.split(",") if v.strip())
    return tuple(dict.fromkeys(out))


def _codes(param: str, values: list[str] | None, pattern: re.Pattern[str], what: str) -> tuple[str, ...]:
    codes = tuple(v.upper() for v in _split(values))
    for code in codes:
        if not pattern.match(code):
            raise bad_parameter(param, f"{code!r} is not {what}")
    return codes


def _choices(param: str, values: list[str] | None, allowed: tuple[str, ...], upper: bool) -> tuple[str, ...]:
    picked = tuple((v.upper() if upper else v.lower()) for v in _split(values))
    for value in picked:
        if value not in allowed:
            raise bad_parameter(param, f"unknown value {value!r}; one of {', '.join(allowed)}")
    return picked


def _text(value: str | None) -> str | None:
    value = (value or "").strip()
    return value or None


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
    text: Annotated[
        str | None, Query(max_length=200, description="Part of the evidence sentence (case-insensitive).")
    ] = None,
    since: Annotated[dt.date | None, Query(description="Earliest event date, YYYY-MM-DD.")] = None,
    until: Annotated[dt.date | None, Query(description="Latest event date, YYYY-MM-DD.")] = None,
    place: Annotated[str | None, Query(max_length=200, description="Place name (exact, any case).")] = None,
    geonames_id: Annotated[int | None, Query(description="GeoNames id of the place.")] = None,
    bbox: Annotated[
        str | None, Query(description="west,south,east,north in degrees; west > east crosses 180°.")
    ] = None,
    story: Annotated[str | None, Query(max_length=200, description="Story id, where stories exist.")] = None,
    article_id: Annotated[str | None, Query(max_length=200, description="Events of one article.")] = None,
    min_confidence: Annotated[float | None, Query(ge=0, le=1, description="Lowest confidence.")] = None,
) -> EventQuery:
    if since and until and since > until:
        raise bad_parameter("since", f"{since} is after until={until}")
    return EventQuery(
        types=_choices("type", type, EVENT_TYPES, upper=True),
        modalities=_choices("modality", modality, MODALITIES, upper=False),
        countries=_codes("country", country, _COUNTRY, "a three-letter code"),
        actor_countries=_codes("actor_country", actor_country, _COUNTRY, "a three-letter code"),
        recipient_countries=_codes("recipient_country", recipient_country, _COUNTRY, "a three-letter code"),
        actor_sectors=_codes("actor_sector", actor_sector, _SECTOR, "a sector code"),
        recipient_sectors=_codes("recipient_sector", recipient_sector, _SECTOR, "a sector code"),
        actor=_text(actor),
        text=_text(text),
        since=since,
        until=until,
        place=_text(place),
        geonames_id=geonames_id,
        bbox=BBox.parse(bbox) if bbox else None,
        story=_text(story),
        article_id=_text(article_id),
        min_confidence=min_confidence,
    )
