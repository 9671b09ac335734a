"""Regex fragments the rules are built from (compiled case-insensitive; handlers check case)."""

from __future__ import annotations

MONTH_FULL = r"january|february|march|april|may|june|july|august|september|october|november|december"
MONTH_ABBR = r"jan\.?|feb\.?|mar\.|apr\.?|jun\.?|jul\.?|aug\.?|sept\.?|sep\.|oct\.?|nov\.?|dec\.?"
MONTH = rf"(?:{MONTH_FULL}|{MONTH_ABBR})"
# With a day or a year after it, a bare abbreviation is a month too ("Mar 5,2009", "Dec 2009").
MONTH_WITH_NUMBER = rf"(?:{MONTH_FULL}|{MONTH_ABBR}|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)"
WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
DAY = r"(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![0-9])"
YEAR4 = r"(?:1[0-9]{3}|20[0-9]{2})(?![0-9])"
SEASON = r"(?:spring|summer|autumn|fall|winter)"

_ONES = r"one|two|three|four|five|six|seven|eight|nine"
_TEENS = r"ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
_TENS = r"twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
NUM_WORD = rf"(?:(?:{_TENS})(?:[- ](?:{_ONES}))?|{_TEENS}|{_ONES}|a\s+dozen|dozen|half\s+a\s+dozen)"
NUM_DIGIT = r"(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)"
NUM = rf"(?:{NUM_DIGIT}|{NUM_WORD})"
VAGUE = r"(?:several|a\s+few|few|some|many|a\s+couple\s+of|a\s+number\s+of|numerous|recent|coming)"

# Units of calendar durations; seconds and quarters are handled apart (ordinals, fractions).
UNIT = r"(?:minutes?|hours?|days?|weeks?|months?|years?|decades?|century|centuries|fortnights?)"

APPROX = (
    r"(?:about|around|approximately|roughly|nearly|almost|some|more\s+than|less\s+than|fewer\s+than|"
    r"over|under|at\s+least|at\s+most|up\s+to|only|just|barely|well\s+over|close\s+to|"
    r"upwards\s+of|no\s+more\s+than|no\s+less\s+than)"
)
PARTWORD = (
    r"(?:early|late|mid|earlier|later|the\s+(?:end|beginning|start|middle|close|turn|dawn|rest)\s+of|"
    r"(?:the\s+)?(?:early|late|latter)\s+part\s+of)"
)
TIMEZONE = (
    r"(?:GMT|UTC|EDT|EST|CDT|CST|MDT|MST|PDT|PST|BST|CET|CEST|EET|EEST|MSK|IST|JST|KST|AEST|AEDT|HKT|SGT)"
)


def mod_of(word: str | None) -> str | None:
    """TIMEX3 mod of a part word ("early" -> START, "late 2011" -> END, "mid-" -> MID)."""
    if not word:
        return None
    w = " ".join(word.lower().replace("-", " ").split())
    if w.startswith(("early", "earlier", "the beginning", "the start", "the dawn", "the early")):
        return "START"
    if w.startswith(("late", "later", "the end", "the close", "the late", "the latter", "the turn")):
        return "END"
    if w.startswith(("mid", "the middle")):
        return "MID"
    return None


def approx_mod(word: str | None) -> str | None:
    if not word:
        return None
    w = " ".join(word.lower().split())
    if w in ("more than", "over", "well over", "upwards of", "at least", "no less than"):
        return "MORE_THAN" if w not in ("at least", "no less than") else "EQUAL_OR_MORE"
    if w in ("less than", "fewer than", "under", "at most", "up to", "no more than", "barely"):
        return "LESS_THAN" if w in ("less than", "fewer than", "under") else "EQUAL_OR_LESS"
    return "APPROX"
