"""The attribute ruler, applied without spaCy's general matcher: the same rules, the same results.

spaCy's `AttributeRuler` maps tags to part-of-speech and morphology (and a few words to lemmas) by running
its patterns through a `Matcher` and setting the attributes match by match, in Python: about a sixth of the
English pipeline's time. Its patterns are all fixed-length sequences of single-token conditions on the
tag, the lower-cased form, the dependency label and whether the token is a space, so a token's matches
follow from those four values: they are worked out once per distinct combination and cached, and each
token's attributes are set once, later rules overriding earlier ones as in spaCy.

`FastAttributeRuler.supports` says whether a ruler's patterns are of that kind; for any other pipeline the
caller keeps spaCy's own component.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

_KEYS = ("TAG", "LOWER", "DEP", "IS_SPACE")
_OPS = frozenset({"IN", "NOT_IN", "REGEX"})
# (tag, lower, dep, is_space) of one token.
Key = tuple[str, str, str, bool]
Predicate = Callable[[Key], bool]


def _value_predicate(slot: int, cond: Any) -> Predicate:
    if isinstance(cond, dict):
        ((op, arg),) = cond.items()
        if op == "IN":
            values = frozenset(arg)
            return lambda k: k[slot] in values
        if op == "NOT_IN":
            values = frozenset(arg)
            return lambda k: k[slot] not in values
        rx = re.compile(arg)
        return lambda k: bool(rx.search(str(k[slot])))
    return lambda k: k[slot] == cond


def _token_predicate(spec: dict[str, Any]) -> Predicate:
    preds = [_value_predicate(_KEYS.index(name), cond) for name, cond in spec.items()]
    return lambda k: all(p(k) for p in preds)


def _spec_supported(spec: Any) -> bool:
    if not isinstance(spec, dict) or not spec or any(k not in _KEYS for k in spec):
        return False
    for cond in spec.values():
        if isinstance(cond, dict) and (len(cond) != 1 or next(iter(cond)) not in _OPS):
            return False
        if isinstance(cond, list):
            return False
    return True


class FastAttributeRuler:
    """Applies a spaCy `AttributeRuler`'s rules to Docs with the same outcome, faster."""

    def __init__(self, ruler: Any) -> None:
        self.vocab = ruler.vocab
        # One entry per rule, in spaCy's order: its token patterns, the token it sets and its attributes.
        self._rules: list[tuple[list[list[Predicate]], int, dict[Any, Any]]] = []
        for attr_id, entry in enumerate(ruler.patterns):
            preds = [[_token_predicate(spec) for spec in pattern] for pattern in entry["patterns"]]
            self._rules.append((preds, int(entry.get("index", 0)), ruler.attrs[attr_id]))
        # One-token patterns, indexed by a condition they cannot match without (an exact tag or word);
        # the rest are tried on every new token kind. Longer patterns: (rule, pattern, token set).
        self._by_slot: list[dict[str, list[tuple[int, Predicate]]]] = [{}, {}]
        self._anywhere: list[tuple[int, Predicate]] = []
        for rule_id, entry in enumerate(ruler.patterns):
            if int(entry.get("index", 0)) not in (0, -1):
                continue
            for pattern in entry["patterns"]:
                if len(pattern) == 1:
                    self._index(rule_id, pattern[0])
        self._multi = [
            (i, pattern, index if index >= 0 else len(pattern) + index)
            for i, (preds, index, _) in enumerate(self._rules)
            for pattern in preds
            if len(pattern) > 1
        ]
        self._key_cache: dict[tuple[int, ...], tuple[Key, tuple[int, ...], tuple[int, ...]]] = {}
        self._merged: dict[tuple[int, ...], dict[Any, Any]] = {}

    @staticmethod
    def supports(ruler: Any) -> bool:
        """True when every pattern is a fixed sequence of conditions this class evaluates."""
        try:
            return all(
                pattern and all(_spec_supported(spec) for spec in pattern)
                for entry in ruler.patterns
                for pattern in entry["patterns"]
            )
        except (AttributeError, KeyError, TypeError):
            return False

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if n == 0:
            return doc
        keys: list[Key] = []
        matched: list[list[int]] = []
        starts: list[tuple[int, int]] = []  # (position, longer pattern) whose first token matches
        for i, row in enumerate(doc.to_array([TAG, LOWER, DEP, IS_SPACE]).tolist()):
            key, single, first = self._kind(tuple(row))
            keys.append(key)
            matched.append(list(single))
            starts.extend((i, m) for m in first)
        for i, m in starts:
            rule_id, pattern, index = self._multi[m]
            if i + len(pattern) <= n and all(pattern[j](keys[i + j]) for j in range(1, len(pattern))):
                target = matched[i + index]
                if rule_id not in target:
                    target.append(rule_id)
        for i, ids in enumerate(matched):
            if not ids:
                continue
            order = tuple(sorted(ids))
            attrs = self._merged.get(order)
            if attrs is None:
                attrs = {}
                for rule_id in order:
                    attrs.update(self._rules[rule_id][2])
                self._merged[order] = attrs
            set_token_attrs(doc[i], attrs)
        return doc

    def _kind(self, row: tuple[int, ...]) -> tuple[Key, tuple[int, ...], tuple[int, ...]]:
        """For a token's (tag, lower, dep, space) ids: its strings, the one-token rules that match it and
        the longer patterns whose first token it matches. Worked out once per distinct combination."""
        hit = self._key_cache.get(row)
        if hit is None:
            strings = self.vocab.strings
            key: Key = (strings[row[0]], strings[row[1]], strings[row[2]], bool(row[3]))
            first = tuple(m for m, (_, pattern, _) in enumerate(self._multi) if pattern[0](key))
            hit = (key, self._single_matches(key), first)
            self._key_cache[row] = hit
        return hit

    def _index(self, rule_id: int, spec: dict[str, Any]) -> None:
        pred = _token_predicate(spec)
        for slot, name in enumerate(("TAG", "LOWER")):
            cond = spec.get(name)
            values = [cond] if isinstance(cond, str) else None
            if isinstance(cond, dict) and "IN" in cond:
                values = [str(v) for v in cond["IN"]]
            if values is not None:
                for v in values:
                    self._by_slot[slot].setdefault(v, []).append((rule_id, pred))
                return
        self._anywhere.append((rule_id, pred))

    def _single_matches(self, key: Key) -> tuple[int, ...]:
        """The rules with a one-token pattern that matches a token of this kind (and so sets it)."""
        tried = self._by_slot[0].get(key[0], []) + self._by_slot[1].get(key[1], []) + self._anywhere
        return tuple(sorted({rule_id for rule_id, pred in tried if pred(key)}))
