"""Event filters, sort orders and page cursors turned into SQL. Every value is bound as a parameter;
the only SQL text comes from the fixed fragments in this module, chosen by validated field names."""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
from dataclasses import dataclass, field, fields
from typing import Any

from eventwire.serve.errors import bad_parameter
from eventwire.serve.stories import StorySource


@dataclass(frozen=True)
class BBox:
    """A longitude/latitude box; west > east means it crosses the antimeridian."""

    west: float
    south: float
    east: float
    north: float

    @classmethod
    def parse(cls, value: str) -> BBox:
        parts = value.split(",")
        if len(parts) != 4:
            raise bad_parameter("bbox", "wants four numbers: west,south,east,north")
        try:
            west, south, east, north = (float(p) for p in parts)
        except ValueError:
            raise bad_parameter("bbox", f"wants four numbers: west,south,east,north, got {value!r}") from None
        if not (-180 <= west <= 180 and -180 <= east <= 180):
            raise bad_parameter("bbox", "longitudes must lie in [-180, 180]")
        if not (-90 <= south <= 90 and -90 <= north <= 90):
            raise bad_parameter("bbox", "latitudes must lie in [-90, 90]")
        if south > north:
            raise bad_parameter("bbox", "south is above north")
        return cls(west, south, east, north)


@dataclass(frozen=True)
class EventQuery:
    """What a request asks for; empty tuples and None mean 'no filter'."""

    types: tuple[str, ...] = ()
    modalities: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()  # among actors or recipients
    actor_countries: tuple[str, ...] = ()
    recipient_countries: tuple[str, ...] = ()
    actor_sectors: tuple[str, ...] = ()
    recipient_sectors: tuple[str, ...] = ()
    actor: str | None = None  # part of an actor's or recipient's name, either role
    actor_name: str | None = None  # an actor's whole name (any case), as an actor
    recipient_name: str | None = None  # a recipient's whole name (any case), as a recipient
    text: str | None = None  # part of the evidence sentence
    since: dt.date | None = None
    until: dt.date | None = None
    place: str | None = None  # a place name, exact but case-insensitive
    geonames_id: int | None = None
    bbox: BBox | None = None
    story: str | None = None
    article_id: str | None = None
    min_confidence: float | None = None

    def active(self) -> dict[str, Any]:
        """The filters in force, for echoing back."""
        out: dict[str, Any] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if value in ((), None):
                continue
            if isinstance(value, tuple):
                out[f.name] = list(value)
            elif isinstance(value, dt.date):
                out[f.name] = value.isoformat()
            elif isinstance(value, BBox):
                out[f.name] = [value.west, value.south, value.east, value.north]
            else:
                out[f.name] = value
        return out


def like_pattern(text: str) -> str:
    """A bound ILIKE pattern that matches `text` literally anywhere (escape character: backslash)."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


@dataclass
class Where:
    clauses: list[str] = field(default_factory=list)
    params: list[Any] = field(default_factory=list)

    def add(self, clause: str, *params: Any) -> None:
        self.clauses.append(clause)
        self.params.extend(params)

    def sql(self) -> str:
        return (" WHERE " + " AND ".join(self.clauses)) if self.clauses else ""


def build_where(q: EventQuery, stories: StorySource) -> Where:
    """The WHERE clause over `events` for a query."""
    w = Where()
    if q.types:
        w.add("list_contains(?::VARCHAR[], type)", list(q.types))
    if q.modalities:
        w.add("list_contains(?::VARCHAR[], modality)", list(q.modalities))
    if q.countries:
        w.add(
            "(list_has_any(actor_countries, ?::VARCHAR[])"
            " OR list_has_any(recipient_countries, ?::VARCHAR[]))",
            list(q.countries),
            list(q.countries),
        )
    for column, values in (
        ("actor_countries", q.actor_countries),
        ("recipient_countries", q.recipient_countries),
        ("actor_sectors", q.actor_sectors),
        ("recipient_sectors", q.recipient_sectors),
    ):
        if values:
            w.add(f"list_has_any({column}, ?::VARCHAR[])", list(values))
    if q.actor:
        w.add(
            "rowid IN (SELECT l.ev FROM memory.main.actor_links l JOIN memory.main.actor_keys k USING (k)"
            " WHERE k.name ILIKE ? ESCAPE '\\')",
            like_pattern(q.actor),
        )
    for is_actor, name in ((True, q.actor_name), (False, q.recipient_name)):
        if name:
            w.add(
                "rowid IN (SELECT l.ev FROM memory.main.actor_links l JOIN memory.main.actor_keys k USING (k)"
                f" WHERE {'' if is_actor else 'NOT '}l.is_actor AND lower(k.name) = lower(?))",
                name,
            )
    if q.text:
        w.add("rowid IN (SELECT ev FROM memory.main.evidence_lower WHERE contains(text, ?))", q.text.lower())
    if q.since:
        w.add("event_date >= ?", q.since)
    if q.until:
        w.add("event_date <= ?", q.until)
    if q.place:
        w.add("lower(place_name) = lower(?)", q.place)
    if q.geonames_id is not None:
        w.add("geonames_id = ?", q.geonames_id)
    if q.bbox:
        b = q.bbox
        w.add("lat BETWEEN ? AND ?", b.south, b.north)
        if b.west <= b.east:
            w.add("lon BETWEEN ? AND ?", b.west, b.east)
        else:
            w.add("(lon >= ? OR lon <= ?)", b.west, b.east)
    if q.story:
        if stories.filter_sql is None:
            raise bad_parameter("story", "this database has no story ids (stories have not been clustered)")
        w.add(stories.filter_sql, q.story)
    if q.article_id:
        w.add("article_id = ?", q.article_id)
    if q.min_confidence is not None:
        w.add("confidence >= ?", q.min_confidence)
    return w


# --- sorting and cursors ------------------------------------------------------------------------


@dataclass(frozen=True)
class SortField:
    column: str
    sql_type: str
    last_ascending: str  # a value after every real one: NULLs sort last going up
    last_descending: str  # a value before every real one: NULLs sort last going down


SORT_FIELDS: dict[str, SortField] = {
    "date": SortField("event_date", "DATE", "DATE '9999-12-31'", "DATE '0001-01-01'"),
    "confidence": SortField("confidence", "DOUBLE", "1e308", "-1e308"),
    "type": SortField("type", "VARCHAR", "chr(1114111)", "''"),
    "modality": SortField("modality", "VARCHAR", "chr(1114111)", "''"),
    "place": SortField("place_name", "VARCHAR", "chr(1114111)", "''"),
}


@dataclass(frozen=True)
class Sort:
    name: str
    descending: bool

    @classmethod
    def parse(cls, value: str) -> Sort:
        descending = value.startswith("-")
        name = value.lstrip("-+")
        if name not in SORT_FIELDS:
            raise bad_parameter(
                "sort", f"unknown field {name!r}; one of {', '.join(SORT_FIELDS)}, '-' for descending"
            )
        return cls(name, descending)

    @property
    def token(self) -> str:
        return ("-" if self.descending else "") + self.name

    @property
    def key_sql(self) -> str:
        f = SORT_FIELDS[self.name]
        return f"coalesce({f.column}, {f.last_descending if self.descending else f.last_ascending})"

    def order_sql(self, alias: str = "") -> str:
        direction = "DESC" if self.descending else "ASC"
        prefix = f"{alias}." if alias else ""
        return f"{prefix}sort_key {direction}, {prefix}event_id {direction}"

    def after(self, cursor: PageCursor) -> tuple[str, list[Any]]:
        """The keyset condition for rows after the cursor's row."""
        f = SORT_FIELDS[self.name]
        op = "<" if self.descending else ">"
        key = f"CAST(? AS {f.sql_type})"
        return (
            f"({self.key_sql} {op} {key} OR ({self.key_sql} = {key} AND event_id {op} ?))",
            [cursor.key, cursor.key, cursor.event_id],
        )


@dataclass(frozen=True)
class PageCursor:
    """Where the previous page ended: its sort, the last row's sort key and event id. Opaque to clients."""

    sort: str
    key: Any
    event_id: str

    def encode(self) -> str:
        key = self.key.isoformat() if isinstance(self.key, dt.date | dt.datetime) else self.key
        raw = json.dumps({"s": self.sort, "k": key, "i": self.event_id}, separators=(",", ":"))
        return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")

    @classmethod
    def decode(cls, value: str, sort: Sort) -> PageCursor:
        try:
            raw = base64.urlsafe_b64decode(value + "=" * (-len(value) % 4))
            data = json.loads(raw)
            cursor = cls(str(data["s"]), data["k"], str(data["i"]))
        except (binascii.Error, ValueError, KeyError, TypeError):
            raise bad_parameter("cursor", "not a cursor this API gave out; start again without one") from None
        if cursor.sort != sort.token:
            raise bad_parameter("cursor", f"was made for sort={cursor.sort}, not sort={sort.token}")
        if not isinstance(cursor.key, str | int | float):
            raise bad_parameter("cursor", "not a cursor this API gave out; start again without one")
        return cursor
