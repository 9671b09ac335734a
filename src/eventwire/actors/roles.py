"""Dated roles of an actor and the choice of the role valid on a given date.

Dates are kept as integers ``YYYYMMDD`` (0 = open start, 99991231 = open end) so that the compiled
data stay small and comparisons cheap.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

OPEN_START = 0
OPEN_END = 99991231


def date_to_int(d: date) -> int:
    return d.year * 10000 + d.month * 100 + d.day


def int_to_date(value: int) -> date | None:
    """The date of an integer ``YYYYMMDD``; None for the open bounds or an invalid value."""
    if value in (OPEN_START, OPEN_END):
        return None
    try:
        return date(value // 10000, value // 100 % 100, value % 100)
    except ValueError:
        return None


@dataclass(frozen=True)
class Role:
    """What an actor is during ``[start, end]`` (inclusive): a country code and sectors.

    A role with both bounds open is the actor's *default* role: PETRARCH uses it when no dated role
    holds on the date of a story.
    """

    country: str | None
    sectors: tuple[str, ...]
    start: int = OPEN_START
    end: int = OPEN_END

    @property
    def sector(self) -> str | None:
        return self.sectors[0] if self.sectors else None

    @property
    def dated(self) -> bool:
        return self.start != OPEN_START or self.end != OPEN_END

    def holds_on(self, day: int) -> bool:
        return self.start <= day <= self.end


def role_on(roles: Sequence[Role], on_date: date | None) -> Role | None:
    """The role valid on ``on_date``.

    1. Among the dated roles that hold on the date, the one that began last.
    2. Else the default (undated) role.
    3. Else the most recent dated role that ended before the date (or, for a date before every role,
       the earliest one).

    ``on_date=None`` asks for the current role: open-ended roles hold, so a role like ``>20080508``
    wins; otherwise rules 2 and 3 apply.  The dictionaries stop around 2015, so for later dates an
    open-ended role is taken as still holding.
    """
    if not roles:
        return None
    day = OPEN_END if on_date is None else date_to_int(on_date)
    dated = [r for r in roles if r.dated]
    holding = [r for r in dated if r.holds_on(day)]
    if holding:
        return max(holding, key=lambda r: r.start)
    default = next((r for r in roles if not r.dated), None)
    if default is not None:
        return default
    past = [r for r in dated if r.end < day]
    if past:
        return max(past, key=lambda r: r.end)
    return min(dated, key=lambda r: r.start)
