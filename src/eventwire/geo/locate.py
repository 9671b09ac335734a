"""Where an event happened: the place the text attaches to the event's trigger.

A place counts when a locative preposition ("in", "near", "at", "outside", "inside", ...) joins it to
the trigger, directly or through the trigger's objects and non-finite clauses ("visits an airport to
see planes near X"), possibly through a container noun ("the port city of X") or a possessive place
("at Brazil's main naval base"). A place inside another finite clause, a relative clause, a conjoined
verb or a time phrase ("in the second year of the war in Ukraine") does not; nor does a place that
acts (a metonym: "Moscow said"), a demonym, a modifier or a name inside an organisation's name, nor
any token the caller excludes (the event's actors and recipients). The article's dateline is the
fallback, only when the sentence names no other place.

`place_event` goes further, in order, recording which rule chose the place: the place joined to the
trigger (`clause`); then, for material events only (what is said happens wherever the speaker is): the
places the sentence names with a locative preposition ("in", "near", ...) when they all lie in one
country (`sentence`); else, for a sentence that names no place, the story's focus (`story`: the country
most of the article's places lie in, with its most named place) when the event involves that country or
parties of no known country; else the dateline (`dateline`). Precision first: no place beats a wrong one.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from spacy.tokens import Token

from eventwire.geo.records import Place, ResolvedToponym
from eventwire.geo.toponyms import PLACE_NOUNS

LOCATIVE_PREPS = frozenset(
    """in near at outside inside within across throughout through around off along into over beside aboard
    amid amidst""".split()
)
# Dependency links that open another clause: a place below them belongs to that clause's event.
CLAUSE_LINKS = frozenset(
    {"relcl", "ccomp", "parataxis", "csubj", "csubjpass", "conj", "acl", "advcl", "xcomp", "pcomp"}
)
TIME_NOUNS = frozenset(
    """year years month months week weeks day days time times period decade decades century anniversary
    hour hours minute minutes season era morning evening night afternoon""".split()
)
_LITERAL_KINDS = frozenset({"literal"})
_SPECIFICITY = {"city": 0, "admin2": 1, "admin1": 2, "region": 3, "country": 4, "continent": 5}
_MAX_STEPS = 8


@dataclass(frozen=True)
class StoryFocus:
    """Where a story happens: the country most of its places lie in, and its most named place."""

    country: str
    place: Place


def story_focus(places: Sequence[ResolvedToponym], share: float = 0.5, least: int = 2) -> StoryFocus | None:
    """The story's focus: a country holding at least `share` of the article's literal place mentions
    (and at least `least` of them), or None when the story moves between countries."""
    literal = [
        rt.place for rt in places if rt.place is not None and rt.place.country and rt.kind in _LITERAL_KINDS
    ]
    by_country = Counter(p.country for p in literal)
    if not by_country:
        return None
    country, n = by_country.most_common(1)[0]
    if n < least or n < share * len(literal) or country is None:
        return None
    names = Counter(p.name for p in literal if p.country == country)
    top = max(names.values())
    # The most named place; among equals the more specific ("Beledweyne" over "Somalia").
    best = min(
        (p for p in literal if p.country == country and names[p.name] == top),
        key=lambda p: _SPECIFICITY.get(p.feature, 9),
    )
    return StoryFocus(country, best)


def place_event(
    trigger: Token,
    places: Sequence[ResolvedToponym],
    exclude: Collection[int] = frozenset(),
    focus: StoryFocus | None = None,
    party_countries: Collection[str | None] = (),
    material: bool = True,
    visit: bool = False,
) -> tuple[Place, str] | None:
    """The event's place and the rule that chose it (see the module's docstring), or None.

    party_countries: the countries of the event's actors and recipients (None for a party of no known
    country); the story's focus places only events that involve its country or such parties.
    """
    clause = locate_event(trigger, places, exclude, dateline=False)
    if clause is not None:
        return clause, "clause"
    if visit:
        # A visit happens where the visitor goes, even when that place is also its recipient.
        visited = _visited(trigger, places)
        if visited is not None:
            return visited, "clause"
    if not material:
        return None
    sent = trigger.sent
    named = [
        rt
        for rt in places
        if rt.span.doc is trigger.doc
        and sent.start <= rt.span.start < sent.end
        and not rt.dateline
        and not any(i in exclude for i in range(rt.span.start, rt.span.end))
        and rt.kind != "demonym"
    ]
    literal = [
        rt.place
        for rt in named
        if rt.place is not None and rt.kind in _LITERAL_KINDS and _locative(rt.span.root)
    ]
    if literal and all(p.country and p.country == literal[0].country for p in literal):
        return min(literal, key=lambda p: _SPECIFICITY.get(p.feature, 9)), "sentence"
    if named:
        return None  # the sentence names places in several countries, or places that act
    if focus is not None and (focus.country in party_countries or None in party_countries):
        return focus.place, "story"
    dateline = next((rt.place for rt in places if rt.dateline and rt.place is not None), None)
    if dateline is not None and _reports_here(trigger):
        return dateline, "dateline"
    return None


def locate_event(
    trigger: Token,
    places: Sequence[ResolvedToponym],
    exclude: Collection[int] = frozenset(),
    dateline: bool = True,
) -> Place | None:
    """The place where the event of `trigger` happened, or None when the text does not say.

    trigger: the event's trigger token, in one of the article's paragraph Docs.
    places: the article's resolved toponyms (`Geoparser.parse`); only those in the trigger's sentence
        are read, plus the article's dateline for the fallback.
    exclude: token indices (in the trigger's Doc) of the event's actors and recipients: a place among
        them is a party, not the location.
    dateline: fall back to the dateline when the sentence names no other place.
    """
    sent = trigger.sent
    attached: list[tuple[int, Place]] = []
    others_in_sentence = False
    for rt in places:
        span = rt.span
        if span.doc is not trigger.doc or not (sent.start <= span.start < sent.end) or rt.dateline:
            continue
        if (
            rt.place is None
            or rt.kind not in _LITERAL_KINDS
            or any(i in exclude for i in range(span.start, span.end))
        ):
            continue
        others_in_sentence = True
        steps = _attachment(span.root, trigger)
        if steps is not None:
            attached.append((steps, rt.place))
    if attached:
        # The closest attachment, narrowed to a more specific place inside the same country
        # ("near Goma in eastern Congo" -> Goma, whichever the parser hung nearer).
        steps, place = min(attached, key=lambda a: (a[0], _SPECIFICITY.get(a[1].feature, 9)))
        for _, other in attached:
            if other.country == place.country and _SPECIFICITY[other.feature] < _SPECIFICITY[place.feature]:
                place = other
        return place
    if dateline and not others_in_sentence:
        dateline_place = next((rt.place for rt in places if rt.dateline and rt.place is not None), None)
        if dateline_place is not None and _reports_here(trigger):
            return dateline_place
    return None


def _visited(trigger: Token, places: Sequence[ResolvedToponym]) -> Place | None:
    """The place a visit goes to: "visited Taiwan", "a visit to South Africa", "arrived in Kyiv"."""
    # The visit itself: the trigger, or the event noun a light verb governs ("began a visit to X").
    heads = {trigger.i} | {c.i for c in trigger.children if c.dep_ in ("dobj", "attr")}
    for rt in places:
        if rt.place is None or rt.span.doc is not trigger.doc or rt.kind not in _LITERAL_KINDS:
            continue
        tok = rt.span.root
        while tok.dep_ in ("appos", "conj", "compound") and tok.head.i != tok.i:
            tok = tok.head
        if tok.dep_ == "dobj" and tok.head.i == trigger.i:
            return rt.place
        if tok.dep_ == "pobj" and tok.head.lower_ in ("to", "in", "at") and tok.head.head.i in heads:
            return rt.place
    return None


def _locative(tok: Token) -> bool:
    """A place named as where something is: the object of a locative preposition ("in Paris and
    Lyon", "near the town of X"), not a destination or a target ("to China", "on Iran")."""
    for _ in range(_MAX_STEPS):
        if tok.dep_ in ("appos", "conj", "compound") and tok.head.i != tok.i:
            tok = tok.head
            continue
        if tok.dep_ == "pobj":
            prep = tok.head
            if prep.lower_ == "of" and prep.head.lemma_.lower() in PLACE_NOUNS:
                tok = prep.head
                continue
            return prep.lower_ in LOCATIVE_PREPS
        return False
    return False


def _attachment(tok: Token, trigger: Token) -> int | None:
    """Number of links from a toponym to the trigger through a locative preposition, or None."""
    steps = 0
    prep: Token | None = None
    while steps < _MAX_STEPS:
        dep, head = tok.dep_, tok.head
        if head.i == tok.i:
            return None
        steps += 1
        if dep == "pobj":
            if (
                head.lower_ == "of"
                and head.head.pos_ in ("NOUN", "PROPN")
                and head.head.lemma_.lower() in PLACE_NOUNS
            ):
                tok = head.head  # "the port city of X"
                continue
            if head.lower_ in LOCATIVE_PREPS:
                prep = head
                break
            return None
        if dep in ("poss", "compound", "amod", "nmod") and head.lemma_.lower() in PLACE_NOUNS:
            tok = head  # "Brazil's naval base", "the Rotterdam area"
            continue
        if dep in ("appos", "conj", "compound") and head.pos_ == "PROPN":
            tok = head  # "in Paris and Lyon", "in Lyon, France"
            continue
        return None
    if prep is None:
        return None
    return _reaches(prep.head, trigger, steps + 1)


def _reaches(node: Token, trigger: Token, steps: int) -> int | None:
    """Steps from the preposition's head up to the trigger within one clause (or the trigger's governor)."""
    if node.i == trigger.i:
        return steps
    if trigger.head.i == node.i and trigger.dep_ in ("dobj", "nsubj", "nsubjpass", "attr", "xcomp", "oprd"):
        return steps + 1  # "held a protest in Paris": the place of the light verb is the noun's
    while node.i != trigger.i and steps < 2 * _MAX_STEPS:
        if node.pos_ == "NOUN" and (node.lemma_.lower() in TIME_NOUNS or node.ent_type_ in ("DATE", "TIME")):
            return None
        if node.dep_ in CLAUSE_LINKS and not _same_event_clause(node):
            return None
        if node.head.i == node.i:
            return None
        node = node.head
        steps += 1
    return steps if node.i == trigger.i else None


def _same_event_clause(tok: Token) -> bool:
    """A non-finite purpose or participle clause without its own subject ("visits an airport to see
    planes near X") still describes the same event; a nominal's conjunct or apposition too."""
    if tok.pos_ in ("NOUN", "PROPN"):
        return tok.dep_ in ("conj", "appos")
    if tok.dep_ not in ("xcomp", "advcl", "acl", "pcomp"):
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in tok.children):
        return False
    return tok.tag_ in ("VB", "VBG", "VBN")


def _reports_here(trigger: Token) -> bool:
    """The dateline is where the story was filed: a fair guess for events the sentence reports without
    a place of their own, not for what someone said elsewhere would happen."""
    return not any(t.lower_ in ("abroad", "overseas", "elsewhere") for t in trigger.sent)
