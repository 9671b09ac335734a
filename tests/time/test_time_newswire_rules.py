"""Rules added while developing on the tune part of the newswire time set, each on sentences written
for these tests (not taken from the set): one class of phrasing per test."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.time import find_timexes

THU = date(2024, 5, 16)  # a Thursday in ISO week 20
SUN = date(2024, 5, 19)  # the Sunday that closes ISO week 20


def values(text: str, dct: date = THU) -> list[tuple[str, str, str]]:
    return [(t.text, t.type, t.value) for t in find_timexes(text, dct)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A perfect infinitive is past, not a future verb group.
        ("The strike is thought to have begun in early April.", [("early April", "DATE", "2024-04")]),
        ("The leak appears to have started in June.", [("June", "DATE", "2023-06")]),
        ("The plant is expected to be opened in June.", [("June", "DATE", "2024-06")]),
    ],
)
def test_perfect_infinitive_is_past(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert values(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The end of a stretch that a past act set may lie ahead: the nearest such date.
        ("The council postponed the vote until June 3.", [("June 3", "DATE", "2024-06-03")]),
        ("The ministry extended the curfew till May 30.", [("May 30", "DATE", "2024-05-30")]),
        ("The border stayed shut until May 2.", [("May 2", "DATE", "2024-05-02")]),
        # A future tense still decides.
        ("Schools will stay shut until April 8.", [("April 8", "DATE", "2025-04-08")]),
    ],
)
def test_until_dates_after_a_past_verb(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert values(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A present-tense sentence with no other cue: the nearest such day.
        ("There's a second round of talks in Geneva Friday.", [("Friday", "DATE", "2024-05-17")]),
        ("There are more hearings Saturday.", [("Saturday", "DATE", "2024-05-18")]),
        # A weekday's event in the possessive has happened.
        ("Saturday's blast is the worst in the city.", [("Saturday", "DATE", "2024-05-11")]),
        # Past tense wins as before.
        ("There was a hearing Friday.", [("Friday", "DATE", "2024-05-10")]),
    ],
)
def test_weekdays_in_present_tense(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert values(text) == expected


def test_last_week_on_a_sunday_is_the_week_just_ended() -> None:
    assert values("Officials met the envoys last week.", SUN) == [("last week", "DATE", "2024-W20")]
    assert values("Officials met the envoys last week.") == [("last week", "DATE", "2024-W19")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A year modifying a noun after a possessive or a sentence-initial article.
        ("It recalled the army's 1998 offensive in the north.", [("1998", "DATE", "1998")]),
        ("Prices climbed. A 2019 decree capped them.", [("2019", "DATE", "2019")]),
        ("Its 2008 study is still cited.", [("2008", "DATE", "2008")]),
        # A four-digit count joined to another count.
        ("Volunteers handed out 300 posters and 1500 leaflets.", []),
        (
            "The 2000 elections and the 2004 polls were close.",
            [("2000", "DATE", "2000"), ("2004", "DATE", "2004")],
        ),
        ("Unrest followed the disputed 2007 elections.", [("2007", "DATE", "2007")]),
    ],
)
def test_years_as_modifiers_and_counts(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert values(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Word expressions inside a quoted title name a programme, not a time.
        ("She told CBS’ “Face the Nation Sunday” show that talks would resume.", []),
        ("He spoke on the “Good Morning Britain” programme.", []),
        # A year in a quoted title still dates what it names; quoted speech keeps its expressions.
        ("It cited the “2023 Press Freedom Report” of the group.", [("2023", "DATE", "2023")]),
        ("“We met them on Monday,” she said.", [("Monday", "DATE", "2024-05-13")]),
    ],
)
def test_quoted_titles(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert values(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Pupils will spend one full day outdoors.", [("one full day", "DURATION", "P1D")]),
        ("Prices rose for three straight months.", [("three straight months", "DURATION", "P3M")]),
        ("The party won five consecutive years of growth.", [("five consecutive years", "DURATION", "P5Y")]),
        ("Only days later, the rebels struck again.", [("days", "DURATION", "PXD")]),
        ("After the vote came weeks of protests.", [("weeks", "DURATION", "PXW")]),
        ("The country's years of war left scars.", [("years", "DURATION", "PXY")]),
        ("In the days of the old regime, trade was banned.", []),
    ],
)
def test_durations_with_adjectives_and_bare_units(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert values(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Shops close on weekends in the old town.", [("weekends", "SET", "XXXX-WXX-WE")]),
        ("The fair runs over two weekends in June.", [("June", "DATE", "2024-06")]),
        (
            "Spending rises 2% yearly over a decade.",
            [("yearly", "SET", "P1Y"), ("over a decade", "DURATION", "P1DE")],
        ),
        ("For the moment, the roads are closed.", [("For the moment", "DATE", "PRESENT_REF")]),
    ],
)
def test_sets_and_present_reference(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert values(text) == expected


def test_future_perfect_stays_future() -> None:
    assert values("The troops will have left by June.") == [("June", "DATE", "2024-06")]
    assert values("The vote would have been held in March.") == [("March", "DATE", "2024-03")]
