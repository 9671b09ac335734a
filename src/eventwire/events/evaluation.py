"""Criticism told as an evaluation: a party calls an act, a policy or another party something bad.

PLOVER codes disapproval (ACCUSE `disapprove`) whether it is told by a verb ("condemned") or by what the
speaker says of it: "the ban is illegal, the ministry said", "Leavitt called Ford's comments egregious",
"Putin is the aggressor", "Nebenzia dismissed the findings as fabricated". This module finds the
speaker's verb, the evaluative word and what it is said of; the coder reads the speaker as the actor and
the party the evaluation is about as the recipient.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from eventwire.events.lexicon import words
from eventwire.events.modality import REPORTING_VERBS
from eventwire.events.syntax import children, lemma, subject

# Words of strong disapproval in political speech: what they are said of is condemned, not described.
NEGATIVE_EVALUATIONS = words(
    "unacceptable illegal illegitimate unlawful unconstitutional baseless groundless unfounded unjust "
    "unjustified unwarranted unfair outrageous egregious insulting offensive shameful disgraceful "
    "deplorable reprehensible despicable abhorrent heinous cruel barbaric brutal inhumane criminal "
    "irresponsible reckless provocative absurd ridiculous false fabricated fake dishonest hypocritical "
    "racist discriminatory abusive aggressive hostile destabilizing destabilising malicious illegally "
    "aggressor terrorist terrorists criminals fraud scam lie lies propaganda provocation violation "
    "crime crimes disgrace travesty farce sham genocide atrocity atrocities blackmail interference "
    "meddling aggression occupation invasion"
)
# Verbs that attach an evaluation to their object: "called X Y", "described X as Y".
_NAMING_VERBS = words("call describe label brand term denounce dismiss decry slam condemn characterize")
_COPULAS = words("be remain become seem")
_CLAUSES = words("ccomp xcomp parataxis conj advcl")


def evaluations(sent: Span) -> list[tuple[Token, Token, Token | None]]:
    """(speaker's verb, evaluative word, what it is said of) for each evaluation the sentence reports."""
    out: list[tuple[Token, Token, Token | None]] = []
    for tok in sent:
        if tok.pos_ not in ("VERB", "AUX"):
            continue
        key = lemma(tok)
        if key in _NAMING_VERBS:
            obj = next(iter(children(tok, "dobj")), None)
            preds = children(tok, "oprd", "xcomp", "ccomp")
            preds += [c for p in children(tok, "prep") if p.lower_ == "as" for c in p.children]
            preds += [c for c in children(tok, "advcl") if any(m.lower_ == "as" for m in children(c, "mark"))]
            for p in preds:
                word = _evaluative(p)
                if word is not None:
                    out.append((tok, word, obj))
                    break
        elif key in REPORTING_VERBS and subject(tok) is not None:
            # The evaluation may sit a clause or two down: "we have to understand that Putin is the
            # aggressor"; only clauses count, not an adjective that describes ("illegal aliens").
            for top in children(tok, "ccomp", "parataxis"):
                clauses = [c for c in top.subtree if c == top or c.dep_ in _CLAUSES]
                clause = next((c for c in clauses if _predicate(c) is not None), None)
                if clause is not None:
                    target = next(iter(children(clause, "nsubj", "nsubjpass")), None)
                    out.append((tok, _predicate(clause), target))  # type: ignore[arg-type]
                    break
    return out


def _predicate(clause: Token) -> Token | None:
    """The evaluative predicate of a copular clause: "X is illegal", "Putin is the aggressor"."""
    if lemma(clause) in _COPULAS:
        for c in children(clause, "acomp", "attr"):
            word = _evaluative(c)
            if word is not None:
                return word
        return None
    return clause if clause.pos_ == "ADJ" and clause.lower_ in NEGATIVE_EVALUATIONS else None


def _evaluative(tok: Token) -> Token | None:
    """The token itself or a modifier of it that condemns: "egregious", "a cruel terrorist state"."""
    if tok.lower_ in NEGATIVE_EVALUATIONS or lemma(tok) in NEGATIVE_EVALUATIONS:
        return tok
    for c in tok.children:
        if c.dep_ in ("amod", "conj", "compound") and (c.lower_ in NEGATIVE_EVALUATIONS):
            return c
    return None
