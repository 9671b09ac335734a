"""The lemmatizer, with one lookup per distinct word, tag and morphology: the same lemmas, faster.

spaCy's rule lemmatizer caches its answer by (word, part of speech, morphology), except for base forms
("Number=Sing" nouns, "VerbForm=Inf" verbs, ...), which it works out again for every token, reading the
token's morphology into a dict each time; and each new word costs a scan of its index of known base
forms, a list of tens of thousands of words. Together a sizeable part of the English pipeline's time in
a fresh process. The answer depends on nothing but that key (the rule and lookup modes read the word,
its part of speech and its morphology), so `FastLemmatizer` works it out once per key, with spaCy's
tables and rules (the index read as a set), and sets the lemmas of a whole Doc from an array.

`FastLemmatizer.supports` says whether a lemmatizer is of that kind; for any other the caller keeps
spaCy's own component.
"""

from __future__ import annotations

from typing import Any, cast

import numpy as np
from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc, Token

# Lemmatizer classes whose answer depends only on the token's word, part of speech and morphology.
_KNOWN_BASE_FORMS = (Lemmatizer.is_base_form, EnglishLemmatizer.is_base_form)
_MODES = ("rule", "lookup")
# Distinct keys kept before the cache starts afresh: a day of news has a few hundred thousand, and a long
# run over many days should not grow without bound.
_CACHE_LIMIT = 500_000


class FastLemmatizer:
    """Applies a spaCy `Lemmatizer` to Docs with the same outcome, asking it once per distinct key."""

    def __init__(self, lemmatizer: Any) -> None:
        self.lemmatizer = lemmatizer
        self.strings = lemmatizer.vocab.strings
        self.overwrite = bool(lemmatizer.overwrite)
        self._cache: dict[tuple[int, int, int], int] = {}
        # Per part of speech: (any table has it, index of base forms as a set, exceptions, rules).
        self._tables: dict[str, tuple[bool, set[str], dict[str, list[str]], list[list[str]]]] = {}

    @staticmethod
    def supports(lemmatizer: Any) -> bool:
        cls = type(lemmatizer)
        return (
            isinstance(lemmatizer, Lemmatizer)
            and getattr(lemmatizer, "mode", None) in _MODES
            and cls.is_base_form in _KNOWN_BASE_FORMS
            and cls.rule_lemmatize is Lemmatizer.rule_lemmatize
            and cls.lookup_lemmatize is Lemmatizer.lookup_lemmatize
            and cls.__call__ is Lemmatizer.__call__
        )

    def __call__(self, doc: Doc) -> Doc:
        if len(doc) == 0:
            return doc
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = rows[:, 3].copy()
        cache = self._cache
        for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
            if lemma and not self.overwrite:
                continue
            key = (orth, pos, morph)
            value = cache.get(key)
            if value is None:
                if len(cache) >= _CACHE_LIMIT:
                    cache.clear()
                value = self.strings.add(self._lemma(doc[i]))
                cache[key] = value
            lemmas[i] = value
        doc.from_array([LEMMA], cast(Any, lemmas.astype(np.uint64)))  # one column, as spaCy takes it
        return doc

    def _lemma(self, token: Token) -> str:
        if self.lemmatizer.mode != "rule":
            return str(self.lemmatizer.lemmatize(token)[0])
        return self._rule_lemma(token)

    def _rule_lemma(self, token: Token) -> str:
        """spaCy's `Lemmatizer.rule_lemmatize`, first answer, with each word index read as a set.

        spaCy keeps the index of known base forms as a list and looks every candidate form up in it,
        which makes each new word cost a scan of tens of thousands of entries.
        """
        string = token.text
        univ_pos = token.pos_.lower()
        if univ_pos in ("", "eol", "space"):
            return str(self.lemmatizer.rule_lemmatize(token)[0])  # spaCy's own, with its warning
        if self.lemmatizer.is_base_form(token):
            return string.lower()
        tables = self._tables.get(univ_pos)
        if tables is None:
            lookups = self.lemmatizer.lookups
            index = lookups.get_table("lemma_index", {}).get(univ_pos)
            exceptions = lookups.get_table("lemma_exc", {}).get(univ_pos)
            rules = lookups.get_table("lemma_rules", {}).get(univ_pos)
            known = any((index, exceptions, rules))
            tables = self._tables[univ_pos] = (known, set(index or ()), exceptions or {}, rules or [])
        known, index_set, exc, rule_list = tables
        if not known:
            return string if univ_pos == "propn" else string.lower()
        orig = string
        string = string.lower()
        forms: list[str] = []
        oov_forms: list[str] = []
        for old, new in rule_list:
            if string.endswith(old):
                form = string[: len(string) - len(old)] + new
                if not form:
                    pass
                elif form in index_set:
                    forms.insert(0, form)
                elif not form.isalpha():
                    forms.append(form)
                else:
                    oov_forms.append(form)
        forms = list(dict.fromkeys(forms))
        for form in exc.get(string, []):
            if form not in forms:
                forms.insert(0, form)
        if not forms:
            forms.extend(oov_forms)
        return forms[0] if forms else orig
