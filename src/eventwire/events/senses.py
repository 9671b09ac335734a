"""Where an event's sense comes from: which words, in which constructions, express which PLOVER event.

Two sources, in order:
1. the hand lexicon (`events/lexicon.py`): news phrasings written from the PLOVER manual, and every
   correction of what the resources get wrong. A lemma it lists is read from it alone;
2. the generated lexicon (`events/data/generated_lexicon.json`, built by `scripts/build_trigger_lexicon.py`
   from the CAMEO verb dictionaries mapped to PLOVER and from VerbNet classes): the breadth of verbs and
   event nouns, less the lemmas that `lexicon.GENERATED_EXCLUDED` drops with a reason each.

A sense may require a direct object head, a particle or a preposition; the most specific sense that fits
wins. Generated senses weigh less than hand-written ones (their confidence is lower).
"""

from __future__ import annotations

import functools
import json
from collections.abc import Mapping
from importlib import resources
from typing import Any

from spacy.tokens import Token

from eventwire.events import lexicon as lx
from eventwire.events.lexicon import Sense, words
from eventwire.events.syntax import direct_object, lemma, prep_objects, verb_lemmas

#: Confidence of a sense read from the generated lexicon.
GENERATED_WEIGHT = 0.6
# Where the recipient of a generated sense is read from, by type.
_GENERATED_ROLES: Mapping[str, tuple[str, ...]] = {
    lx.CONSULT: ("dobj", "with"),
    lx.AID: ("dative", "to", "dobj", "for"),
    lx.REQUEST: ("dobj", "dative", "on", "to", "from"),
    lx.ASSAULT: ("dobj", "on", "against", "at", "in"),
}
_DEFAULT_ROLES = ("dobj", "dative", "with", "to", "against", "on")
# An event noun's "of" phrase names whom it is done to: "the abduction of 276 schoolgirls".
_OF_FIRST = ("of", "against", "on", "to", "with")
_NOMINAL_ROLES: Mapping[str, tuple[str, ...]] = {lx.CONSULT: ("with", "between"), lx.AID: ("to", "for", "of")}

_ASSAULT_STRIKE_MODS = words(
    "air missile drone military rocket artillery retaliatory preemptive pre-emptive aerial naval "
    "nuclear precision"
)
_LABOUR_STRIKE_MODS = words(
    "general hunger labor labour nationwide worker workers teachers doctors union national transport"
)

_ARMED_WORDS = words(
    "military army troop soldier jet aircraft drone missile rocket bomb airstrike navy force forces target "
    "warplane artillery killed kill"
)


# Off only while the filter itself is measured: every generated lemma then fires.
_FILTER = {"on": True}


def active() -> tuple[dict[str, tuple[Sense, ...]], dict[str, tuple[Sense, ...]]]:
    """The generated verb and noun senses the coder reads now (all of them while being measured)."""
    return generated(_FILTER["on"])


def measure_unfiltered(on: bool = True) -> None:
    """Read every generated lemma (`scripts/filter_generated_lexicon.py` measures them all)."""
    _FILTER["on"] = not on


def _data(name: str) -> dict[str, Any]:
    path = resources.files("eventwire.events").joinpath("data", name)
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}


def measured_exclusions() -> dict[str, dict[str, str]]:
    """Generated lemmas that did not hold up on real news (`scripts/filter_generated_lexicon.py`), and
    under "types" the PLOVER types whose generated senses did not."""
    data = _data("generated_filter.json")
    out = {kind: dict(v) for kind, v in data.get("excluded", {}).items()}
    out["types"] = dict(data.get("excluded_types", {}))
    return out


@functools.cache
def generated(filtered: bool = True) -> tuple[dict[str, tuple[Sense, ...]], dict[str, tuple[Sense, ...]]]:
    """The generated lexicon's verb and noun senses, less what the hand lexicon lists, the lemmas it
    excludes and (when `filtered`) those that did not hold up on real news."""
    data = _data("generated_lexicon.json")
    # Nominalisations of the event verbs (`scripts/build_event_nouns.py`) join the lexicon's nouns.
    nominal = {
        k: v for k, v in _data("generated_nouns.json").get("nouns", {}).items() if k not in data["nouns"]
    }
    measured = measured_exclusions() if filtered else {}
    out: list[dict[str, tuple[Sense, ...]]] = []
    for kind, hand in (("verbs", lx.VERBS), ("nouns", lx.NOUNS)):
        table: dict[str, tuple[Sense, ...]] = {}
        dropped = measured.get(kind, {})
        entries_by_key = data.get(kind, {}) | (nominal if kind == "nouns" else {})
        roles = _GENERATED_ROLES if kind == "verbs" else _NOMINAL_ROLES
        for key, entries in entries_by_key.items():
            head, _, rest = key.partition(" ")
            if (
                head in hand
                or key in lx.GENERATED_EXCLUDED
                or head in lx.GENERATED_EXCLUDED
                or (kind, head) in lx.GENERATED_EXCLUDED_BY_KIND
                or key in dropped
                or head in dropped
            ):
                continue
            senses = []
            for e in entries:
                if e["type"] in measured.get("types", {}):
                    continue
                prt = e.get("prt") or (rest if rest and " " not in rest else None)
                if rest and " " in rest:
                    continue  # longer phrases need more than a particle to match
                etype = e["type"]
                senses.append(
                    Sense(
                        etype,
                        mode=e.get("mode"),
                        context=tuple(e.get("context") or ()),
                        obj=frozenset(e["obj"]) if e.get("obj") else None,
                        prep=e.get("prep"),
                        prt=prt,
                        recipient=roles.get(etype, _DEFAULT_ROLES if kind == "verbs" else _OF_FIRST),
                        weight=GENERATED_WEIGHT,
                        source="generated",
                    )
                )
            if senses:
                table[head] = table.get(head, ()) + tuple(senses)
        out.append(table)
    return out[0], out[1]


def lemma_senses(tok: Token) -> tuple[Sense, ...] | None:
    """A verb's senses: the hand lexicon's for the first of its lemma guesses it lists, else the
    generated lexicon's."""
    for table in (lx.VERBS, active()[0]):
        senses = next((table[k] for k in verb_lemmas(tok) if k in table), None)
        if senses:
            return senses
    return None


def noun_senses(tok: Token) -> tuple[Sense, ...] | None:
    nouns = active()[1]
    return (
        lx.NOUNS.get(tok.lower_) or lx.NOUNS.get(lemma(tok)) or nouns.get(tok.lower_) or nouns.get(lemma(tok))
    )


def verb_sense(tok: Token) -> Sense | None:
    senses = lemma_senses(tok)
    if not senses:
        return None
    obj = direct_object(tok)
    objs = {obj.lower_, lemma(obj)} if obj is not None else set()
    if obj is not None:
        for c in obj.children:
            if c.dep_ in ("conj", "compound"):
                objs |= {c.lower_, lemma(c)}
            elif c.dep_ == "prep" and c.lower_ == "of":
                objs |= {g.lower_ for g in c.children if g.dep_ == "pobj"}
                objs |= {lemma(g) for g in c.children if g.dep_ == "pobj"}
    # "took 100 passengers hostage": the object's predicate counts as an object word too.
    objs |= {lemma(c) for c in tok.children if c.dep_ in ("oprd", "npadvmod") and c.pos_ == "NOUN"}
    # ... which the parser sometimes reads as a clause ("holding 20 crew members hostage").
    objs |= {c.lower_ for c in tok.children if c.dep_ in ("ccomp", "xcomp")}
    preps = {c.lower_ for c in tok.children if c.dep_ in ("prep", "agent", "dative")}
    prts = {c.lower_ for c in tok.children if c.dep_ == "prt"}
    fits = [
        s
        for s in senses
        if (s.obj is None or bool(objs & s.obj))
        and not (s.no_object and obj is not None)
        and (s.prep is None or s.prep in preps)
        and (s.prt is None or s.prt in prts)
    ]
    if not fits:
        return None
    return max(fits, key=lambda s: s.specificity)


def noun_sense(tok: Token) -> Sense | None:
    senses = noun_senses(tok)
    if not senses:
        return None
    sense = senses[0]
    if sense.type == lx.MOBILIZE:
        of = prep_objects(tok, "of")
        if tok.lower_ == "alert" and not (tok.dep_ == "pobj" and tok.head.lower_ == "on"):
            return None  # "on alert", not "an alert was issued"
        if of and not ({lemma(o) for o in of} & lx.FORCE_NOUNS):
            return None  # "mobilization of 12 million doses": no force
    if tok.lower_ in ("strike", "strikes"):
        mods = {c.lower_ for c in tok.children if c.dep_ in ("amod", "compound", "nmod")}
        if mods & _LABOUR_STRIKE_MODS:
            mode = "hunger" if "hunger" in mods else "strike"
            return Sense(lx.PROTEST, mode=mode, recipient=("against",))
        if not (mods & _ASSAULT_STRIKE_MODS):
            # A bare "strike" is a walkout unless the sentence speaks of arms.
            armed = any(lemma(t) in _ARMED_WORDS for t in tok.sent)
            if not armed:
                return Sense(lx.PROTEST, mode="strike", recipient=("against",), weight=0.5)
            return Sense(lx.ASSAULT, recipient=sense.recipient, weight=0.5)
    return sense
