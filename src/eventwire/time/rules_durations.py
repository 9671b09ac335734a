"""Durations and sets: "six-day", "two years", "the past three years", "recent years",
"every week", "weekly", "twice a month", "$5 billion a year"."""

from __future__ import annotations

import re

from eventwire.time.engine import Context, Norm, Rule
from eventwire.time.fragments import APPROX, MONTH_FULL, NUM, SEASON, UNIT, VAGUE, WEEKDAY, approx_mod
from eventwire.time.lexicon import MONTHS, SEASONS, UNITS, WEEKDAYS, unit_key
from eventwire.time.textutil import count, fmt_count, is_cap, next_word, prev_word, words

_F = re.IGNORECASE

_AGE = re.compile(r"[\s-]+old\b|-olds?\b|\s+of\s+age\b", _F)


def _period(n: int | float | None, unit: str) -> str | None:
    """TIMEX3 duration for n units (n None: an unspecified number, X)."""
    if unit == "fortnight":
        return f"P{fmt_count(2 * n)}W" if n is not None else "PXW"
    if unit == "quarter":
        return f"P{fmt_count(3 * n)}M" if n is not None else "PXM"
    if unit not in UNITS or unit == "weekend":
        return None
    letter, is_time, _grain = UNITS[unit]
    amount = "X" if n is None else fmt_count(n)
    return f"PT{amount}{letter}" if is_time else f"P{amount}{letter}"


def _num_unit(m: re.Match[str], ctx: Context) -> Norm | None:
    if _AGE.match(ctx.text, m.end()):
        return None  # "59-year-old", "ten years old"
    unit = unit_key(m["unit"])
    n_tok = " ".join(m["n"].lower().split())
    rel = m["rel"].lower() if m["rel"] else None
    if rel == "same":
        return None
    plural = m["unit"].lower().endswith("s")
    n = count(n_tok)
    if n_tok in ("a", "an"):
        if unit == "second":
            return None  # "a second term"
        if plural:
            return None
        n = 1
    elif n is None:
        if not plural and n_tok not in ("a couple of",):
            return None  # "some day", "recent year" are not durations
    elif n == 1 and plural and unit not in ("hour", "minute", "day", "week", "month", "year"):
        return None
    if (
        unit == "quarter"
        and not rel
        and not re.match(r"\s+(?:consecutive|straight|in\s+a\s+row)", ctx.text[m.end() :])
    ):
        return None  # "three quarters of the votes" is a fraction
    if unit == "second" and (n is None or n_tok == "second"):
        return None
    if n is not None and isinstance(n, int) and n > 2000:
        return None
    if m["half"] or m["half2"]:
        if n is None:
            return None
        if unit == "year":
            return Norm("DURATION", f"P{fmt_count(n * 12 + 6)}M", mod=approx_mod(m["ap"]))
        n = n + 0.5
    value = _period(n, unit)
    if value is None:
        return None
    ap = m["ap"]
    start: int | None = None
    if ap and m["the"] and ap.lower() in ("over", "under"):
        ap, start = None, m.start("the")  # "over the past three decades": a preposition
    if m["the"] and not rel and not ap:
        start = m.start("n")  # "the six-day trip": the article belongs to the noun
    return Norm("DURATION", value, mod=approx_mod(ap), start=start)


def _bare_units(m: re.Match[str], ctx: Context) -> Norm | None:
    if not m["prep"] and not m["rel"]:
        # "days after the vote", "just days later", "years of war", not "in the days before the vote".
        if not re.match(r"\s+(?:after|before|later|earlier|of\s+[a-z])", ctx.text[m.end() : m.end() + 12]):
            return None
        if prev_word(ctx.text, m.start()).lower() in (
            "the",
            "those",
            "these",
            "of",
            "in",
            "for",
            "many",
            "few",
        ):
            return None
    if m["the"] and not m["rel"]:
        return None  # "in the days before the vote", "over the years"
    if _AGE.match(ctx.text, m.end()):
        return None
    value = _period(None, unit_key(m["unit"]))
    if value is None:
        return None
    return Norm("DURATION", value, start=m.start("x"), end=m.end("x"))


def _long_word(m: re.Match[str], ctx: Context) -> Norm | None:
    value = _period(1, unit_key(m["u"]))
    return Norm("DURATION", value) if value else None


def _half_unit(m: re.Match[str], ctx: Context) -> Norm | None:
    u = unit_key(m["u"] or m["u2"])
    values = {
        "hour": "PT30M",
        "day": "PT12H",
        "year": "P6M",
        "century": "P50Y",
        "decade": "P5Y",
        "month": "P15D",
    }
    return Norm("DURATION", values[u]) if u in values else None


# -- sets ------------------------------------------------------------------------------------


def _set_letter(unit: str) -> str | None:
    if unit == "quarter":
        return "3M"
    if unit == "fortnight":
        return "2W"
    if unit not in UNITS or unit == "weekend":
        return None
    letter, is_time, _ = UNITS[unit]
    return ("T1" if is_time else "1") + letter


def _every(m: re.Match[str], ctx: Context) -> Norm | None:
    word = m["unit"]
    low = word.lower()
    if low.rstrip("s") in WEEKDAYS or low in WEEKDAYS:
        if not is_cap(word):
            return None
        return Norm("SET", f"XXXX-WXX-{WEEKDAYS[low] + 1}")
    if low in MONTHS:
        if not is_cap(word):
            return None
        return Norm("SET", f"XXXX-{MONTHS[low]:02d}")
    if low in SEASONS:
        return Norm("SET", f"XXXX-{SEASONS[low]}")
    if low in ("morning", "afternoon", "evening", "night"):
        return Norm(
            "SET", f"XXXX-XX-XXT{ {'morning': 'MO', 'afternoon': 'AF', 'evening': 'EV', 'night': 'NI'}[low] }"
        )
    if low == "weekend":
        return Norm("SET", "XXXX-WXX-WE")
    unit = unit_key(low)
    n = 2 if m["other"] else (count(m["n"]) if m["n"] else 1)
    if n is None or isinstance(n, float):
        return None
    if unit in UNITS:
        letter, is_time, _ = UNITS[unit]
        return Norm("SET", f"PT{n}{letter}" if is_time else f"P{n}{letter}")
    if unit == "quarter":
        return Norm("SET", f"P{3 * n}M")
    return None


def _times_per(m: re.Match[str], ctx: Context) -> Norm | None:
    letter = _set_letter(unit_key(m["unit"]))
    return Norm("SET", f"P{letter}") if letter else None


# Words that make "a year" a rate ("$5 billion a year", "10 percent a year", "three meals a day").
_AMOUNT_BEFORE = re.compile(
    r"(?:\d[\d,.]*\s*(?:%|[a-z]+)?|percent|million|billion|trillion|thousand|hundred|dozen|times|"
    r"once|twice|dollars|euros|pounds|yen|barrels|tons|tonnes|people|visitors|cases|hours|shifts|meals|"
    r"sessions|calls|flights|trips|trains|pills|doses)\s*(?:of\s+\w+\s*)?$",
    _F,
)


def _per(m: re.Match[str], ctx: Context) -> Norm | None:
    unit = unit_key(m["unit"])
    det = m["det"].lower()
    if det != "per":
        before = ctx.text[max(0, m.start() - 30) : m.start()]
        if not _AMOUNT_BEFORE.search(before) or re.search(r"\b(?:1[89]|20)\d\d\s*$", before):
            return None  # no amount before it, or only a year ("in 2023 a year after ...")
    letter = _set_letter(unit)
    return Norm("SET", f"P{letter}") if letter else None


_ADVERB_SET = {
    "annually": "P1Y",
    "yearly": "P1Y",
    "daily": "P1D",
    "weekly": "P1W",
    "monthly": "P1M",
    "hourly": "PT1H",
    "nightly": "P1D",
    "quarterly": "P3M",
    "biweekly": "P2W",
    "fortnightly": "P2W",
    "biannually": "P6M",
    "semiannually": "P6M",
}
_FUNCTION_WORDS = words(
    "and or but to in on at by for from since until during before after as with the a an that this "
    "these those is are was were be been will would since through across around over under within "
    "into between among throughout against per until"
)


def _adverb(m: re.Match[str], ctx: Context) -> Norm | None:
    word = m["w"].lower()
    if is_cap(m["w"]) and not re.search(r"(?:^|[.!?\n]\s*)$", ctx.text[max(0, m.start() - 3) : m.start()]):
        return None  # "the China Daily"
    if word != "annually":
        nxt = next_word(ctx.text, m.end())
        gap = ctx.text[m.end() : m.end() + 3]
        if nxt and not re.match(r"\s*[,.;:!?)\"”]", gap) and nxt.lower() not in _FUNCTION_WORDS:
            return None  # "the daily Haaretz", "weekly newspaper"
        if prev_word(ctx.text, m.start()).lower() in ("a", "the", "its", "their", "his", "her"):
            return None
    return Norm("SET", _ADVERB_SET[word])


def _plural_weekday(m: re.Match[str], ctx: Context) -> Norm | None:
    word = m["wd"]
    if word.lower() == "weekends":
        # "on weekends", "at weekends": every weekend; not "two weekends", "the weekends of June".
        prep = prev_word(ctx.text, m.start()).lower()
        return Norm("SET", "XXXX-WXX-WE") if prep in ("on", "at", "during", "over") else None
    if not is_cap(word):
        return None
    return Norm("SET", f"XXXX-WXX-{WEEKDAYS[word.lower()[:-1]] + 1}")


_N_OR_VAGUE = rf"(?:{NUM}|{VAGUE}|a|an)"
# An adjective between the number and the unit: "one full day", "three straight weeks".
_FULL = r"(?:(?:full|whole|entire|straight|consecutive|successive)\s+)?"


RULES: list[Rule] = [
    Rule(
        "every",
        re.compile(
            rf"\b(?P<q>every|each)\s+(?:(?P<other>other)\s+|(?P<n>{NUM})\s+)?(?P<unit>{UNIT}|quarters?|{WEEKDAY}|"
            rf"{MONTH_FULL}|{SEASON}|morning|afternoon|evening|night|weekend)(?![\w-])",
            _F,
        ),
        _every,
        trigger=frozenset({"every", "each"}),
    ),
    Rule(
        "times_per",
        re.compile(
            rf"\b(?P<f>once|twice|thrice|{NUM}\s+times)\s+(?:a|an|per|each|every)\s+(?P<unit>{UNIT}|quarter)(?![\w-])",
            _F,
        ),
        _times_per,
        trigger=frozenset({"once", "twice", "thrice", "times"}),
    ),
    Rule(
        "per",
        re.compile(r"\b(?P<det>a|an|per)\s+(?P<unit>year|month|week|day|hour|minute|quarter)(?![\w-])", _F),
        _per,
        trigger=frozenset({"UNIT"}),
    ),
    Rule(
        "set_adverb",
        re.compile(
            r"\b(?P<w>annually|yearly|daily|weekly|monthly|hourly|nightly|quarterly|biweekly|fortnightly|"
            r"biannually|semiannually)\b",
            _F,
        ),
        _adverb,
        trigger=frozenset(
            {
                "annually",
                "yearly",
                "daily",
                "weekly",
                "monthly",
                "hourly",
                "nightly",
                "quarterly",
                "biweekly",
                "fortnightly",
                "biannually",
                "semiannually",
            }
        ),
    ),
    Rule(
        "plural_weekday",
        re.compile(
            r"\b(?P<wd>mondays|tuesdays|wednesdays|thursdays|fridays|saturdays|sundays|weekends)\b", _F
        ),
        _plural_weekday,
        trigger=frozenset({"WEEKDAYS", "weekends"}),
    ),
    Rule(
        "num_unit",
        re.compile(
            rf"(?<!-)(?:\b(?P<ap>{APPROX})\s+)?(?:\b(?P<the>the)\s+)?(?:\b(?P<rel>past|last|next|coming|first|previous|final|"
            rf"remaining|following|latest|preceding|same|prior|initial|subsequent|ensuing|additional|further|"
            rf"another|extra)\s+)?\b(?P<n>{_N_OR_VAGUE})(?P<half>\s+and\s+a\s+half)?[\s-]+{_FULL}(?P<unit>{UNIT}|"
            rf"quarters?|seconds?)(?P<half2>\s+and\s+a\s+half)?(?:[\s-]+long)?(?![\w-])",
            _F,
        ),
        _num_unit,
        trigger=frozenset({"UNIT"}),
    ),
    Rule(
        "bare_units",
        re.compile(
            r"(?:\b(?P<prep>for|in|over|within|after|throughout|during|take|takes|took|taken|taking|last|lasts|lasted|"
            r"spend|spent|wait|waited)\s+(?:(?P<the>the)\s+)?)?\b(?P<x>(?:(?P<rel>past|last|"
            r"next|coming|recent)\s+)?(?P<unit>years|months|weeks|days|decades|hours|minutes|centuries))(?![\w-])",
            _F,
        ),
        _bare_units,
        trigger=frozenset({"UNIT"}),
    ),
    Rule(
        "long_word",
        re.compile(r"\b(?P<u>week|month|year|day|decade|hour)-?long\b", _F),
        _long_word,
        trigger=frozenset({"long", "weeklong", "monthlong", "yearlong", "daylong"}),
    ),
    Rule(
        "half_unit",
        re.compile(
            r"\b(?:a\s+)?half\s+(?:an?\s+)?(?P<u>hour|day|year|century|decade|month)\b|"
            r"\bhalf-(?P<u2>hour|day|year|century|decade)\b",
            _F,
        ),
        _half_unit,
        trigger=frozenset({"half"}),
    ),
]
