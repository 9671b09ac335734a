"""Noun phrases to actors: country, sector and name, with aliases and pronouns resolved within an article.

An argument of an event is a token heading a noun phrase. The phrase's named entities, dictionary
entries, demonyms and agent nouns together say who it is: "Brazilian President Luiz Inacio Lula da
Silva" is Lula da Silva, BRA, GOV; "British and French diplomats" is one compound actor [GBR GOV, FRA GOV];
a later "Lula" is the Lula da Silva named before; "he"/"his" is the last person named; "his country" is
that person's country.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from spacy.tokens import Span, Token

from eventwire.actors.codes import INTERNATIONAL_CODES
from eventwire.actors.dictionary import ActorDictionary, ActorMatch
from eventwire.events.lexicon import words
from eventwire.events.syntax import entity_covering
from eventwire.events.syntax import prep_objects as prep_objs
from eventwire.models import Entity

_PERSON_PRONOUNS = words("he him his she her hers himself herself")
_GROUP_PRONOUNS = words("they them their theirs themselves it its itself we our us")
_RELATIVE = words("who which that whom whose")
# Nouns that, owned by a person or country, stand for that party's state: "his country", "its army".
_STATE_NOUNS = {
    "country": None,
    "nation": None,
    "government": "GOV",
    "administration": "GOV",
    "regime": "GOV",
    "state": "GOV",
    "army": "MIL",
    "military": "MIL",
    "forces": "MIL",
    "troops": "MIL",
    "navy": "MIL",
    "people": "CVL",
    "police": "COP",
    "parliament": "LEG",
    "ministry": "GOV",
    "leadership": "GOV",
}
# Modifier dependencies that can carry a country or a title into the head noun's phrase.
_MODIFIER_DEPS = words("compound amod nmod poss npadvmod")
_NAME_LABELS = words("PERSON ORG GPE NORP FAC LOC")
_COUNTRY_KINDS = words("country capital demonym metonym")
_CLEAN = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
# Heads that count or group people: the party is the "of" phrase ("thousands of students").
_COLLECTIVE = words(
    "thousand thousands hundred hundreds dozen dozens million millions ten tens score scores group "
    "groups number some many most all several few band crowd crowds majority handful contingent "
    "member members one two three"
)
_REPORTING = words("say tell announce state claim add note confirm insist warn report declare")
# Heads that name what is not a party, whatever modifies them: diseases, disasters, accidents.
_NON_PARTY_HEADS = words(
    "outbreak virus disease epidemic pandemic flu influenza strain cholera ebola storm earthquake quake "
    "flood floods flooding hurricane cyclone typhoon tsunami wildfire drought famine landslide avalanche "
    "mudslide bacteria infection accident crash heatwave blizzard eruption"
)
# Heads that name an organised group whose kind a modifier gives: "opposition groups", "rebel forces".
_GROUP_HEADS = words(
    "group party force organization organisation movement faction unit member leader people "
    "supporter activist official authority body coalition alliance union militia wing camp council "
    "committee agency association front bloc delegation"
)
# Heads of a bare definite description that refers back to a body named before: "the agency".
_BODY_NOUNS = words(
    "organization organisation agency ministry department court tribunal committee council commission "
    "party movement alliance coalition union company firm foundation institute association federation "
    "fund bank office bureau service authority assembly parliament congress"
)
_DEFINITE = words("the this that its his her their our")
# Prepositions whose place says where a group is from: "rebels in the Ivory Coast".
_LOCATING_PREPS = words("in throughout across from of inside at")


@dataclass
class _Known:
    entity: Entity
    start: int  # character offsets of the mention in the article
    end: int
    keys: frozenset[str]  # lower-cased name words that can refer back to it
    kind: str  # person | group
    subject: bool = False  # named as the subject of its clause


class ArticleActors:
    """Resolves argument tokens to entities for one article, remembering who was named so far."""

    def __init__(self, dictionary: ActorDictionary, on_date: dt.date | None = None) -> None:
        self.dictionary = dictionary
        self.on_date = on_date
        self.known: list[_Known] = []
        self._offset: dict[int, int] = {}  # id(doc) -> character offset of the doc in the article
        self._cache: dict[tuple[int, int], list[Entity]] = {}
        # Countries of the resolved places of the article, by (id(doc), token index).
        self.place_country: dict[tuple[int, int], str] = {}

    def add_places(self, spans: list[tuple[Span, str]]) -> None:
        """Tell the resolver which country each place name of the article lies in."""
        for span, country in spans:
            for t in span:
                self.place_country[(id(span.doc), t.i)] = country

    # --- reading order -----------------------------------------------------------------------------

    def observe(self, sent: Span, offset: int) -> None:
        """Register the people and groups a sentence names, before its events are coded."""
        self._offset[id(sent.doc)] = offset
        for ent in sent.ents:
            if ent.label_ not in ("PERSON", "ORG", "GPE", "NORP"):
                continue
            top = ent.root
            # "Angolan President Joao Lourenco, 68,": the name is an apposition of the titled phrase.
            while (
                top.dep_ in ("appos", "compound") and top.head != top and top.head.pos_ in ("NOUN", "PROPN")
            ):
                top = top.head
            resolved = self.resolve(top, coordinate=False)
            if not resolved or all(e.members for e in resolved):
                resolved = self.resolve(ent.root, coordinate=False)
            is_subject = top.dep_ in ("nsubj", "nsubjpass")
            if not resolved and ent.label_ == "PERSON":
                # A person we cannot place is still who "he" or "she" may stand for.
                resolved = [Entity(text=ent.text, name=ent.text)]
            for e in resolved:
                if e.country or e.sector or ent.label_ == "PERSON":
                    self._remember(e, offset + ent.start_char, offset + ent.end_char, ent.label_, is_subject)

    def _remember(self, e: Entity, start: int, end: int, label: str, is_subject: bool = False) -> None:
        name = e.name or e.text
        keys = frozenset(w.lower() for w in re.findall(r"[\w'-]+", name) if len(w) > 1)
        kind = "person" if label == "PERSON" else "group"
        self.known.append(_Known(e, start, end, keys, kind, is_subject))

    # --- resolution --------------------------------------------------------------------------------

    def resolve(self, tok: Token, coordinate: bool = True) -> list[Entity]:
        """Entities for the noun phrase headed by `tok`; coordinated phrases give one entity each."""
        key = (id(tok.doc), tok.i * 2 + int(coordinate))
        if key in self._cache:
            return self._cache[key]
        heads = [tok, *_conjuncts(tok)] if coordinate else [tok]
        out: list[Entity] = []
        for h in heads:
            parts = _split_named_coordination(h)
            found = [self._phrase(h, p) for p in parts] if parts else [self._resolve_one(h)]
            for e in found:
                if e is not None and e not in out:
                    out.append(e)
        self._cache[key] = out
        return out

    def _resolve_one(self, tok: Token) -> Entity | None:
        low = tok.lower_
        if low in _RELATIVE and tok.dep_ in ("nsubj", "nsubjpass") and tok.head.dep_ == "relcl":
            return self._resolve_one(tok.head.head)
        if tok.pos_ == "PRON" or tok.tag_ in ("PRP", "PRP$"):
            # "US" is a country, "us" a pronoun.
            if (low in _PERSON_PRONOUNS or low in _GROUP_PRONOUNS) and not tok.text.isupper():
                return self._pronoun(tok)
            return None
        if low in _COLLECTIVE or tok.lemma_.lower() in _COLLECTIVE or (tok.like_num and tok.pos_ == "NUM"):
            members = prep_objs(tok, "of")
            if members:
                inner = self._resolve_one(members[0])
                if inner is not None:
                    text = _span_text(tok.doc, _phrase_tokens(tok))
                    return replace(inner, text=text) if not inner.members else inner
        return self._phrase(tok)

    def _pronoun(self, tok: Token) -> Entity | None:
        ref = self.antecedent(tok)
        if ref is None:
            return None
        return replace(ref, text=tok.text, name=ref.name or ref.text) if not ref.members else ref

    def antecedent(self, tok: Token) -> Entity | None:
        """The party a pronoun stands for.

        In reported speech the speaker ("the army said it had withdrawn", "Lula said his country")
        comes first; otherwise the last compatible party named before: a person for he/she, a group
        for they/it.
        """
        low = tok.lower_
        speaker = _reporting_speaker(tok)
        if speaker is not None:
            found = [e for e in self.resolve(speaker, coordinate=False) if e.country or e.sector]
            # he/she take a named person; it/they take a group, a country or an organisation.
            if found and (low in _PERSON_PRONOUNS) == (speaker.ent_type_ == "PERSON"):
                return found[0]
        where = self._offset.get(id(tok.doc), 0) + tok.idx
        want = "person" if low in _PERSON_PRONOUNS else "group"
        before = [k for k in reversed(self.known) if k.start < where and k.kind == want]
        if not before:
            return None
        # Centering: the subject of the nearby text is the likeliest referent, else the nearest mention.
        near = [k for k in before if where - k.start < 300]
        hits = [k.entity for k in near if k.subject] + [k.entity for k in before]
        # The nearest mention, resolved to a country through any mention of the same party.
        first = hits[0]
        if first.country is None and not first.members:
            named = self._alias(first.name or first.text)
            if named is not None and named.country:
                return named
        return first

    def _phrase(self, head: Token, tokens: list[Token] | None = None) -> Entity | None:
        if head.lemma_.lower() in _NON_PARTY_HEADS and head.ent_type_ not in ("ORG", "PERSON"):
            return None  # "the cholera outbreak killed 292 people": a disease is nobody
        if tokens is None:
            tokens = _phrase_tokens(head)
        elif head not in tokens:
            head = _local_head(tokens)
        text = _span_text(head.doc, tokens)
        # 1. Possessive pronoun + state noun: "his country", "their government".
        if head.lemma_.lower() in _STATE_NOUNS or head.lower_ in _STATE_NOUNS:
            owner = next((c for c in head.children if c.dep_ == "poss"), None)
            if owner is not None and owner.pos_ == "PRON":
                ref = self._pronoun(owner)
                if ref is not None and ref.country:
                    sector = _STATE_NOUNS.get(head.lower_, _STATE_NOUNS.get(head.lemma_.lower()))
                    return Entity(text=text, name=ref.name, country=ref.country, sector=sector or ref.sector)
        # 2. Dictionary entries and named entities inside the phrase.
        words = [t.text for t in tokens]
        matches = self._dictionary_matches(words)
        person = self._person_in(tokens, head)
        named = entity_covering(head)
        countries = self._modifier_countries(tokens, head, matches)
        sector = self._sector(tokens, head, matches)

        # An official named with an international body's title acts for it, whatever the person's
        # own country: "U.N. mediator X", "X, the NATO Secretary General".
        office = next(
            (m for _, m in matches if m.kind != "person" and m.country in INTERNATIONAL_CODES), None
        )
        if office is not None and person is not None:
            return Entity(text=text, name=person[0], country=office.country, sector=office.sector or sector)
        # A match that covers the head itself says who the head is.
        head_pos = tokens.index(head)
        head_match = next((m for s, m in matches if s <= head_pos < s + m.length), None)
        if head_match is not None and head_match.kind not in ("demonym",):
            country = head_match.country or (countries[0] if len(countries) == 1 else None)
            sec = head_match.sector or sector
            if head_match.kind in _COUNTRY_KINDS and head_match.kind != "metonym":
                sec = sector if head_match.kind != "capital" else (sector or "GOV")
            return Entity(text=text, name=head_match.name, country=country, sector=sec)
        if person is not None:
            ptext, pmatch, palias = person
            if pmatch is not None:
                country = pmatch.country or (countries[0] if countries else None)
                return Entity(text=text, name=pmatch.name, country=country, sector=pmatch.sector or sector)
            if palias is not None:
                return Entity(
                    text=text, name=palias.name, country=palias.country, sector=palias.sector or sector
                )
            if not countries:
                countries = self._location_countries(head)
            if countries or sector:
                return self._with_countries(text, ptext, countries, sector)
            return None
        if named is None and head.text[:1].isupper():
            # A name the tagger missed ("Lula met ..."): an earlier mention of the same party.
            alias = self._alias(head.text)
            if alias is not None:
                return replace(alias, text=text) if not alias.members else alias
        if named is not None and named.label_ in ("GPE", "LOC", "NORP"):
            ctry = self.dictionary.match([t.text for t in named], 0, self.on_date)
            if ctry is not None and ctry.country:
                sec = sector or (ctry.sector if ctry.kind in ("capital", "metonym") else None)
                return Entity(text=text, name=ctry.name, country=ctry.country, sector=sec)
        if named is not None and named.label_ == "ORG":
            alias = self._alias(named.text)
            if alias is not None:
                return Entity(text=text, name=alias.name, country=alias.country, sector=alias.sector)
        if named is None and not countries:
            earlier = self._definite_description(head)
            if earlier is not None:
                return replace(earlier, text=text) if not earlier.members else earlier
        agent_head = bool(sector) and (self._is_agent_head(head) or head.lemma_.lower() in _GROUP_HEADS)
        if not countries and (agent_head or (named is not None and named.label_ == "ORG")):
            countries = self._location_countries(head)
        if countries or agent_head:
            return self._with_countries(text, None, countries, sector)
        # Any match in the phrase naming an organisation ("a Xinhua report") stands for it.
        for _, m in matches:
            if m.kind in ("organization", "agency", "group", "person") and (m.country or m.sector):
                return Entity(text=text, name=m.name, country=m.country, sector=m.sector)
        return None

    def _location_countries(self, head: Token) -> list[str]:
        """Countries of the places a group is placed in: "rebels in the Ivory Coast", "students
        throughout Indonesia", "Palestinians of the West Bank", or named by a place before it:
        "Darfur rebels", "Kabul's residents"."""
        out: list[str] = []
        for mod in head.children:
            if mod.dep_ in ("compound", "poss", "nmod") and mod.i < head.i:
                c = self.place_country.get((id(mod.doc), mod.i))
                if c and c not in out:
                    out.append(c)
        if out:
            return out
        for prep in head.children:
            if prep.dep_ != "prep" or prep.lower_ not in _LOCATING_PREPS:
                continue
            for obj in prep.children:
                if obj.dep_ != "pobj":
                    continue
                for t in [obj, *obj.subtree]:
                    c = self.place_country.get((id(t.doc), t.i))
                    if c is None and t.ent_type_ in ("GPE", "LOC"):
                        m = self.dictionary.match([t.text], 0, self.on_date)
                        c = m.country if m is not None and m.kind in _COUNTRY_KINDS else None
                    if c and c not in out:
                        out.append(c)
                        break
        return out

    def _with_countries(
        self, text: str, name: str | None, countries: list[str], sector: str | None
    ) -> Entity:
        if len(countries) > 1:
            members = tuple(Entity(text=text, name=None, country=c, sector=sector) for c in countries)
            return Entity(text=text, members=members)
        return Entity(text=text, name=name, country=countries[0] if countries else None, sector=sector)

    def _dictionary_matches(self, words: list[str]) -> list[tuple[int, ActorMatch]]:
        out = []
        i = 0
        while i < len(words):
            m = self.dictionary.match(words, i, self.on_date)
            if m is not None:
                out.append((i, m))
                i += m.length
            else:
                i += 1
        return out

    def _person_in(
        self, tokens: list[Token], head: Token
    ) -> tuple[str, ActorMatch | None, Entity | None] | None:
        """A PERSON entity in the phrase: its text, a dictionary entry and an earlier alias, if any."""
        for t in tokens:
            if t.ent_type_ == "PERSON":
                ent = entity_covering(t)
                if ent is None:
                    continue
                words = [w.text for w in ent]
                m = self.dictionary.match(words, 0, self.on_date)
                if m is not None and (m.length < len(words) or m.kind != "person"):
                    m = None
                return ent.text, m, self._alias(ent.text)
        return None

    def _definite_description(self, head: Token) -> Entity | None:
        """The body a bare definite description refers back to: "the organization" -> the World Health
        Organization, "the ministry" -> the Interior Ministry named before; only when an earlier name
        holds the head noun itself."""
        low = head.lemma_.lower()
        if head.pos_ != "NOUN" or low not in _BODY_NOUNS:
            return None
        det = [c for c in head.children if c.dep_ in ("det", "poss")]
        if not det or any(c.lower_ not in _DEFINITE for c in det):
            return None
        if any(c.dep_ in ("amod", "compound", "nmod", "nummod") for c in head.children):
            return None  # "the new committee", "the security council": another body
        hits = [
            k for k in reversed(self.known) if k.kind == "group" and (low in k.keys or head.lower_ in k.keys)
        ]
        return hits[0].entity if hits else None

    def _alias(self, name: str) -> Entity | None:
        """An earlier mention this name can refer to: "Lula" -> "Luiz Inacio Lula da Silva"."""
        words = [w.lower() for w in re.findall(r"[\w'-]+", name) if len(w) > 1]
        if not words:
            return None
        hits = [k.entity for k in reversed(self.known) if set(words) <= k.keys]
        return next((e for e in hits if e.country), hits[0] if hits else None)

    def _modifier_countries(
        self, tokens: list[Token], head: Token, matches: list[tuple[int, ActorMatch]]
    ) -> list[str]:
        """Countries that modify the head: demonyms, country names, possessives, "of" phrases."""
        out: list[str] = []
        for _, m in matches:
            if m.kind in _COUNTRY_KINDS and m.country and m.country not in out:
                out.append(m.country)
        if not out:
            for _, m in matches:
                if m.country and m.country not in out and m.kind != "person":
                    out.append(m.country)
        return out

    def _sector(self, tokens: list[Token], head: Token, matches: list[tuple[int, ActorMatch]]) -> str | None:
        words = [t.text for t in tokens]
        best: tuple[int, str] | None = None
        for i in range(len(words)):
            am = self.dictionary.match_agent(words, i)
            if am is not None:
                length, sec = am
                # The agent nearest the head wins ("opposition party leader" is a party leader).
                if best is None or i + length - 1 >= best[0]:
                    best = (i + length - 1, sec)
        if best is not None:
            return best[1]
        for _, m in matches:
            if m.sector and m.kind not in _COUNTRY_KINDS:
                return m.sector
        return None

    def _is_agent_head(self, head: Token) -> bool:
        return (
            self.dictionary.agent_sector(head.lemma_.lower()) is not None
            or self.dictionary.agent_sector(head.lower_) is not None
        )


def _reporting_speaker(tok: Token) -> Token | None:
    """The subject of the reporting verb whose complement the pronoun (or its owner) is subject of."""
    clause_subj = tok if tok.dep_ in ("nsubj", "nsubjpass") else None
    if clause_subj is None and tok.dep_ == "poss" and tok.head.dep_ in ("nsubj", "nsubjpass"):
        clause_subj = tok.head
    if clause_subj is None:
        return None
    verb = clause_subj.head
    if verb.dep_ not in ("ccomp",) or verb.head == verb:
        return None
    gov = verb.head
    if gov.lemma_.lower() not in _REPORTING:
        return None
    return next((c for c in gov.children if c.dep_ == "nsubj" and c.i != tok.i and c.pos_ != "PRON"), None)


def _local_head(tokens: list[Token]) -> Token:
    ids = {t.i for t in tokens}
    return next((t for t in tokens if t.head.i not in ids or t.head == t), tokens[-1])


def _split_named_coordination(head: Token) -> list[list[Token]] | None:
    """A phrase that the parser left as one but that names two parties: "Lula and Angolan Foreign
    Minister Tete Antonio" (the first name hung on the second as a modifier). Split at the "and" when a
    named person, organisation or place stands on each side."""
    tokens = _phrase_tokens(head)
    for k, t in enumerate(tokens):
        if t.dep_ == "cc" and t.lower_ in ("and", "&") and 0 < k < len(tokens) - 1:
            left, right = tokens[:k], tokens[k + 1 :]
            if _names_party(left) and _names_party(right) and head in right:
                return [left, right]
    return None


def _names_party(tokens: list[Token]) -> bool:
    return any(t.ent_type_ in ("PERSON", "ORG", "GPE") for t in tokens)


def _conjuncts(tok: Token) -> list[Token]:
    out = []
    for c in tok.children:
        if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN", "PRON"):
            out.append(c)
            out.extend(_conjuncts(c))
    return out


def _phrase_tokens(head: Token) -> list[Token]:
    """The head's noun phrase: its modifiers, appositions and "of"/"from" complements, no clauses."""
    keep = {head.i}
    stack = [head]
    while stack:
        t = stack.pop()
        for c in t.children:
            if c.i in keep:
                continue
            if c.dep_ in _MODIFIER_DEPS or c.dep_ in (
                "det",
                "nummod",
                "quantmod",
                "case",
                "punct",
                "cc",
                "prt",
            ):
                if c.dep_ == "punct" and c.i > head.i:
                    continue
                keep.add(c.i)
                stack.append(c)
            elif c.dep_ == "conj" and t != head and t.dep_ in _MODIFIER_DEPS:
                keep.add(c.i)  # "US and South Korean officials": the modifier's conjunct
                stack.append(c)
            elif c.dep_ == "appos" and t == head:
                keep.add(c.i)
                stack.append(c)
            elif c.dep_ == "prep" and c.lower_ in ("of", "from") and t == head:
                for p in c.children:
                    if p.dep_ == "pobj":
                        keep.add(c.i)
                        keep.add(p.i)
                        stack.append(p)
    doc = head.doc
    # Whole named entities: keep every token of an entity that the phrase touches.
    for i in list(keep):
        t = doc[i]
        if t.ent_type_ in _NAME_LABELS:
            ent = entity_covering(t)
            if ent is not None:
                keep.update(range(ent.start, ent.end))
    return [doc[i] for i in sorted(keep)]


def _span_text(doc: object, tokens: list[Token]) -> str:
    tokens = _trimmed(tokens)
    if not tokens:
        return ""
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
    text = tokens[0].doc.text[start:end]
    return _CLEAN.sub("", text).strip(" ,")


def _trimmed(tokens: list[Token]) -> list[Token]:
    """The phrase without the conjunctions and punctuation at its edges: a phrase keeps its "cc" child,
    which joins it to a conjunct that is a party of its own ("Thailand and" Cambodia, "neither the E.U.
    nor" ...). Brackets and quotes that open or close inside the phrase stay."""
    start, end = 0, len(tokens)
    while start < end and _edge_word(tokens[start], leading=True):
        start += 1
    while end > start and _edge_word(tokens[end - 1], leading=False):
        end -= 1
    return tokens[start:end] if start < end else tokens


def _edge_word(t: Token, leading: bool) -> bool:
    if t.pos_ == "CCONJ" or t.dep_ in ("cc", "preconj"):
        return True
    if not t.is_punct or t.is_quote:
        return False
    return not t.is_left_punct if leading else not t.is_right_punct
