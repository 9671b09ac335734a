"""Rows of the store's tables built from the records: one definition for every writer."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict
from typing import Any

from eventwire.models import CodedArticle, Event

ARTICLE_COLUMNS = (
    "article_id",
    "source",
    "url",
    "published",
    "section",
    "title",
    "text",
    "lang",
    "path",
    "local_time",
    "segments",
    "extra",
    "n_events",
    "ingested_at",
    "pipeline_version",
)

EVENT_COLUMNS = (
    "event_id",
    "article_id",
    "type",
    "mode",
    "context",
    "actors",
    "recipients",
    "actor_countries",
    "recipient_countries",
    "actor_sectors",
    "recipient_sectors",
    "date",
    "date_precision",
    "event_date",
    "location",
    "place_name",
    "geonames_id",
    "place_country",
    "lat",
    "lon",
    "modality",
    "attributed_to",
    "evidence_text",
    "evidence_start",
    "evidence_end",
    "confidence",
    "trigger_text",
    "rule",
    "pipeline_version",
    "event_json",
)


def event_row(e: Event) -> list[Any]:
    d = e.to_dict()
    acts = [m for a in e.actors for m in a.flat()]
    recs = [m for r in e.recipients for m in r.flat()]
    loc = e.location
    return [
        e.event_id,
        e.article_id,
        e.type,
        e.mode,
        e.context,
        json.dumps(d["actors"]),
        json.dumps(d["recipients"]),
        sorted({a.country for a in acts if a.country}),
        sorted({r.country for r in recs if r.country}),
        sorted({a.sector for a in acts if a.sector}),
        sorted({r.sector for r in recs if r.sector}),
        e.date,
        e.date_precision,
        date_of(e.date),
        json.dumps(d["location"]) if loc else None,
        loc.name if loc else None,
        loc.geonames_id if loc else None,
        loc.country if loc else None,
        loc.lat if loc else None,
        loc.lon if loc else None,
        e.modality,
        json.dumps(d["attributed_to"]) if e.attributed_to else None,
        e.evidence.text,
        e.evidence.start,
        e.evidence.end,
        e.confidence,
        e.trigger.text,
        e.trigger.rule,
        e.pipeline_version,
        json.dumps(d),
    ]


def date_of(value: str | None) -> dt.date | None:
    """The first day a TimeML value covers, for range filters (2023-W37 -> its Monday)."""
    if not value:
        return None
    try:
        if len(value) >= 10 and value[4] == "-" and value[7] == "-":
            return dt.date.fromisoformat(value[:10])
        if len(value) >= 8 and value[4:6] == "-W":
            return dt.date.fromisocalendar(int(value[:4]), int(value[6:8]), 1)
        if len(value) == 7 and value[4] == "-":
            return dt.date(int(value[:4]), int(value[5:7]), 1)
        if len(value) == 4 and value.isdigit():
            return dt.date(int(value), 1, 1)
    except ValueError:
        return None
    return None


def article_row(coded: CodedArticle, now: dt.datetime) -> list[Any]:
    a = coded.article
    return [
        a.article_id,
        a.source,
        a.url,
        dt.date.fromisoformat(a.published) if a.published else None,
        a.section,
        a.title,
        a.text,
        a.lang,
        a.path,
        a.local_time,
        json.dumps([asdict(s) for s in a.segments]),
        json.dumps(a.extra, default=str),
        len(coded.events),
        now,
        coded.events[0].pipeline_version if coded.events else None,
    ]
