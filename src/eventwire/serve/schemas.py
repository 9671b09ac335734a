"""Response shapes of the HTTP API (they also document it at /docs)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field, SerializerFunctionWrapHandler, model_serializer


class EntityOut(BaseModel):
    """A simple entry has name, country and sector; a compound one ("US and South Korean officials")
    has `members` instead."""

    text: str
    name: str | None = None
    country: str | None = None
    sector: str | None = None
    members: list[EntityOut] | None = None

    @model_serializer(mode="wrap")
    def _shape(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        data: dict[str, Any] = handler(self)
        if self.members:
            return {"text": data["text"], "members": data["members"]}
        data.pop("members", None)
        return data


class LocationOut(BaseModel):
    name: str
    geonames_id: int | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    rule: str | None = None  # how the place was chosen: clause, sentence, story, dateline


class EvidenceOut(BaseModel):
    text: str
    start: int
    end: int


class TriggerOut(BaseModel):
    text: str
    lemma: str
    start: int
    end: int
    rule: str


class EventOut(BaseModel):
    """The stored event JSON, plus its quad class and its story where stories exist."""

    event_id: str
    article_id: str
    type: str
    mode: str | None = None
    context: list[str] = []
    actors: list[EntityOut] = []
    recipients: list[EntityOut] = []
    date: str | None = None
    date_precision: str | None = None
    location: LocationOut | None = None
    modality: str
    attributed_to: EntityOut | None = None
    evidence: EvidenceOut
    confidence: float
    trigger: TriggerOut
    pipeline_version: str
    quad_class: str | None = None
    story_id: str | None = None


class EventPage(BaseModel):
    items: list[EventOut]
    total: int = Field(description="Events matching the filters, over all pages.")
    limit: int
    sort: str
    next_cursor: str | None = Field(None, description="Pass as `cursor` for the next page; null on the last.")
    filters: dict[str, Any] = {}


class Mark(BaseModel):
    """A span of the article to highlight, in character offsets of the article text."""

    kind: str = Field(description="evidence, trigger, actor, recipient or attribution")
    start: int
    end: int
    text: str
    label: str


class ArticleSummary(BaseModel):
    article_id: str
    title: str | None = None
    source: str | None = None
    section: str | None = None
    published: str | None = None
    url: str | None = None
    story_id: str | None = None


class ArticleEventRef(BaseModel):
    event_id: str
    type: str
    modality: str
    evidence_start: int
    evidence_end: int


class ArticleOut(ArticleSummary):
    text: str = Field(description="The text as shown: the stored text without the wire header lines.")
    text_offset: int = Field(
        0,
        description="Characters of the stored text left out before `text`: an event's `evidence` and"
        " `trigger` offsets minus this index `text`; `segments`, `events` and `marks` are already moved.",
    )
    local_time: str | None = None
    lang: str | None = None
    segments: list[dict[str, Any]] = []
    events: list[ArticleEventRef] = []


class OtherReport(BaseModel):
    event_id: str
    article_id: str
    title: str | None = None
    source: str | None = None
    published: str | None = None
    evidence: str | None = None


class MergedOut(BaseModel):
    """The merged event (one happening across mentions and articles) this event is part of."""

    merged_id: str
    num_mentions: int
    num_articles: int
    num_sources: int
    first_seen: str | None = None
    last_seen: str | None = None
    other_reports: list[OtherReport] = Field(description="The other mentions, with their evidence.")


class EventDetail(BaseModel):
    event: EventOut
    article: ArticleOut
    marks: list[Mark]
    attribution_in_sentence: bool = Field(
        description="Whether the party credited for the claim is named in the evidence sentence itself."
    )
    merged: MergedOut | None = Field(None, description="Where story clustering has merged events.")


class ActorCount(BaseModel):
    name: str | None
    country: str | None
    sector: str | None
    as_actor: int
    as_recipient: int
    count: int


class ActorsOut(BaseModel):
    items: list[ActorCount]
    filters: dict[str, Any] = {}


class TimelineOut(BaseModel):
    bucket: str = Field(description="day, week or month")
    periods: list[str] = Field(description="First day of each period that has events, in order.")
    types: dict[str, list[int]] = Field(description="Counts per period for each event type present.")
    quad_classes: dict[str, list[int]] = Field(description="Counts per period for each quad class.")
    total: int
    undated: int = Field(description="Matching events without a date (not on the timeline).")
    filters: dict[str, Any] = {}


class NetworkNode(BaseModel):
    id: str
    label: str
    country: str | None = None
    sector: str | None = None
    count: int = Field(description="Events on the shown edges that involve this node.")


class NetworkEdge(BaseModel):
    source: str
    target: str
    count: int
    cooperation: int
    conflict: int
    balance: float = Field(description="(cooperation - conflict) / count, from -1 (all conflict) to 1.")
    mean_score: float | None = Field(None, description="Mean PLOVER conflict-cooperation score (-10 to 10).")


class NetworkOut(BaseModel):
    node: str = Field(description="country or actor")
    nodes: list[NetworkNode]
    edges: list[NetworkEdge]
    filters: dict[str, Any] = {}


class PlaceCount(BaseModel):
    name: str | None
    geonames_id: int | None
    country: str | None
    lat: float
    lon: float
    count: int
    cooperation: int
    conflict: int


class PlacesOut(BaseModel):
    items: list[PlaceCount]
    unplaced: int = Field(description="Matching events without coordinates.")
    filters: dict[str, Any] = {}


class CountOut(BaseModel):
    value: str
    count: int


class SummaryOut(BaseModel):
    database: str
    events: int
    articles: int
    first_date: str | None
    last_date: str | None
    types: list[CountOut]
    modalities: list[CountOut]
    has_stories: bool
    located_events: int


class ErrorDetail(BaseModel):
    param: str | None = None
    reason: str


class ErrorInfo(BaseModel):
    status: int
    code: str
    message: str
    details: list[ErrorDetail] = []


class ErrorOut(BaseModel):
    error: ErrorInfo


ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorOut, "description": "A parameter was refused; `error.message` says why."},
    422: {"model": ErrorOut, "description": "A parameter has the wrong type or is out of range."},
}
