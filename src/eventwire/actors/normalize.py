"""Normalisation of words and phrases into dictionary keys.

One word of text becomes zero or more *sub-tokens*: accents folded, lower-cased, periods and apostrophes
removed ("U.S." -> "us", "People's" -> "peoples", "Qa'ida" -> "qaida"), split at hyphens, slashes and
underscores ("al-Qaeda" -> "al", "qaeda").  A phrase key is its sub-tokens joined by single spaces.  A
possessive clitic token ("'s" as split off by a tokenizer) is glued to the sub-token before it, so
"People 's" and "People's" give the same key.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence

_APOSTROPHES = "'’‘`´ʼ"
_SPECIAL_LETTERS = str.maketrans(
    {"ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ß": "ss", "æ": "ae", "œ": "oe", "ı": "i"}
)
_SPLIT = re.compile(r"[\s_/\\\-‐‑‒–—―]+")
_DROP = re.compile(r"[^0-9a-z]")
_NOT_NAME = re.compile(r"[$€£¥₩₹%]")
_CLITICS = frozenset({"'s", "’s", "'", "’", "s'", "s’"})
_POSSESSIVE = re.compile(r"(?:['’]s|s['’]|['’])$", re.IGNORECASE)


def fold(text: str) -> str:
    """Lower-case ``text`` and strip accents ("Élysée" -> "elysee")."""
    decomposed = unicodedata.normalize("NFKD", text.lower().translate(_SPECIAL_LETTERS))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def word_tokens(word: str) -> list[str]:
    """The sub-tokens of one word of text (empty for punctuation).

    A word with a currency or percent sign ("US$") is kept whole, so that it matches no name.
    """
    if _NOT_NAME.search(word):
        return [word.lower()]
    folded = fold(word)
    for apostrophe in _APOSTROPHES:
        folded = folded.replace(apostrophe, "")
    folded = folded.replace(".", "")
    return [part for part in (_DROP.sub("", p) for p in _SPLIT.split(folded)) if part]


def is_clitic(word: str) -> bool:
    """True for a possessive clitic token as tokenizers split it off ("'s", "'")."""
    return word in _CLITICS


def strip_possessive(word: str) -> str | None:
    """``word`` without a final possessive ("Russia's" -> "Russia"), or None when there is none."""
    if len(word) > 2 and _POSSESSIVE.search(word):
        stripped = _POSSESSIVE.sub("", word)
        return stripped or None
    return None


def tokens_of_words(words: Iterable[str]) -> list[str]:
    """The sub-tokens of a sequence of words, with clitics glued to the sub-token before them."""
    out: list[str] = []
    for word in words:
        if is_clitic(word):
            if out:
                out[-1] += "s" if word.lower().rstrip("'’").endswith("s") else ""
            continue
        out.extend(word_tokens(word))
    return out


def phrase_key(text: str | Sequence[str]) -> str:
    """The dictionary key of a phrase given as text (split at blanks and underscores) or as words."""
    words = _SPLIT_WORDS.split(text.strip()) if isinstance(text, str) else list(text)
    return " ".join(tokens_of_words(w for w in words if w))


_SPLIT_WORDS = re.compile(r"[\s_]+")


def has_upper(word: str) -> bool:
    return any(ch.isupper() for ch in word)


def all_upper(words: Iterable[str]) -> bool:
    """True when every letter of ``words`` is upper case (and there is at least one letter)."""
    letters = [ch for w in words for ch in w if ch.isalpha()]
    return bool(letters) and all(ch.isupper() for ch in letters)
