"""Who did it when the text names nobody: unnamed, generic and absent doers of material events.

PLOVER (like ACLED) codes an attack whose perpetrator is unknown with an unknown or generic actor and
its victims: "two people were killed in a knife attack", "gunmen stormed a church", "five journalists
were arrested", "rallies were held". Verbal acts (accusations, demands, ...) always have a speaker the
text names; they are never given an unknown one.
"""

from __future__ import annotations

from spacy.tokens import Token

from eventwire.events import lexicon as lx
from eventwire.events.lexicon import Sense, words
from eventwire.events.syntax import children, is_passive, lemma
from eventwire.models import Entity

#: Types whose doer may be unnamed or absent: material acts that the text reports by their effect.
UNKNOWN_DOER_TYPES = frozenset(
    {lx.ASSAULT, lx.COERCE, lx.PROTEST, lx.MOBILIZE, lx.SANCTION, lx.RETREAT, lx.AID, lx.REQUEST}
)
# Event nouns that may stand without a doer.
_NOMINAL_UNKNOWN_DOER_TYPES = frozenset({lx.ASSAULT, lx.COERCE, lx.PROTEST, lx.SANCTION})
#: The text of an actor the sentence does not mention at all.
UNNAMED = "(unnamed)"
# The sector of an absent doer by type and mode: arrests are made by police, protests by civilians.
_ABSENT_SECTOR = {(lx.COERCE, "arrest"): "COP", (lx.PROTEST, None): "CVL"}
# Verbs that report a nominal event as happening: "rallies were held", "clashes broke out".
HAPPENING_VERBS = words(
    "hold stage take occur happen erupt break continue resume begin start launch carry conduct mount "
    "follow spread intensify escalate rock hit kill leave wound injure claim target"
)


def asks_an_act(tok: Token) -> bool:
    """An appeal that asks for an act: "were told to leave", "urged X to stop"."""
    return any(
        c.dep_ in ("xcomp", "ccomp") and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        for c in tok.children
    )


def absent_doer(sense: Sense, etype: str, mode: str | None) -> Entity:
    """The actor of an event whose doer the sentence does not mention."""
    sector = _ABSENT_SECTOR.get((etype, mode)) or _ABSENT_SECTOR.get((etype, None)) or "UNK"
    return Entity(text=UNNAMED, name=None, country=None, sector=sector)


def generic_doer(tok: Token, phrase: str, sector: str | None) -> Entity | None:
    """An unnamed doer the text describes ("a man", "attackers", "suspected militants"), or None when
    the phrase is not a party (a pronoun with no antecedent, a thing)."""
    if tok.pos_ == "PRON" or tok.tag_ in ("PRP", "PRP$", "WP", "WDT"):
        return None
    if sector is None and lemma(tok) not in _PERSON_NOUNS:
        return None
    return Entity(text=phrase, name=None, country=None, sector=sector or "UNK")


def may_lack_doer(tok: Token, rule: str, noun: Token | None, has_recipient: bool, etype: str) -> bool:
    """True when an event can stand without a named doer: a passive with no agent ("were killed"), a
    verb whose subject is an instrument or the event itself, or an event noun that the sentence reports
    as happening ("rallies were held", "the bombardment of Aleppo killed dozens") or aims at a party."""
    head = noun if noun is not None else tok
    if rule in ("verb", "verb+obj"):
        # "were arrested", "were killed": only when the one it was done to is a party (not "books were
        # banned"), and never for an infinitive or a gerund, whose doer is another clause's subject.
        if tok.dep_ in ("xcomp", "csubj", "csubjpass", "pcomp") or tok.tag_ in ("VB", "VBG"):
            return False
        if etype == lx.REQUEST:
            # "residents were told to evacuate", "farmers are urged to watch their herds": an appeal
            # whose author the sentence leaves out, with what is asked.
            return has_recipient and is_passive(tok) and asks_an_act(tok)
        return has_recipient and is_passive(tok)
    if rule == "light-verb":
        return head.lemma_.lower() in _PEOPLES_ACTS or has_recipient
    # A bare event noun: reported as happening by its verb, or aimed at someone; only nouns of force
    # stand without a doer ("the abduction of 276 schoolgirls"; not "the withdrawal of weapons").
    if etype not in _NOMINAL_UNKNOWN_DOER_TYPES:
        return False
    gov = head.head
    if head.dep_ in ("nsubj", "nsubjpass", "dobj") and lemma(gov) in HAPPENING_VERBS:
        return True
    if children(head, "relcl", "acl") and has_recipient:
        return True
    return has_recipient


# Event nouns that people do without being named: "rallies were held", "clashes broke out".
_PEOPLES_ACTS = words(
    "protest demonstration rally march strike sit-in walkout riot vigil clash fighting attack raid "
    "bombing shooting ambush"
)
# Nouns for people that the agent dictionary gives no sector (a doer or victim the text does not name).
_PERSON_NOUNS = words(
    "man men woman women person people individual attacker attackers assailant suspect suspects "
    "perpetrator perpetrators culprit culprits youth youths teenager teenagers boy boys girl girls "
    "child children driver drivers stranger strangers intruder intruders shooter shooters killer "
    "killers bomber bombers group groups someone somebody"
)
