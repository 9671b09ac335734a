"""A CAMEO-compatible dyadic table: one row per (source actor, target actor) pair of each event, with the
columns of the ICEWS and Phoenix data sets, so that the tools written for them read it.

- Actor codes are CAMEO actor codes: the country (ISO 3166-1 alpha-3, as Phoenix; ``KSV`` for Kosovo,
  ``IGOUNO``, ``IGOEUREEC``, ``IGO``, ``NGO``, ``NGM``, ``MNC``, ``IMG`` for the international codes) then
  the agent (``GOV``, ``MIL``, ...): ``USAGOV``, ``IRNMIL``; ``---GOV`` when the country is unknown. A
  compound actor ("Kenya and Ethiopia") gives one row per member. An event without recipients gives
  rows without a target, one without actors rows without a source.
- ``EventCode`` comes from the PLOVER type, mode and context through `data/plover_to_cameo.json` (made
  by `scripts/build_cameo_table.py` from the CAMEO-to-PLOVER table); it is a base code (``180``) when
  what is known does not decide between the codes under it. ``EventRootCode`` is its first two digits.
- ``QuadClass`` follows from the root as in ICEWS and GDELT: 1 verbal cooperation (01-05), 2 material
  cooperation (06-08), 3 verbal conflict (09-13), 4 material conflict (14-20).
- ``GoldsteinScore`` is the Goldstein scale value of the root (:data:`GOLDSTEIN_BY_ROOT`).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import pyarrow as pa

from eventwire.actors.codes import CAMEO_SECTORS, KOSOVO
from eventwire.models import Entity, Event
from eventwire.store.rows import date_of

#: The Goldstein conflict-cooperation score (-10 to +10) of each CAMEO root: the value of the root's
#: base code (``010``, ``020``, ... ``200``) in the Goldstein scale as extended to CAMEO (J. S. Goldstein,
#: "A Conflict-Cooperation Scale for WEIS Events Data", Journal of Conflict Resolution 36(2), 1992,
#: 369-385; P. A. Schrodt, "CAMEO Conflict and Mediation Event Observations Event and Actor Codebook",
#: version 1.1b3, 2012, with its Goldstein scale values per event code).
GOLDSTEIN_BY_ROOT: Mapping[str, float] = {
    "01": 0.0,  # make public statement
    "02": 3.0,  # appeal
    "03": 4.0,  # express intent to cooperate
    "04": 1.0,  # consult
    "05": 3.5,  # engage in diplomatic cooperation
    "06": 6.0,  # engage in material cooperation
    "07": 7.0,  # provide aid
    "08": 5.0,  # yield
    "09": -2.0,  # investigate
    "10": -5.0,  # demand
    "11": -2.0,  # disapprove
    "12": -4.0,  # reject
    "13": -4.4,  # threaten
    "14": -6.5,  # protest
    "15": -7.2,  # exhibit force posture
    "16": -4.0,  # reduce relations
    "17": -7.0,  # coerce
    "18": -9.0,  # assault
    "19": -10.0,  # fight
    "20": -10.0,  # use unconventional mass violence
}

#: PLOVER international codes in the country field, as CAMEO writes them.
_CAMEO_PREFIX: Mapping[str, str] = {
    KOSOVO: "KSV",
    "UNO": "IGOUNO",
    "EUR": "IGOEUREEC",
    "IGO": "IGO",
    "NGO": "NGO",
    "ISM": "NGM",
    "MNC": "MNC",
    "IMG": "IMG",
}
#: The sectors that are CAMEO agent codes as they are: the inverse of the translation of the Phoenix
#: dictionaries' codes (`actors.codes.CAMEO_SECTORS`) where it keeps the code. Others are left out.
_CAMEO_AGENTS: frozenset[str] = frozenset(k for k, v in CAMEO_SECTORS.items() if k == v)

COLUMNS: tuple[tuple[str, pa.DataType], ...] = (
    ("EventID", pa.string()),
    ("Date", pa.date32()),
    ("Year", pa.int32()),
    ("Month", pa.int32()),
    ("Day", pa.int32()),
    ("DatePrecision", pa.string()),
    ("SourceActorText", pa.string()),
    ("SourceActorCode", pa.string()),
    ("SourceActorCountry", pa.string()),
    ("SourceActorSector", pa.string()),
    ("TargetActorText", pa.string()),
    ("TargetActorCode", pa.string()),
    ("TargetActorCountry", pa.string()),
    ("TargetActorSector", pa.string()),
    ("EventCode", pa.string()),
    ("EventRootCode", pa.string()),
    ("QuadClass", pa.int32()),
    ("GoldsteinScore", pa.float64()),
    ("PloverType", pa.string()),
    ("PloverMode", pa.string()),
    ("Modality", pa.string()),
    ("Confidence", pa.float64()),
    ("LocationName", pa.string()),
    ("Lat", pa.float64()),
    ("Lon", pa.float64()),
    ("CountryCode", pa.string()),
    ("Evidence", pa.string()),
    ("ArticleID", pa.string()),
    ("URL", pa.string()),
    ("NewsSource", pa.string()),
)
SCHEMA = pa.schema([pa.field(n, t) for n, t in COLUMNS])
COLUMN_NAMES = [n for n, _ in COLUMNS]


@dataclass(frozen=True)
class CameoEvent:
    code: str
    root: str
    quad_class: int
    goldstein: float


@cache
def _table() -> dict[str, Any]:
    path = resources.files("eventwire.export").joinpath("data", "plover_to_cameo.json")
    types: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))["types"]
    return types


def cameo_types() -> set[str]:
    """The PLOVER types the table gives a CAMEO code."""
    return set(_table())


def quad_class(root: str) -> int:
    """CAMEO QuadClass of a root: 1 verbal and 2 material cooperation, 3 verbal and 4 material conflict."""
    n = int(root)
    if n <= 5:
        return 1
    if n <= 8:
        return 2
    if n <= 13:
        return 3
    return 4


def cameo_event(etype: str, mode: str | None = None, context: Sequence[str] = ()) -> CameoEvent | None:
    """The CAMEO event code of a PLOVER type, mode and context; None for a type that is not PLOVER's.

    A mode the table does not know takes the type's code without a mode; the first context that the table
    narrows the code for wins."""
    entries = _table().get(etype)
    if entries is None:
        return None
    entry = entries.get(mode or "") or entries[""]
    code: str = entry["code"]
    for ctx in context:
        if ctx in entry["contexts"]:
            code = entry["contexts"][ctx]
            break
    root = code[:2]
    return CameoEvent(code, root, quad_class(root), GOLDSTEIN_BY_ROOT[root])


def actor_code(e: Entity) -> str | None:
    """The CAMEO actor code of a (simple) entity: ``USAGOV``, ``IRNMIL``, ``IGOUNO``, ``---GOV``; None when
    neither its country nor its sector is known."""
    agent = e.sector if e.sector in _CAMEO_AGENTS else None
    if e.country:
        return _CAMEO_PREFIX.get(e.country, e.country) + (agent or "")
    return "---" + agent if agent else None


def _sides(entities: Sequence[Entity]) -> list[Entity | None]:
    flat: list[Entity | None] = [m for e in entities for m in e.flat()]
    return flat or [None]


def dyad_rows(events: Iterable[Event], articles: Mapping[str, Mapping[str, Any]]) -> list[dict[str, Any]]:
    """The rows of the table for `events`; `articles` gives the `url` and `source` of their articles."""
    rows: list[dict[str, Any]] = []
    for e in events:
        cameo = cameo_event(e.type, e.mode, e.context)
        day = date_of(e.date)
        precision = e.date_precision
        article = articles.get(e.article_id, {})
        loc = e.location
        common = {
            "EventID": e.event_id,
            "Date": day,
            "Year": day.year if day else None,
            "Month": day.month if day and precision in ("day", "week", "month") else None,
            "Day": day.day if day and precision == "day" else None,
            "DatePrecision": precision if day else None,
            "EventCode": cameo.code if cameo else None,
            "EventRootCode": cameo.root if cameo else None,
            "QuadClass": cameo.quad_class if cameo else None,
            "GoldsteinScore": cameo.goldstein if cameo else None,
            "PloverType": e.type,
            "PloverMode": e.mode,
            "Modality": e.modality,
            "Confidence": round(e.confidence, 3),
            "LocationName": loc.name if loc else None,
            "Lat": loc.lat if loc else None,
            "Lon": loc.lon if loc else None,
            "CountryCode": loc.country if loc else None,
            "Evidence": e.evidence.text,
            "ArticleID": e.article_id,
            "URL": article.get("url"),
            "NewsSource": article.get("source"),
        }
        for source in _sides(e.actors):
            for target in _sides(e.recipients):
                row = dict(common)
                row.update(_actor("Source", source))
                row.update(_actor("Target", target))
                rows.append({n: row[n] for n in COLUMN_NAMES})
    return rows


def _actor(side: str, e: Entity | None) -> dict[str, Any]:
    return {
        f"{side}ActorText": e.text if e else None,
        f"{side}ActorCode": actor_code(e) if e else None,
        f"{side}ActorCountry": e.country if e else None,
        f"{side}ActorSector": e.sector if e else None,
    }


def dyad_table(rows: Sequence[dict[str, Any]]) -> pa.Table:
    return pa.Table.from_pylist(list(rows), schema=SCHEMA)


def write_dyads(rows: Sequence[dict[str, Any]], fmt: str, output: Path | None) -> None:
    """Write the rows as CSV (to `output` or standard output) or Parquet (to `output`)."""
    if fmt == "parquet":
        from eventwire.export.nested import write_parquet

        if output is None:
            raise ValueError("Parquet needs an output file")
        write_parquet(dyad_table(rows), output)
        return
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=COLUMN_NAMES, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: _csv_value(v) for k, v in row.items()})
    if output is None:
        sys.stdout.write(buf.getvalue())
    else:
        output.write_text(buf.getvalue(), encoding="utf-8")


def _csv_value(v: Any) -> Any:
    if isinstance(v, dt.date):
        return v.isoformat()
    return "" if v is None else v
