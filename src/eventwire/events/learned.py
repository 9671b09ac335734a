"""A learned trigger model: which verbs and nouns that no lexicon lists still express a PLOVER event.

A multinomial logistic regression over sparse features of a token in its parse: its lemma and part of
speech, its dependency and head, its object, particles and prepositions, what kind of party its subject
and object are, whether it is negated or passive, and the senses the hand and generated lexicons give
its lemma (so it generalises to words it was not trained on). It is trained by
`scripts/train_trigger_model.py` on the tune split of the project's real-news annotations (never the
check split) and shipped as `events/data/trigger_model.json`: weights of the features it kept, a bias
per label and the probability threshold chosen by cross-validation on the tune split.

At run time it proposes a sense for a candidate token the lexicons say nothing of; the coder then reads
actors and recipients from the parse as for any other trigger, and records the rule as `learned` with the
model's probability as the confidence.
"""

from __future__ import annotations

import functools
import json
import math
from importlib import resources
from typing import Any

from spacy.tokens import Token

from eventwire.events import lexicon as lx
from eventwire.events.syntax import children, direct_object, lemma
from eventwire.models import SegmentKind

NONE = "NONE"
_PARTY_ENTS = {"PERSON": "per", "ORG": "org", "GPE": "gpe", "NORP": "norp"}


def candidate(tok: Token) -> bool:
    """Tokens the model judges: content verbs and common nouns outside names."""
    if tok.pos_ == "VERB":
        return tok.lemma_.lower() not in ("be", "have", "do")
    return tok.pos_ == "NOUN" and not tok.ent_type_ and len(tok.text) > 2


def _party(tok: Token | None) -> str:
    if tok is None:
        return "none"
    if tok.pos_ == "PRON":
        return "pron"
    ents = [t.ent_type_ for t in tok.subtree if t.ent_type_ in _PARTY_ENTS]
    return _PARTY_ENTS[ents[0]] if ents else "noun"


def features(tok: Token, segment: SegmentKind = "body") -> list[str]:
    """The sparse features of a candidate token."""
    from eventwire.events.senses import generated

    lem = lemma(tok)
    pos = "V" if tok.pos_ == "VERB" else "N"
    head = tok.head
    out = [
        "bias",
        f"lem={lem}",
        f"lem+pos={lem}|{pos}",
        f"pos={pos}",
        f"tag={tok.tag_}",
        f"dep={tok.dep_}",
        f"head={lemma(head)}|{tok.dep_}",
        f"headpos={head.pos_}|{tok.dep_}",
        f"suf={lem[-4:]}",
        f"seg={segment}",
    ]
    obj = direct_object(tok) if pos == "V" else None
    if obj is not None:
        out += [f"obj={lemma(obj)}", f"lem+obj={lem}|{lemma(obj)}", f"objparty={_party(obj)}"]
    subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass", "agent")), None)
    out.append(f"subjparty={_party(subj)}")
    for c in tok.children:
        if c.dep_ == "prt":
            out.append(f"prt={lem}|{c.lower_}")
        elif c.dep_ == "prep":
            out += [f"prep={c.lower_}", f"lem+prep={lem}|{c.lower_}"]
            for o in children(c, "pobj"):
                out.append(f"prep+party={c.lower_}|{_party(o)}")
        elif c.dep_ == "neg":
            out.append("neg")
        elif c.dep_ == "auxpass":
            out.append("passive")
        elif c.dep_ == "poss":
            out.append(f"poss={_party(c)}")
        elif c.dep_ in ("compound", "amod") and pos == "N":
            out.append(f"mod={lemma(c)}")
    verbs, nouns = generated(False)
    table = verbs if pos == "V" else nouns
    hand = lx.VERBS if pos == "V" else lx.NOUNS
    for source, senses in (("gen", table.get(lem, ())), ("hand", hand.get(lem, ()))):
        kinds = {s.type for s in senses}
        out += [f"{source}={t}" for t in kinds]
        if len(kinds) > 1:
            out.append(f"{source}=ambiguous")
        for s in senses:
            if s.obj is not None and obj is not None and lemma(obj) in s.obj:
                out.append(f"{source}+obj={s.type}")
    return out


class TriggerModel:
    """Weights per feature and label; `predict` gives the most probable event label and its probability."""

    def __init__(self, labels: list[str], weights: dict[str, list[float]], threshold: float) -> None:
        self.labels = labels
        self.weights = weights
        self.threshold = threshold

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> TriggerModel:
        return cls(list(data["labels"]), {k: list(v) for k, v in data["weights"].items()}, data["threshold"])

    def probabilities(self, feats: list[str]) -> list[float]:
        scores = [0.0] * len(self.labels)
        for f in feats:
            w = self.weights.get(f)
            if w is not None:
                for k, v in enumerate(w):
                    scores[k] += v
        top = max(scores)
        exp = [math.exp(s - top) for s in scores]
        total = sum(exp)
        return [e / total for e in exp]

    def predict(self, tok: Token, segment: SegmentKind = "body") -> tuple[str, float]:
        """The most probable event type (never NONE) and its probability."""
        probs = self.probabilities(features(tok, segment))
        best = max((k for k, label in enumerate(self.labels) if label != NONE), key=probs.__getitem__)
        return self.labels[best], probs[best]


@functools.cache
def trigger_model() -> TriggerModel | None:
    """The shipped model, or None when the package has none."""
    path = resources.files("eventwire.events").joinpath("data", "trigger_model.json")
    if not path.is_file():
        return None
    return TriggerModel.from_json(json.loads(path.read_text(encoding="utf-8")))
