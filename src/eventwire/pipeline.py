"""The coding pipeline: Article -> parsed paragraphs -> actors, places, times -> events.

Resources (spaCy pipeline, actor dictionary, gazetteer) load once per process. The same
`Pipeline.code_articles` runs in one process, in each worker of a local pool and in a Ray actor.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace

from spacy.language import Language
from spacy.tokens import Doc, Token

from eventwire.actors.dictionary import ActorDictionary
from eventwire.actors.resolve import ArticleActors
from eventwire.config import Settings
from eventwire.events import lexicon as lx
from eventwire.events.attribution import attribution
from eventwire.events.context import contexts
from eventwire.events.dating import governing_timex, precision_of
from eventwire.events.evaluation import NEGATIVE_EVALUATIONS
from eventwire.events.extract import _OBLIGATION_AUX, Found, SentenceCoder, construction_words
from eventwire.events.senses import active
from eventwire.geo.locate import StoryFocus, place_event, story_focus
from eventwire.geo.parser import Geoparser
from eventwire.geo.records import ResolvedToponym
from eventwire.models import Article, CodedArticle, Entity, Event, Evidence, Mention, Segment, Trigger
from eventwire.nlp.analyzer import Analyzer
from eventwire.nlp.pipeline import load_nlp
from eventwire.time.timex import Timex, find_timexes
from eventwire.version import PIPELINE_VERSION

CODED_SEGMENTS = ("title", "body", "caption")


@dataclass
class Parsed:
    segment: Segment
    doc: Doc


def trigger_lemmas() -> set[str]:
    """Lemmas the coder reads an event from: the hand and generated lexicons' verbs and event nouns.

    Selective parsing (`nlp.analyzer`) parses a paragraph only when one of its words may have one of these
    lemmas or is one of `trigger_words()`: a new way for the coder to fire must be added here.
    """
    verbs, nouns = active()
    return set(lx.VERBS) | set(lx.NOUNS) | set(verbs) | set(nouns)


def trigger_words() -> set[str]:
    """Words the coder reads an event from as written: stance adjectives, obligation auxiliaries, words
    of disapproval ("illegal", "the aggressor") and the verbs of directives ("told X to")."""
    return set(lx.ADJECTIVES) | set(_OBLIGATION_AUX) | set(NEGATIVE_EVALUATIONS) | construction_words()


def codable_segments(article: Article) -> list[Segment]:
    """The headline, body paragraphs and captions, each caption once."""
    return [s for s in article.segments if s.kind in CODED_SEGMENTS and s.duplicate_of is None]


class Pipeline:
    def __init__(self, settings: Settings | None = None, selective: bool = True) -> None:
        """`selective`: parse only the paragraphs that hold a candidate trigger (the events are the same)."""
        self.settings = settings or Settings()
        self.nlp: Language = load_nlp(self.settings.spacy_model)
        self.analyzer = Analyzer(self.nlp, trigger_lemmas(), trigger_words(), selective=selective)
        self.dictionary = ActorDictionary.load()
        self.geoparser = Geoparser.load()
        self.version = PIPELINE_VERSION
        # Benchmarks set a clock (time.perf_counter) to add up the seconds of each stage.
        self.stage_clock: Callable[[], float] | None = None
        self.stage_seconds: dict[str, float] = {}

    # --- batches -----------------------------------------------------------------------------------

    def code_articles(self, articles: Iterable[Article], batch_size: int = 32) -> Iterator[CodedArticle]:
        """Code articles in order; paragraphs of a whole batch go through spaCy together."""
        batch: list[Article] = []
        for a in articles:
            batch.append(a)
            if len(batch) >= batch_size:
                yield from self._code_batch(batch)
                batch = []
        if batch:
            yield from self._code_batch(batch)

    def code_article(self, article: Article) -> CodedArticle:
        return next(iter(self._code_batch([article])))

    def _code_batch(self, batch: Sequence[Article]) -> Iterator[CodedArticle]:
        units = [(a, s) for a in batch for s in codable_segments(a)]
        start = self.stage_clock() if self.stage_clock else 0.0
        docs = iter(self.analyzer.analyse([a.text[s.start : s.end] for a, s in units], batch_size=256))
        if self.stage_clock:
            self._add_time("nlp", self.stage_clock() - start)
        for a in batch:
            parsed = [Parsed(s, next(docs)) for s in codable_segments(a)]
            yield self._code_parsed(a, parsed)

    # --- one article -------------------------------------------------------------------------------

    def _code_parsed(self, article: Article, parsed: list[Parsed]) -> CodedArticle:
        dct = dt.date.fromisoformat(article.published) if article.published else None
        actors = ArticleActors(self.dictionary, dct)
        coder = SentenceCoder(actors)
        clock = self.stage_clock
        t0 = clock() if clock else 0.0
        timexes = find_timexes(article.text, dct, article.local_time) if dct else []
        t1 = clock() if clock else 0.0
        places = self.geoparser.parse(
            [p.doc for p in parsed], [p.segment.start for p in parsed], article.source
        )
        t2 = clock() if clock else 0.0
        actors.add_places(
            [
                (rt.span, rt.place.country)
                for rt in places
                if rt.place and rt.place.country and rt.kind != "demonym"
            ]
        )
        focus = story_focus(places)
        events: list[Event] = []
        # The headline last: its clipped grammar names parties the body introduces in full.
        for p in sorted(parsed, key=lambda p: p.segment.kind == "title"):
            offset = p.segment.start
            for sent in p.doc.sents:
                actors.observe(sent, offset)
                for f in coder.code(sent, p.segment.kind):
                    events.append(self._event(article, f, offset, p.segment, timexes, places, actors, focus))
        events = sorted(_without_retold_headline(events), key=lambda e: (e.evidence.start, e.trigger.start))
        mentions = _mentions(actors, timexes, places)
        if clock:
            self._add_time("time", t1 - t0)
            self._add_time("geo", t2 - t1)
            self._add_time("code", clock() - t2)
        return CodedArticle(article=article, events=events, mentions=mentions)

    def _add_time(self, stage: str, seconds: float) -> None:
        self.stage_seconds[stage] = self.stage_seconds.get(stage, 0.0) + seconds

    def _event(
        self,
        article: Article,
        f: Found,
        offset: int,
        segment: Segment,
        timexes: Sequence[Timex],
        places: Sequence[ResolvedToponym],
        actors: ArticleActors,
        focus: StoryFocus | None = None,
    ) -> Event:
        sent = f.trigger.sent
        ev_start, ev_end = offset + sent.start_char, offset + sent.end_char
        trig_toks = [f.trigger] + ([f.noun] if f.noun is not None and f.noun != f.trigger else [])
        t_start = offset + min(t.idx for t in trig_toks)
        t_end = offset + max(t.idx + len(t) for t in trig_toks)
        tx = governing_timex(f.trigger, offset, timexes)
        date: str | None = article.published
        precision: str | None = "day" if article.published else "unknown"
        if tx is not None:
            date, precision = tx.value.split("T", 1)[0], precision_of(tx.value)
        parties = [p.country for ent in (*f.actors, *f.recipients) for p in ent.flat()]
        material = f.type not in lx.VERBAL_TYPES
        visit = f.type == lx.CONSULT and f.mode == "visit"
        placed = (
            place_event(f.trigger, places, f.argument_tokens, focus, parties, material, visit)
            if places
            else None
        )
        where = placed[0].to_location(placed[1]) if placed is not None else None
        actors_, recipients_ = f.actors, f.recipients
        if where is not None and where.country:
            # A party named without a country ("police", "protesters") acts where the event happens.
            actors_ = [_placed(a, where.country) for a in actors_]
            recipients_ = [_placed(r, where.country) for r in recipients_]
        elif focus is not None:
            # A national institution named without a country ("the government", "police") is the
            # story's country's when the text gives no other.
            actors_ = [_placed(a, focus.country) if a.sector in _NATIONAL else a for a in actors_]
            recipients_ = [_placed(r, focus.country) if r.sector in _NATIONAL else r for r in recipients_]
        event_id = _event_id(article.article_id, self.version, f.type, t_start, ev_start)
        rule = f"{f.rule}:{f.sense.type.lower()}" + (f":{segment.kind}" if segment.kind != "body" else "")
        return Event(
            event_id=event_id,
            article_id=article.article_id,
            type=f.type,
            mode=f.mode,
            context=contexts(sent, f.context_defaults),
            actors=actors_,
            recipients=recipients_,
            date=date,
            date_precision=precision,
            location=where,
            modality=f.modality,
            attributed_to=attribution(f.trigger, actors),
            evidence=Evidence(text=article.text[ev_start:ev_end], start=ev_start, end=ev_end),
            confidence=f.confidence,
            trigger=Trigger(
                text=article.text[t_start:t_end],
                lemma=f.trigger.lemma_.lower(),
                start=t_start,
                end=t_end,
                rule=rule,
            ),
            pipeline_version=self.version,
        )


def _without_retold_headline(events: list[Event]) -> list[Event]:
    """A headline event that the body tells again (same type, a shared party) is that body event."""
    headline = [e for e in events if e.trigger.rule.endswith(":title")]
    if not headline:
        return events
    body = [e for e in events if not e.trigger.rule.endswith(":title")]

    def parties(e: Event) -> set[str]:
        return {p.country or p.text.lower() for ent in (*e.actors, *e.recipients) for p in ent.flat()}

    kept = [
        h
        for h in headline
        if not any(b.type == h.type and (parties(b) & parties(h) or not parties(h)) for b in body)
    ]
    return kept + body


# Sectors of a state's own institutions.
_NATIONAL = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY", "ELI", "PTY"})


def _placed(e: Entity, country: str) -> Entity:
    if e.country or e.members:
        return e
    return replace(e, country=country)


def _event_id(article_id: str, version: str, etype: str, trigger_start: int, evidence_start: int) -> str:
    key = f"{article_id}|{version}|{etype}|{trigger_start}|{evidence_start}"
    return hashlib.sha256(key.encode()).hexdigest()[:16]


def _mentions(
    actors: ArticleActors, timexes: Sequence[Timex], places: Sequence[ResolvedToponym]
) -> list[Mention]:
    out: list[Mention] = []
    for k in actors.known:
        e = k.entity
        out.append(Mention("actor", k.start, k.end, e.text, e.to_dict()))
    for t in timexes:
        out.append(
            Mention(
                "time", t.start, t.end, t.text, {"type": t.type, "value": t.value, "precision": t.precision}
            )
        )
    for p in places:
        out.append(Mention("place", p.start, p.end, p.text, p.to_dict()))
    return out


def trigger_token_ids(tokens: Iterable[Token]) -> set[int]:
    return {t.i for t in tokens}
