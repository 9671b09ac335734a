"""Toponym recognition: spaCy place entities, checked and completed with the gazetteer, each with its
pragmatic kind (literal place, metonym standing for a government or people, demonym, modifier, or a
name embedded in an organisation's name)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from itertools import pairwise

from spacy.tokens import Doc, Span, Token

from eventwire.geo.gazetteer import Gazetteer
from eventwire.geo.records import Toponym, ToponymKind
from eventwire.geo.sources import ADMIN1, CITY, CONTINENT, COUNTRY, REGION
from eventwire.geo.text import normalize

Adder = Callable[[Span, ToponymKind, str], None]
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Entities that may hold a place name inside them ("The Washington Post", "Texas Rangers").
HOST_LABELS = frozenset({"ORG", "PERSON", "WORK_OF_ART", "EVENT", "PRODUCT", "LAW", "NORP", "FAC", "LOC"})
_MAX_NGRAM = 4
# A city this populous is a safe match without an entity label (smaller ones collide with words and surnames).
BIG_CITY = 250_000

# Words that name divisions somewhere ("South" in Cameroon, "Centre" in Burkina Faso) but in English
# text are mostly plain words: never taken without an entity label saying they are a place.
GENERIC_WORDS = frozenset(
    """north south east west northern southern eastern western central centre center middle upper lower
    valley island islands city state coast river lake mountain mountains mount bay port new great
    greater far near gulf capital district region province county village town park airport street
    university college school hospital church national international federal royal""".split()
)
# Heads under which a place keeps its literal sense: "Russia's space centre", "the Kurdish enclave".
PLACE_NOUNS = frozenset(
    """area base border borders capital centre center city coast coastline countryside county district
    enclave frontier harbour harbor island islands land lands mainland outskirts port province
    region river shore soil state territory town towns village villages waters airport airspace
    street streets camp camps city-state suburb suburbs neighbourhood neighborhood east west north
    south heartland interior side""".split()
)
# Verbs whose subject is a place in its own right ("Paris is", "the village lies").
STATIVE_VERBS = frozenset(
    ["be", "lie", "locate", "situate", "sit", "border", "stretch", "host", "neighbour", "neighbor"]
)
# Verbs whose object is a party, not a destination ("accused Russia", "urged Iran").
PARTY_OBJECT_VERBS = frozenset(
    """accuse urge warn sanction blame criticize criticise condemn support back thank ask tell pressure
    threaten punish help defeat beat join persuade convince congratulate recognize recognise expel
    fight oppose court engage lobby sue""".split()
)
# Prepositions that make their object a party: "relations with Algeria", "sanctions against Iran".
PARTY_PREPS = frozenset({"with", "against", "between", "by", "versus", "vs", "vs."})


def _trim(span: Span) -> Span | None:
    """Drop a leading determiner and a trailing possessive or punctuation."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].lower_ in ("the", "a", "an") or doc[start].is_punct):
        start += 1
    while end > start and (
        doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct or doc[end - 1].lower_ in ("'s", "’s")
    ):
        end -= 1
    return doc[start:end] if end > start else None


def _split_commas(span: Span) -> list[Span]:
    """ "Pleasanton, Calif." as one entity becomes two toponyms."""
    parts, start = [], span.start
    for tok in span:
        if tok.text == ",":
            if tok.i > start:
                parts.append(span.doc[start : tok.i])
            start = tok.i + 1
    if span.end > start:
        parts.append(span.doc[start : span.end])
    return parts


def _looks_like_code(text: str) -> bool:
    """ "AI", "MoD", "IoTX": acronyms and camel-case names that NER often takes for places."""
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return True
    if all(c.isupper() for c in letters):
        return True
    return any(a.islower() and b.isupper() for a, b in pairwise(text))


def _kind(span: Span) -> ToponymKind:
    """Literal, metonymic or modifier, from the toponym's place in the dependency parse."""
    root = span.root
    tok: Token = root
    while tok.dep_ in ("conj", "appos") and tok.head.i != tok.i and tok.head.ent_type_ in PLACE_LABELS:
        tok = tok.head  # "Russia and China said": both conjuncts read like the first
    dep, head = tok.dep_, tok.head
    if (
        dep in ("compound", "amod", "nmod")
        and head.pos_ in ("NOUN", "PROPN")
        and head.i not in range(span.start, span.end)
    ):
        return "literal" if head.lemma_.lower() in PLACE_NOUNS else "modifier"
    if dep == "poss":
        return "literal" if head.lemma_.lower() in PLACE_NOUNS else "metonymic"
    if dep in ("nsubj", "nsubjpass", "agent") or (
        dep == "pobj" and head.lower_ == "by" and head.dep_ == "agent"
    ):
        verb = head if dep != "pobj" else head.head
        return "literal" if verb.lemma_.lower() in STATIVE_VERBS else "metonymic"
    if dep == "dobj" and head.lemma_.lower() in PARTY_OBJECT_VERBS:
        return "metonymic"
    if dep == "pobj" and head.lower_ in PARTY_PREPS:
        return "metonymic"
    return "literal"


class Recognizer:
    """Finds the toponyms of one paragraph Doc."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gaz = gazetteer

    def _strong(self, key: str, min_city: int = BIG_CITY) -> bool:
        """A country, division, continent, region or big city: safe to take without NER's word."""
        if key in GENERIC_WORDS:
            return False
        for c in self.gaz.candidates(key):
            feature = int(self.gaz.feature[c.row])
            if not c.main_name:
                continue
            if feature in (COUNTRY, CONTINENT, REGION, ADMIN1):
                return True
            if feature == CITY and int(self.gaz.pop[c.row]) >= min_city:
                return True
        return False

    def recognise(
        self, doc: Doc, doc_index: int = 0, offset: int = 0, person_words: Iterable[str] = ()
    ) -> list[Toponym]:
        persons = set(person_words)
        out: list[Toponym] = []
        taken: set[int] = set()

        def add(span: Span, kind: ToponymKind, label: str) -> None:
            out.append(
                Toponym(
                    span=span,
                    doc_index=doc_index,
                    start=offset + span.start_char,
                    end=offset + span.end_char,
                    text=span.text,
                    key=normalize(span.text),
                    kind=kind,
                    label=label,
                )
            )
            taken.update(range(span.start, span.end))

        for ent in doc.ents:
            trimmed = _trim(ent)
            if trimmed is None:
                continue
            key = normalize(trimmed.text)
            if not key:
                continue
            if key in self.gaz.demonyms and ent.label_ in ("NORP", "GPE", "LOC", "LANGUAGE"):
                add(trimmed, "demonym", ent.label_)
                continue
            if ent.label_ in PLACE_LABELS:
                for part in _split_commas(trimmed):
                    self._place_entity(part, ent.label_, persons, add)
                continue
            if ent.label_ in HOST_LABELS:
                if self._strong(key) and key not in persons and ent.label_ in ("ORG", "PERSON", "NORP"):
                    add(trimmed, _kind(trimmed), ent.label_)  # a place NER took for an organisation
                    continue
                if ent.label_ != "PERSON":  # "Vladimir Putin", "Sydney Smith": given names, not places
                    self._embedded(trimmed, ent.label_, add, taken)
        self._unlabelled(doc, add, taken)
        out.sort(key=lambda t: t.start)
        return out

    def _place_entity(self, span: Span, label: str, persons: set[str], add: Adder) -> None:
        key = normalize(span.text)
        if not key or key.isdigit():
            return
        if key in self.gaz.demonyms:
            add(span, "demonym", label)
            return
        known = self.gaz.has(key) or key in self.gaz.after_comma
        if not known and _looks_like_code(span.text):
            return
        if key in persons and not self._strong(key, min_city=100_000):
            return  # "Buhari" after "Muhammadu Buhari": a surname, not the village it also names
        add(span, _kind(span), label)

    def _embedded(self, span: Span, label: str, add: Adder, taken: set[int]) -> None:
        """Longest place names or demonyms inside an organisation's (or a work's) name."""
        i = span.start
        doc = span.doc
        while i < span.end:
            matched = 0
            for n in range(min(_MAX_NGRAM, span.end - i), 0, -1):
                sub = doc[i : i + n]
                if not sub[0].is_title and not sub[0].is_upper:
                    continue
                key = normalize(sub.text)
                if key in self.gaz.demonyms or self._strong(key, min_city=100_000):
                    if not taken.intersection(range(sub.start, sub.end)):
                        add(sub, "embedded", label)
                    matched = n
                    break
            i += matched or 1

    def _unlabelled(self, doc: Doc, add: Adder, taken: set[int]) -> None:
        """Countries, divisions and demonyms that NER missed, outside any entity."""
        i = 0
        while i < len(doc):
            tok = doc[i]
            if tok.i in taken or tok.ent_type_ or not (tok.is_title or tok.is_upper) or tok.is_punct:
                i += 1
                continue
            matched = 0
            for n in range(min(_MAX_NGRAM, len(doc) - i), 0, -1):
                sub = doc[i : i + n]
                if any(t.ent_type_ or t.i in taken for t in sub) or not (
                    sub[-1].is_title or sub[-1].is_upper
                ):
                    continue
                key = normalize(sub.text)
                if len(key) < 3 and key not in self.gaz.demonyms:
                    continue
                if key in self.gaz.demonyms:
                    add(sub, "demonym", "GAZ")
                elif self._strong(key) and not (sub.start == sub.sent.start and n == 1 and not tok.is_upper):
                    add(sub, _kind(sub), "GAZ")
                else:
                    continue
                matched = n
                break
            i += matched or 1
