"""Cheap pre-scan: where in a text a time expression can be, before any full pattern runs.

Every rule names trigger keys that all its matches contain: plain words ("ago", "quarter") or
classes (MONTH, WEEKDAY, WEEKDAYS, UNIT, NUM, YEAR). One tokenising pass finds the trigger words
(a set lookup per word); a rule's full pattern is then tried only at the word starts up to BEFORE
characters ahead of one of its triggers, which keeps a paragraph well under a millisecond.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable

from eventwire.time.lexicon import MONTHS, UNITS, WEEKDAYS

_WEEKDAY_NAMES = frozenset(w for w in WEEKDAYS if len(w) > 5)
_UNIT_WORDS = frozenset(
    {u for u in UNITS} | {u + "s" for u in UNITS} | {"centuries", "fortnight", "fortnights"}
)
CLASS_WORDS: dict[str, frozenset[str]] = {
    "MONTH": frozenset(MONTHS),
    "WEEKDAY": _WEEKDAY_NAMES,
    "WEEKDAYS": frozenset(w + "s" for w in _WEEKDAY_NAMES),
    "UNIT": _UNIT_WORDS,
}
_TOKEN = re.compile(r"[A-Za-z]+|\d+|['’](?=\d)|[/:](?=\d)")

# Room before a trigger word for the optional words a pattern takes ahead of it.
BEFORE = 45


def _classes(word: str) -> tuple[str, ...]:
    if word[0].isdigit():
        # NUM4: four digits ("1500 GMT"); D0: ends in 0 ("1990s", "'80s").
        keys = ["NUM"]
        if len(word) == 4:
            keys.append("NUM4")
            if 1000 <= int(word) <= 2099:
                keys.append("YEAR")
        if word.endswith("0"):
            keys.append("D0")
        return tuple(keys)
    if word in ("/", ":", "'", "’"):
        return (word,)
    low = word.lower()
    return (low, *(name for name, members in CLASS_WORDS.items() if low in members))


class TriggerScanner:
    """The trigger vocabulary of a set of rules (the words their keys stand for)."""

    def __init__(self, keys: Iterable[str]) -> None:
        vocabulary: set[str] = set()
        for key in keys:
            if key in CLASS_WORDS:
                vocabulary |= CLASS_WORDS[key]
            elif key not in ("NUM", "NUM4", "YEAR", "D0"):
                vocabulary.add(key)
        self.vocabulary = frozenset(vocabulary)
        self._class_cache: dict[str, tuple[str, ...]] = {}

    def classes(self, word: str) -> tuple[str, ...]:
        found = self._class_cache.get(word)
        if found is None:
            found = _classes(word)
            if len(self._class_cache) < 50_000:  # bounded: a long-running process sees endless numbers
                self._class_cache[word] = found
        return found


class TriggerIndex:
    """Trigger positions in one text, and for a set of keys the word starts where a match may begin."""

    def __init__(self, text: str, scanner: TriggerScanner, start: int = 0) -> None:
        tokens = [(m.start(), m.group()) for m in _TOKEN.finditer(text, start)]
        self.word_starts: list[int] = [s for s, _tok in tokens]
        self.positions: dict[str, list[int]] = defaultdict(list)
        vocabulary = scanner.vocabulary
        for s, tok in tokens:
            if tok[0].isdigit() or tok in vocabulary or tok.lower() in vocabulary:
                for key in scanner.classes(tok):
                    self.positions[key].append(s)
        self._starts: dict[frozenset[str], list[int]] = {}

    def starts(self, keys: frozenset[str]) -> list[int]:
        """Where a match of a rule with these trigger keys may begin."""
        found = self._starts.get(keys)
        if found is not None:
            return found
        ws = self.word_starts
        hits: set[int] = set()
        for key in keys:
            for s in self.positions.get(key, ()):
                hits.update(ws[bisect_left(ws, s - BEFORE) : bisect_right(ws, s)])
        found = self._starts[keys] = sorted(hits)
        return found
