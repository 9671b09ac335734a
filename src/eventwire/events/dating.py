"""The date of an event: the time expression that governs its trigger, else the publication date.

A time expression governs an event when it attaches to the event's clause or to a clause above it that
reports it ("said in comments last week that his country offered support": the offer dates to last week).
Expressions inside other events' clauses or inside noun phrases of their own are not the event's date.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from spacy.tokens import Token

_DATE_PRECISIONS = {"day", "week", "month", "year"}


class TimexLike(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def type(self) -> str: ...
    @property
    def value(self) -> str: ...


def precision_of(value: str) -> str | None:
    """Precision of a TimeML date value: 2023-09-18 day, 2023-W37 week, 2023-09 month, 2023 year."""
    v = value.split("T", 1)[0]
    if len(v) == 10 and v[4] == "-" and v[7] == "-":
        return "day"
    if len(v) >= 8 and v[4:6] == "-W" and v[6:8].isdigit():
        return "week"
    if len(v) == 7 and v[4] == "-" and v[5:7].isdigit():
        return "month"
    if len(v) == 4 and v.isdigit():
        return "year"
    if len(v) == 7 and v[4] == "-" and (v[5] == "Q" or v[5:7] in ("SP", "SU", "FA", "WI", "H1", "H2")):
        return "month"
    return None


def governing_timex(trigger: Token, offset: int, timexes: Sequence[TimexLike]) -> TimexLike | None:
    """The dated expression attached to the trigger's clause or a clause that reports it."""
    sent = trigger.sent
    lo, hi = offset + sent.start_char, offset + sent.end_char
    candidates = [
        t
        for t in timexes
        if lo <= t.start
        and t.end <= hi
        and t.type in ("DATE", "TIME")
        and precision_of(t.value) in _DATE_PRECISIONS
    ]
    if not candidates:
        return None
    chain = [trigger, *trigger.ancestors]
    rank = {tok.i: n for n, tok in enumerate(chain)}
    best: tuple[int, TimexLike] | None = None
    for tx in candidates:
        tok = _token_at(trigger, tx.start - offset, tx.end - offset)
        if tok is None:
            continue
        # Climb from the expression to the first verb or event word it hangs on.
        t = tok
        while t.head != t and (t.pos_ not in ("VERB", "AUX") and t.i not in rank):
            t = t.head
        if t.i in rank and (best is None or rank[t.i] < best[0]):
            best = (rank[t.i], tx)
    return best[1] if best else None


def _token_at(anchor: Token, start: int, end: int) -> Token | None:
    """The syntactic head of the tokens that lie within [start, end) of the anchor's document."""
    toks = [t for t in anchor.sent if t.idx >= start and t.idx + len(t) <= end]
    if not toks:
        return None
    ids = {t.i for t in toks}
    heads = [t for t in toks if t.head.i not in ids or t.head == t]
    return heads[0] if heads else toks[0]
