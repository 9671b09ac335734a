"""Dates relative to the publication date or to an earlier expression: "yesterday", "Monday
morning", "last week", "earlier this month", "the following year", "three years ago"."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from eventwire.time.anchor import weekday_date
from eventwire.time.calendar import fmt_day, fmt_month, fmt_week, quarter_of, shift_month, shift_quarter
from eventwire.time.engine import Context, Norm, Rule
from eventwire.time.fragments import APPROX, NUM, PARTWORD, UNIT, VAGUE, WEEKDAY, mod_of
from eventwire.time.lexicon import PARTS_OF_DAY, UNITS, WEEKDAYS, unit_key
from eventwire.time.tense import present_tense
from eventwire.time.textutil import count, is_cap, prev_word, words

_F = re.IGNORECASE

# Named days that are not the weekday of the current week ("Black Friday", "Bloody Sunday").
_WEEKDAY_BLOCK = words(
    "black bloody super good ash holy palm easter cyber maundy shrove fat great blue giving whit"
)
_DURATION_PREPS = words("over in within during for throughout through")
_QUARTER_VALUE = re.compile(r"^(\d{4})-Q([1-4])$")


def value_to_date(value: str) -> tuple[date, str] | None:
    """A concrete TIMEX3 value as (first day, granularity), for arithmetic on references."""
    m = re.match(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?|-W(\d{2})|-Q([1-4])|-H([12]))?", value)
    if not m:
        return None
    y = int(m.group(1))
    if m.group(3):
        return date(y, int(m.group(2)), int(m.group(3))), "day"
    if m.group(2):
        return date(y, int(m.group(2)), 1), "month"
    if m.group(4):
        return date.fromisocalendar(y, int(m.group(4)), 1), "week"
    if m.group(5):
        return date(y, (int(m.group(5)) - 1) * 3 + 1, 1), "quarter"
    if m.group(6):
        return date(y, 1 if m.group(6) == "1" else 7, 1), "year"
    return date(y, 1, 1), "year"


def unit_value(unit: str, base: date, delta: int) -> str | None:
    """The calendar unit containing base, moved by delta units ("week", -1 -> last week)."""
    if unit == "day":
        return fmt_day(base + timedelta(days=delta))
    if unit in ("week", "fortnight"):
        return fmt_week(base + timedelta(weeks=delta))
    if unit == "weekend":
        return fmt_week(base + timedelta(weeks=delta)) + "-WE"
    if unit == "month":
        return fmt_month(*shift_month(base.year, base.month, delta))
    if unit == "quarter":
        y, q = shift_quarter(base.year, quarter_of(base.month), delta)
        return f"{y:04d}-Q{q}"
    if unit in ("year", "fiscal year"):
        return f"{base.year + delta:04d}"
    if unit == "decade":
        return f"{base.year // 10 + delta:03d}"
    if unit == "century":
        return f"{base.year // 100 + delta:02d}"
    return None


def _duration_of(unit: str, n: str = "1") -> str | None:
    if unit in ("weekend",):
        return None
    if unit == "quarter":
        return f"P{int(n) * 3}M" if n.isdigit() else "PXM"
    if unit == "fiscal year":
        unit = "year"
    letter, is_time, _grain = UNITS[unit]
    return f"PT{n}{letter}" if is_time else f"P{n}{letter}"


def _ref_base(ctx: Context, before: int, unit: str) -> date | None:
    """Date of the latest expression fine enough to count units from."""
    need = {"day": 10, "week": 7, "weekend": 10, "month": 7}.get(unit, 4)
    ref = ctx.reference(before, min_len=need)
    if ref is None:
        return None
    parsed = value_to_date(ref)
    return parsed[0] if parsed else None


def _norm_unit(word: str) -> str:
    w = " ".join(word.lower().split())
    return "fiscal year" if w == "fiscal year" else unit_key(w)


# -- this / last / next + unit ---------------------------------------------------------------


def _rel_unit(m: re.Match[str], ctx: Context) -> Norm | None:
    rel = " ".join(m["rel"].lower().split())
    unit = _norm_unit(m["unit"])
    the = bool(m["the"])
    pw = m["pw"]
    mod = mod_of(pw)
    if rel == "same":
        return None
    if unit == "day":
        if not the or rel not in ("next", "following", "previous", "prior", "preceding"):
            return None
        if ctx.selecting:
            return Norm("DATE", "")
        base = _ref_base(ctx, m.start(), "day")
        if base is None:
            return None
        return Norm("DATE", fmt_day(base + timedelta(days=1 if rel in ("next", "following") else -1)))
    dct = ctx.dct
    if rel in ("this", "current", "present"):
        value = unit_value(unit, dct, 0)
    elif rel == "this coming":
        value = unit_value(unit, dct, 0 if unit == "weekend" and dct.weekday() < 5 else 1)
    elif rel == "this past":
        value = unit_value(unit, dct, -1 if not (unit == "weekend" and dct.weekday() >= 5) else 0)
    elif rel == "last":
        if the and not pw:
            dur = _duration_of(unit)
            return Norm("DURATION", dur) if dur else None
        # News weeks run Sunday to Saturday: on a Sunday, "last week" is the week that just ended,
        # the ISO week the Sunday itself closes.
        sunday = unit == "week" and dct.weekday() == 6
        value = unit_value(unit, dct, 0 if sunday else -1)
    elif rel == "past":
        if unit == "weekend":
            value = unit_value(unit, dct, -1 if dct.weekday() < 5 else 0)
        elif pw:
            value = unit_value(unit, dct, -1)
        else:
            dur = _duration_of(unit)
            return Norm("DURATION", dur) if dur else None
    elif rel == "next":
        if the and prev_word(ctx.text, m.start()).lower() in _DURATION_PREPS and not pw:
            dur = _duration_of(unit)
            return Norm("DURATION", dur) if dur else None
        base = dct
        if the and not ctx.selecting:
            base = _ref_base(ctx, m.start(), unit) or dct
        value = unit_value(unit, base, 1)
    elif rel == "coming":
        value = unit_value(unit, dct, 1)
    elif rel in ("previous", "prior", "preceding", "following"):
        if ctx.selecting:
            return Norm("DATE", "")
        base = _ref_base(ctx, m.start(), unit)
        if base is None:
            if rel == "following":
                return None
            base = dct
        value = unit_value(unit, base, 1 if rel == "following" else -1)
    else:
        return None
    return Norm("DATE", value, mod=mod) if value else None


def _the_weekend(m: re.Match[str], ctx: Context) -> Norm | None:
    if m["det"].lower() == "that":
        return None
    way = None if ctx.selecting else ctx.direction(m.start(), m.end())
    wd = ctx.dct.weekday()
    # Saturday and Sunday belong to the ISO week of the Monday before them.
    delta = 0 if way == "future" or wd >= 5 else -1
    return Norm("DATE", unit_value("weekend", ctx.dct, delta) or "")


def _part_of_unit(m: re.Match[str], ctx: Context) -> Norm | None:
    unit = _norm_unit(m["unit"])
    value = unit_value(unit, ctx.dct, 0)
    return Norm("DATE", value, mod=mod_of(m["pw"])) if value else None


def _the_year(m: re.Match[str], ctx: Context) -> Norm | None:
    """ "for the year", "earlier in the year": the current year, in business and news copy."""
    if _THE_YEAR_NOT_AFTER.match(ctx.text, m.end()):
        return None  # "the year before", "the year ended Sept. 30", "the year of the dragon"
    return Norm("DATE", f"{ctx.dct.year:04d}")


_THE_YEAR_NOT_AFTER = re.compile(
    r"[-‑]|\s+(?:before|after|earlier|ago|later|of|when|that|which|in\s+which|ended|ending|to\s+date|"
    r"\d|prior|since|following|long|round|\w+ed\b)",
    re.IGNORECASE,
)


def _year_end(m: re.Match[str], ctx: Context) -> Norm | None:
    return Norm("DATE", f"{ctx.dct.year:04d}", mod="END")


# -- named days ------------------------------------------------------------------------------


def _pod_code(word: str | None) -> str | None:
    return PARTS_OF_DAY.get(word.lower()) if word else None


def _date_word(m: re.Match[str], ctx: Context) -> Norm | None:
    w = " ".join(m["w"].lower().split())
    offsets = {
        "today": 0,
        "tonight": 0,
        "yesterday": -1,
        "tomorrow": 1,
        "the day before yesterday": -2,
        "the day after tomorrow": 2,
    }
    d = ctx.dct + timedelta(days=offsets[w])
    pod = _pod_code(m["pod"]) or ("NI" if w == "tonight" else None)
    if pod:
        return Norm("TIME", f"{fmt_day(d)}T{pod}", mod=mod_of(m["pw"]))
    return Norm("DATE", fmt_day(d), mod=mod_of(m["pw"]))


def _this_pod(m: re.Match[str], ctx: Context) -> Norm | None:
    d = ctx.dct - timedelta(days=1 if m["rel"].lower() == "last" else 0)
    return Norm("TIME", f"{fmt_day(d)}T{_pod_code(m['pod'])}", mod=mod_of(m["pw"]))


def _weekday(m: re.Match[str], ctx: Context) -> Norm | None:
    wd_tok = m["wd"]
    if not is_cap(wd_tok):
        return None
    if not m["rel"] and not m["pw"] and prev_word(ctx.text, m.start()).lower() in _WEEKDAY_BLOCK:
        return None
    rel = " ".join(m["rel"].lower().split()) if m["rel"] else None
    way = None if ctx.selecting else ctx.direction(m.start(), m.end())
    if (
        way is None
        and rel is None
        and not ctx.selecting
        and ctx.text[m.end() : m.end() + 2] not in ("'s", "’s")  # "Monday's attack" has happened
        and present_tense(ctx.text, m.start(), m.end())
    ):
        rel = "this"  # a present-tense sentence with no other cue: the nearest such day
    d = weekday_date(ctx.dct, WEEKDAYS[wd_tok.lower()], rel, way)
    pod = _pod_code(m["pod"])
    if pod:
        return Norm("TIME", f"{fmt_day(d)}T{pod}", mod=mod_of(m["pw"]))
    return Norm("DATE", fmt_day(d), mod=mod_of(m["pw"]))


# -- N units ago / earlier / later -----------------------------------------------------------


def _shift_value(value: str, years: int) -> str | None:
    """Move a concrete value by whole years keeping its granularity ("1989-Q3" -> "1988-Q3")."""
    m = re.match(r"^(\d{4})(.*)$", value)
    if not m:
        return None
    rest = m.group(2)
    if rest.startswith("-02-29"):
        rest = "-02-28" + rest[6:]
    return f"{int(m.group(1)) + years:04d}{rest}"


def _ago(m: re.Match[str], ctx: Context) -> Norm | None:
    direction = " ".join(m["dir"].lower().split())
    unit = unit_key(m["unit"])
    n = count(m["n"]) if m["n"] else None
    if m["n"] is None and count(prev_word(ctx.text, m.start())) is not None:
        return None  # the tail of "two hours earlier", which the full match already decided
    if n is None:
        if direction in ("ago", "earlier"):
            return Norm("DATE", "PAST_REF")
        if direction in ("hence", "from now"):
            return Norm("DATE", "FUTURE_REF")
        return None
    if isinstance(n, float) or n > 10000:
        return None
    sign = 1 if direction in ("later", "hence", "from now") else -1
    mod = "APPROX" if m["ap"] else None
    if m["half"]:
        if unit != "year" or direction in ("earlier", "later"):
            return None
        y, mo = shift_month(ctx.dct.year, ctx.dct.month, sign * (12 * n + 6))
        return Norm("DATE", fmt_month(y, mo), mod=mod)  # "a year and a half ago"
    if unit in ("hour", "minute", "second"):
        if direction != "ago":
            return None
        if ctx.local_time is None:
            return Norm("DATE", fmt_day(ctx.dct), mod=mod)
        now = datetime(ctx.dct.year, ctx.dct.month, ctx.dct.day, *ctx.local_time)
        kw = {"hour": "hours", "minute": "minutes", "second": "seconds"}[unit]
        t = now - timedelta(**{kw: n})
        return Norm("TIME", f"{fmt_day(t.date())}T{t.hour:02d}:{t.minute:02d}", mod=mod)
    if direction in ("earlier", "later"):
        if ctx.selecting:
            return Norm("DATE", "")
        ref = ctx.reference(m.start())
        if ref is not None and unit == "year":
            # "a year earlier" keeps a quarter's or a month's granularity; after a day, the year.
            shifted = _shift_value(ref[:4] if len(ref) >= 10 else ref, sign * n)
            return Norm("DATE", shifted, mod=mod, is_source=False) if shifted else None
        base = _ref_base(ctx, m.start(), unit)
        if base is None:
            if direction == "later":
                return None
            base = ctx.dct
    else:
        base = ctx.dct
        if unit == "year" and n == 1 and not ctx.selecting:
            last = ctx.last_norm(m.start())
            if last is not None and _QUARTER_VALUE.match(last.value):
                return Norm("DATE", _shift_value(last.value, -1) or "", mod=mod, is_source=False)
    value = unit_value(unit, base, sign * n)
    return Norm("DATE", value, mod=mod) if value else None


_QUARTER_REF = re.compile(r"^\d{4}-Q[1-4]$")
_CONCRETE = re.compile(r"^\d{4}")


def _the_quarter(m: re.Match[str], ctx: Context) -> Norm | None:
    """ "the quarter" (the one just named), "the year-ago quarter", "the year-earlier period"."""
    if ctx.selecting:
        return Norm("DATE", "")
    earlier = m["ya"] is not None
    if m["unit"].lower() == "period":
        if not earlier:
            return None
        ref = ctx.latest(m.start(), _CONCRETE)
    else:
        ref = ctx.latest(m.start(), _QUARTER_REF)
    if ref is None:
        return None
    value = _shift_value(ref, -1) if earlier else ref
    return Norm("DATE", value, is_source=not earlier) if value else None


_PW = rf"(?:(?P<pw>{PARTWORD})[\s-]*)?"


RULES: list[Rule] = [
    Rule(
        "rel_unit",
        re.compile(
            rf"{_PW}(?:\b(?P<the>the)\s+)?\b(?P<rel>this\s+past|this\s+coming|this|last|next|past|coming|previous|"
            r"following|current|same|prior|preceding|present)\s+(?P<unit>week|weekend|month|year|quarter|decade|"
            r"century|fiscal\s+year|day)(?![\w-])",
            _F,
        ),
        _rel_unit,
        trigger=frozenset({"UNIT"}),
    ),
    Rule(
        "the_quarter",
        re.compile(
            r"\b(?:the|that)\s+(?:(?P<ya>year-earlier|year-ago|year\s+earlier|prior-year|year-before)\s+|"
            r"(?:latest|fiscal)\s+)?(?P<unit>quarter|period)(?![\w-])",
            _F,
        ),
        _the_quarter,
        trigger=frozenset({"quarter", "period"}),
    ),
    Rule(
        "the_weekend",
        re.compile(r"\b(?P<det>the|that)\s+weekend\b", _F),
        _the_weekend,
        trigger=frozenset({"weekend"}),
    ),
    Rule(
        "part_of_unit",
        re.compile(
            r"\b(?P<pw>(?:the\s+)?(?:end|beginning|start|middle|close)\s+of|(?:early|late|later|earlier)\s+in)\s+"
            r"the\s+(?P<unit>year|month|week)\b",
            _F,
        ),
        _part_of_unit,
        trigger=frozenset({"year", "month", "week"}),
    ),
    Rule(
        "the_year",
        re.compile(r"(?:(?<=\bfor\s)|(?<=\bin\s))the\s+year\b(?![-‑])", _F),
        _the_year,
        trigger=frozenset({"year"}),
    ),
    Rule("year_end", re.compile(r"\byear[-\s]end\b", _F), _year_end, trigger=frozenset({"end"})),
    Rule(
        "date_word",
        re.compile(
            r"(?:\b(?P<pw>early|late|earlier|later)\s+)?\b(?P<w>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+"
            r"tomorrow|today|tonight|yesterday|tomorrow)(?:\s+(?P<pod>morning|afternoon|evening|night))?(?![\w])",
            _F,
        ),
        _date_word,
        trigger=frozenset({"today", "tonight", "yesterday", "tomorrow"}),
    ),
    Rule(
        "this_part_of_day",
        re.compile(
            r"(?:\b(?P<pw>early|late|earlier|later)\s+)?\b(?P<rel>this|last)\s+(?P<pod>morning|afternoon|evening|night)\b",
            _F,
        ),
        _this_pod,
        trigger=frozenset({"morning", "afternoon", "evening", "night"}),
    ),
    Rule(
        "weekday",
        re.compile(
            rf"(?:\b(?P<pw>early|late|earlier|later)\s+)?(?:\b(?P<rel>this\s+past|this\s+coming|this|last|next|past|"
            rf"coming)\s+)?\b(?P<wd>{WEEKDAY})(?:\s+(?P<pod>morning|afternoon|evening|night|overnight))?(?![\w])",
            _F,
        ),
        _weekday,
        trigger=frozenset({"WEEKDAY"}),
    ),
    Rule(
        "ago",
        re.compile(
            rf"(?:\b(?P<ap>{APPROX})\s+)?(?:\b(?P<n>{NUM}|{VAGUE}|a|an)[\s-]+)?\b(?P<unit>{UNIT}|quarters?|seconds?)"
            r"(?P<half>\s+and\s+a\s+half)?(?:\s+or\s+so)?\s+(?P<dir>ago|earlier|later|hence|from\s+now)(?![\w])",
            _F,
        ),
        _ago,
        trigger=frozenset({"ago", "earlier", "later", "hence", "now"}),
    ),
]
