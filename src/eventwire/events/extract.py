"""Events from one parsed sentence: triggers from the lexicon, actors and recipients from the parse.

Rules, each recorded on the event as `trigger.rule`:
- `verb`: a verb sense, with its subject as actor and the sense's recipient roles ("met Scholz",
  "talks with", "support to");
- `light-verb`: a verb whose object noun names the event ("held talks", "launched strikes");
- `noun`: an event nominal with a participant of its own ("US threats", "Russia's attack on",
  "talks between X and Y", "a trip to Russia" made by the subject of "returned from").
A trigger inside the complement of a verbal event ("threatened to attack", "accused X of killing",
"agreed to meet") is that event's content, not a happening of its own, and is folded into it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Span, Token

from eventwire.actors.resolve import ArticleActors
from eventwire.events import lexicon as lx
from eventwire.events.acceptance import Judge, default_judge
from eventwire.events.doers import UNKNOWN_DOER_TYPES, absent_doer, asks_an_act, generic_doer, may_lack_doer
from eventwire.events.evaluation import evaluations
from eventwire.events.eventhood import NON_HUMAN, commentator, not_an_act
from eventwire.events.learned import NONE, trigger_model
from eventwire.events.learned import candidate as learned_candidate
from eventwire.events.lexicon import Sense, words
from eventwire.events.modality import REPORTING_VERBS, doer_denied, modality
from eventwire.events.roles import Roles, named_entity, unknown_name
from eventwire.events.senses import noun_sense, verb_sense
from eventwire.events.syntax import (
    child,
    children,
    direct_object,
    is_verb,
    lemma,
    phrase_span,
    prep_objects,
    subject,
    verb_lemmas,
)
from eventwire.models import Entity, SegmentKind

# Verbs whose doer-less passive is an appeal only when it asks for an act ("were urged to leave").
_ASKING = words("ask urge call tell order advise instruct encourage request invite")
# Nouns too generic to be events on their own even with a participant ("the war", "the minister's travel").
_NON_EVENT_HEADS = frozenset({"war"})


# A trigger found in a sentence: the token, its sense, the event noun it governs, the rule.
Candidate = tuple[Token, Sense, Token | None, str]


@dataclass
class Found:
    """One event read from a sentence, before dates, places and ids are attached."""

    type: str
    mode: str | None
    trigger: Token
    noun: Token | None
    sense: Sense
    rule: str
    actors: list[Entity]
    recipients: list[Entity]
    modality: str
    confidence: float
    context_defaults: tuple[str, ...] = ()
    via_pronoun: bool = False
    # Token indices of the actor and recipient phrases: a place among them is a party, not the location.
    argument_tokens: frozenset[int] = frozenset()
    # The rules found no party as its doer; the acceptance judge kept it with the doer the text describes.
    rescued: bool = False

    @property
    def head(self) -> Token:
        """The token whose clause the event belongs to (the verb of a light-verb construction)."""
        return self.trigger


def _is_noun(tok: Token) -> bool:
    return tok.pos_ in ("NOUN", "PROPN") and tok.ent_type_ not in ("PERSON", "GPE", "ORG", "NORP")


class SentenceCoder:
    """Finds the events of one sentence; `actors` resolves argument phrases for the whole article."""

    def __init__(self, actors: ArticleActors, judge: Judge | None = None) -> None:
        self.actors = actors
        self.roles = Roles(actors)
        self.judge = judge if judge is not None else default_judge()
        # What each evaluation of the sentence being coded is said of: (verb, evaluative word) -> target.
        self._evaluated: dict[tuple[int, int], Token | None] = {}

    def code(self, sent: Span, segment: SegmentKind = "body") -> list[Found]:
        if not sent.doc.has_annotation("DEP"):
            return []  # an unparsed paragraph cannot carry an event
        self._evaluated.clear()
        cands = self._candidates(sent) + self._learned_candidates(sent, segment)
        out: list[Found] = []
        for tok, sense, noun, rule in cands:
            if self._folded(tok, cands):
                continue
            learned = rule.startswith("learned")
            found = self._arguments(tok, sense, noun, rule.split("-")[-1].split("[")[0] if learned else rule)
            if found is not None:
                found.rule = f"generated-{rule}" if sense.source == "generated" else rule
                if not self.judge.accept(found, segment):
                    continue
                out.append(found)
        # Background clauses ("Sharon, who has vowed ...", "after a demonstration over ...") report
        # what the sentence is not about; they count only when the sentence has nothing else.
        main = [f for f in out if not _is_background(f.trigger) or _told_in_full(f)]
        return _merge_same(main or out)

    # --- triggers ----------------------------------------------------------------------------------

    def _candidates(self, sent: Span) -> list[tuple[Token, Sense, Token | None, str]]:
        cands: list[tuple[Token, Sense, Token | None, str]] = []
        consumed: set[int] = set()
        for tok in sent:
            if not is_verb(tok) or (lemma(tok) in REPORTING_VERBS and lemma(tok) not in lx.VERBS):
                continue
            if (
                tok.dep_ in ("acl", "amod")
                and tok.tag_ == "VBN"
                and child(tok, "nsubj") is None
                and not _done_to_head(tok)
            ):
                continue  # "militiamen armed with machetes", "a Kremlin-backed party": a description
            sense = verb_sense(tok)
            obj = direct_object(tok)
            if sense is not None and lemma(tok) in _COMMAND_VERBS and obj is not None and noun_sense(obj):
                sense = None  # "ordered patrols", "authorised the arrest of": the ordered act is the event
            if sense is not None:
                noun = obj if obj is not None and (sense.light or noun_sense(obj) is not None) else None
                rule = "light-verb" if sense.light else ("verb+obj" if sense.obj else "verb")
                if noun is not None:
                    consumed.add(noun.i)
                    consumed.update(c.i for c in noun.children if c.dep_ == "conj")
                cands.append((tok, sense, noun, rule))
            elif obj is not None and (lemma(tok) in lx.LIGHT_VERBS or lemma(tok) in _COMMAND_VERBS):
                ns = noun_sense(obj)
                if ns is None:
                    # "undertook a mediation mission", "launched a peace effort": the modifier names it.
                    mod = next((c for c in obj.children if c.dep_ == "compound" and noun_sense(c)), None)
                    ns = noun_sense(mod) if mod is not None else None
                    if mod is not None:
                        consumed.add(mod.i)
                if ns is not None and lemma(obj) not in _NON_EVENT_HEADS:
                    consumed.add(obj.i)
                    cands.append((tok, ns, obj, "light-verb"))
        for tok in sent:
            # "is opposed to", "is ready to host talks", "are willing to forgive": a stance is an act.
            if tok.pos_ == "ADJ" and tok.dep_ in ("acomp", "amod", "oprd") and tok.lower_ in lx.ADJECTIVES:
                cands.append((tok, lx.ADJECTIVES[tok.lower_], None, "adjective"))
        for verb, word, target in evaluations(sent):
            self._evaluated[(verb.i, word.i)] = target
            cands.append((verb, _DISAPPROVE, word, "evaluation"))
        for cand in _constructions(sent):
            consumed.add(cand[2].i if cand[2] is not None else cand[0].i)
            # A construction reads its verb better than the verb's own sense ("ordered X to suspend").
            cands = [c for c in cands if c[0].i != cand[0].i or c[3] != "verb"] + [cand]
        for speaker_verb, _clause in _obligations(sent):
            cands.append((speaker_verb, _REQUEST_OBLIGATION, None, "obligation"))
        for tok in sent:
            if tok.i in consumed or not _is_noun(tok) or lemma(tok) in _NON_EVENT_HEADS:
                continue
            ns = noun_sense(tok)
            if ns is None:
                continue
            # A noun compound's modifier is not the event ("the attack helicopter", "protest leaders").
            if tok.dep_ == "compound":
                continue
            cands.append((tok, ns, tok, "noun"))
        return _promises_of_force(cands)

    def _learned_candidates(
        self, sent: Span, segment: SegmentKind
    ) -> list[tuple[Token, Sense, Token | None, str]]:
        """Verbs and nouns no lexicon lists that the learned trigger model reads as events."""
        model = trigger_model()
        if model is None:
            return []
        out: list[Candidate] = []
        for tok in sent:
            if not learned_candidate(tok) or verb_sense(tok) is not None or noun_sense(tok) is not None:
                continue
            if lemma(tok) in REPORTING_VERBS or lemma(tok) in lx.LIGHT_VERBS or tok.dep_ == "compound":
                continue
            label, p = model.predict(tok, segment)
            if label == NONE or p < model.threshold:
                continue
            kind = "verb" if tok.pos_ == "VERB" else "noun"
            sense = Sense(
                label,
                recipient=_LEARNED_ROLES.get(label, Sense(label).recipient),
                weight=min(p, 0.7),
                source="learned",
            )
            out.append((tok, sense, tok if kind == "noun" else None, f"learned-{kind}[{p:.2f}]"))
        return out

    def _folded(self, tok: Token, cands: list[tuple[Token, Sense, Token | None, str]]) -> bool:
        """True when a verbal event governs this trigger: its complement is content, not a happening."""
        heads = {c[0].i: c for c in cands}
        t = tok
        steps = 0
        conditional = False
        while t.head != t and steps < 8:
            dep = t.dep_
            mark = child(t, "mark")
            if dep == "advcl" and mark is not None and mark.lower_ in ("if", "unless", "until", "before"):
                conditional = True  # "... unless the president agrees": the condition, not a happening
            if dep == "prep" and t.lower_ in _TIME_PREPS:
                return False  # "following talks with X, they signed ...": a happening of its own
            t = t.head
            steps += 1
            if lemma(t) in REPORTING_VERBS and t.i not in heads:
                return False
            if t.i in heads and t.i != tok.i:
                if conditional:
                    return True
                gov_sense = heads[t.i][1]
                if dep in ("nsubj", "nsubjpass", "conj", "advcl", "cc", "parataxis", "relcl", "acl"):
                    return False
                if gov_sense.type in lx.VERBAL_TYPES:
                    return True
                # An event noun under a material event of the same type is the same happening.
                own = heads.get(tok.i)
                if own is not None and gov_sense.type == own[1].type:
                    return True
                # The topic of talks is not a happening ("discussed expanding cooperation").
                return gov_sense.type == lx.CONSULT and dep in (
                    "dobj",
                    "xcomp",
                    "pobj",
                    "prep",
                    "pcomp",
                    "ccomp",
                )
            if is_verb(t) and dep in ("advcl", "conj", "relcl") and not conditional:
                # A separate clause: its events stand on their own.
                return False
        return False

    # --- arguments ---------------------------------------------------------------------------------

    def _arguments(self, tok: Token, sense: Sense, noun: Token | None, rule: str) -> Found | None:
        resolve = self.actors.resolve
        actor_toks: list[Token] = []
        if rule == "obligation":
            return self._obligation(tok, sense)
        if rule == "undergo":
            return self._undergone(tok, sense, noun)
        if rule == "evaluation":
            return self._evaluation(tok, sense, noun)
        if rule == "noun":
            actor_toks = self.roles.noun_actor_tokens(tok)
        elif rule == "light-verb" and noun is not None and self.roles.own_party(noun):
            actor_toks = self.roles.own_party(noun)
        else:
            s = subject(tok)
            if s is not None:
                actor_toks = [s]
        actors = [e for t in actor_toks for e in resolve(t)]
        via_pronoun = any(t.pos_ == "PRON" for t in actor_toks)
        recipients, recipient_toks = self.roles.recipients(tok, sense, noun, rule, actor_toks)

        # Reciprocal nominals ("talks between X and Y", "clashes between"): everyone acts.
        if rule == "noun" and not actors:
            between = prep_objects(tok, "between") or prep_objects(tok, "among")
            actors = [e for t in between for e in resolve(t, coordinate=False)]
            actor_toks = between
            recipients = [r for r in recipients if r not in actors]
        obj = direct_object(tok) if rule != "noun" else None
        if sense.type == lx.ASSAULT and obj is not None:
            if lemma(tok) in _FIGURATIVE_FORCE and lemma(obj) in _ABSTRACT_OBJECTS:
                return None  # "fight the pandemic": no violence
            if lemma(obj) in NON_HUMAN or _of_head(obj) in NON_HUMAN:
                return None  # "slaughtered 6,500 hogs": no party was harmed
        if (
            sense.party_object
            and obj is not None
            and not any(e.country or e.sector or e.members for e in resolve(obj))
        ):
            return None  # "released a report": nobody was freed
        if (
            sense.type == lx.THREATEN
            and lemma(tok) == "warn"
            and not self._warning_threatens(tok, recipients)
        ):
            return None
        actors = [a for a in actors if a.country or a.sector or a.members or _named(a, actor_toks)]
        if not actors and actor_toks and unknown_name(actor_toks[0]):
            # A person or body the dictionaries and the recogniser both miss ("Trump doubled ..."): still
            # a party, named by the text.
            actors = [named_entity(actor_toks[0])]
        if not actors and sense.type == lx.ASSAULT and recipients:
            unknown = self._unattributed_force(tok, actor_toks)
            if unknown is not None:
                actors = [unknown]
        if not actors and sense.type == lx.PROTEST:
            actors = _crowd(actor_toks)
        if not actors and sense.type in UNKNOWN_DOER_TYPES:
            actors = self._unknown_doer(tok, sense, noun, rule, actor_toks, recipients)
        rescued = False
        if not actors:
            if not self.judge.rescues or not _rescuable(tok, rule, actor_toks):
                return None
            actors, rescued = [_described_doer(actor_toks, sense)], True
        actor_keys = {_key(a) for a in actors}
        recipients = [
            r
            for r in recipients
            if _key(r) not in actor_keys and (r.country or r.sector or r.members or r.name == r.text)
        ]

        etype, mode = sense.type, sense.mode
        if etype == lx.MOBILIZE and _humanitarian(actors):
            etype, mode = lx.AID, None  # "WHO deployed a team", "MSF sent doctors": help, not force
        elif etype == lx.MOBILIZE and _joint(tok, noun, actors):
            etype, mode = lx.COOPERATE, None  # PLOVER: joint exercises are military cooperation
        if not_an_act(tok, etype, actor_toks, actors, recipients) is not None:
            return None
        if rescued and etype == lx.CONSULT and not any(r.country or r.name for r in recipients):
            return None  # a meeting or visit of someone unknown needs a counterpart the text names
        if etype == lx.CONSULT and not recipients and sum(len(a.flat()) for a in actors) < 2:
            place_country = self.roles.visited_country(tok, noun, actors)
            if place_country is None:
                return None
            recipients = [place_country]
        stop = None
        status = modality(tok, stop)
        if noun is not None and noun != tok and status == "asserted":
            status = modality(noun, tok)
        if status == "negated" and etype in _REFUSABLE and subject(tok) is not None and not doer_denied(tok):
            # "will not accept refugees", "would not meet the demands": a refusal is a rejection.
            etype, mode, status = lx.REJECT, _REFUSAL_MODE.get(etype), "asserted"
        elif (
            status in ("future", "hypothetical")
            and _has_condition(tok, "unless")
            and etype not in lx.VERBAL_TYPES
        ):
            # "will withdraw its force unless ...": an ultimatum.
            etype, mode, status = lx.THREATEN, "relations" if etype != lx.ASSAULT else "violence", "asserted"
        elif status == "hypothetical" and etype in lx.COOPERATIVE_TYPES and _stated_by_actor(tok):
            etype, status = lx.AGREE, "future"  # "they would meet the mediator if ...": a conditional offer
        elif status == "future" and etype in lx.COOPERATIVE_TYPES:
            etype = lx.AGREE  # PLOVER: future cooperation is an expressed intent
        elif status == "future" and etype == lx.RETREAT:
            etype = lx.CONCEDE
        elif status in ("future", "hypothetical") and etype in _THREATENING and _stated_by_actor(tok):
            # "farmers said they would blockade Paris": announcing force is a threat (PLOVER: a threat,
            # not the act plus a modality).
            etype, mode, status = lx.THREATEN, _THREAT_MODE.get(etype), "asserted"
        confidence = sense.weight
        if rule == "noun":
            confidence -= 0.15
        if via_pronoun:
            confidence -= 0.1
        if not recipients and etype in (lx.COOPERATE, lx.AID, lx.SANCTION):
            confidence -= 0.1
        if all(a.country is None and not a.members for a in actors):
            confidence -= 0.15
        return Found(
            type=etype,
            mode=mode,
            trigger=tok,
            noun=noun,
            sense=sense,
            rule=rule,
            actors=actors,
            recipients=recipients,
            modality=status,
            confidence=max(0.05, min(0.99, confidence)),
            context_defaults=sense.context,
            via_pronoun=via_pronoun,
            argument_tokens=self._argument_indices(actor_toks + recipient_toks),
            rescued=rescued,
        )

    def _obligation(self, speaker_verb: Token, sense: Sense) -> Found | None:
        """ "X said Y must do Z": a demand by the speaker on Y."""
        clause = next((c for v, c in _obligations(speaker_verb.sent) if v == speaker_verb), None)
        s = subject(speaker_verb)
        if clause is None or s is None:
            return None
        actors = [a for a in self.actors.resolve(s) if a.country or a.sector or a.members]
        target = subject(clause)
        if target is not None and any(
            c.dep_ == "det" and c.lower_ in ("any", "every", "all", "no", "each") for c in target.children
        ):
            return None  # "any company must ...": a general rule, not a demand on someone
        recipients = [r for r in self.actors.resolve(target)] if target is not None else []
        recipients = [r for r in recipients if (r.country or r.sector or r.members) and r not in actors]
        if not actors or not recipients:
            return None
        arg_toks = [s] + ([target] if target is not None else [])
        return Found(
            type=lx.REQUEST,
            mode=None,
            trigger=speaker_verb,
            noun=None,
            sense=sense,
            rule="obligation",
            actors=actors,
            recipients=recipients,
            modality=modality(speaker_verb),
            confidence=0.65,
            context_defaults=(),
            argument_tokens=self._argument_indices(arg_toks),
        )

    def _unattributed_force(self, tok: Token, actor_toks: list[Token]) -> Entity | None:
        """Violence with no named perpetrator ("killed in a car bombing in Baghdad", "a roadside bomb
        killed"): an unidentified actor, placed in the country where it struck when the text says."""
        instrument = actor_toks[0] if actor_toks else None
        if instrument is None:
            for prep in ("in", "by"):
                objs = prep_objects(tok, prep)
                if objs and lemma(objs[0]) in _ATTACK_INSTRUMENTS:
                    instrument = objs[0]
                    break
        if instrument is None or lemma(instrument) not in _ATTACK_INSTRUMENTS:
            return None
        country = None
        for t in [*instrument.subtree, *tok.subtree]:
            country = self.actors.place_country.get((id(t.doc), t.i))
            if country:
                break
        text = instrument.doc[instrument.left_edge.i : instrument.right_edge.i + 1].text
        return Entity(text=text, name=None, country=country, sector="UNK")

    def _evaluation(self, verb: Token, sense: Sense, word: Token | None) -> Found | None:
        """ "X called Y's remarks egregious", "the ban is illegal, X said": X disapproves of Y."""
        speaker = subject(verb)
        if speaker is None or word is None:
            return None
        target = self._evaluated.get((verb.i, word.i))
        actors = [a for a in self.actors.resolve(speaker) if a.country or a.sector or a.members]
        if not actors and unknown_name(speaker):
            actors = [named_entity(speaker)]
        if not actors or commentator(speaker):
            return None
        recipients: list[Entity] = []
        arg_toks = [speaker]
        if target is not None:
            owners = [c for c in target.children if c.dep_ == "poss" and c.pos_ != "PRON"]
            for t in [*owners, target]:
                found = [r for r in self.actors.resolve(t) if r.country or r.sector or r.members]
                if not found and unknown_name(t):
                    found = [named_entity(t)]
                if found:
                    recipients, arg_toks = found, [speaker, t]
                    break
        keys = {_key(a) for a in actors}
        recipients = [r for r in recipients if _key(r) not in keys]
        return Found(
            type=lx.ACCUSE,
            mode="disapprove",
            trigger=verb,
            noun=word,
            sense=sense,
            rule="evaluation",
            actors=actors,
            recipients=recipients,
            modality=modality(verb),
            confidence=0.55,
            argument_tokens=self._argument_indices(arg_toks),
        )

    def _undergone(self, tok: Token, sense: Sense, noun: Token | None) -> Found | None:
        """ "X came under attack (from Y)": Y, or an unnamed doer, assaulted X."""
        target = subject(tok)
        if target is None or noun is None:
            return None
        recipients = [r for r in self.actors.resolve(target) if r.country or r.sector or r.members]
        if not recipients and noun_sense(target) is None and lemma(target) not in _TARGET_THINGS:
            return None
        by = prep_objects(noun, "from") or prep_objects(noun, "by") or prep_objects(tok, "from")
        actors = [a for t in by for a in self.actors.resolve(t) if a.country or a.sector or a.members]
        if (
            lemma(noun) == "fire"
            and not any(a.sector in _ARMED_SECTORS for a in actors)
            and (actors or any(r.sector in _POLITICAL_SECTORS for r in recipients))
        ):
            # "the government came under fire from officials": criticism, not shooting.
            sense = _DISAPPROVE
        if not actors:
            actors = [absent_doer(sense, sense.type, sense.mode)]
        if not recipients:
            span = phrase_span(target)
            recipients = [Entity(text=target.doc[span.start : span.stop].text)]
        return Found(
            type=sense.type,
            mode=sense.mode,
            trigger=tok,
            noun=noun,
            sense=sense,
            rule="undergo",
            actors=actors,
            recipients=recipients,
            modality=modality(tok),
            confidence=0.6,
            context_defaults=sense.context,
            argument_tokens=self._argument_indices([target, *by]),
        )

    def _unknown_doer(
        self,
        tok: Token,
        sense: Sense,
        noun: Token | None,
        rule: str,
        actor_toks: list[Token],
        recipients: list[Entity],
    ) -> list[Entity]:
        """An unnamed doer the text describes ("a man", "attackers"), or an absent one for an event the
        sentence reports by what it did ("were arrested", "rallies were held")."""
        has_recipient = any(r.country or r.sector or r.members or r.name == r.text for r in recipients)
        if actor_toks:
            t = actor_toks[0]
            if noun_sense(t) is None and lemma(t) not in _ATTACK_INSTRUMENTS:
                span = phrase_span(t)
                doer = generic_doer(t, t.doc[span.start : span.stop].text, None)
                return [doer] if doer is not None else []
            # The subject is the event or its instrument: "the bombardment killed dozens".
        if not may_lack_doer(tok, rule, noun, has_recipient, sense.type):
            return []
        return [absent_doer(sense, sense.type, sense.mode)]

    def _argument_indices(self, toks: list[Token]) -> frozenset[int]:
        """Token indices of the argument phrases: a place they are is a party, not the event's location;
        a place inside them ("eleven people near the town of Isiolo", "officials in Texas") still says
        where the event happened."""
        if not toks:
            return frozenset()
        doc = toks[0].doc
        heads = {t.i for t in toks}
        places = self.actors.place_country
        return frozenset(i for t in toks for i in phrase_span(t) if i in heads or (id(doc), i) not in places)

    def _warning_threatens(self, tok: Token, recipients: list[Entity]) -> bool:
        """A warning is a threat when it is aimed at a party, warns of consequences or force, or says
        what a party will do ("police will no longer tolerate rallies"); a warning of a crisis is not."""
        if any(r.country or r.members for r in recipients):
            return True
        for obj in prep_objects(tok, "of") + prep_objects(tok, "against"):
            if lemma(obj) in _WARNED_OF:
                return True
        comp = child(tok, "ccomp")
        if comp is None:
            return False
        if any(lemma(t) in _WARNED_OF for t in comp.subtree):
            return True
        will = any(
            c.dep_ == "aux" and c.lower_ in ("will", "would", "'ll", "shall", "wo") for c in comp.children
        )
        doer = subject(comp)
        return will and doer is not None and any(e.sector or e.country for e in self.actors.resolve(doer))


# Objects that make a verb of force figurative: "fight the pandemic", "attack the plan".
_ABSTRACT_OBJECTS = words(
    "plan plans policy policies decision decisions proposal proposals idea law laws bill bills pandemic "
    "epidemic disease diseases virus outbreak flu poverty corruption crime fire fires inflation problem "
    "problems crisis drought hunger famine deficit unemployment terrorism extremism rumours claims report "
    "reports budget measure measures"
)


def _of_head(tok: Token) -> str:
    """The counted noun of a quantity phrase: "hundreds of ducks" -> "duck"."""
    of = prep_objects(tok, "of")
    return lemma(of[0]) if of else ""


_FIGURATIVE_FORCE = words("fight battle combat tackle attack hit strike target beat kill")
# Where a learned trigger's recipient is read from, by type.
_LEARNED_ROLES = {
    lx.CONSULT: ("dobj", "with"),
    lx.AID: ("dative", "to", "dobj", "for"),
    lx.ASSAULT: ("dobj", "on", "against", "at", "in"),
    lx.PROTEST: ("against",),
}
_COMMAND_VERBS = words("order authorize authorise approve command decree")
_REQUEST_OBLIGATION = Sense(lx.REQUEST, recipient=(), weight=0.65)
_OBLIGATION_AUX = words("must should ought")
_REFUSABLE = frozenset({lx.AGREE, lx.SUPPORT, lx.CONSULT, lx.CONCEDE, lx.COOPERATE, lx.AID, lx.RETREAT})
_REFUSAL_MODE = {
    lx.CONSULT: "meet",
    lx.AID: "assist",
    lx.COOPERATE: "assist",
    lx.RETREAT: "yield",
    lx.CONCEDE: "yield",
}
_FORCEFUL = frozenset({lx.ASSAULT, lx.COERCE, lx.SANCTION, lx.MOBILIZE, lx.PROTEST})
_THREAT_MODE = {
    lx.ASSAULT: "violence",
    lx.COERCE: "restrict",
    lx.SANCTION: "relations",
    lx.MOBILIZE: "violence",
    lx.PROTEST: "restrict",
}
# Announced, these are threats; an announced sanction is a decision and stays a sanction.
_THREATENING = _FORCEFUL - {lx.SANCTION}
# Verbs of intent: their subject announces its own coming action.
_INTENT_VERBS = words("plan intend decide prepare vow swear threaten aim resolve pledge promise want seek")
_PROMISSIVE = words("vow swear pledge promise threaten warn")
_ATTACK_INSTRUMENTS = words(
    "bomb bombing explosion blast device ied mine minefield rocket missile mortar shell grenade "
    "attack attacker gunman gunmen gunfire shooting bomber drone airstrike strike ambush suicide"
)


_BACKGROUND_PREPS = words("after following since before amid despite during over")
_TIME_PREPS = words("after following since before amid during")


def _done_to_head(tok: Token) -> bool:
    """A participle that tells violence or coercion done to the noun it follows: "schoolgirls kidnapped
    in Zamfara", "civilians killed in the strike", "journalists detained last week"."""
    if tok.dep_ != "acl" or tok.i < tok.head.i:
        return False
    sense = verb_sense(tok)
    return sense is not None and sense.type in (lx.ASSAULT, lx.COERCE)


# Things that can come under attack without being a party: "the convoy came under fire".
_TARGET_THINGS = words(
    "train convoy ship vessel tanker plane aircraft helicopter bus car vehicle base camp post checkpoint "
    "village town city hotel school hospital embassy consulate station compound patrol position"
)
_RESPONSIBILITY = words("responsibility credit")
_UNDER_FIRE = Sense(lx.ASSAULT, weight=0.6)
_STREET_PROTEST = Sense(lx.PROTEST, mode="demo", recipient=("against",), weight=0.6)
_DISAPPROVE = Sense(lx.ACCUSE, mode="disapprove", weight=0.55)
_ARMED_SECTORS = frozenset({"MIL", "REB", "UAF", "PRM", "COP", "SPY", "CRM"})
_POLITICAL_SECTORS = frozenset({"GOV", "LEG", "JUD", "PTY"})
_ORDER_VERBS = words("order force compel")
_STOP_VERBS = words("suspend close shut stop halt cease leave vacate evacuate disband dissolve quit")
_ORDERED_STOP = Sense(lx.COERCE, mode="restrict", recipient=("dobj",), weight=0.65)
# Saying verbs that, with an object and a to-infinitive, tell someone what to do.
_DIRECTIVE_VERBS = words("tell instruct direct advise remind")
_DIRECTIVE = Sense(lx.REQUEST, recipient=("dobj",), weight=0.6)


def construction_words() -> set[str]:
    """Forms of the verbs whose constructions tell an event without a lexicon sense of their own
    (selective parsing must parse a paragraph that has one)."""
    verbs = _DIRECTIVE_VERBS | _ORDER_VERBS
    return {f for v in verbs for f in (v, v + "s", v + "ed", v + "d", v + "ing", v[:-1] + "ing")} | words(
        "told telling tells pour poured pouring pours flood flooded flooding floods street streets"
    )


def _to_infinitive(tok: Token) -> Token | None:
    """The verb's to-infinitive complement: "told people [to stay away]"."""
    return next(
        (
            c
            for c in tok.children
            if c.dep_ in ("xcomp", "ccomp") and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        ),
        None,
    )


_UNDERGO_VERBS = words("come be remain")


def _constructions(sent: Span) -> list[Candidate]:
    """Events told by a construction around an event noun rather than by a verb of its own:
    "X came under attack/fire" (X is attacked) and "X claimed responsibility for the bombing" (X did it)."""
    out: list[Candidate] = []
    for tok in sent:
        if not is_verb(tok) and tok.pos_ != "AUX":
            continue
        if lemma(tok) in ("take", "pour", "flood") and any(
            lemma(o) in ("street", "streets") for o in prep_objects(tok, "to") + prep_objects(tok, "into")
        ):
            # "took to the streets", "poured into the streets": a demonstration.
            out.append((tok, _STREET_PROTEST, None, "verb"))
            continue
        if lemma(tok) in _UNDERGO_VERBS:
            for noun in prep_objects(tok, "under"):
                ns = noun_sense(noun) or (_UNDER_FIRE if lemma(noun) in lx.ATTACK_NOUNS else None)
                if ns is not None and ns.type == lx.ASSAULT:
                    out.append((tok, ns, noun, "undergo"))
        obj = direct_object(tok)
        ordered = _to_infinitive(tok) if lemma(tok) in _ORDER_VERBS and obj is not None else None
        if ordered is not None and lemma(ordered) in _STOP_VERBS:
            # "ordered the newspaper to suspend publication", "ordered NGOs to leave": an order that
            # shuts, silences or expels is coercion, not a request.
            out.append((tok, _ORDERED_STOP, None, "verb"))
            continue
        if lemma(tok) in _DIRECTIVE_VERBS and obj is not None and _to_infinitive(tok) is not None:
            out.append((tok, _DIRECTIVE, None, "verb"))  # "told people to stay away", "advised X to leave"
            continue
        doer = subject(tok)
        if doer is not None and any(c.dep_ == "det" and c.lower_ == "no" for c in doer.children):
            continue  # "no group has claimed responsibility"
        if obj is not None and lemma(obj) in _RESPONSIBILITY:
            for noun in prep_objects(obj, "for") + prep_objects(tok, "for"):
                ns = noun_sense(noun)
                if ns is not None and ns.type in (lx.ASSAULT, lx.COERCE):
                    out.append((tok, ns, noun, "light-verb"))
    return out


def _joint(tok: Token, noun: Token | None, actors: list[Entity]) -> bool:
    """Forces of two or more countries together: "held joint military drills", "US and Korean troops"."""
    words_ = [tok, *([noun] if noun is not None else [])]
    if any(c.lower_ in ("joint", "combined", "bilateral", "trilateral") for w in words_ for c in w.children):
        return True
    return len({c for a in actors for c in a.countries}) >= 2


def _humanitarian(actors: list[Entity]) -> bool:
    """Every actor is a health or humanitarian body: its deployments bring help."""
    people = [p for a in actors for p in a.flat()]
    helpers = [p for p in people if p.sector == "HLH" or (p.country == "NGO" and p.sector != "MIL")]
    return bool(people) and len(helpers) == len(people)


def _told_in_full(f: Found) -> bool:
    """A background event the sentence still tells in full: a meeting with both sides named
    ("following talks with X, both leaders ...")."""
    return f.type == lx.CONSULT and f.rule == "noun" and bool(f.actors) and bool(f.recipients)


def _infinitive_complement(tok: Token) -> bool:
    if tok.dep_ == "xcomp":
        return True
    return tok.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def _crowd(actor_toks: list[Token]) -> list[Entity]:
    """People who protest without a name or a country ("prisoners rioted", "students marched"):
    civilians, placed later where the protest happens. Pronouns and names are not a crowd."""
    if len(actor_toks) != 1:
        return []
    head = actor_toks[0]
    people = [head] + ([o for p in children(head, "prep") if p.lower_ == "of" for o in children(p, "pobj")])
    if not any(t.tag_ == "NNS" and t.lemma_.lower() in _CROWD_NOUNS for t in people):
        return []
    tokens = [t for t in head.subtree if t.i <= head.i or t.dep_ in ("prep", "pobj")]
    text = head.doc[tokens[0].i : tokens[-1].i + 1].text
    return [Entity(text=text, name=None, country=None, sector="CVL")]


# Plural nouns for people who may protest unnamed.
_CROWD_NOUNS = words(
    "person people protester demonstrator marcher student worker prisoner inmate resident villager farmer "
    "teacher doctor nurse miner activist supporter fundamentalist citizen refugee woman man youth driver "
    "trader employee local opponent pensioner veteran lawyer journalist thousand hundred dozen"
)

_BACKGROUND_MARKS = words("as while when whereas after before since because although though once")
_BACKGROUND_NOUNS = words("wake aftermath face light run-up eve")


def _is_background(tok: Token) -> bool:
    """A trigger in a relative or participial clause, or a noun in a time or cause phrase."""
    t = tok
    while t.head != t:
        dep = t.dep_
        if dep in ("relcl", "acl") and is_verb(t):
            return True
        if dep == "advcl" and is_verb(t):
            mark = child(t, "mark") or next(
                (c for c in t.children if c.dep_ == "advmod" and c.lower_ in ("when", "while", "as")), None
            )
            if mark is not None and mark.lower_ in _BACKGROUND_MARKS:
                return True
            # "..., killing 12": a participle adding what followed from the main event.
            if mark is None and t.tag_ == "VBG" and child(t, "nsubj") is None and t.i > t.head.i:
                return True
        if dep == "pobj" and t.head.lower_ in _BACKGROUND_PREPS:
            return True
        if dep == "pobj" and t.head.dep_ == "prep" and t.head.head.lower_ in _BACKGROUND_NOUNS:
            return True
        if dep in ("ccomp", "xcomp") or lemma(t.head) in REPORTING_VERBS:
            return False
        t = t.head
    return False


def _obligations(sent: Span) -> list[tuple[Token, Token]]:
    """(speaker verb, clause) for "X said that Y must ...": a clause of obligation under a statement."""
    out = []
    for tok in sent:
        if not any(c.dep_ == "aux" and c.lower_ in _OBLIGATION_AUX for c in tok.children):
            continue
        if tok.dep_ not in ("ccomp", "acl", "conj"):
            continue
        gov = tok.head
        while gov.dep_ in ("dobj", "pobj", "prep", "conj") and gov.head != gov and not is_verb(gov):
            gov = gov.head
        if not is_verb(gov) or subject(gov) is None:
            continue
        out.append((gov, tok))
    return out


def _promises_of_force(
    cands: list[tuple[Token, Sense, Token | None, str]],
) -> list[tuple[Token, Sense, Token | None, str]]:
    """ "vowed to fight", "swore to attack": a promise whose content is force is a threat."""
    by_tok = {c[0].i: c for c in cands}
    out = []
    for tok, sense, noun, rule in cands:
        # The promised act: the infinitive complement, which the parser sometimes attaches as a purpose
        # clause ("have sworn to fight until ...").
        inner = next((by_tok[c.i] for c in tok.children if _infinitive_complement(c) and c.i in by_tok), None)
        if (
            any(k in _PROMISSIVE for k in verb_lemmas(tok))
            and sense.type != lx.THREATEN
            and inner is not None
            and inner[1].type in _FORCEFUL
        ):
            sense = Sense(lx.THREATEN, mode=_THREAT_MODE.get(inner[1].type), recipient=("xcomp_obj", "dobj"))
        out.append((tok, sense, noun, rule))
    return out


_WARNED_OF = words(
    "consequence consequences retaliation reprisal reprisals action measures response force war "
    "sanctions punishment attack attacks strike strikes"
)


def _has_condition(tok: Token, mark: str) -> bool:
    return any(
        c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == mark for m in c.children)
        for c in tok.children
    )


def _stated_by_actor(tok: Token) -> bool:
    """The trigger's subject is also the one who says it will happen, or nobody else says it."""
    from eventwire.events.attribution import speaker_token

    if tok.dep_ == "xcomp" and lemma(tok.head) in _INTENT_VERBS:
        return True
    if any(c.dep_ == "mark" and c.lower_ == "unless" for t in tok.subtree for c in t.children):
        return True
    speaker = speaker_token(tok)
    if speaker is None:
        return any(
            c.dep_ == "aux" and c.lower_ in ("will", "would", "'ll", "shall") for c in tok.children
        ) and any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for t in tok.subtree for c in t.children)
    actor = subject(tok)
    if actor is None:
        return False
    if actor.pos_ == "PRON" and actor.lower_ in ("they", "we", "it", "he", "she", "i"):
        return True
    return actor.i == speaker.i or actor.lemma_ == speaker.lemma_


def _rescuable(tok: Token, rule: str, actor_toks: list[Token]) -> bool:
    """Whether a candidate without a party as doer may go to the acceptance judge at all. A verb whose
    doer the sentence leaves out must not be an infinitive or a gerund (its doer is another clause's
    subject), and a passive appeal must ask for an act ("he was asked about the talks" is a question)."""
    if actor_toks or rule not in ("verb", "verb+obj"):
        return True
    if tok.dep_ in ("xcomp", "csubj", "csubjpass", "pcomp") or tok.tag_ in ("VB", "VBG"):
        return False
    return lemma(tok) not in _ASKING or asks_an_act(tok)


def _described_doer(actor_toks: list[Token], sense: Sense) -> Entity:
    """The doer of a rescued candidate: the phrase the text gives it ("the organization", "protesters"),
    else `(unnamed)`; no country or sector is guessed."""
    t = actor_toks[0] if actor_toks else None
    if t is None or t.pos_ == "PRON" or t.tag_ in ("PRP", "PRP$", "WP", "WDT"):
        return absent_doer(sense, sense.type, sense.mode)
    span = phrase_span(t)
    return Entity(text=t.doc[span.start : span.stop].text, name=None, country=None, sector=None)


def _named(e: Entity, toks: list[Token]) -> bool:
    """A person or organisation the text names but the dictionaries do not know ("Duale", "Hamas's
    new chief"): still a party, whose country the context may give."""
    return any(t.ent_type_ in ("PERSON", "ORG") and t.pos_ == "PROPN" for t in toks)


def _key(e: Entity) -> tuple[str | None, str | None, str | None]:
    return (e.name or e.text, e.country, e.sector)


def _merge_same(found: Iterable[Found]) -> list[Found]:
    """One event per type and actors in a sentence: "attacked and killed" is one assault."""
    out: list[Found] = []
    for f in found:
        dup = next(
            (
                o
                for o in out
                if o.type == f.type
                and {_key(a) for a in o.actors} == {_key(a) for a in f.actors}
                and o.modality == f.modality
            ),
            None,
        )
        if dup is None:
            out.append(f)
            continue
        for r in f.recipients:
            if r not in dup.recipients:
                dup.recipients.append(r)
        dup.confidence = max(dup.confidence, f.confidence)
    return out
