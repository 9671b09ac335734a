"""Small helpers over the spaCy dependency parse (ClearNLP labels, as the English pipelines use)."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from eventwire.events.lexicon import words

SUBJ = words("nsubj csubj")
PASSIVE_SUBJ = words("nsubjpass csubjpass")
STANCE_PARTICIPLES = words("opposed committed dedicated devoted")
# Verbs whose object is the one who is to act in their complement: "urged Iran to stop".
OBJECT_CONTROL = words(
    "urge ask order force persuade invite call press tell encourage allow help pressure push compel "
    "request instruct authorize authorise want lead"
)


_STATEMENT_NOUNS = words(
    "declaration statement letter resolution communique report message appeal note decree ultimatum "
    "motion petition"
)


def lemma(tok: Token) -> str:
    return tok.lemma_.lower()


def verb_lemmas(tok: Token) -> list[str]:
    """The lemma, then regular-inflection guesses for when the lemmatizer errs ("staged" -> "stag")."""
    out = [tok.lemma_.lower()]
    w = tok.lower_
    if w.endswith("ied"):
        out.append(w[:-3] + "y")
    if w.endswith("ed"):
        out += [w[:-1], w[:-2]]
        if len(w) > 4 and w[-3] == w[-4]:
            out.append(w[:-3])  # stopped -> stop
    if w.endswith("ing"):
        out += [w[:-3], w[:-3] + "e"]
        if len(w) > 5 and w[-4] == w[-5]:
            out.append(w[:-4])
    if w.endswith("es"):
        out += [w[:-1], w[:-2]]
    elif w.endswith("s"):
        out.append(w[:-1])
    return out


def children(tok: Token, *deps: str) -> list[Token]:
    return [c for c in tok.children if c.dep_ in deps]


def child(tok: Token, *deps: str) -> Token | None:
    return next((c for c in tok.children if c.dep_ in deps), None)


def entity_covering(tok: Token) -> Span | None:
    """The named entity the token is part of, if any."""
    if not tok.ent_type_:
        return None
    for ent in tok.sent.ents if tok.doc.has_annotation("SENT_START") else tok.doc.ents:
        if ent.start <= tok.i < ent.end:
            return ent
    return None


def is_passive(tok: Token) -> bool:
    if is_stance(tok):
        return False
    return any(c.dep_ in PASSIVE_SUBJ or c.dep_ == "auxpass" for c in tok.children)


def is_stance(tok: Token) -> bool:
    """A participle parsed as a passive that states its subject's stance: "X is opposed to Y", "X is
    committed to the truce". The subject holds the stance; nobody acts on it."""
    return (
        tok.lower_ in STANCE_PARTICIPLES
        and any(c.dep_ == "prep" and c.lower_ == "to" for c in tok.children)
        and not any(c.dep_ == "agent" for c in tok.children)
        and child(tok, *PASSIVE_SUBJ) is not None
    )


def direct_object(tok: Token) -> Token | None:
    """The verb's object; in the passive, its grammatical subject ("prisoners were released")."""
    obj = child(tok, "dobj")
    if obj is None and is_passive(tok):
        obj = child(tok, "nsubjpass")
    if obj is None:
        # "fire on", "call for": the object of a preposition is not a direct object.
        obj = child(tok, "attr") if tok.lemma_ == "be" else None
    return obj


def prep_objects(tok: Token, prep: str) -> list[Token]:
    """Objects of a preposition attached to `tok` ("talks with X", "an attack on X")."""
    out: list[Token] = []
    for c in tok.children:
        if c.dep_ in ("prep", "agent", "dative") and c.lower_ == prep:
            out.extend(g for g in c.children if g.dep_ == "pobj")
            # "between X and Y": the conjunct is the second party.
            for g in list(out):
                out.extend(k for k in g.children if k.dep_ == "conj")
    return out


def subject(tok: Token, depth: int = 0) -> Token | None:
    """The one who acts: the subject, the passive agent, or the controller of a complement."""
    if depth > 6:
        return None
    s = child(tok, *SUBJ)
    if s is not None:
        return s
    if is_stance(tok):
        return child(tok, *PASSIVE_SUBJ)
    if is_passive(tok):
        agents = prep_objects(tok, "by")
        return agents[0] if agents else None
    head = tok.head
    if head == tok:
        return None
    dep = tok.dep_
    if dep == "xcomp" and head.pos_ == "ADJ" and head.dep_ in ("acomp", "oprd"):
        return subject(head.head, depth + 1)  # "X is ready to meet": the one who is ready
    if dep in ("acomp", "oprd"):
        return subject(head, depth + 1)
    if dep == "xcomp":
        if lemma(head) in OBJECT_CONTROL:
            obj = child(head, "dobj")
            if obj is not None:
                return obj
        return subject(head, depth + 1)
    if dep == "conj" and head.pos_ in ("VERB", "AUX"):
        return subject(head, depth + 1)
    if dep in ("advcl", "pcomp") and tok.tag_ == "VBG":
        gov = head.head if dep == "pcomp" else head
        return subject(gov, depth + 1)
    if dep == "pcomp" and head.dep_ == "prep":
        return subject(head.head, depth + 1)
    if dep == "acl" and head.dep_ in ("dobj", "pobj") and lemma(head) in _STATEMENT_NOUNS:
        # "issued a declaration demanding ...": the one who issued it.
        gov = head.head.head if head.dep_ == "pobj" else head.head
        return subject(gov, depth + 1)
    if dep in ("relcl", "acl") and head.pos_ in ("NOUN", "PROPN", "PRON"):
        return head
    return None


def ancestors_until_clause(tok: Token) -> Iterator[Token]:
    """Heads above `tok`, nearest first."""
    t = tok
    while t.head != t:
        t = t.head
        yield t


def is_descendant(tok: Token, root: Token) -> bool:
    return root.left_edge.i <= tok.i <= root.right_edge.i and any(a == root for a in tok.ancestors)


def path_deps(tok: Token, top: Token) -> list[str]:
    """Dependency labels on the way from `tok` up to `top` (which must be an ancestor)."""
    deps = []
    t = tok
    while t != top and t.head != t:
        deps.append(t.dep_)
        t = t.head
    return deps


def is_verb(tok: Token) -> bool:
    return tok.pos_ == "VERB" or (tok.tag_.startswith("VB") and tok.pos_ != "AUX")


def phrase_span(tok: Token) -> range:
    """Token indices of an argument's phrase, without the clauses that hang on it."""
    lo = hi = tok.i
    for t in tok.subtree:
        if t.dep_ in ("relcl", "acl", "advcl", "ccomp"):
            continue
        if t.dep_ == "punct" and t.i != tok.i:
            continue  # a sentence's full stop hung on a misparsed subject is not part of it
        if any(
            a.dep_ in ("relcl", "acl", "advcl", "ccomp") and a.i != tok.i
            for a in t.ancestors
            if tok.left_edge.i <= a.i <= tok.right_edge.i and a != tok and tok in a.ancestors
        ):
            continue
        lo, hi = min(lo, t.i), max(hi, t.i)
    return range(lo, hi + 1)
