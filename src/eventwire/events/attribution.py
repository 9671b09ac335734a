"""Who the text credits for a claim: the speaker of a reporting verb above the event, or "according to X"."""

from __future__ import annotations

from spacy.tokens import Span, Token

from eventwire.actors.resolve import ArticleActors
from eventwire.events.modality import REPORTING_VERBS
from eventwire.events.syntax import child, lemma, prep_objects, subject
from eventwire.models import Entity


def speaker_token(trigger: Token) -> Token | None:
    """The subject of the nearest reporting verb that governs the trigger (not one inside its subject)."""
    t = trigger
    while t.head != t:
        prev, t = t, t.head
        if lemma(t) in REPORTING_VERBS and prev.dep_ not in ("nsubj", "nsubjpass", "csubj"):
            s = subject(t)
            if s is not None:
                return s
            # "..., officials were quoted as saying": the passive "quoted" carries the speaker.
            if t.dep_ in ("pcomp", "advcl") and t.head != t:
                s = subject(t.head.head if t.head.dep_ == "prep" else t.head)
                if s is not None:
                    return s
    return None


def according_to(sent: Span) -> Token | None:
    for tok in sent:
        if tok.lower_ == "according":
            to = child(tok, "prep")
            if to is not None and to.lower_ == "to":
                objs = [c for c in to.children if c.dep_ == "pobj"]
                if objs:
                    return objs[0]
            objs = prep_objects(tok, "to")
            if objs:
                return objs[0]
    return None


def attribution(trigger: Token, actors: ArticleActors) -> Entity | None:
    tok = speaker_token(trigger) or according_to(trigger.sent)
    if tok is None:
        return None
    found = actors.resolve(tok, coordinate=False)
    return found[0] if found else None
