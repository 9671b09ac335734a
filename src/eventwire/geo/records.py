"""Typed records of the places stage: a gazetteer place, a toponym in text, and the two joined."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from spacy.tokens import Span

from eventwire.models import Location

Feature = Literal["city", "admin1", "admin2", "country", "continent", "region"]

# How a toponym is used in its sentence (after Gritta et al.'s pragmatic taxonomy, coarsened):
# literal   - the place itself ("fighting in Aleppo", "flew to Paris")
# metonymic - the place stands for its people or government and acts ("Moscow said", "Russia's response")
# demonym   - an adjective or noun of nationality ("Russian", "Canadians")
# modifier  - a place name modifying another noun ("UK driving licence", "Illinois lawmakers")
# embedded  - inside an organisation's name ("The Washington Post", "Texas Rangers")
ToponymKind = Literal["literal", "metonymic", "demonym", "modifier", "embedded"]


@dataclass(frozen=True)
class Place:
    """A resolved gazetteer entry."""

    name: str
    geonames_id: int | None
    country: str | None  # ISO 3166-1 alpha-3
    lat: float
    lon: float
    feature: Feature
    admin1: str | None  # name of the first-level division when known, else its GeoNames code

    def to_location(self, rule: str | None = None) -> Location:
        return Location(
            name=self.name,
            geonames_id=self.geonames_id,
            country=self.country,
            lat=self.lat,
            lon=self.lon,
            rule=rule,
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "geonames_id": self.geonames_id,
            "country": self.country,
            "lat": self.lat,
            "lon": self.lon,
            "feature": self.feature,
            "admin1": self.admin1,
        }


@dataclass(frozen=True)
class Toponym:
    """A place name found in one paragraph Doc, before resolution."""

    span: Span  # tokens in the paragraph Doc
    doc_index: int  # which of the article's Docs
    start: int  # character offsets in the article
    end: int
    text: str
    key: str  # normalised lookup key
    kind: ToponymKind
    label: str  # the spaCy entity label it came from, or "GAZ" for a gazetteer match


@dataclass(frozen=True)
class ResolvedToponym:
    """A toponym with the place it refers to (None when the gazetteer has no fitting entry).

    `dateline` marks the place named in the article's dateline ("MOSCOW (AP) —"), where the
    story was filed: event location may fall back to it.
    """

    toponym: Toponym
    place: Place | None
    dateline: bool = False

    @property
    def span(self) -> Span:
        return self.toponym.span

    @property
    def kind(self) -> ToponymKind:
        return self.toponym.kind

    @property
    def text(self) -> str:
        return self.toponym.text

    @property
    def start(self) -> int:
        return self.toponym.start

    @property
    def end(self) -> int:
        return self.toponym.end

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "kind": self.kind,
            "dateline": self.dateline,
            "place": self.place.to_dict() if self.place else None,
        }
