"""Clock times ("10:00pm", "9 a.m. EDT", "1500 GMT", "noon") and the vague references
PRESENT_REF / PAST_REF / FUTURE_REF ("now", "recently", "in the future")."""

from __future__ import annotations

import re

from eventwire.time.engine import Context, Norm, Rule
from eventwire.time.fragments import NUM, TIMEZONE, UNIT, VAGUE
from eventwire.time.textutil import prev_word

_F = re.IGNORECASE


def _clock_value(h: int, minute: int) -> str:
    return f"T{h:02d}:{minute:02d}"


def _ampm(m: re.Match[str], ctx: Context) -> Norm | None:
    h = int(m["h"])
    minute = int(m["m"]) if m["m"] else 0
    if not 1 <= h <= 12:
        return None
    pm = m["ampm"].lower().startswith("p")
    if pm and h != 12:
        h += 12
    elif not pm and h == 12:
        h = 0
    mod = "APPROX" if m["ap"] else None
    return Norm("TIME", _clock_value(h, minute), mod=mod, needs_day=True)


def _clock24(m: re.Match[str], ctx: Context) -> Norm | None:
    h, minute = int(m["h"]), int(m["m"])
    if h > 24 or minute > 59:
        return None
    before = ctx.text[max(0, m.start() - 12) : m.start()]
    # "John 3:16", "won 2:1" — only plain clock readings after a preposition or alone.
    if (
        not m["tz"]
        and re.search(r"(?:\d[.,]?|[A-Za-z]\s|\bby\s|\bratio\s|\bscore\s)$", before)
        and not re.search(r"\b(?:at|by|until|till|from|to|before|after|around|about)\s$", before, _F)
    ):
        return None
    return Norm("TIME", _clock_value(h, minute), needs_day=True)


def _military(m: re.Match[str], ctx: Context) -> Norm | None:
    return Norm("TIME", _clock_value(int(m["h"]), int(m["m"])), needs_day=True)


def _noon(m: re.Match[str], ctx: Context) -> Norm | None:
    w = m["w"].lower()
    value = "T12:00" if w in ("noon", "midday") else "T24:00"
    return Norm("TIME", value, mod="APPROX" if m["ap"] else None, needs_day=True)


# -- vague references ------------------------------------------------------------------------


def _present(m: re.Match[str], ctx: Context) -> Norm | None:
    w = " ".join(m.group(0).lower().split())
    if w == "now":
        nxt = ctx.text[m.end() : m.end() + 12].lower()
        if re.match(r"[-‑]\w|\s+that\b", nxt):
            return None  # "now-defunct", "now that" (a conjunction)
    return Norm("DATE", "PRESENT_REF")


def _past(m: re.Match[str], ctx: Context) -> Norm | None:
    return Norm("DATE", "PAST_REF", start=m.start("x"), end=m.end("x"))


def _future(m: re.Match[str], ctx: Context) -> Norm | None:
    return Norm("DATE", "FUTURE_REF", start=m.start("x"), end=m.end("x"))


def _soon(m: re.Match[str], ctx: Context) -> Norm | None:
    if prev_word(ctx.text, m.start()).lower() in ("as", "too", "how"):
        return None
    if re.match(
        r"\s+(?:after|afterwards?|as|thereafter|enough)\b|er\b|-", ctx.text[m.end() : m.end() + 14], _F
    ):
        return None
    if not ctx.selecting and ctx.direction(m.start(), m.end()) == "past":
        return None  # "he soon left": narrative, not the future of the dct
    return Norm("DATE", "FUTURE_REF")


_AMPM = r"(?P<ampm>a\.\s?m\.?|p\.\s?m\.?|am|pm)(?![a-z])"
_APPROX_T = r"(?:(?P<ap>about|around|approximately|shortly\s+(?:before|after)|just\s+(?:before|after))\s+)?"


RULES: list[Rule] = [
    Rule(
        "clock_ampm",
        re.compile(
            rf"{_APPROX_T}(?<![\w:.])(?P<h>[01]?\d)(?:[:.](?P<m>[0-5]\d))?(?::[0-5]\d)?\s*{_AMPM}"
            rf"(?:\s*\((?P<tz>{TIMEZONE})\)|\s*(?P<tz2>{TIMEZONE})\b)?",
            _F,
        ),
        _ampm,
        trigger=frozenset({"am", "pm", "m"}),
    ),
    Rule(
        "clock_24h",
        re.compile(
            rf"(?<![\w:.])(?P<h>[01]?\d|2[0-4]):(?P<m>[0-5]\d)(?::[0-5]\d)?(?![\d:])"
            rf"(?:\s*(?P<tz>{TIMEZONE}|hrs|hours|local\s+time)\b)?"
        ),
        _clock24,
        trigger=frozenset({":"}),
    ),
    Rule(
        "clock_military",
        re.compile(rf"(?<![\w:.,])(?P<h>[01]\d|2[0-3])(?P<m>[0-5]\d)\s*(?P<tz>{TIMEZONE}|hrs)\b"),
        _military,
        trigger=frozenset({"NUM4"}),
    ),
    Rule(
        "noon",
        re.compile(rf"{_APPROX_T}\b(?P<w>noon|midday|midnight)\b", _F),
        _noon,
        trigger=frozenset({"noon", "midday", "midnight"}),
    ),
    Rule(
        "present_ref",
        re.compile(
            r"\b(?:right\s+now|now|currently|at\s+present|presently|nowadays|these\s+days|(?:at|for)\s+the\s+moment|"
            r"the\s+present\s+time)\b(?![-‑]\w)",
            _F,
        ),
        _present,
        trigger=frozenset({"now", "currently", "present", "presently", "nowadays", "days", "moment"}),
    ),
    Rule(
        "past_ref",
        re.compile(
            rf"\b(?P<x>recently|lately|of\s+late|the\s+past(?!\s+(?:{NUM}|{VAGUE}|{UNIT}|week|year|month|day|"
            rf"decade|century|weekend|quarter|summer|winter|spring|autumn|fall)\b))(?![\w-])",
            _F,
        ),
        _past,
        trigger=frozenset({"recently", "lately", "late", "past"}),
    ),
    Rule(
        "future_ref",
        re.compile(
            r"\b(?P<x>the\s+(?:(?:near|foreseeable|distant|immediate|not-too-distant)\s+)?future)\b", _F
        ),
        _future,
        trigger=frozenset({"future"}),
    ),
    Rule("soon", re.compile(r"\bsoon\b", _F), _soon, trigger=frozenset({"soon"})),
]
