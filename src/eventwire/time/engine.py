"""The rule engine: every rule's regex proposes spans, the longest win, handlers normalise them.

Selection runs first (longest span, then rule order; a handler may veto its span so a shorter
candidate gets it); normalisation then runs again in document order so that expressions anchored
to an earlier one ("two days later", "the following year") see what came before them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import date

from eventwire.time.tense import Direction, direction, sentence_bounds
from eventwire.time.triggers import TriggerIndex, TriggerScanner

TimexType = str  # DATE | TIME | DURATION | SET

_CONCRETE = re.compile(r"^\d{4}")
_YEAR_ONLY = re.compile(r"^\d{4}$")
_RANGE_GAP = re.compile(r"\s*(?:to|through|thru|until|till|and|-|–|—)\s*", re.IGNORECASE)
# A date after "since" or right after "said" is a poor anchor for "the next day" or "a year earlier".
_WEAK_BEFORE = re.compile(r"(?:\bsince|\bsaid|\btold\s+\w+|\bsays)\s+(?:on\s+)?$", re.IGNORECASE)


@dataclass(frozen=True)
class Norm:
    """What a handler makes of a match: TIMEX3 type, value, modifier, and the span it covers."""

    type: TimexType
    value: str
    mod: str | None = None
    start: int | None = None  # when the timex is only part of the match
    end: int | None = None
    # A clock time that takes its day from a date next to it ("10 a.m. Monday"), else the dct.
    needs_day: bool = False
    # False for values computed from another expression ("a year earlier"): later references
    # ("the quarter") should point back to what the text named, not to what was derived.
    is_source: bool = True


@dataclass
class Context:
    """What a handler may consult: the text, the dct, and the expressions resolved before it.

    `selecting` is True in the first pass (choosing spans), when references are not known yet.
    """

    text: str
    dct: date
    local_time: tuple[int, int] | None = None
    selecting: bool = True
    resolved: list[tuple[int, int, Norm]] = field(default_factory=list)

    def direction(self, start: int, end: int) -> Direction | None:
        return direction(self.text, start, end)

    def reference(self, before: int, min_len: int = 4) -> str | None:
        """Value of the latest concrete DATE/TIME before a position (for "the next day" and kin).

        min_len asks for a granularity: 4 = a year at least, 7 = a month, 10 = a day.
        """
        for s, _e, norm in reversed(self.resolved):
            if s >= before or norm.type not in ("DATE", "TIME") or not norm.is_source:
                continue
            if _CONCRETE.match(norm.value) and len(norm.value) >= min_len:
                return norm.value
        return None

    def latest(self, before: int, pattern: re.Pattern[str], after: int = 0) -> str | None:
        """Value of the latest expression in [after, before) whose value matches pattern."""
        for s, _e, norm in reversed(self.resolved):
            if after <= s < before and norm.is_source and pattern.match(norm.value):
                return norm.value
        return None

    def sentence_year(self, start: int) -> int | None:
        """A year that frames the sentence: "Next year's summit will be held in July",
        "In 2019, the protests began in March". A year elsewhere in the sentence ("the most
        since 1945") says nothing about a month named later."""
        if self.selecting:
            return None
        sent_start, _e = sentence_bounds(self.text, start, start)
        for s, e, norm in reversed(self.resolved):
            if s >= start or s < sent_start or not _YEAR_ONLY.match(norm.value):
                continue
            possessive = self.text[e : e + 2] in ("'s", "’s")
            opening = re.fullmatch(
                r"\W*(?:in|during|by|for|through|until)?\s*", self.text[sent_start:s], re.I
            )
            if possessive or opening:
                return int(norm.value)
        return None

    def range_start(self, start: int) -> str | None:
        """The value this expression ends a range with: "from June 1 to Nov. 30", "March 3-5"."""
        for s, e, norm in reversed(self.resolved):
            if s >= start:
                continue
            if _RANGE_GAP.fullmatch(self.text[e:start]) and _CONCRETE.match(norm.value):
                return norm.value
            return None
        return None

    def last_norm(self, before: int) -> Norm | None:
        for s, _e, norm in reversed(self.resolved):
            if s < before:
                return norm
        return None


Handler = Callable[[re.Match[str], Context], Norm | None]


@dataclass(frozen=True)
class Rule:
    """A regex, its handler, and a cheap trigger: a word every match contains. The full pattern
    only runs in windows around the trigger's hits, which keeps a paragraph well under a millisecond."""

    name: str
    pattern: re.Pattern[str]
    handler: Handler
    trigger: frozenset[str] | None = None


def _span(m: re.Match[str], norm: Norm) -> tuple[int, int]:
    return (
        norm.start if norm.start is not None else m.start(),
        norm.end if norm.end is not None else m.end(),
    )


_SCANNERS: dict[tuple[str, ...], TriggerScanner] = {}


def _scanner(rules: list[Rule]) -> TriggerScanner:
    """One trigger regex per rule set, built on first use."""
    key = tuple(rule.name for rule in rules)
    if key not in _SCANNERS:
        _SCANNERS[key] = TriggerScanner(k for rule in rules for k in (rule.trigger or ()))
    return _SCANNERS[key]


def run_rules(
    rules: Iterable[Rule], text: str, dct: date, local_time: tuple[int, int] | None, skip_before: int = 0
) -> list[tuple[int, int, Rule, Norm]]:
    """Select non-overlapping matches and normalise them in document order."""
    rules = list(rules)
    candidates: list[tuple[int, int, int, re.Match[str]]] = []  # (-length, rule index, start, match)
    triggers = TriggerIndex(text, _scanner(rules), skip_before)
    for index, rule in enumerate(rules):
        if rule.trigger is None:
            for m in rule.pattern.finditer(text, skip_before):
                if m.end() > m.start():
                    candidates.append((m.start() - m.end(), index, m.start(), m))
            continue
        match = rule.pattern.match
        for pos in triggers.starts(rule.trigger):
            found = match(text, pos)
            if found is not None and found.end() > pos:
                candidates.append((pos - found.end(), index, pos, found))
    candidates.sort(key=lambda c: (c[0], c[1], c[2]))

    ctx = Context(text=text, dct=dct, local_time=local_time, selecting=True)
    taken: list[tuple[int, int]] = []
    chosen: list[tuple[re.Match[str], Rule]] = []
    for _neg_len, index, _start, m in candidates:
        s, e = m.start(), m.end()
        if any(s < te and ts < e for ts, te in taken):
            continue
        rule = rules[index]
        norm = rule.handler(m, ctx)
        if norm is None:
            continue
        taken.append((s, e))
        chosen.append((m, rule))

    chosen.sort(key=lambda c: c[0].start())
    ctx.selecting = False
    out: list[tuple[int, int, Rule, Norm]] = []
    for m, rule in chosen:
        norm = rule.handler(m, ctx)
        if norm is None:
            continue
        s, e = _span(m, norm)
        if norm.is_source and _WEAK_BEFORE.search(text[max(0, s - 20) : s]):
            norm = replace(norm, is_source=False)
        ctx.resolved.append((s, e, norm))
        out.append((s, e, rule, norm))
    return out
