"""PLOVER JSON interchange records, with the field names of the PLOVER manual's "Data Fields" chapter.

Fields the manual names: `id`, `has_event`, `date`, `actor` and `recipient` (entity objects with
`code`, `sector`, `entity_text`, `identifier_text`), `event`, `mode`, `context`, `event_loc` (location
object: `extracted_place`, `resolved_place`, `geonameid`, `lat`, `lon`, `country_code`), `event_text`,
`quad_code`, `event_scale`, `text_info` (`start`, `end`), `cite_info` (`url`, `title`, `publication`,
`language`, `coder`, `codebook`), `coder`, `coded_date`. The manual lets providers add fields; eventwire
adds `article_id`, `date_value`, `date_precision`, `modality`, `attributed_to`, `confidence` and
`trigger`, so nothing the coder knows is lost.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from eventwire.events.lexicon import QUAD_CLASS
from eventwire.models import Entity, Event

# Quad categories as event data numbers them (1 verbal cooperation ... 4 material conflict).
QUAD_CODES = {
    "verbal_cooperation": 1,
    "material_cooperation": 2,
    "verbal_conflict": 3,
    "material_conflict": 4,
}
COOPERATION = frozenset(t for t, q in QUAD_CLASS.items() if q.endswith("cooperation"))
CONFLICT = frozenset(t for t, q in QUAD_CLASS.items() if q.endswith("conflict"))

# The manual's PLOVER conflict-cooperation scores for each category (Table "PLOVER conflict--cooperation
# scores"). ACCUSE is printed there as 3; every ACCUSE mode is negative and the category sits among the
# conflict types, so it is read here as -3.
PLOVER_SCORES: dict[str, float] = {
    "AGREE": 2.5,
    "CONSULT": 2.5,
    "SUPPORT": 5.0,
    "CONCEDE": 4.5,
    "COOPERATE": 9.5,
    "AID": 10.0,
    "RETREAT": 6.5,
    "REQUEST": 0.0,
    "ACCUSE": -3.0,
    "REJECT": -2.0,
    "THREATEN": -3.5,
    "PROTEST": -5.0,
    "SANCTION": -6.0,
    "MOBILIZE": -5.5,
    "COERCE": -7.0,
    "ASSAULT": -9.0,
}
# Scores the manual gives to a category with a mode, where they differ from the category's.
MODE_SCORES: dict[tuple[str, str], float] = {
    ("CONSULT", "visit"): 4.0,
    ("CONSULT", "third-party"): 1.0,
    ("CONSULT", "multilateral"): 4.0,
    ("CONSULT", "phone"): 1.5,
    ("RETREAT", "withdraw"): 8.0,
    ("RETREAT", "disarm"): 10.0,
    ("RETREAT", "ceasefire"): 7.5,
    ("RETREAT", "resign"): 4.5,
    ("REQUEST", "assist"): 0.5,
    ("REQUEST", "change"): -1.0,
    ("REQUEST", "yield"): -1.0,
    ("ACCUSE", "disapprove"): -2.0,
    ("ACCUSE", "investigate"): -3.5,
    ("ACCUSE", "allege"): -3.5,
    ("REJECT", "assist"): -1.5,
    ("THREATEN", "restrict"): -3.0,
    ("THREATEN", "territory"): -4.0,
    ("PROTEST", "riot"): -7.0,
    ("PROTEST", "hunger"): -4.5,
    ("PROTEST", "boycott"): -4.5,
    ("PROTEST", "obstruct"): -4.5,
    ("SANCTION", "expel"): -5.5,
    ("MOBILIZE", "troops"): -6.5,
    ("MOBILIZE", "weapons"): -6.5,
    ("MOBILIZE", "militia"): -6.0,
    ("COERCE", "censor"): -6.5,
    ("COERCE", "curfew"): -6.5,
    ("COERCE", "martial-law"): -7.5,
    ("COERCE", "misinformation"): -6.5,
    ("ASSAULT", "abduct"): -8.5,
    ("ASSAULT", "beat"): -7.5,
    ("ASSAULT", "torture"): -8.5,
    ("ASSAULT", "sexual"): -8.5,
    ("ASSAULT", "targeted"): -9.5,
    ("ASSAULT", "destroy"): -8.5,
    ("ASSAULT", "primitive"): -8.0,
    ("ASSAULT", "suicide-attack"): -9.5,
    ("ASSAULT", "aerial"): -9.5,
    ("ASSAULT", "drone"): -9.5,
    ("ASSAULT", "heavy-weapons"): -9.5,
    ("ASSAULT", "crowd-control"): -7.5,
    ("ASSAULT", "unconventional"): -10.0,
}


def plover_score(event_type: str, mode: str | None) -> float | None:
    if mode and (event_type, mode.lower()) in MODE_SCORES:
        return MODE_SCORES[(event_type, mode.lower())]
    return PLOVER_SCORES.get(event_type)


def _entities(entries: list[Entity]) -> list[dict[str, Any]]:
    out = []
    for entry in entries:
        for e in entry.flat():
            out.append(
                {"code": e.country, "sector": e.sector, "entity_text": e.text, "identifier_text": e.name}
            )
    return out


def to_plover(
    event: Event, first_day: dt.date | None, article: dict[str, Any] | None = None
) -> dict[str, Any]:
    """One event as a PLOVER record. `first_day` is the first day its date covers (the stored
    `event_date`: PLOVER wants YYYY-MM-DD); `article` adds the citation fields when given."""
    quad = QUAD_CLASS.get(event.type)
    loc = event.location
    record: dict[str, Any] = {
        "id": event.event_id,
        "has_event": True,
        "date": first_day.isoformat() if first_day else None,
        "actor": _entities(event.actors),
        "recipient": _entities(event.recipients),
        "event": [event.type],
        "mode": [event.mode] if event.mode else [],
        "context": list(event.context),
        "event_loc": {
            "extracted_place": loc.name,
            "resolved_place": loc.name,
            "geonameid": loc.geonames_id,
            "lat": loc.lat,
            "lon": loc.lon,
            "country_code": loc.country,
        }
        if loc
        else None,
        "event_text": [event.evidence.text],
        "quad_code": QUAD_CODES.get(quad) if quad else None,
        "event_scale": plover_score(event.type, event.mode),
        "text_info": {"start": event.evidence.start, "end": event.evidence.end},
        "coder": event.pipeline_version,
        # eventwire's own fields, beyond the manual's
        "article_id": event.article_id,
        "date_value": event.date,
        "date_precision": event.date_precision,
        "modality": event.modality,
        "attributed_to": event.attributed_to.to_dict() if event.attributed_to else None,
        "confidence": round(event.confidence, 3),
        "trigger": event.trigger.to_dict(),
    }
    if article is not None:
        record["cite_info"] = {
            "url": article.get("url"),
            "title": article.get("title"),
            "publication": article.get("source"),
            "language": article.get("lang"),
            "coder": event.pipeline_version,
            "codebook": "PLOVER",
        }
        ingested = article.get("ingested_at")
        if ingested is not None:
            record["coded_date"] = ingested.date().isoformat() if hasattr(ingested, "date") else str(ingested)
    return record
