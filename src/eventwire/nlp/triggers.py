"""Which word forms can be an event trigger, decided before any tagging or parsing.

The coder reads a trigger from the lexicon by lemma (verbs, also by regular-inflection guesses from the
word) or by the lower-cased word itself (event nouns, stance adjectives, obligation auxiliaries). A lemma
depends on the part-of-speech tag, so the tagger would have to run first; instead the set below holds every
form that the pipeline's lemmatizer could turn into a lexicon lemma under any tag: the lemmas themselves,
their forms by the lemmatizer's suffix rules run backwards, its exception tables, the attribute ruler's
lemma patterns and the regular inflections (-s, -es, -ed, -d, -ing, a doubled consonant, -ied). A word
outside the set cannot be a trigger, whatever it is tagged; the set errs only on the side of too many.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field

from spacy.language import Language

# Universal part-of-speech names the lemmatizer's tables may be keyed by.
_UPOS = ("adj adp adv aux cconj det intj noun num part pron propn punct sconj sym verb x").split()


@dataclass(frozen=True)
class TriggerForms:
    """Lower-cased word forms that may be a trigger; `patterns` catch forms given only as a regex."""

    forms: frozenset[str]
    patterns: tuple[re.Pattern[str], ...] = field(default=())

    def __contains__(self, lower: object) -> bool:
        if not isinstance(lower, str):
            return False
        return lower in self.forms or any(p.search(lower) for p in self.patterns)

    def any_in(self, lowers: Iterable[str]) -> bool:
        return any(w in self for w in lowers)


def trigger_forms(nlp: Language, lemmas: Collection[str], words: Collection[str] = ()) -> TriggerForms:
    """Every lower-cased form whose lemma under `nlp` may be one of `lemmas`, and the `words` as written."""
    keys = {k.lower() for k in lemmas}
    forms: set[str] = set(keys) | {w.lower() for w in words}
    for lemma in keys:
        forms.update(_regular_inflections(lemma))
    patterns: list[re.Pattern[str]] = []
    if "lemmatizer" in nlp.pipe_names:
        lookups = nlp.get_pipe("lemmatizer").lookups  # type: ignore[attr-defined]
        rules_table = lookups.get_table("lemma_rules", {})
        exc_table = lookups.get_table("lemma_exc", {})
        for pos in _UPOS:
            for old, new in rules_table.get(pos, []) or []:
                for lemma in keys:
                    if lemma.endswith(new):
                        forms.add(lemma[: len(lemma) - len(new)] + old)
            for form, lemma_list in (exc_table.get(pos, {}) or {}).items():
                if any(str(x).lower() in keys for x in lemma_list):
                    forms.add(str(form).lower())
    if "attribute_ruler" in nlp.pipe_names:
        for entry in nlp.get_pipe("attribute_ruler").patterns:  # type: ignore[attr-defined]
            lemma = entry["attrs"].get("LEMMA")
            if not isinstance(lemma, str) or lemma.lower() not in keys:
                continue
            for pattern in entry["patterns"]:
                spec = pattern[entry.get("index", 0)]
                lower = spec.get("LOWER") if isinstance(spec, dict) else None
                if isinstance(lower, str):
                    forms.add(lower)
                elif isinstance(lower, dict) and "IN" in lower:
                    forms.update(str(x) for x in lower["IN"])
                elif isinstance(lower, dict) and "REGEX" in lower:
                    patterns.append(re.compile(str(lower["REGEX"])))
                else:
                    patterns.append(re.compile(""))  # no word condition: every form may be one
    return TriggerForms(frozenset(forms), tuple(patterns))


def _regular_inflections(lemma: str) -> set[str]:
    out = {lemma + "s", lemma + "es", lemma + "d", lemma + "ed", lemma + "ing"}
    if lemma:
        out |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    if lemma.endswith("e"):
        out.add(lemma[:-1] + "ing")
    if lemma.endswith("y"):
        out |= {lemma[:-1] + "ied", lemma[:-1] + "ies"}
    return out
