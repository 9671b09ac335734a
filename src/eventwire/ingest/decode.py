"""Bytes to text, or a one-line reason why the input cannot be read as an English news article."""

from __future__ import annotations

import re
import unicodedata

from eventwire.errors import RejectError

# Function words that make up a large share of any English prose and little of other languages.
_ENGLISH_WORDS = frozenset(
    [
        "the",
        "of",
        "and",
        "to",
        "in",
        "a",
        "is",
        "that",
        "for",
        "on",
        "it",
        "with",
        "as",
        "was",
        "by",
        "he",
        "at",
        "from",
        "his",
        "said",
        "be",
        "are",
        "have",
        "has",
        "an",
        "were",
        "its",
        "not",
        "but",
        "they",
        "this",
        "who",
        "their",
        "been",
        "which",
        "will",
        "had",
        "after",
        "also",
        "would",
        "more",
        "than",
        "over",
        "about",
        "into",
        "two",
        "one",
        "new",
        "when",
        "there",
        "we",
        "or",
        "could",
        "year",
        "other",
        "last",
        "first",
        "up",
        "out",
        "she",
        "her",
        "them",
    ]
)
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
MIN_WORDS = 8


def decode_bytes(data: bytes, *, max_bytes: int) -> tuple[str, str | None]:
    """Decode input bytes to text; return (text, note) where note names a fallback encoding used.

    Raises RejectError with a one-line reason for empty, oversized, binary or undecodable input.
    """
    if len(data) > max_bytes:
        raise RejectError(
            "too large", f"{len(data):,} bytes is over the {max_bytes:,}-byte limit (raise --max-bytes)"
        )
    if not data.strip():
        raise RejectError("empty", "the input holds no text")
    if _looks_binary(data):
        raise RejectError("binary", "the input holds binary data, not text")
    note = None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            raise RejectError(
                "not utf-8",
                f"invalid UTF-8 at byte {exc.start} and not readable as Windows-1252 either; "
                "convert the file to UTF-8",
            ) from None
        note = "decoded as Windows-1252"
        if _letter_ratio(text) < 0.6:
            raise RejectError(
                "not utf-8", f"invalid UTF-8 at byte {exc.start}; convert the file to UTF-8"
            ) from None
    return normalise_text(text), note


def normalise_text(text: str) -> str:
    """Unicode NFC and Unix newlines, so the same story always hashes to the same id."""
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))


def check_prose(text: str) -> None:
    """Reject text that is too short to code or is not English."""
    words = _WORD.findall(text.lower())
    if len(words) < MIN_WORDS:
        raise RejectError("too short", f"{len(words)} words; an article needs at least {MIN_WORDS}")
    if _letter_ratio(text) < 0.5:
        raise RejectError("not prose", "fewer than half of the characters are letters")
    english = sum(w in _ENGLISH_WORDS for w in words) / len(words)
    if english < 0.08:
        raise RejectError(
            "not english", f"only {english:.0%} English function words; eventwire codes English text"
        )


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(b < 32 and b not in (9, 10, 12, 13) for b in sample)
    return controls / len(sample) > 0.05


def _letter_ratio(text: str) -> float:
    visible = [c for c in text if not c.isspace()]
    if not visible:
        return 0.0
    return sum(c.isalpha() for c in visible) / len(visible)
