"""Calendar arithmetic and TIMEX3 value formatting (ISO weeks, quarters, seasons, holidays)."""

from __future__ import annotations

import calendar
from datetime import date, timedelta


def fmt_day(d: date) -> str:
    return f"{d.year:04d}-{d.month:02d}-{d.day:02d}"


def fmt_month(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def fmt_week(d: date) -> str:
    iso = d.isocalendar()
    return f"{iso.year:04d}-W{iso.week:02d}"


def quarter_of(month: int) -> int:
    return (month - 1) // 3 + 1


def shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def shift_quarter(year: int, quarter: int, delta: int) -> tuple[int, int]:
    index = year * 4 + (quarter - 1) + delta
    return index // 4, index % 4 + 1


def safe_date(year: int, month: int, day: int) -> date | None:
    """The date, or None when it does not exist (Feb. 30)."""
    if not (1 <= month <= 12) or day < 1 or day > calendar.monthrange(year, month)[1]:
        return None
    return date(year, month, day)


def last_weekday(dct: date, weekday: int, include_today: bool = True) -> date:
    """The most recent given weekday on or before dct (strictly before when include_today is False)."""
    back = (dct.weekday() - weekday) % 7
    if back == 0 and not include_today:
        back = 7
    return dct - timedelta(days=back)


def next_weekday(dct: date, weekday: int, include_today: bool = True) -> date:
    ahead = (weekday - dct.weekday()) % 7
    if ahead == 0 and not include_today:
        ahead = 7
    return dct + timedelta(days=ahead)


def easter(year: int) -> date:
    """Gregorian Easter Sunday (anonymous Gregorian algorithm)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    lum = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * lum) // 451
    month = (h + lum - 7 * m + 114) // 31
    day = (h + lum - 7 * m + 114) % 31 + 1
    return date(year, month, day)


def nth_weekday_of_month(year: int, month: int, weekday: int, n: int) -> date:
    """The n-th given weekday of a month; n = -1 for the last one."""
    if n > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = date(year, month, calendar.monthrange(year, month)[1])
    return last - timedelta(days=(last.weekday() - weekday) % 7)


def holiday(name: str, year: int) -> date | None:
    """Date of a named holiday in a year (fixed or computed), None when unknown."""
    fixed = {
        "christmas": (12, 25),
        "christmas day": (12, 25),
        "christmas eve": (12, 24),
        "new year's day": (1, 1),
        "new year's eve": (12, 31),
        "independence day": (7, 4),
        "halloween": (10, 31),
        "valentine's day": (2, 14),
        "boxing day": (12, 26),
        "veterans day": (11, 11),
        "armistice day": (11, 11),
    }
    key = name.lower().replace("’", "'")
    if key in fixed:
        m, d = fixed[key]
        return date(year, m, d)
    if key in ("easter", "easter sunday"):
        return easter(year)
    if key == "good friday":
        return easter(year) - timedelta(days=2)
    if key == "easter monday":
        return easter(year) + timedelta(days=1)
    if key in ("thanksgiving", "thanksgiving day"):
        return nth_weekday_of_month(year, 11, 3, 4)
    if key == "labor day":
        return nth_weekday_of_month(year, 9, 0, 1)
    if key == "memorial day":
        return nth_weekday_of_month(year, 5, 0, -1)
    return None
