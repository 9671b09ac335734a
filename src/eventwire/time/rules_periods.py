"""Named periods: decades ("the 1990s"), centuries, quarters ("the third quarter", "Q3 2023"),
halves, seasons ("summer 2011", "last spring") and holidays ("Christmas")."""

from __future__ import annotations

import re

from eventwire.time.anchor import year_for_day, year_for_part, year_for_season
from eventwire.time.calendar import fmt_day, holiday
from eventwire.time.engine import Context, Norm, Rule
from eventwire.time.fragments import PARTWORD, SEASON, YEAR4, mod_of
from eventwire.time.lexicon import DECADE_WORDS, ORDINALS, SEASONS
from eventwire.time.textutil import day_num, is_cap, next_word, prev_word, words

_F = re.IGNORECASE


def _decade(m: re.Match[str], ctx: Context) -> Norm | None:
    has_the = m.group(0).lower().startswith("the")
    if m["d4"]:
        digits = m["d4"]
        if digits.endswith("00") and int(digits) < 2000:
            return Norm("DATE", digits[:2], mod=mod_of(m["pw"]))  # "the 1800s": the century
        return Norm("DATE", digits[:3], mod=mod_of(m["pw"]))
    if m["d2"] or m["d2b"]:
        if m["d2b"] and not (has_the or m["pw"]):
            return None  # "in their 80s" is an age
        tens = int((m["d2"] or m["d2b"])[0])
        century = 20 if tens * 10 <= ctx.dct.year % 100 and ctx.dct.year >= 2000 and tens <= 2 else 19
        return Norm("DATE", f"{century}{tens}", mod=mod_of(m["pw"]))
    if m["dw"]:
        if not (has_the or m["pw"]):
            return None
        return Norm("DATE", f"19{DECADE_WORDS[m['dw'].lower()]}", mod=mod_of(m["pw"]))
    return None


def _century(m: re.Match[str], ctx: Context) -> Norm | None:
    tok = m["n"].lower()
    n = day_num(tok) if tok[0].isdigit() else ORDINALS.get(tok)
    if not n or n > 22:
        return None
    return Norm("DATE", f"{n - 1:02d}", mod=mod_of(m["pw"]))


# -- quarters, halves, seasons ---------------------------------------------------------------

_QUARTER_WORD = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}


def _rel_year(ctx: Context, rel: str | None) -> int | None:
    if not rel:
        return None
    r = rel.lower()
    if r in ("this", "current", "same"):
        return ctx.dct.year
    if r in ("last", "previous", "past", "year-earlier", "year-ago"):
        return ctx.dct.year - 1
    if r in ("next", "coming"):
        return ctx.dct.year + 1
    return None


def _part_of_year(m: re.Match[str], ctx: Context, code: str, index: int, parts: int) -> Norm | None:
    year_tok = m["y1"] or m["y2"]
    year = int(year_tok) if year_tok else _rel_year(ctx, m["rel"] or m["rel2"])
    if year is None:
        way = None if ctx.selecting else ctx.direction(m.start(), m.end())
        year = ctx.sentence_year(m.start()) or year_for_part(ctx.dct, index, parts, way)
    return Norm("DATE", f"{year:04d}-{code}{index}")


def _quarter(m: re.Match[str], ctx: Context) -> Norm | None:
    q = m["q"].lower()
    if q in ("final", "last"):
        if not (m["y2"] or m["rel2"]) and not m["y1"]:
            return None  # "the last quarter" is read by the relative rules
        index = 4
    else:
        index = _QUARTER_WORD[q]
    return _part_of_year(m, ctx, "Q", index, 4)


def _quarter_code(m: re.Match[str], ctx: Context) -> Norm | None:
    index = int(m["qn"] or m["qn2"])
    year_tok = m["y3"] or m["y4"]
    if year_tok:
        return Norm("DATE", f"{year_tok}-Q{index}")
    if not m["qn"] or m.group(0)[0] != "Q":
        return None
    way = None if ctx.selecting else ctx.direction(m.start(), m.end())
    return Norm("DATE", f"{year_for_part(ctx.dct, index, 4, way):04d}-Q{index}")


def _half(m: re.Match[str], ctx: Context) -> Norm | None:
    h = m["h"].lower()
    index = 1 if h in ("first", "1st") else 2
    if not (m["y1"] or m["y2"] or m["rel"] or m["rel2"]):
        if re.match(r"\s+of\s+(?!the\s+year)", ctx.text[m.end() : m.end() + 16]):
            return None  # "the first half of the match"
        if not re.match(r"the\s", m.group(0), _F) and "-" not in m.group(0):
            return None
    return _part_of_year(m, ctx, "H", index, 2)


_FUNCTION_WORDS = words(
    "and or but to in on at by for from since until during before after as with the a an that this "
    "these those is are was were be been will would through across around when while"
)
_SEASON_CONTEXT = words("in during by until till since through throughout this last next early late mid the")


def _season(m: re.Match[str], ctx: Context) -> Norm | None:
    season_tok = m["s"]
    code = SEASONS[season_tok.lower()]
    rel = m["rel"].lower() if m["rel"] else None
    if m["y"]:
        return Norm("DATE", f"{m['y']}-{code}", mod=mod_of(m["pw"]))
    if not rel and not m["pw"]:
        prev = prev_word(ctx.text, m.start()).lower()
        if not m["the"] and prev not in _SEASON_CONTEXT:
            return None
        if season_tok.lower() == "fall":
            # "the fall in prices", "after the fall of the wall": only "in the fall" and the like.
            before_the = prev_word(ctx.text, m.start("the")).lower() if m["the"] else ""
            if not m["the"] or before_the not in ("in", "during", "by", "until", "since", "through", "this"):
                return None
            if next_word(ctx.text, m.end()).lower() in ("in", "of", "from", "to"):
                return None
        nxt = next_word(ctx.text, m.end())
        if is_cap(season_tok) and is_cap(nxt):
            return None  # "Summer Olympics"
        if not m["the"] and nxt[:1].islower() and nxt.lower() not in _FUNCTION_WORDS:
            return None  # "during winter meetings": a modifier, not a date
        if re.match(r"\s+of\s+(?!\d)", ctx.text[m.end() : m.end() + 8]):
            return None  # "the winter of discontent"
    way = None if ctx.selecting else ctx.direction(m.start(), m.end())
    year = (None if rel else ctx.sentence_year(m.start())) or year_for_season(ctx.dct, code, rel, way)
    return Norm("DATE", f"{year:04d}-{code}", mod=mod_of(m["pw"]))


def _holiday(m: re.Match[str], ctx: Context) -> Norm | None:
    name = " ".join(m["h"].split())
    if not is_cap(name) or prev_word(ctx.text, m.start()).lower() == "orthodox":
        return None
    if not m["y"]:
        nxt = next_word(ctx.text, m.end())
        followed = nxt and not re.match(r"\s*[,.;:!?)\"”']", ctx.text[m.end() : m.end() + 3])
        if followed and (is_cap(nxt) or nxt.lower() not in _FUNCTION_WORDS):
            return None  # "Christmas trees", "Easter Island"
    key = name.lower().replace("’", "'")
    if key == "new year's":
        key = "new year's day"
    if m["y"]:
        d = holiday(key, int(m["y"]))
        return Norm("DATE", fmt_day(d)) if d else None
    way = None if ctx.selecting else ctx.direction(m.start(), m.end())
    probe = holiday(key, ctx.dct.year)
    if probe is None:
        return None
    year = year_for_day(ctx.dct, probe.month, probe.day, way) or ctx.dct.year
    d = holiday(key, year)
    return Norm("DATE", fmt_day(d)) if d else None


_PW = rf"(?:(?P<pw>{PARTWORD})[\s-]*)?"
_ORDINAL_WORDS = "|".join(sorted(ORDINALS, key=len, reverse=True))

RULES: list[Rule] = [
    Rule(
        "decade",
        re.compile(
            rf"(?:\bthe\s+)?{_PW}(?:\b(?P<d4>1[0-9]{{2}}0|20[0-9]0)['’]?s|['’](?P<d2>[0-9]0)['’]?s|\b(?P<d2b>[2-9]0)['’]?s|"
            rf"\b(?P<dw>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))(?![\w'’])",
            _F,
        ),
        _decade,
        trigger=frozenset(
            {
                "D0",
                "twenties",
                "thirties",
                "forties",
                "fifties",
                "sixties",
                "seventies",
                "eighties",
                "nineties",
            }
        ),
    ),
    Rule(
        "century",
        re.compile(
            rf"(?:\bthe\s+)?{_PW}\b(?P<n>\d{{1,2}}(?:st|nd|rd|th)|{_ORDINAL_WORDS})[\s-]+century\b",
            _F,
        ),
        _century,
        trigger=frozenset({"century"}),
    ),
    Rule(
        "quarter",
        re.compile(
            rf"(?:\bthe\s+)?(?:(?P<y1>{YEAR4})(?:['’]s)?\s+|\b(?P<rel>this|last|next|current|previous|same|year-earlier|year-ago)\s+(?:year['’]s\s+)?)?"
            rf"(?:fiscal\s+)?\b(?P<q>first|second|third|fourth|final|last|1st|2nd|3rd|4th)[\s-]+(?:fiscal[\s-]+)?quarter"
            rf"(?:\s+of\s+(?:(?:fiscal\s+)?(?P<y2>{YEAR4})|(?:the\s+)?(?P<rel2>this|last|next|previous|current)\s+(?:fiscal\s+)?year))?(?![\w-])",
            _F,
        ),
        _quarter,
        trigger=frozenset({"quarter"}),
    ),
    Rule(
        "quarter_code",
        re.compile(rf"\b(?:Q(?P<qn>[1-4])(?:\s*(?P<y3>{YEAR4}))?|(?P<y4>{YEAR4})[\s-]*Q(?P<qn2>[1-4]))\b"),
        _quarter_code,
        trigger=frozenset({"q"}),
    ),
    Rule(
        "half",
        re.compile(
            rf"(?:\bthe\s+)?(?:(?P<y1>{YEAR4})(?:['’]s)?\s+)?\b(?P<h>first|second|latter|1st|2nd)[\s-]+half"
            rf"(?:\s+of\s+(?:(?P<y2>{YEAR4})|(?:the\s+)?(?P<rel>this|last|next)\s+year))?(?P<rel2>)(?![\w-])",
            _F,
        ),
        _half,
        trigger=frozenset({"half"}),
    ),
    Rule(
        "season",
        re.compile(
            rf"{_PW}(?:\b(?P<the>the)\s+)?(?:\b(?P<rel>this|last|next|past|coming|previous)\s+)?\b(?P<s>{SEASON})"
            rf"(?:\s+(?:of\s+)?(?P<y>{YEAR4}))?(?![\w-])",
            _F,
        ),
        _season,
        trigger=frozenset({"spring", "summer", "autumn", "fall", "winter"}),
    ),
    Rule(
        "holiday",
        re.compile(
            r"\b(?P<h>christmas(?:\s+(?:day|eve))?|new\s+year['’]s(?:\s+(?:day|eve))?|easter(?:\s+(?:sunday|monday))?|"
            r"good\s+friday|thanksgiving(?:\s+day)?|labor\s+day|memorial\s+day|halloween|valentine['’]s\s+day|"
            rf"veterans\s+day|boxing\s+day)(?:,?\s+(?P<y>{YEAR4}))?(?![\w])",
            _F,
        ),
        _holiday,
        trigger=frozenset(
            {
                "christmas",
                "new",
                "easter",
                "friday",
                "thanksgiving",
                "labor",
                "memorial",
                "halloween",
                "valentine",
            }
            | {"veterans", "boxing"}
        ),
    ),
]
