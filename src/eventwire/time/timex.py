"""Time expressions in news text, normalised to TimeML TIMEX3 values against the publication date.

    >>> from datetime import date
    >>> [(t.text, t.value) for t in find_timexes("The envoy returned home on Monday.", date(2023, 9, 19))]
    [('Monday', '2023-09-18')]

Values follow TimeML/TimeBank conventions: ISO dates, ISO weeks (2023-W37), quarters (2023-Q3),
seasons (2023-SU), parts of day (2023-09-18TMO), durations (P6D, PT3H, P1DE), sets (P1W,
XXXX-WXX-1) and PRESENT_REF / PAST_REF / FUTURE_REF.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal

from eventwire.time import rules_clock, rules_dates, rules_durations, rules_periods, rules_relative
from eventwire.time.calendar import fmt_day
from eventwire.time.engine import Norm, Rule, run_rules
from eventwire.time.tense import sentence_bounds

TimexPrecision = Literal["day", "week", "month", "year", "time"]

RULES: tuple[Rule, ...] = (
    *rules_dates.RULES,
    *rules_periods.RULES,
    *rules_relative.RULES,
    *rules_durations.RULES,
    *rules_clock.RULES,
)

# A first line such as "date 2023-09-19 World" is metadata of the article, not its text.
_HEADER = re.compile(
    r"\A\s*(?:date|published|updated|posted)\s*:?\s+\d{4}-\d{2}-\d{2}[^\n]*\n", re.IGNORECASE
)
_DAY_VALUE = re.compile(r"^\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class Timex:
    """One time expression: its span in the text, TIMEX3 type and value, and the value's precision."""

    start: int
    end: int
    text: str
    type: str  # DATE | TIME | DURATION | SET
    value: str
    precision: TimexPrecision | None
    mod: str | None = None  # TIMEX3 mod: START, MID, END, APPROX, MORE_THAN, ...
    rule: str = ""

    @property
    def is_anchored(self) -> bool:
        """True when the value names a calendar period (not a duration, set or vague reference)."""
        return self.type in ("DATE", "TIME") and self.value[:1].isdigit()

    def to_dict(self) -> dict[str, object]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "type": self.type,
            "value": self.value,
            "precision": self.precision,
            "mod": self.mod,
        }


def precision_of(type_: str, value: str) -> TimexPrecision | None:
    """Granularity of a value: day, week, month, year or time; None for durations, sets, refs.

    Quarters, halves and seasons report "year" (the finest unit that contains them whole, so
    value[:4] always reads); decades and centuries report None.
    """
    if type_ in ("DURATION", "SET") or not value[:1].isdigit():
        return None
    if type_ == "TIME" or "T" in value:
        return "time"
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return "day"
    if re.fullmatch(r"\d{4}-W\d{2}(-WE)?", value):
        return "week"
    if re.fullmatch(r"\d{4}-\d{2}", value):
        return "month"
    if re.fullmatch(r"\d{4}(-(Q[1-4]|H[12]|SP|SU|FA|WI))?", value):
        return "year"
    return None


def _parse_local_time(local_time: str | None) -> tuple[int, int] | None:
    if not local_time:
        return None
    m = re.match(r"^\s*(\d{1,2}):(\d{2})", local_time)
    if not m or int(m.group(1)) > 23 or int(m.group(2)) > 59:
        return None
    return int(m.group(1)), int(m.group(2))


def _day_for_clock(text: str, start: int, end: int, found: Sequence[tuple[int, int, Norm]], dct: date) -> str:
    """The day a clock time belongs to: a day-level date next to it in its sentence, else the latest
    one earlier in its paragraph ("...struck Tuesday. The quake hit at 4:53 p.m."), else the dct."""
    s_start, s_end = sentence_bounds(text, start, end)
    best: tuple[int, str] | None = None
    for s, e, norm in found:
        if not _DAY_VALUE.match(norm.value) or s < s_start or e > s_end:
            continue
        gap = start - e if e <= start else s - end
        if 0 <= gap <= 30 and (best is None or gap < best[0]):
            best = (gap, norm.value[:10])
    if best:
        return best[1]
    for _s, e, norm in reversed(found):
        if e <= start and _DAY_VALUE.match(norm.value) and "\n\n" not in text[e:start]:
            return norm.value[:10]
    return fmt_day(dct)


_QUOTED = re.compile(r"[\"“‘]([^\"“”‘’\n]{1,60})[\"”’]")
_TITLE_WORD = re.compile(r"(?:[A-Z0-9][\w'’&.-]*|of|the|and|in|on|at|a|an|for|to|with)$")


def _in_quoted_title(text: str, start: int, end: int) -> bool:
    """True inside a quoted title of a show, book or report: “This Week”, “Sunday Morning Futures”
    (two to six words, each capitalised but for small function words). A year in a title still
    dates what it names ("the “2024 Minor Protection Report”"), so only word expressions go."""
    if any(c.isdigit() for c in text[start:end]):
        return False
    for m in _QUOTED.finditer(text, max(0, start - 60), min(len(text), end + 60)):
        if m.start(1) <= start and end <= m.end(1):
            tokens = m.group(1).split()
            return (
                2 <= len(tokens) <= 6
                and tokens[0][:1].isupper()
                and all(_TITLE_WORD.match(t.strip(",;:!?")) for t in tokens)
            )
    return False


def find_timexes(text: str, dct: date, local_time: str | None = None) -> list[Timex]:
    """All time expressions of `text`, normalised against the publication date `dct`.

    local_time ("HH:MM") is the article's stated local time, used for "two hours ago".
    """
    if isinstance(dct, datetime):
        dct = dct.date()
    header = _HEADER.match(text)
    found = run_rules(
        RULES, text, dct, _parse_local_time(local_time), skip_before=header.end() if header else 0
    )
    norms = [(s, e, n) for s, e, _rule, n in found]
    out: list[Timex] = []
    for s, e, rule, norm in found:
        value = norm.value
        if _in_quoted_title(text, s, e):
            continue
        if norm.needs_day:
            value = _day_for_clock(text, s, e, norms, dct) + value
        if not value:
            continue
        out.append(
            Timex(
                start=s,
                end=e,
                text=text[s:e],
                type=norm.type,
                value=value,
                precision=precision_of(norm.type, value),
                mod=norm.mod,
                rule=rule.name,
            )
        )
    return out


def timexes_in_span(timexes: Iterable[Timex], start: int, end: int) -> list[Timex]:
    """The expressions that overlap the character span [start, end), in text order."""
    return sorted((t for t in timexes if t.start < end and start < t.end), key=lambda t: t.start)


def nearest_timex(timexes: Iterable[Timex], start: int, end: int, anchored_only: bool = True) -> Timex | None:
    """The expression closest to [start, end) (overlapping ones first), optionally only dated ones."""
    best: tuple[int, Timex] | None = None
    for t in timexes:
        if anchored_only and not t.is_anchored:
            continue
        gap = 0 if (t.start < end and start < t.end) else (start - t.end if t.end <= start else t.start - end)
        if best is None or gap < best[0]:
            best = (gap, t)
    return best[1] if best else None
