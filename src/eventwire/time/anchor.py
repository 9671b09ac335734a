"""Completing underspecified dates against the publication date (dct) and the sentence's tense.

An expression without a year ("in March", "Sept. 30", "the third quarter", "Friday") is placed
on the side of the dct its tense points to: past tense takes the latest occurrence on or before
the dct, future tense the earliest on or after it; with no cue, the nearest one.
"""

from __future__ import annotations

from datetime import date

from eventwire.time.calendar import last_weekday, next_weekday, safe_date
from eventwire.time.tense import Direction


def _pick(ordinals: list[tuple[int, int]], now: int, way: Direction | None) -> int:
    """Choose among (ordinal, year) candidates relative to `now` by direction; returns the year."""
    if way == "past":
        past = [c for c in ordinals if c[0] <= now]
        if past:
            return max(past)[1]
    elif way == "future":
        future = [c for c in ordinals if c[0] >= now]
        if future:
            return min(future)[1]
    # Nearest; on a tie the past one (news mostly reports what happened).
    return min(ordinals, key=lambda c: (abs(c[0] - now), c[0] > now))[1]


def year_for_month(dct: date, month: int, way: Direction | None) -> int:
    now = dct.year * 12 + dct.month - 1
    cands = [(y * 12 + month - 1, y) for y in (dct.year - 1, dct.year, dct.year + 1)]
    return _pick(cands, now, way)


def year_for_day(dct: date, month: int, day: int, way: Direction | None) -> int | None:
    cands: list[tuple[int, int]] = []
    for y in (dct.year - 1, dct.year, dct.year + 1):
        d = safe_date(y, month, day)
        if d is not None:
            cands.append((d.toordinal(), y))
    if not cands:
        return None
    return _pick(cands, dct.toordinal(), way)


def year_for_part(dct: date, index: int, parts: int, way: Direction | None) -> int:
    """Year of a quarter (parts=4) or half (parts=2) numbered from 1, by tense."""
    now = dct.year * parts + (dct.month - 1) * parts // 12
    cands = [(y * parts + index - 1, y) for y in (dct.year - 1, dct.year, dct.year + 1)]
    return _pick(cands, now, way)


def _season_ordinal(year: int, code: str) -> int:
    return year * 4 + ("SP", "SU", "FA", "WI").index(code)


def current_season(dct: date) -> tuple[int, str]:
    """(year, code) of the season the dct falls in; January and February belong to last year's winter."""
    m = dct.month
    if m in (1, 2):
        return dct.year - 1, "WI"
    if m == 12:
        return dct.year, "WI"
    return dct.year, ("SP", "SU", "FA")[(m - 3) // 3]


def year_for_season(dct: date, code: str, rel: str | None, way: Direction | None) -> int:
    cy, cc = current_season(dct)
    now = _season_ordinal(cy, cc)
    cands = [(_season_ordinal(y, code), y) for y in (dct.year - 2, dct.year - 1, dct.year, dct.year + 1)]
    if rel == "this":
        same = [c for c in cands if abs(c[0] - now) <= 3 and c[1] in (cy, dct.year)]
        return _pick(same or cands, now, way)
    if rel in ("last", "past", "previous"):
        return max(c for c in cands if c[0] < now)[1]
    if rel in ("next", "coming"):
        return min(c for c in cands if c[0] > now)[1]
    return _pick(cands, now, way)


def weekday_date(dct: date, weekday: int, rel: str | None, way: Direction | None) -> date:
    """Date of a weekday name: "last Monday", "next Friday", or a bare "Monday" read by tense."""
    if rel in ("last", "past", "this past"):
        return last_weekday(dct, weekday, include_today=False)
    if rel == "next":
        return next_weekday(dct, weekday, include_today=False)
    if rel in ("this coming", "coming"):
        return next_weekday(dct, weekday, include_today=True)
    if way == "future":
        return next_weekday(dct, weekday, include_today=True)
    if rel == "this" and way is None:
        back = last_weekday(dct, weekday)
        ahead = next_weekday(dct, weekday)
        return back if (dct - back) <= (ahead - dct) else ahead
    return last_weekday(dct, weekday, include_today=True)
