"""Calendar dates named outright: "Sept. 30", "30 September 2023", "2023-09-30", "9/30/2023",
"September 2023", "October this year", "last March", "in March", "2011", "fiscal 1998"."""

from __future__ import annotations

import re

from eventwire.time.anchor import year_for_day, year_for_month
from eventwire.time.calendar import fmt_day, fmt_month, safe_date
from eventwire.time.engine import Context, Norm, Rule
from eventwire.time.fragments import (
    DAY,
    MONTH,
    MONTH_FULL,
    MONTH_WITH_NUMBER,
    PARTWORD,
    WEEKDAY,
    YEAR4,
    mod_of,
)
from eventwire.time.lexicon import ORDINALS
from eventwire.time.tense import Direction
from eventwire.time.textutil import day_num, is_cap, month_num, next_word, prev_word, words

_F = re.IGNORECASE

# Capitalised words that may stand right before a bare year or weekday ("In 2011", "By Monday").
_CAP_OK = words(
    "in on at by since until till from through to and or of for before after during between early "
    "late mid fiscal fy the this last next every each around about circa year years summer spring "
    "autumn fall winter christmas easter but as that when while until unlike like than since"
)
# Nouns that make a four-digit number a count or a label, not a year.
_NOT_YEAR_AFTER = re.compile(
    r"\s*(?:%|percent|per\s*cent|people|persons|troops|soldiers|men|women|children|votes|km|kilomet|"
    r"miles|met(?:er|re)s|feet|ft|tons|tonnes|units|cases|deaths|dollars|euros|pounds|yen|yuan|barrels|"
    r"acres|hectares|pages|words|points|members|students|workers|jobs|homes|cars|vehicles|rounds|"
    r"shares|hours|minutes|calories|residents|refugees|civilians|prisoners|and\s+\d|x\s*\d|mm|cm|kg|"
    r"lbs?|mph|km/h|rpm|gb|mb)\b",
    _F,
)
_QUANTITY_BEFORE = words(
    "about nearly almost some approximately around over than least only just roughly estimated "
    "additional another"
)
_LABEL_BEFORE = words(
    "no no. number # route flight resolution article section chapter room page model code highway "
    "road street avenue suite unit vol vol. issue p. pp. bill act law rule order decree"
)


def _month_ok(m: re.Match[str], text: str, tok: str, start: int, needs_context: bool) -> bool:
    """A month name must be capitalised; "May" and "March" alone need a context that makes them months."""
    if not is_cap(tok):
        return False
    if not needs_context:
        return True
    low = tok.lower().rstrip(".")
    prev = prev_word(text, start)
    if low == "may":
        if prev.lower() in _MONTH_PREPS:
            return True
        if _at_sentence_start(text, start) or is_cap(prev):
            return False  # "May I ...", "Theresa May"
        return next_word(text, m.end()).lower() not in _MODAL_FOLLOWERS
    if low == "march":
        nxt = next_word(text, m.end()).lower()
        return not (prev.lower() in ("the", "a") and nxt in ("on", "to", "through", "against", "from", "for"))
    return True


_MODAL_FOLLOWERS = words(
    "be have not also well soon never still yet even already want need face become take make get go "
    "come see find lose help allow affect"
)
_MONTH_PREPS = words(
    "in since until till by from through of during last next this early late mid before after between "
    "and or to around about until throughout"
)


def _range_year(ctx: Context, start: int, month: int, day: int) -> int | None:
    """Year of the end of a range: the first one not before the range's start."""
    if ctx.selecting:
        return None
    first = ctx.range_start(start)
    if first is None or not re.match(r"^\d{4}-\d{2}", first):
        return None
    y, m0 = int(first[:4]), int(first[5:7])
    d0 = int(first[8:10]) if re.match(r"^\d{4}-\d{2}-\d{2}", first) else 1
    return y if (month, day) >= (m0, d0) else y + 1


def _date_value(
    ctx: Context, m: re.Match[str], mon_tok: str, day_tok: str, year_tok: str | None
) -> str | None:
    month, day = month_num(mon_tok), day_num(day_tok)
    if month is None or day is None:
        return None
    if year_tok:
        d = safe_date(int(year_tok), month, day)
        return fmt_day(d) if d else None
    way = None if ctx.selecting else _way(ctx, m.start(), m.end())
    year = _range_year(ctx, m.start(), month, day) or ctx.sentence_year(m.start())
    year = year or year_for_day(ctx.dct, month, day, way)
    if year is None:
        return None
    d = safe_date(year, month, day)
    return fmt_day(d) if d else None


# -- numeric forms --------------------------------------------------------------------------


def _iso(m: re.Match[str], ctx: Context) -> Norm | None:
    d = safe_date(int(m["y"]), int(m["mo"]), int(m["d"]))
    if d is None:
        return None
    if m["h"] is not None:
        h, mi = int(m["h"]), int(m["mi"])
        if h > 24 or mi > 59:
            return None
        return Norm("TIME", f"{fmt_day(d)}T{h:02d}:{mi:02d}")
    return Norm("DATE", fmt_day(d))


def _slash(m: re.Match[str], ctx: Context) -> Norm | None:
    a, b, y = int(m["a"]), int(m["b"]), m["y"]
    year = int(y) if len(y) == 4 else (2000 + int(y) if int(y) <= (ctx.dct.year % 100) + 1 else 1900 + int(y))
    month, day = (a, b) if a <= 12 else (b, a)  # US order unless impossible
    d = safe_date(year, month, day)
    return Norm("DATE", fmt_day(d)) if d else None


# -- month names -----------------------------------------------------------------------------


def _month_day(m: re.Match[str], ctx: Context) -> Norm | None:
    for wd in (m["wd"], m["wd2"]):
        if wd and not is_cap(wd):
            return None
    if not _month_ok(m, ctx.text, m["mon"], m.start("mon"), needs_context=False):
        return None
    year_tok = m["year"]
    if not year_tok:
        # "March 2-4, 2023", "Sept. 14 and 18, 2010": the year stated after the range.
        tail = _RANGE_TAIL.match(ctx.text, m.end())
        year_tok = tail.group(1) if tail else None
    if (
        not year_tok
        and (month_num(m["mon"]), day_num(m["day"])) == (9, 11)
        and next_word(ctx.text, m.end()).lower() in _NINE_ELEVEN_NOUNS
    ):
        year_tok = "2001"  # "the Sept. 11 attacks"
    value = _date_value(ctx, m, m["mon"], m["day"], year_tok)
    if value is None:
        return None
    return Norm("DATE", value, mod=mod_of(m["pw"]))


_RANGE_TAIL = re.compile(rf"\s*(?:[-–]|and|or|to)\s*\d{{1,2}}(?:st|nd|rd|th)?,?\s+({YEAR4})", _F)
_NINE_ELEVEN_NOUNS = words("attacks attack terrorist terror hijackings hijackers hijacking commission")


def _day_month(m: re.Match[str], ctx: Context) -> Norm | None:
    if m["wd"] and not is_cap(m["wd"]):
        return None
    if not _month_ok(m, ctx.text, m["mon"], m.start("mon"), needs_context=False):
        return None
    value = _date_value(ctx, m, m["mon"], m["day"], m["year"])
    return Norm("DATE", value) if value else None


def _month_year(m: re.Match[str], ctx: Context) -> Norm | None:
    if not _month_ok(m, ctx.text, m["mon"], m.start("mon"), needs_context=False):
        return None
    month = month_num(m["mon"])
    if month is None:
        return None
    return Norm("DATE", fmt_month(int(m["year"]), month), mod=mod_of(m["pw"]))


def _month_alone(m: re.Match[str], ctx: Context) -> Norm | None:
    if not _month_ok(m, ctx.text, m["mon"], m.start("mon"), needs_context=not m["pw"]):
        return None
    month = month_num(m["mon"])
    if month is None:
        return None
    if (
        m["mon"].endswith(".") is False
        and len(m["mon"]) <= 4
        and m["mon"].lower() not in ("may", "june", "july")
    ):
        return None  # bare abbreviations without a period ("Jan", "Dec") are too often names
    way = None if ctx.selecting else _way(ctx, m.start(), m.end())
    year = (
        _year_in_range_context(ctx.text, m.end())
        or _range_year(ctx, m.start(), month, 1)
        or ctx.sentence_year(m.start())
        or year_for_month(ctx.dct, month, way)
    )
    return Norm("DATE", fmt_month(year, month), mod=mod_of(m["pw"]))


# "delayed the tariffs until April 2", "lasted until March 3": the end of a stretch that began at the
# event, which may lie on either side of the dct whatever the tense; the nearest date is meant.
_ENDPOINT = re.compile(r"\b(?:until|till|through|thru|up\s+to)\s+(?:(?:early|mid|late)[\s-]+)?\Z", _F)


def _way(ctx: Context, start: int, end: int) -> Direction | None:
    """The tense direction of a date, except that a past tense says nothing of where the end of a
    stretch lies ("delayed the tariffs until April 2"): the nearest date is read then."""
    way = ctx.direction(start, end)
    if way == "past" and _ENDPOINT.search(ctx.text, max(0, start - 24), start):
        return None
    return way


_RANGE_YEAR = re.compile(rf"^\s*(?:-|–|—|to|and|or|through|until)\s+(?:{MONTH})\s*,?\s*({YEAR4})", _F)


def _year_in_range_context(text: str, pos: int) -> int | None:
    """ "March and April 2019": the first month borrows the year stated after the second."""
    m = _RANGE_YEAR.match(text, pos)
    return int(m.group(1)) if m else None


def _month_rel(m: re.Match[str], ctx: Context) -> Norm | None:
    if not is_cap(m["mon"]):
        return None
    month = month_num(m["mon"])
    if month is None:
        return None
    rel = " ".join(m["rel"].lower().split())
    year, current = ctx.dct.year, ctx.dct.month
    if rel in ("last", "past", "this past"):
        year = year if month < current else year - 1
    elif rel in ("next", "coming", "this coming"):
        year = year if month > current else year + 1
    return Norm("DATE", fmt_month(year, month), mod=mod_of(m["pw"]))


def _month_of_rel_year(m: re.Match[str], ctx: Context) -> Norm | None:
    """ "October this year", "May last year"."""
    if not is_cap(m["mon"]):
        return None
    month = month_num(m["mon"])
    rel = " ".join(m["rel"].lower().split())
    delta = {"this": 0, "last": -1, "next": 1, "the following": 1, "the previous": -1}[rel]
    if month is None:
        return None
    return Norm("DATE", fmt_month(ctx.dct.year + delta, month), mod=mod_of(m["pw"]))


# -- years, decades, centuries ---------------------------------------------------------------


def _year(m: re.Match[str], ctx: Context) -> Norm | None:
    text, s = ctx.text, m.start()
    y = int(m["year"])
    before = text[max(0, m.start("year") - 6) : m.start("year")]
    if before.endswith(("-", "–")) and not re.search(r"\d{4}\s*[-–]$", before):
        return None
    if _NOT_YEAR_AFTER.match(text, m.end()):
        return None
    prev = prev_word(text, s)
    low_prev = prev.lower().rstrip(".")
    possessive = prev.endswith(("'s", "’s", "s'", "s’"))
    if not m["pw"] and not m["fy"]:
        if low_prev in _LABEL_BEFORE or prev.startswith("#"):
            return None
        if (
            is_cap(prev)
            and low_prev not in _CAP_OK
            and month_num(prev) is None
            and not possessive  # "Boko Haram's 2014 abduction"
            and not _at_sentence_start(text, s)
            and not (low_prev in _DETERMINERS and _at_sentence_start(text, s - len(prev) - 1))
        ):
            return None  # "Resolution 2231", "Euro 2024", "Windows 2000"
        if _count_before_plural(text, s, m.end(), low_prev):
            return None  # "200 detectors and 2000 leaflets"
        if y < 1900 and low_prev not in (
            "in",
            "since",
            "of",
            "from",
            "until",
            "by",
            "to",
            "and",
            "circa",
            "year",
        ):
            return None
        if text[s - 1 : s] in ("$", "£", "€", "#"):
            return None
        nxt = next_word(text, m.end())
        if low_prev in _QUANTITY_BEFORE and nxt[:1].islower() and nxt.endswith("s"):
            return None  # "more than 2000 protesters"
    return Norm("DATE", f"{y:04d}", mod=mod_of(m["pw"]))


_DETERMINERS = words("a an the this that its their his her our my your")


def _count_before_plural(text: str, start: int, end: int, low_prev: str) -> bool:
    """A four-digit number joined to another count and followed by a plural noun is a count too:
    "200 detectors and 2000 leaflets" (not "the disputed 2007 elections")."""
    if low_prev not in ("and", "or", "plus", "with"):
        return False
    before = text[max(0, start - 60) : start - len(low_prev) - 1]
    if not re.search(r"\d[\d,.]*\s+(?:[a-z-]+\s+){0,3}$", before):
        return False
    nxt = re.match(r"\s+([a-z][a-z-]+)\b(?!['’])", text[end : end + 30])
    if nxt is None:
        return False
    word = nxt.group(1)
    return len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is"))


def _at_sentence_start(text: str, pos: int) -> bool:
    before = text[max(0, pos - 40) : pos].rstrip()
    return before == "" or before[-1] in '.!?\n"“'


_PW = rf"(?:(?P<pw>{PARTWORD})[\s-]*)?"
_ORDINAL_WORDS = "|".join(sorted(ORDINALS, key=len, reverse=True))


RULES: list[Rule] = [
    Rule(
        "iso_date",
        re.compile(
            r"(?<![\d-])(?P<y>\d{4})-(?P<mo>\d{2})-(?P<d>\d{2})"
            r"(?:[T ](?P<h>\d{2}):(?P<mi>\d{2})(?::\d{2})?)?(?![\d-])"
        ),
        _iso,
        trigger=frozenset({"YEAR"}),
    ),
    Rule(
        "slash_date",
        re.compile(r"(?<![\d/.])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4}|\d{2})(?![\d/])"),
        _slash,
        trigger=frozenset({"/"}),
    ),
    Rule(
        "month_day",
        re.compile(
            rf"(?:\b(?P<wd>{WEEKDAY}),?\s+)?{_PW}\b(?P<mon>{MONTH_WITH_NUMBER})(?![a-z])\s*(?P<day>{DAY})(?!\s*(?:%|percent|:\d))"
            rf"(?:\s*[-–]\s*{DAY}(?=,?\s+{YEAR4}))?(?:(?:\s*,\s*|\s+)(?P<year>{YEAR4}))?(?:,?\s+(?P<wd2>{WEEKDAY})\b)?",
            _F,
        ),
        _month_day,
        trigger=frozenset({"MONTH"}),
    ),
    Rule(
        "day_month",
        re.compile(
            rf"(?:\b(?P<wd>{WEEKDAY}),?\s+)?(?:\bthe\s+)?(?<![\d,.$])\b(?P<day>{DAY})\s+(?:of\s+)?(?P<mon>{MONTH})(?![a-z])"
            rf"(?:,?\s+(?P<year>{YEAR4}))?",
            _F,
        ),
        _day_month,
        trigger=frozenset({"MONTH"}),
    ),
    Rule(
        "month_year",
        re.compile(
            rf"{_PW}\b(?P<mon>{MONTH_WITH_NUMBER})(?![a-z])\s*(?:,\s*|\s+of\s+|\s+)(?P<year>{YEAR4})", _F
        ),
        _month_year,
        trigger=frozenset({"MONTH"}),
    ),
    Rule(
        "month_this_year",
        re.compile(
            rf"{_PW}\b(?P<mon>{MONTH})(?![a-z])\s*,?\s+(?:of\s+)?(?P<rel>this|last|next|the\s+following|the\s+previous)\s+year\b",
            _F,
        ),
        _month_of_rel_year,
        trigger=frozenset({"MONTH"}),
    ),
    Rule(
        "month_rel",
        re.compile(
            rf"{_PW}\b(?P<rel>this\s+past|this\s+coming|this|last|next|past|coming)\s+"
            rf"(?P<mon>{MONTH_FULL}|sept\.|aug\.|jan\.|feb\.|oct\.|nov\.|dec\.|apr\.)(?![a-z])",
            _F,
        ),
        _month_rel,
        trigger=frozenset({"MONTH"}),
    ),
    Rule(
        "month",
        re.compile(
            rf"{_PW}\b(?P<mon>{MONTH_FULL}|sept\.|sep\.|aug\.|jan\.|feb\.|oct\.|nov\.|dec\.|apr\.)(?![a-z])",
            _F,
        ),
        _month_alone,
        trigger=frozenset({"MONTH"}),
    ),
    Rule(
        "year",
        re.compile(
            rf"(?<![\w$£€#@/.:]){_PW}(?:(?P<fy>fiscal(?:\s+year)?|FY|the\s+(?:calendar\s+)?year)\s*)?"
            rf"\b(?P<year>{YEAR4})(?![\w'’]*\d|\.\d|,\d{{3}}(?!\d)|\s*%)",
            _F,
        ),
        _year,
        trigger=frozenset({"YEAR"}),
    ),
]
