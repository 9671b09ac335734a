"""Event merging: the mentions of one happening, within an article and across a story, become one event.

Reports of one story tell many happenings (a signing, the thanks to its mediators, each side's pledges);
only the reports of one happening merge. A raw event joins a merged event of its story when nothing
contradicts it and enough ties them:
- the same PLOVER type and modality, and a compatible mode (equal, or one side has none);
- compatible actors and recipients: when both sides give countries, they share one, and when both name
  people or organisations, one side's names hold the other's. The two sides are compared as one set
  only for meetings and cooperation (`SYMMETRIC_TYPES`: "A met B" and "B met A" are one meeting); for
  every other type the roles must not be reversed (the actor of one is not the recipient of the other).
  For the acts between parties (`DYADIC_TYPES`), each event may not bring a country the other lacks
  altogether: a signing by two states and one of them thanking a third are two happenings;
- compatible dates: the periods their TimeML values cover are at most a day apart;
- compatible places (when the text places both): not in two countries, nor more than 250 km apart in
  one country unless one of them is the whole country. Where the story happens or was filed is no
  evidence either way: it is the same for most events of a story;
- a tie: the same trigger lemma; reports that word it differently ("met", "held talks") must share
  more than a country, since a story mostly happens in one: a person or organisation, both countries
  of a dyad, or the place.
Raw events are never dropped: each merged event keeps the ids of all its raw events (its evidence).
Measured on ECB+ event coreference with `eventwire eval stories` (see the README).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from eventwire.models import Entity, Event, Location

# Types whose two sides are interchangeable in reports ("A met B" / "B met A"). An agreement is not:
# one side's pledge is not the other side's acceptance.
SYMMETRIC_TYPES = frozenset({"CONSULT", "COOPERATE"})
# Acts between parties, told by who they are between; material acts (attacks, arrests, protests) are
# not, since their reports name victims, crowds and places very differently.
DYADIC_TYPES = frozenset(
    "AGREE CONSULT COOPERATE SUPPORT AID CONCEDE REQUEST ACCUSE REJECT THREATEN SANCTION".split()
)
NEAR_KM = 100.0
FAR_KM = 250.0
_CONTEXT_PLACES = frozenset({"story", "dateline"})
DATE_SLACK_DAYS = 1


@dataclass
class Parties:
    """What is known of one side of an event: country codes and names (lower case)."""

    countries: set[str] = field(default_factory=set)
    names: set[str] = field(default_factory=set)

    @classmethod
    def of(cls, entities: Iterable[Entity]) -> Parties:
        p = cls()
        for e in entities:
            for m in e.flat():
                if m.country:
                    p.countries.add(m.country)
                # A state is known by its code; names are kept for people and organisations.
                if m.name and (m.sector or not m.country):
                    p.names.add(m.name.lower())
        return p

    def __bool__(self) -> bool:
        return bool(self.countries or self.names)

    def minus(self, other: Parties) -> Parties:
        """The parties of this side that the other side does not also have."""
        return Parties(self.countries - other.countries, self.names - other.names)

    def update(self, other: Parties) -> None:
        self.countries |= other.countries
        self.names |= other.names

    def to_dict(self) -> dict[str, list[str]]:
        return {"countries": sorted(self.countries), "names": sorted(self.names)}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Parties:
        return cls(set(d.get("countries") or ()), set(d.get("names") or ()))


def parties_tie(a: Parties, b: Parties) -> bool | None:
    """True when two sides share a party, False when they contradict, None when nothing tells.

    They contradict when both name people or organisations and neither list holds the other ("Macron met
    Scholz" against "Macron met Meloni"), or when both give countries and no country is shared.
    """
    if not a or not b:
        return None
    if a.names and b.names and not (a.names <= b.names or b.names <= a.names):
        return False
    if a.countries and b.countries and not a.countries & b.countries:
        return False
    if a.names & b.names or a.countries & b.countries:
        return True
    return None


@dataclass
class MergedEvent:
    merged_id: str
    story_id: str
    type: str
    mode: str | None
    modality: str
    actors: list[Entity]
    recipients: list[Entity]
    date: str | None
    date_precision: str | None
    location: Location | None
    actor_parties: Parties
    recipient_parties: Parties
    period: tuple[int, int] | None  # date ordinals covered by the most precise date seen
    lemmas: set[str]
    event_ids: list[str]
    article_ids: set[str]
    sources: set[str]
    first_seen: str | None
    last_seen: str | None
    confidence: float

    @property
    def num_mentions(self) -> int:
        return len(self.event_ids)

    @property
    def num_articles(self) -> int:
        return len(self.article_ids)

    @property
    def num_sources(self) -> int:
        return len(self.sources)

    def to_dict(self) -> dict[str, Any]:
        return {
            "merged_id": self.merged_id,
            "story_id": self.story_id,
            "type": self.type,
            "mode": self.mode,
            "modality": self.modality,
            "actors": [a.to_dict() for a in self.actors],
            "recipients": [r.to_dict() for r in self.recipients],
            "date": self.date,
            "date_precision": self.date_precision,
            "location": self.location.to_dict() if self.location else None,
            "num_mentions": self.num_mentions,
            "num_articles": self.num_articles,
            "num_sources": self.num_sources,
            "first_seen": self.first_seen,
            "last_seen": self.last_seen,
            "confidence": round(self.confidence, 3),
            "event_ids": list(self.event_ids),
        }


def state_of(m: MergedEvent) -> dict[str, Any]:
    """What merging needs to go on with `m` later, beside its displayed fields (see `from_state`)."""
    return {
        "actor_parties": m.actor_parties.to_dict(),
        "recipient_parties": m.recipient_parties.to_dict(),
        "period": list(m.period) if m.period else None,
        "lemmas": sorted(m.lemmas),
        "article_ids": sorted(m.article_ids),
        "sources": sorted(m.sources),
    }


def from_state(d: dict[str, Any], state: dict[str, Any]) -> MergedEvent:
    """Rebuild a merged event from its JSON (`MergedEvent.to_dict`) and its state (`state_of`)."""
    loc = d.get("location")
    period = state.get("period")
    return MergedEvent(
        merged_id=d["merged_id"],
        story_id=d["story_id"],
        type=d["type"],
        mode=d.get("mode"),
        modality=d["modality"],
        actors=[Entity.from_dict(a) for a in d.get("actors") or []],
        recipients=[Entity.from_dict(r) for r in d.get("recipients") or []],
        date=d.get("date"),
        date_precision=d.get("date_precision"),
        location=Location(**loc) if loc else None,
        actor_parties=Parties.from_dict(state.get("actor_parties") or {}),
        recipient_parties=Parties.from_dict(state.get("recipient_parties") or {}),
        period=(int(period[0]), int(period[1])) if period else None,
        lemmas=set(state.get("lemmas") or ()),
        event_ids=list(d.get("event_ids") or ()),
        article_ids=set(state.get("article_ids") or ()),
        sources=set(state.get("sources") or ()),
        first_seen=d.get("first_seen"),
        last_seen=d.get("last_seen"),
        confidence=float(d.get("confidence") or 0.0),
    )


@dataclass(frozen=True)
class ArticleInfo:
    """What merging needs of the article an event came from."""

    article_id: str
    source: str | None
    published: str | None


def merged_id_for(event_id: str) -> str:
    """A merged event is named after its first raw event: the same input order gives the same ids."""
    return hashlib.sha256(f"merged|{event_id}".encode()).hexdigest()[:16]


def source_key(info: ArticleInfo) -> str:
    # An article without a named source counts as a source of its own.
    return (info.source or "").strip().lower() or f"article:{info.article_id}"


def new_merged(story_id: str, e: Event, info: ArticleInfo) -> MergedEvent:
    return MergedEvent(
        merged_id=merged_id_for(e.event_id),
        story_id=story_id,
        type=e.type,
        mode=e.mode,
        modality=e.modality,
        actors=list(e.actors),
        recipients=list(e.recipients),
        date=e.date,
        date_precision=e.date_precision,
        location=e.location,
        actor_parties=Parties.of(e.actors),
        recipient_parties=Parties.of(e.recipients),
        period=period_of(e.date),
        lemmas={e.trigger.lemma},
        event_ids=[e.event_id],
        article_ids={info.article_id},
        sources={source_key(info)},
        first_seen=info.published,
        last_seen=info.published,
        confidence=e.confidence,
    )


def tie_score(m: MergedEvent, e: Event) -> int | None:
    """How strongly raw event `e` ties to merged event `m`; None when something contradicts."""
    if e.type != m.type or e.modality != m.modality:
        return None
    if e.mode and m.mode and e.mode != m.mode:
        return None
    if not periods_meet(m.period, period_of(e.date)):
        return None
    place = places_tie(told_place(m.location), told_place(e.location))
    if place is False:
        return None
    acts, recs = Parties.of(e.actors), Parties.of(e.recipients)
    if e.type in SYMMETRIC_TYPES:
        ties = [parties_tie(_joined(m.actor_parties, m.recipient_parties), _joined(acts, recs))]
    else:
        ties = [parties_tie(m.actor_parties, acts), parties_tie(m.recipient_parties, recs)]
        if roles_reversed(m, acts, recs, ties[0], ties[1]):
            return None
    if False in ties:
        return None
    if e.type in DYADIC_TYPES and new_parties_on_both_sides(m, acts, recs):
        return None
    same_lemma = e.trigger.lemma in m.lemmas
    if not same_lemma and place is not True and not strong_tie(m, acts, recs):
        return None
    score = 2 * sum(t is True for t in ties) + (place is True) + same_lemma
    return score or None


def strong_tie(m: MergedEvent, acts: Parties, recs: Parties) -> bool:
    """Reports that word one happening differently ("met" and "held talks") must share more than a
    country (a story mostly happens in one): a person or organisation, or both countries of a dyad."""
    mine = _joined(m.actor_parties, m.recipient_parties)
    theirs = _joined(acts, recs)
    return bool(mine.names & theirs.names) or len(mine.countries & theirs.countries) >= 2


def _joined(a: Parties, b: Parties) -> Parties:
    both = Parties()
    both.update(a)
    both.update(b)
    return both


def roles_reversed(
    m: MergedEvent, acts: Parties, recs: Parties, actor_tie: bool | None, recipient_tie: bool | None
) -> bool:
    """True when the event's actor is the merged event's recipient, or the other way round, and the
    same side does not tie: "Israel struck" is not a report of "(unnamed) struck Israel"."""
    m_acts = m.actor_parties.minus(m.recipient_parties)
    m_recs = m.recipient_parties.minus(m.actor_parties)
    acts, recs = acts.minus(recs), recs.minus(acts)
    if parties_tie(m_recs, acts) is True and actor_tie is not True:
        return True
    return parties_tie(m_acts, recs) is True and recipient_tie is not True


def new_parties_on_both_sides(m: MergedEvent, acts: Parties, recs: Parties) -> bool:
    """True when each event names a party the other lacks altogether: a signing by two states and one
    of them thanking a third are two happenings. Countries and names are compared apart."""
    mine = _joined(m.actor_parties, m.recipient_parties)
    theirs = _joined(acts, recs)
    a, b = mine.countries, theirs.countries
    return bool(a and b and not (a <= b or b <= a))


def add_to(m: MergedEvent, e: Event, info: ArticleInfo) -> None:
    """Fold a raw event into a merged event: its evidence is kept, blanks are filled in."""
    m.event_ids.append(e.event_id)
    m.article_ids.add(info.article_id)
    m.sources.add(source_key(info))
    m.lemmas.add(e.trigger.lemma)
    m.actor_parties.update(Parties.of(e.actors))
    m.recipient_parties.update(Parties.of(e.recipients))
    m.actors = m.actors or list(e.actors)
    m.recipients = m.recipients or list(e.recipients)
    m.mode = m.mode or e.mode
    m.location = m.location or e.location
    p = period_of(e.date)
    if p is not None and (m.period is None or p[1] - p[0] < m.period[1] - m.period[0]):
        m.period, m.date, m.date_precision = p, e.date, e.date_precision
    m.confidence = max(m.confidence, e.confidence)
    if info.published:
        m.first_seen = min(filter(None, (m.first_seen, info.published)))
        m.last_seen = max(filter(None, (m.last_seen, info.published)))


def merge_events(
    story_id: str, merged: list[MergedEvent], events: Iterable[tuple[Event, ArticleInfo]]
) -> set[str]:
    """Merge raw events into their story's merged events (in place); returns the ids of those changed."""
    changed: set[str] = set()
    known = {eid for m in merged for eid in m.event_ids}
    for e, info in events:
        if e.event_id in known:
            continue
        known.add(e.event_id)
        best: MergedEvent | None = None
        best_score = 0
        for m in merged:
            score = tie_score(m, e)
            if score is not None and score > best_score:
                best, best_score = m, score
        if best is None:
            best = new_merged(story_id, e, info)
            merged.append(best)
        else:
            add_to(best, e, info)
        changed.add(best.merged_id)
    return changed


def period_of(value: str | None) -> tuple[int, int] | None:
    """The first and last day (ordinals) a TimeML date value covers, or None."""
    if not value:
        return None
    try:
        if len(value) >= 10 and value[4] == "-" and value[7] == "-":
            d = dt.date.fromisoformat(value[:10]).toordinal()
            return d, d
        if len(value) >= 8 and value[4:6] == "-W":
            monday = dt.date.fromisocalendar(int(value[:4]), int(value[6:8]), 1).toordinal()
            return monday, monday + 6
        if len(value) == 7 and value[4] == "-":
            y, mo = int(value[:4]), int(value[5:7])
            first = dt.date(y, mo, 1)
            nxt = dt.date(y + (mo == 12), mo % 12 + 1, 1)
            return first.toordinal(), nxt.toordinal() - 1
        if len(value) == 4 and value.isdigit():
            return dt.date(int(value), 1, 1).toordinal(), dt.date(int(value), 12, 31).toordinal()
    except ValueError:
        return None
    return None


def periods_meet(a: tuple[int, int] | None, b: tuple[int, int] | None) -> bool:
    if a is None or b is None:
        return True
    return a[0] - DATE_SLACK_DAYS <= b[1] and b[0] - DATE_SLACK_DAYS <= a[1]


def places_tie(a: Location | None, b: Location | None) -> bool | None:
    """True for one place (same id, same name or within 100 km); False for two places: in two
    countries, or in one country more than 250 km apart when neither is the whole country; else None.

    A country and a place in it give no verdict: "Canada" and "Vancouver" can be one event.
    """
    if a is None or b is None:
        return None
    if a.geonames_id is not None and a.geonames_id == b.geonames_id:
        return True
    if a.name.lower() == b.name.lower():
        return True
    near = None if None in (a.lat, a.lon, b.lat, b.lon) else km(a, b)
    if near is not None and near <= NEAR_KM:
        return True
    if a.country and b.country and a.country != b.country:
        return False
    if near is not None and near > FAR_KM and not (whole_country(a) or whole_country(b)):
        return False
    return None


def told_place(loc: Location | None) -> Location | None:
    """The place if the text ties it to the event; where the story happens or where it was filed
    (`Location.rule` "story", "dateline") is the same for most events of a story and tells none apart."""
    if loc is None or loc.rule in _CONTEXT_PLACES:
        return None
    return loc


def whole_country(loc: Location) -> bool:
    """Whether a location is a country as a whole (its name is its country's)."""
    from eventwire.actors.countries import country_by_name

    record = country_by_name(loc.name)
    return record is not None and (loc.country is None or record.code == loc.country)


def km(a: Location, b: Location) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (a.lat or 0.0, a.lon or 0.0, b.lat or 0.0, b.lon or 0.0))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(h))
