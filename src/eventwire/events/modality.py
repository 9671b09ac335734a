"""Factual status of an event: asserted, negated, hypothetical, speculated or future.

Read from the trigger's own clause and the clauses that govern it, up to the statement that reports it:
negation ("did not attack"), modal verbs ("could supply"), conditionals ("if they go ahead"),
hedges and expectations ("concerns about possible arms deals", "speculation that"), and sources that only
guess ("experts say Iran would ..."). A warning that happened is asserted even when what it warns of is
conditional: the threat's content is never coded as a happening of its own.
"""

from __future__ import annotations

from spacy.tokens import Token

from eventwire.events.lexicon import words
from eventwire.events.syntax import child, lemma, subject

NEGATORS = words("not n't never no neither nor without nobody none")
FUTURE_AUX = words("will shall 'll wo")
HYPOTHETICAL_AUX = words("would could might may should can must ca 'd")
CONDITIONAL_MARKS = words("if unless whether lest")
# Nouns and verbs that turn what they govern into a guess, a fear or a rumour.
SPECULATIVE = words(
    "concern fear speculation rumor rumour worry suspicion possibility prospect risk likelihood "
    "expectation speculate suspect allege believe expect predict anticipate guess suggest seem "
    "appear claim report estimate doubt assume accuse accusation allegation charge deny question "
    "hope fearful likely unlikely possible probable"
)
SPECULATIVE_ADVERBS = words(
    "reportedly allegedly possibly probably perhaps maybe apparently purportedly supposedly likely presumably"
)
HYPOTHETICAL_MODIFIERS = words(
    "possible potential proposed hypothetical conditional prospective would-be alleged suspected "
    "rumored rumoured"
)
FUTURE_GOVERNORS = words(
    "plan intend schedule prepare set due go aim decide expect agree promise pledge vow threaten "
    "offer propose want seek hope try attempt wish"
)
FUTURE_MODIFIERS = words("upcoming planned forthcoming scheduled future next coming")
# Sources whose statements are opinions rather than reports of what happened.
GUESSING_SOURCES = words(
    "expert analyst observer commentator pundit some other many critic scholar economist strategist "
    "watcher specialist"
)
REPORTING_VERBS = words(
    "say tell report announce state claim add note confirm quote acknowledge disclose reveal write "
    "explain indicate argue assert stress emphasize emphasise tweet post publish insist maintain "
    "contend reiterate remark comment recount describe testify inform brief mention cite"
)
# "what he called ...": a characterisation the speaker makes, not a reported fact.
HEDGING_NAMERS = words("call describe term dub label brand")


def is_negated(tok: Token) -> bool:
    if any(
        c.dep_ == "neg" or (c.lower_ in NEGATORS and c.dep_ in ("advmod", "det", "neg")) for c in tok.children
    ):
        return True
    if tok.pos_ == "NOUN" and any(c.lower_ == "no" for c in tok.children):
        return True
    return doer_denied(tok)


def doer_denied(tok: Token) -> bool:
    """ "Neither the EU nor France paid", "no country has recognised it": nobody did it."""
    doer = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return doer is not None and any(
        c.lower_ in ("neither", "nor", "no") and c.dep_ in ("preconj", "cc", "det") for c in doer.subtree
    )


def modality(trigger: Token, stop_at: Token | None = None) -> str:
    """The factual status of the event whose trigger is `trigger`.

    `stop_at` is a governing event trigger (a verbal event that reports this one, if any); clauses
    above it are not this event's business.
    """
    status: set[str] = set()
    if is_negated(trigger):
        return "negated"
    t: Token | None = trigger
    first = True
    while t is not None:
        _clause_marks(t, status, own=first)
        head = t.head
        if head == t or (stop_at is not None and head == stop_at):
            break
        hl = lemma(head)
        if hl in REPORTING_VERBS and t.dep_ not in ("nsubj", "nsubjpass"):
            s = subject(head)
            if s is not None and lemma(s) in GUESSING_SOURCES:
                status.add("speculated")
            break
        if hl in SPECULATIVE and t.dep_ not in ("nsubj", "nsubjpass"):
            status.add("speculated")
        if hl in HEDGING_NAMERS and any(c.dep_ == "dobj" and c.lower_ == "what" for c in head.children):
            status.add("speculated")
        if t.dep_ == "xcomp" and hl in FUTURE_GOVERNORS:
            status.add("future")
        if t.dep_ in ("xcomp", "ccomp") and is_negated(head) and hl not in REPORTING_VERBS:
            return "negated"
        mark = child(t, "mark") if t.dep_ == "advcl" else None
        if mark is not None and mark.lower_ in CONDITIONAL_MARKS:
            status.add("hypothetical")
        t = head
        first = False
    return next((m for m in ("speculated", "hypothetical", "future") if m in status), "asserted")


def _clause_marks(t: Token, status: set[str], own: bool) -> None:
    for c in t.children:
        cl = c.lower_
        if c.dep_ in ("aux", "auxpass"):
            if cl in FUTURE_AUX or (cl == "going" and any(g.lower_ == "to" for g in c.children)):
                status.add("future")
            elif cl in HYPOTHETICAL_AUX:
                status.add("hypothetical")
        elif c.dep_ == "mark" and cl in CONDITIONAL_MARKS:
            status.add("hypothetical")
        elif c.dep_ == "advmod" and cl in SPECULATIVE_ADVERBS:
            status.add("speculated")
        elif c.dep_ in ("amod", "compound") and cl in HYPOTHETICAL_MODIFIERS:
            status.add("hypothetical")
        elif c.dep_ in ("amod",) and cl in FUTURE_MODIFIERS and t.pos_ == "NOUN":
            status.add("future")
    # An infinitive under a verb of planning or promising ("plans to meet") is not yet a happening.
    if (
        own
        and t.tag_ == "VB"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children)
        and t.dep_ in ("xcomp", "advcl", "acl", "relcl")
        and lemma(t.head) in FUTURE_GOVERNORS
    ):
        status.add("future")
