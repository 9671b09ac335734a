"""Typed records that flow between the stages: Article -> AnalysedArticle -> Event."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Modality = Literal["asserted", "negated", "hypothetical", "speculated", "future"]
Precision = Literal["day", "week", "month", "year"]
SegmentKind = Literal["title", "local_time", "caption", "credit", "body", "header"]

MODALITIES: tuple[str, ...] = ("asserted", "negated", "hypothetical", "speculated", "future")


@dataclass(frozen=True)
class Segment:
    """A span of the article text with a role: body paragraph, caption, credit line, title..."""

    kind: SegmentKind
    start: int
    end: int
    # A caption repeated verbatim (the seed format repeats captions with a credit) points to the
    # first copy; duplicates are kept and marked but never coded a second time.
    duplicate_of: int | None = None


@dataclass(frozen=True)
class Dateline:
    """Where (and when) a story was filed, as its body opens: `NAIROBI, June 20 (Reuters) -`.

    `start`-`end` is its span in the article text, `end` where the story's own words begin (after the dash
    and the spaces that follow it). `date` is ISO YYYY-MM-DD when the dateline gives a month and a day and
    the year is known (written in the dateline, else taken from the publication date); else None.
    """

    place: str  # as written: "NAIROBI", "San Francisco"
    start: int
    end: int
    region: str | None = None  # region or country as written: "Ukraine", "Calif."
    date_text: str | None = None  # as written: "June 20", "Jan. 5, 2024", "Tuesday"
    date: str | None = None
    agency: str | None = None  # "Reuters", "AP", "PRNewswire"


@dataclass
class Article:
    """One news story as read from its source, before any analysis."""

    article_id: str
    text: str
    published: str | None = None  # ISO date YYYY-MM-DD (the document creation time)
    source: str | None = None
    section: str | None = None
    title: str | None = None
    url: str | None = None
    path: str | None = None
    local_time: str | None = None  # HH:MM when the article states a local time line
    lang: str = "en"
    segments: list[Segment] = field(default_factory=list)
    # Where `published` came from is `extra["published_from"]`: header, json, page, dateline, file_name, flag.
    extra: dict[str, Any] = field(default_factory=dict)
    dateline: Dateline | None = None  # the dateline opening the first body paragraph

    def segment_text(self, seg: Segment) -> str:
        return self.text[seg.start : seg.end]

    @property
    def body(self) -> str:
        return "\n\n".join(self.segment_text(s) for s in self.segments if s.kind == "body")

    @property
    def captions(self) -> list[str]:
        return [self.segment_text(s) for s in self.segments if s.kind == "caption" and s.duplicate_of is None]


@dataclass(frozen=True)
class Entity:
    """An actor or recipient: who, resolved to a country code and a sector."""

    text: str
    name: str | None = None
    country: str | None = None
    sector: str | None = None
    members: tuple[Entity, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        if self.members:
            return {"text": self.text, "members": [m.to_dict() for m in self.members]}
        return {"text": self.text, "name": self.name, "country": self.country, "sector": self.sector}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Entity:
        members = tuple(cls.from_dict(m) for m in d.get("members") or ())
        return cls(
            text=d.get("text") or "",
            name=d.get("name"),
            country=d.get("country"),
            sector=d.get("sector"),
            members=members,
        )

    def flat(self) -> list[Entity]:
        """The entity itself, or the members of a compound entity."""
        return list(self.members) if self.members else [self]

    @property
    def countries(self) -> set[str]:
        return {e.country for e in self.flat() if e.country}


@dataclass(frozen=True)
class Location:
    name: str
    geonames_id: int | None
    country: str | None
    lat: float | None
    lon: float | None
    # How the place was chosen: "clause" (joined to the trigger), "sentence" (the only place the
    # sentence names), "story" (where the story happens), "dateline" (where it was filed).
    rule: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Evidence:
    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Trigger:
    """The words that fired and the rule that read the event from them."""

    text: str
    lemma: str
    start: int
    end: int
    rule: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Event:
    event_id: str
    article_id: str
    type: str
    mode: str | None
    context: list[str]
    actors: list[Entity]
    recipients: list[Entity]
    date: str | None
    date_precision: str | None
    location: Location | None
    modality: str
    attributed_to: Entity | None
    evidence: Evidence
    confidence: float
    trigger: Trigger
    pipeline_version: str

    def to_dict(self) -> dict[str, Any]:
        """The event JSON: exactly the documented keys, in a stable order."""
        return {
            "event_id": self.event_id,
            "article_id": self.article_id,
            "type": self.type,
            "mode": self.mode,
            "context": list(self.context),
            "actors": [a.to_dict() for a in self.actors],
            "recipients": [r.to_dict() for r in self.recipients],
            "date": self.date,
            "date_precision": self.date_precision,
            "location": self.location.to_dict() if self.location else None,
            "modality": self.modality,
            "attributed_to": self.attributed_to.to_dict() if self.attributed_to else None,
            "evidence": self.evidence.to_dict(),
            "confidence": round(self.confidence, 3),
            "trigger": self.trigger.to_dict(),
            "pipeline_version": self.pipeline_version,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Event:
        loc = d.get("location")
        att = d.get("attributed_to")
        return cls(
            event_id=d["event_id"],
            article_id=d["article_id"],
            type=d["type"],
            mode=d.get("mode"),
            context=list(d.get("context") or []),
            actors=[Entity.from_dict(a) for a in d.get("actors") or []],
            recipients=[Entity.from_dict(r) for r in d.get("recipients") or []],
            date=d.get("date"),
            date_precision=d.get("date_precision"),
            location=Location(**loc) if loc else None,
            modality=d["modality"],
            attributed_to=Entity.from_dict(att) if att else None,
            evidence=Evidence(**d["evidence"]),
            confidence=float(d["confidence"]),
            trigger=Trigger(**d["trigger"]),
            pipeline_version=d["pipeline_version"],
        )


@dataclass(frozen=True)
class Reject:
    """An input that could not be read, with a one-line reason."""

    path: str
    reason: str
    detail: str = ""


@dataclass(frozen=True)
class Mention:
    """Something the analysis found in the text: an actor, a place or a time expression."""

    kind: Literal["actor", "place", "time"]
    start: int
    end: int
    text: str
    value: dict[str, Any]


@dataclass
class CodedArticle:
    """An article with what the pipeline read out of it."""

    article: Article
    events: list[Event]
    mentions: list[Mention] = field(default_factory=list)
