"""Who did what to whom: the actors and recipients of a trigger, read from the dependency parse.

Actors are subjects, passive agents, possessors and national modifiers of event nouns, controllers of
complements; recipients are objects and the sense's prepositions, the content of verbal acts ("offered to
negotiate with Armenia"), purpose clauses, the doer of the act a verb is about ("condemned Serbia's
crackdown"), and the place an order applies to ("imposed a curfew in Cizre"). A party the dictionaries
do not know is still one when the text names it (`named_entity`).
"""

from __future__ import annotations

from spacy.tokens import Token

from eventwire.actors.resolve import ArticleActors
from eventwire.events import lexicon as lx
from eventwire.events.lexicon import Sense, words
from eventwire.events.senses import verb_sense
from eventwire.events.syntax import (
    child,
    children,
    direct_object,
    entity_covering,
    is_verb,
    lemma,
    phrase_span,
    prep_objects,
    subject,
)
from eventwire.models import Entity

# Verbs that carry their subject into a participation noun: "returned from a trip", "held talks".
_PARTICIPATION_VERBS = words(
    "return go leave arrive embark begin start make conclude end finish wrap cut attend join hold "
    "pay take have complete undertake continue resume open launch stage conduct carry mount wage "
    "level lodge file issue express voice extend deliver impose step intensify lead organize "
    "organise remain stay put place keep converge gather assemble"
)


# Nominals whose possessor undergoes the act: "her release", "his arrest", "the minister's killing".
_PATIENT_NOUNS = words(
    "release arrest detention killing assassination execution resignation deportation "
    "expulsion kidnapping abduction trial conviction pardon"
)


# Types whose target is the place they apply to when no party is named.
_PLACE_TARGETED = frozenset(
    {lx.COERCE, lx.CONCEDE, lx.PROTEST, lx.MOBILIZE, lx.SANCTION, lx.RETREAT, lx.AID, lx.ASSAULT, lx.THREATEN}
)


# Prepositions that introduce the act a verb or an event noun is about: "an inquiry into", "anger over".
_ACT_PREPS = frozenset({"into", "over", "about", "for", "against"})


_PLACE_PREPS = words("in into on at around near across throughout inside to")


class Roles:
    """Reads the parties of triggers for one article; `actors` resolves argument phrases."""

    def __init__(self, actors: ArticleActors) -> None:
        self.actors = actors

    def own_party(self, noun: Token) -> list[Token]:
        """The noun's own possessor or national modifier: "its attack", "US military threats"."""
        poss = child(noun, "poss")
        if poss is not None and poss.pos_ != "PRON":
            return [poss]
        mods = [
            c
            for c in noun.children
            if c.dep_ in ("compound", "amod", "nmod") and c.ent_type_ in ("GPE", "NORP", "ORG")
        ]
        return mods[:1]

    def noun_actor_tokens(self, noun: Token) -> list[Token]:
        poss = child(noun, "poss")
        if poss is not None and lemma(noun) not in _PATIENT_NOUNS:
            return [poss]
        by = prep_objects(noun, "by")
        if by:
            return by[:1]
        mods = [
            c
            for c in noun.children
            if c.dep_ in ("compound", "amod", "nmod")
            and (c.ent_type_ in ("GPE", "NORP", "ORG") or c.pos_ == "PROPN")
        ]
        if mods:
            return mods[:1]
        head = noun.head
        # "held talks", "launched strikes", "returned from a trip": the verb's subject takes part.
        if head != noun:
            gov = head.head if noun.dep_ == "pobj" and head.dep_ == "prep" else head
            if noun.dep_ in ("dobj", "pobj") and is_verb(gov) and lemma(gov) in _PARTICIPATION_VERBS:
                s = subject(gov)
                if s is not None:
                    return [s]
            # "for meetings with G7 ministers", "following talks with X, both leaders ...": the one the
            # clause is about took part in the meeting it names with someone.
            if (
                noun.dep_ == "pobj"
                and lemma(noun) in lx.TALK_NOUNS
                and prep_objects(noun, "with")
                and is_verb(gov)
            ):
                s = subject(gov)
                if s is not None:
                    return [s]
        return []

    def recipients(
        self, tok: Token, sense: Sense, noun: Token | None, rule: str, actor_toks: list[Token]
    ) -> tuple[list[Entity], list[Token]]:
        """Recipients by the sense's roles, in order; then the fallbacks that hold for every type."""
        found, toks = self.by_roles(tok, sense, noun, rule, actor_toks)
        if found:
            return found, toks
        # The content of a verbal act names who it concerns: "offered to negotiate with Armenia",
        # "promised to continue aid to Mozambique", "threatened to launch an offensive against Iraq".
        for comp in children(tok, "xcomp"):
            inner = verb_sense(comp)
            roles = inner.recipient if inner is not None else ("dobj", "with", "to", "against", "on")
            found, toks = self.by_roles(comp, Sense(sense.type, recipient=roles), None, "verb", actor_toks)
            if found:
                return found, toks
        # A companion in "X, with Y, visits": the "with" phrase on the subject.
        if sense.type == lx.CONSULT and actor_toks:
            with_toks = prep_objects(actor_toks[0], "with")
            companions = [e for t in with_toks for e in self.actors.resolve(t)]
            if companions:
                return companions, with_toks
        # Who a purpose clause names: "supply ammunition to refill Russia's inventory", "to protest
        # Sweden's decision", "to demand reforms by President Suharto's government".
        if sense.type != lx.CONSULT:
            found, toks = self.purpose_recipient(tok, actor_toks)
            if found:
                return found, toks
        # Whose act the object is: "investigating crimes by Croatian extremists", "condemned Serbia's
        # crackdown", "an inquiry into abuses committed by the army".
        found, toks = self.doer_recipient(tok, noun, rule, actor_toks)
        if found:
            return found, toks
        # Where an order, a protest or a concession applies: "imposed a curfew in Cizre", "lifted the
        # curfew in Montenegro", "blocked roads in Algiers" concern that place's country.
        if sense.type in _PLACE_TARGETED:
            found, toks = self.place_recipient(tok, noun, actor_toks)
            if found:
                return found, toks
        return [], []

    def by_roles(
        self, tok: Token, sense: Sense, noun: Token | None, rule: str, actor_toks: list[Token]
    ) -> tuple[list[Entity], list[Token]]:
        resolve = self.actors.resolve
        obj = direct_object(tok) if rule != "noun" else None
        owners = [tok] + ([noun] if noun is not None and noun != tok else [])
        if obj is not None and obj not in owners:
            owners.append(obj)
        for role in sense.recipient:
            toks: list[Token] = []
            if role == "dobj" and rule != "noun":
                if obj is not None and obj != noun:
                    toks = [obj]
            elif role == "dative":
                toks = [c for c in tok.children if c.dep_ in ("dative", "iobj") and c.pos_ != "ADP"]
            elif role == "ccomp_subj":
                comp = child(tok, "ccomp") or _that_clause(tok)
                s = subject(comp) if comp is not None else None
                toks = [s] if s is not None else []
            elif role == "xcomp_obj":
                comp = child(tok, "xcomp")
                xobj = direct_object(comp) if comp is not None else None
                toks = [xobj] if xobj is not None else []
            elif role == "poss":
                # Whose offer, plan or call it was: "rejected a US offer", "calls by Belarus's rulers".
                if obj is not None:
                    toks = [
                        c
                        for c in obj.children
                        if c.dep_ in ("poss", "compound", "amod", "nmod")
                        and (c.ent_type_ in ("GPE", "NORP", "ORG", "PERSON"))
                    ][:1]
                    if not toks:
                        toks = (
                            prep_objects(obj, "by") or prep_objects(obj, "from") or prep_objects(obj, "of")
                        )[:1]
            else:
                # The first owner whose phrase names a party ("on Monday" on the verb names nobody).
                for owner in owners:
                    toks = prep_objects(owner, role)
                    found = [e for t in toks if t not in actor_toks for e in resolve(t)]
                    if any(e.country or e.sector or e.members for e in found):
                        break
            found = [e for t in toks if t not in actor_toks for e in resolve(t)]
            found = [e for e in found if e.country or e.sector or e.members]
            if not found and role == "dobj":
                # "Gachagua was convicted", "arrested Khalil": a name the dictionaries lack is a party.
                found = [named_entity(t) for t in toks if t not in actor_toks and unknown_name(t)]
            if found:
                return found, toks
        return [], []

    def purpose_recipient(self, tok: Token, actor_toks: list[Token]) -> tuple[list[Entity], list[Token]]:
        obj = direct_object(tok)
        clauses = children(tok, "xcomp", "advcl", "acl") + (
            children(obj, "acl", "relcl") if obj is not None else []
        )
        for clause in clauses:
            if not any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children):
                continue
            for t in clause.subtree:
                if (
                    t.ent_type_ in ("GPE", "NORP", "ORG", "PERSON")
                    and t.dep_ in ("poss", "dobj", "pobj", "amod", "compound", "nmod")
                    and t not in actor_toks
                ):
                    purpose = [e for e in self.actors.resolve(t, coordinate=False) if e.country]
                    if purpose:
                        return purpose, [t]
        return [], []

    def doer_recipient(
        self, tok: Token, noun: Token | None, rule: str, actor_toks: list[Token]
    ) -> tuple[list[Entity], list[Token]]:
        """The party an object act is credited to: its possessor, its "by" phrase, or the agent of a
        participle on it. Only marks of the doer count; "of" also marks who an act is done to."""
        obj = direct_object(tok) if rule != "noun" else None
        acts = [obj] if obj is not None else []
        owners = [tok] + ([noun] if noun is not None and noun != tok else []) + acts
        for owner in owners:
            for prep in owner.children:
                if prep.dep_ == "prep" and prep.lower_ in _ACT_PREPS:
                    acts.extend(children(prep, "pobj"))
        for act in acts:
            doers = [c for c in act.children if c.dep_ == "poss" and c.pos_ != "PRON"]
            doers += prep_objects(act, "by")
            for part in children(act, "acl"):
                for agent in children(part, "agent"):
                    doers += children(agent, "pobj")
            found = [e for t in doers if t not in actor_toks for e in self.actors.resolve(t)]
            found = [e for e in found if e.country]
            if found:
                return found, doers
        return [], []

    def place_recipient(
        self, tok: Token, noun: Token | None, actor_toks: list[Token]
    ) -> tuple[list[Entity], list[Token]]:
        actor_span = {i for t in actor_toks for i in phrase_span(t)}
        roots = [tok] + ([noun] if noun is not None and noun != tok else [])
        obj = direct_object(tok)
        if obj is not None:
            roots.append(obj)
        roots.extend(children(tok, "xcomp"))
        for r in roots:
            for prep in r.children:
                if prep.dep_ != "prep" or prep.lower_ not in _PLACE_PREPS:
                    continue
                for t in prep.subtree:
                    if t.i in actor_span:
                        continue
                    country = self.actors.place_country.get((id(t.doc), t.i))
                    if country:
                        ent = entity_covering(t)
                        if ent is not None:
                            name = ent.text
                        elif t.dep_ == "pobj":
                            name = t.doc[t.left_edge.i : t.right_edge.i + 1].text
                        else:
                            name = t.text
                        return [Entity(text=name, name=None, country=country, sector=None)], [t]
        return [], []

    def visited_country(self, tok: Token, noun: Token | None, actors: list[Entity]) -> Entity | None:
        """A visit to a place abroad is hosted by the place's country ("visited military sites in Russia")."""
        own = {c for a in actors for c in a.countries}
        roots: list[Token] = []
        if noun is not None and noun != tok:
            roots.append(noun)
        obj = direct_object(tok)
        if obj is not None:
            roots.append(obj)
        for prep in ("in", "to", "near", "at", "across", "around", "through"):
            roots.extend(prep_objects(tok, prep))
        for r in roots:
            for t in r.subtree:
                if t.ent_type_ not in ("GPE", "LOC", "NORP", "FAC"):
                    continue
                if t.dep_ not in ("pobj", "dobj", "poss", "compound", "amod", "appos") and t != r:
                    continue
                for e in self.actors.resolve(t, coordinate=False):
                    if e.country and e.country not in own:
                        return Entity(text=e.text, name=e.name, country=e.country, sector=None)
        return None


def named_entity(tok: Token) -> Entity:
    """A party known only by the name the text gives it: the named entity, else the name's words."""
    ent = entity_covering(tok)
    if ent is not None:
        text = ent.text
    else:
        parts = [c for c in tok.lefts if c.dep_ in ("compound", "flat") and c.pos_ == "PROPN"]
        text = tok.doc[(parts[0].i if parts else tok.i) : tok.i + 1].text
    return Entity(text=text, name=text)


def unknown_name(tok: Token) -> bool:
    """A proper name that is not a place, a date or a number."""
    return (
        tok.pos_ == "PROPN"
        and tok.ent_type_ in ("", "PERSON", "ORG")
        and tok.text[:1].isupper()
        and not tok.text.isupper()
    )


def _that_clause(tok: Token) -> Token | None:
    """A "that" clause on a request noun the verb takes: "insisted on its demands that the government
    resign", "made an appeal that ...". On other nouns it is what is said, not who is asked ("demanded
    an admission that ...")."""
    nouns = children(tok, "dobj") + [o for p in children(tok, "prep") for o in children(p, "pobj")]
    for noun in nouns:
        if not any(sense.type == lx.REQUEST for sense in lx.NOUNS.get(noun.lemma_.lower(), ())):
            continue
        for clause in children(noun, "acl", "ccomp"):
            if any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children):
                return clause
    return None
