"""A phrase index with longest-match look-up over a sequence of words.

Keys are normalised phrases (:func:`eventwire.actors.normalize.phrase_key`).  A look-up starts at one
word and returns the longest phrase found, measured in words of the input: hyphens, periods and
possessives are handled by the normalisation ("al - Qaeda", "U.S.", "Russia's", "People 's").
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Generic, TypeVar

from eventwire.actors.normalize import is_clitic, strip_possessive, word_tokens

V = TypeVar("V")

#: A look-up never spans more words than this.
MAX_WORDS = 24


class PhraseIndex(Generic[V]):
    """Normalised phrase -> value, with a longest-match search over words."""

    def __init__(self) -> None:
        self._entries: dict[str, V] = {}
        self._longest: dict[str, int] = {}  # first sub-token -> most sub-tokens of a key

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, key: object) -> bool:
        return key in self._entries

    def get(self, key: str) -> V | None:
        return self._entries.get(key)

    def items(self) -> Iterator[tuple[str, V]]:
        return iter(self._entries.items())

    def add(self, key: str, value: V) -> None:
        """Store ``value`` under the normalised ``key`` (replacing what was there)."""
        if not key:
            return
        self._entries[key] = value
        parts = key.split(" ")
        if len(parts) > self._longest.get(parts[0], 0):
            self._longest[parts[0]] = len(parts)

    def discard(self, key: str) -> None:
        self._entries.pop(key, None)

    def longest(
        self,
        words: Sequence[str],
        start: int,
        accept: Callable[[V, Sequence[str]], bool] | None = None,
    ) -> tuple[int, V] | None:
        """The longest phrase starting at ``words[start]``: (number of words, value), or None.

        ``accept(value, span_words)`` may reject a candidate (for example on letter case); shorter
        candidates are then still considered.
        """
        if start < 0 or start >= len(words) or is_clitic(words[start]):
            return None
        stripped_first = strip_possessive(words[start])
        forms = (word_tokens(words[start]), word_tokens(stripped_first) if stripped_first else [])
        limit = max((self._longest.get(tokens[0], 0) for tokens in forms if tokens), default=0)
        if not limit:
            return None
        tokens: list[str] = []
        best: tuple[int, V] | None = None
        for end in range(start, min(len(words), start + MAX_WORDS)):
            word = words[end]
            if is_clitic(word):
                if tokens and word.lower().rstrip("'’").endswith("s"):
                    tokens[-1] += "s"
                continue
            parts = word_tokens(word)
            if not parts:
                continue  # punctuation inside a phrase: a match never ends on it
            if len(tokens) >= limit:
                break
            candidates = [" ".join([*tokens, *parts])]
            stripped = strip_possessive(word)
            if stripped is not None:
                stripped_parts = word_tokens(stripped)
                if stripped_parts:
                    candidates.append(" ".join([*tokens, *stripped_parts]))
            tokens.extend(parts)
            span = words[start : end + 1]
            for key in candidates:
                value = self._entries.get(key)
                if value is not None and (accept is None or accept(value, span)):
                    best = (end - start + 1, value)
                    break
        return best
