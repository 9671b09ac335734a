"""Whatever the text, find_timexes returns well-formed, non-overlapping expressions and never raises."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from eventwire.time import find_timexes
from eventwire.time.timex import precision_of

WORDS = [
    "Monday", "May", "March", "Sept.", "30", "29", "Feb.", "2023", "1990s", "'80s", "the", "last", "next",
    "week", "year", "years", "ago", "later", "earlier", "three", "a", "an", "half", "and", "quarter",
    "third", "every", "per", "day", "10:00pm", "9", "a.m.", "p.m.", "noon", "now", "soon", "recently",
    "past", "few", "fiscal", "early", "late", "mid-", "summer", "fall", "of", "in", "on", "-", ",", ".",
    "31", "Feb", "13/45/2020", "2/29/2023", "25:99", "0000", "Q5", "Q3", "weekend", "tonight", "century",
]  # fmt: skip

texts = st.lists(st.sampled_from(WORDS), max_size=30).map(" ".join) | st.text(max_size=200)
dcts = st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31))


@settings(max_examples=300, deadline=None)
@given(texts, dcts)
def test_output_is_well_formed(text: str, dct: date) -> None:
    found = find_timexes(text, dct)
    last_end = -1
    for t in found:
        assert 0 <= t.start < t.end <= len(text)
        assert text[t.start : t.end] == t.text
        assert t.start >= last_end, "expressions overlap"
        last_end = t.end
        assert t.type in ("DATE", "TIME", "DURATION", "SET")
        assert t.value
        assert t.precision == precision_of(t.type, t.value)
