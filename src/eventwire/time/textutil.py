"""Small text helpers the handlers share: neighbouring words, capitalisation, number parsing."""

from __future__ import annotations

import re

from eventwire.time.lexicon import MONTHS, ORDINALS, number_value

_WORD_BEFORE = re.compile(r"([A-Za-z][\w'’.-]*)\W*$")
_WORD_AFTER = re.compile(r"^\W*?([A-Za-z][\w'’-]*)")


def prev_word(text: str, pos: int, span: int = 40) -> str:
    """The word just before pos (same line), or ''."""
    chunk = text[max(0, pos - span) : pos]
    chunk = chunk.rsplit("\n", 1)[-1]
    m = _WORD_BEFORE.search(chunk)
    return m.group(1) if m else ""


def next_word(text: str, pos: int, span: int = 40) -> str:
    chunk = text[pos : pos + span].split("\n", 1)[0]
    m = _WORD_AFTER.match(chunk)
    return m.group(1) if m else ""


def is_cap(word: str) -> bool:
    return bool(word) and word[0].isupper()


def month_num(token: str) -> int | None:
    return MONTHS.get(token.lower().rstrip(".").strip())


def day_num(token: str) -> int | None:
    t = re.sub(r"(st|nd|rd|th)$", "", token.lower().strip())
    if t.isdigit():
        return int(t)
    return ORDINALS.get(t)


def count(token: str | None) -> int | float | None:
    """Number of a quantity word ("two", "12", "1.5", "a"), None for vague ones ("several")."""
    if token is None:
        return None
    t = " ".join(token.lower().split())
    if re.fullmatch(r"\d+\.\d+", t):
        return float(t)
    return number_value(t)


def fmt_count(n: int | float) -> str:
    if isinstance(n, float) and not n.is_integer():
        return f"{n:g}"
    return str(int(n))


def words(spaced: str) -> frozenset[str]:
    """A word list written as one spaced string."""
    return frozenset(spaced.split())
