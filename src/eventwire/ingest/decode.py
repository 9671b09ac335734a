"""Bytes to text, or a one-line reason why the input cannot be read as an English news article."""

from __future__ import annotations

import re
import unicodedata

from eventwire.errors import RejectError
from eventwire.ingest.language import judge, strip_addresses

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
# Feeds carry headline-only items ("Pope resigns"); one word alone says nothing to code.
MIN_WORDS = 2


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
    """Reject text that is too short to code or is not English (see `eventwire.ingest.language`).

    Web and mail addresses are not counted as words: a headline under its link is a headline.
    """
    bare = strip_addresses(text)
    words = _WORD.findall(bare)
    if len(words) < MIN_WORDS:
        raise RejectError(
            "too short", f"{len(words)} word{'s' * (len(words) != 1)}; an item needs at least {MIN_WORDS}"
        )
    if _letter_ratio(bare) < 0.5:
        raise RejectError("not prose", "fewer than half of the characters are letters")
    verdict = judge(bare)
    if not verdict.english:
        raise RejectError("not english", verdict.reason())


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
