"""Whether a candidate event is one a careful coder reads out of the sentence: a learned judge.

The rules propose candidates (a trigger with its sense, actors, recipients and modality). Two kinds of
candidate are uncertain in ways the rules cannot settle alone:
- a candidate whose doer the text does not name and the rules for unknown doers do not cover ("the
  talks", "the organisation urged ...", "he was fined and imprisoned" with "he" unresolved): by the
  rules it is dropped; the judge may *rescue* it, with the doer described by the text or `(unnamed)`;
- a candidate with a party as its doer: the judge may *drop* it when it is very unlikely to be an event.

The judge is a logistic regression over sparse features of the candidate (the trigger's lemma and parse
context as the learned trigger model reads them, plus the candidate's type, rule, modality, what kind of
doer and recipient it has and where its sense comes from). It is trained by
`scripts/train_acceptance_model.py` on the tune split of the project's real-news annotations (never the
check split) and shipped as `events/data/acceptance_model.json` with two thresholds chosen by
cross-validation over whole tune articles: `rescue` for candidates without a named doer, `keep` for the
rest. Without the file the coder behaves as the rules say.
"""

from __future__ import annotations

import functools
import json
import math
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING, Any

from eventwire.events.doers import UNNAMED
from eventwire.events.learned import features as token_features
from eventwire.events.syntax import lemma
from eventwire.models import Entity, SegmentKind

if TYPE_CHECKING:
    from eventwire.events.extract import Found

MODEL_FILE = "acceptance_model.json"


def _doer_kind(actors: list[Entity], rescued: bool) -> str:
    if rescued:
        return "rescued-absent" if all(a.text == UNNAMED for a in actors) else "rescued-described"
    if any(a.text == UNNAMED for a in actors):
        return "absent"
    if any(a.country for a in actors) or any(a.members for a in actors):
        return "country"
    if any(a.sector for a in actors):
        return "sector"
    return "named"


def candidate_features(found: Found, segment: SegmentKind = "body") -> list[str]:
    """The sparse features of one candidate event."""
    t = found.type
    lem = lemma(found.trigger)
    doer = _doer_kind(found.actors, found.rescued)
    recip = "none" if not found.recipients else "some"
    if any(r.country for r in found.recipients):
        recip = "country"
    out = token_features(found.trigger, segment)
    out += [
        f"type={t}",
        f"rule={found.rule}",
        f"type+rule={t}|{found.rule}",
        f"type+lem={t}|{lem}",
        f"modality={found.modality}",
        f"type+modality={t}|{found.modality}",
        f"doer={doer}",
        f"type+doer={t}|{doer}",
        f"rule+doer={found.rule}|{doer}",
        f"recip={recip}",
        f"type+recip={t}|{recip}",
        f"source={found.sense.source}",
        f"type+source={t}|{found.sense.source}",
    ]
    if found.via_pronoun:
        out.append("via-pronoun")
    if found.noun is not None and found.noun is not found.trigger:
        out.append(f"noun={lemma(found.noun)}")
    return out


@dataclass
class AcceptanceModel:
    """Feature weights of a binary logistic regression and its two thresholds."""

    weights: dict[str, float]
    keep: float
    rescue: float

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> AcceptanceModel:
        weights = {k: float(v) for k, v in data["weights"].items()}
        return cls(weights, float(data["keep"]), float(data["rescue"]))

    def probability(self, feats: list[str]) -> float:
        z = sum(self.weights.get(f, 0.0) for f in feats)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


class Judge:
    """Accepts every candidate the rules accept and rescues none: the coder without a model."""

    rescues = False

    def accept(self, found: Found, segment: SegmentKind = "body") -> bool:
        return True


class ModelJudge(Judge):
    """Keeps or rescues candidates by the shipped model's probability; records it as the confidence."""

    rescues = True

    def __init__(self, model: AcceptanceModel) -> None:
        self.model = model

    def accept(self, found: Found, segment: SegmentKind = "body") -> bool:
        p = self.model.probability(candidate_features(found, segment))
        if found.rescued:
            if p < self.model.rescue:
                return False
            found.confidence = round(min(found.confidence, p), 2)
            return True
        return p >= self.model.keep


@functools.cache
def acceptance_model() -> AcceptanceModel | None:
    """The shipped model, or None when the package has none."""
    path = resources.files("eventwire.events").joinpath("data", MODEL_FILE)
    if not path.is_file():
        return None
    return AcceptanceModel.from_json(json.loads(path.read_text(encoding="utf-8")))


def default_judge() -> Judge:
    model = acceptance_model()
    return ModelJudge(model) if model is not None else Judge()
