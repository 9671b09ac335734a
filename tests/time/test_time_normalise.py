"""Normalisation of the tricky cases, on sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.time import Timex, find_timexes, nearest_timex, precision_of, timexes_in_span

TUE = date(2023, 9, 19)  # a Tuesday in ISO week 38


def values(text: str, dct: date = TUE, local_time: str | None = None) -> list[tuple[str, str, str]]:
    return [(t.text, t.type, t.value) for t in find_timexes(text, dct, local_time)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # absolute dates in the common news forms
        ("The deadline is Sept. 30.", [("Sept. 30", "DATE", "2023-09-30")]),
        ("It was signed on 30 September 2021.", [("30 September 2021", "DATE", "2021-09-30")]),
        ("Filed 2023-09-30 in Seoul.", [("2023-09-30", "DATE", "2023-09-30")]),
        ("Sales fell in September 2022.", [("September 2022", "DATE", "2022-09")]),
        ("Growth slowed in the 1990s.", [("the 1990s", "DATE", "199")]),
        ("Prices rose in the '80s.", [("the '80s", "DATE", "198")]),
        ("It began in the mid-1970s.", [("the mid-1970s", "DATE", "197")]),
        ("It dates from the 19th century.", [("the 19th century", "DATE", "18")]),
        ("He took power in late 2011.", [("late 2011", "DATE", "2011")]),
        ("Profit doubled in fiscal 1998.", [("fiscal 1998", "DATE", "1998")]),
        ("Talks are set for Monday, Oct. 2.", [("Monday, Oct. 2", "DATE", "2023-10-02")]),
        ("The forum ran March 2-4, 2021.", [("March 2-4, 2021", "DATE", "2021-03-02")]),
        # weekdays: the latest one on or before the dct, unless the sentence points ahead
        ("Kim's train crossed the river on Monday.", [("Monday", "DATE", "2023-09-18")]),
        ("The ministry said Tuesday it had no comment.", [("Tuesday", "DATE", "2023-09-19")]),
        ("The two sides will meet on Friday.", [("Friday", "DATE", "2023-09-22")]),
        ("The summit opens Thursday in Vienna.", [("Thursday", "DATE", "2023-09-21")]),
        ("He left last Wednesday.", [("last Wednesday", "DATE", "2023-09-13")]),
        ("Voting ends next Sunday.", [("next Sunday", "DATE", "2023-09-24")]),
        ("The raid began Monday morning.", [("Monday morning", "TIME", "2023-09-18TMO")]),
        ("Shelling resumed Saturday night.", [("Saturday night", "TIME", "2023-09-16TNI")]),
        # the days around the dct
        ("North Korea said today that Kim was home.", [("today", "DATE", "2023-09-19")]),
        ("The strike began yesterday.", [("yesterday", "DATE", "2023-09-18")]),
        ("Talks resume tomorrow.", [("tomorrow", "DATE", "2023-09-20")]),
        ("Protests are planned tonight.", [("tonight", "TIME", "2023-09-19TNI")]),
        ("Fighting eased last night.", [("last night", "TIME", "2023-09-18TNI")]),
        ("He spoke this morning.", [("this morning", "TIME", "2023-09-19TMO")]),
        # weeks, months, years relative to the dct
        ("Kim spoke last week.", [("last week", "DATE", "2023-W37")]),
        ("Kim is in Russia this week.", [("this week", "DATE", "2023-W38")]),
        ("Talks resume next month.", [("next month", "DATE", "2023-10")]),
        ("Exports fell last year.", [("last year", "DATE", "2022")]),
        ("It was raised earlier this month.", [("earlier this month", "DATE", "2023-09")]),
        ("A vote is due early next year.", [("early next year", "DATE", "2024")]),
        ("Prices rose last quarter.", [("last quarter", "DATE", "2023-Q2")]),
        ("The drills will be held over the weekend.", [("the weekend", "DATE", "2023-W38-WE")]),
        ("He was arrested last weekend.", [("last weekend", "DATE", "2023-W37-WE")]),
        # months without a year: tense decides
        ("The deal was signed in March.", [("March", "DATE", "2023-03")]),
        ("The deal was signed in December.", [("December", "DATE", "2022-12")]),
        ("The deal will be signed in December.", [("December", "DATE", "2023-12")]),
        ("The talks will resume in March.", [("March", "DATE", "2024-03")]),
        (
            "Next year's summit will be held in July.",
            [("Next year", "DATE", "2024"), ("July", "DATE", "2024-07")],
        ),
        ("Kim visited in May last year.", [("May last year", "DATE", "2022-05")]),
        # seasons, quarters, halves
        ("The offensive began in the summer.", [("the summer", "DATE", "2023-SU")]),
        ("Troops massed there last spring.", [("last spring", "DATE", "2023-SP")]),
        ("Output grew in the third quarter.", [("the third quarter", "DATE", "2023-Q3")]),
        ("Third-quarter profit rose.", [("Third-quarter", "DATE", "2023-Q3")]),
        ("Growth slowed in the first half of 2021.", [("the first half of 2021", "DATE", "2021-H1")]),
        # clock times take the day next to them, else the dct
        ("10:00pm", [("10:00pm", "TIME", "2023-09-19T22:00")]),
        (
            "The blast came at 9:30 a.m. Monday.",
            [("9:30 a.m.", "TIME", "2023-09-18T09:30"), ("Monday", "DATE", "2023-09-18")],
        ),
        ("The ceasefire begins at noon.", [("noon", "TIME", "2023-09-19T12:00")]),
        ("Launch was set for 1500 GMT.", [("1500 GMT", "TIME", "2023-09-19T15:00")]),
        # durations
        ("It was the six-day trip of a lifetime.", [("six-day", "DURATION", "P6D")]),
        ("He spent two years in prison.", [("two years", "DURATION", "P2Y")]),
        ("The meeting lasted three hours.", [("three hours", "DURATION", "PT3H")]),
        ("It took a decade.", [("a decade", "DURATION", "P1DE")]),
        ("Prices doubled over the past three years.", [("the past three years", "DURATION", "P3Y")]),
        ("Inflation rose in the past year.", [("the past year", "DURATION", "P1Y")]),
        ("Investment rose in recent years.", [("recent years", "DURATION", "PXY")]),
        ("The siege lasted for months.", [("months", "DURATION", "PXM")]),
        ("The talks ran 18 months and a half.", [("18 months and a half", "DURATION", "P18.5M")]),
        ("It happened a year and a half ago.", [("a year and a half ago", "DATE", "2022-03")]),
        ("The 59-year-old leader left.", []),
        # sets
        ("The council meets every week.", [("every week", "SET", "P1W")]),
        ("The paper appears weekly.", [("weekly", "SET", "P1W")]),
        ("Exports earn $5 billion a year.", [("a year", "SET", "P1Y")]),
        ("Inspectors visit twice a month.", [("twice a month", "SET", "P1M")]),
        ("Elections are held every four years.", [("every four years", "SET", "P4Y")]),
        ("Protesters gather every Sunday.", [("every Sunday", "SET", "XXXX-WXX-7")]),
        # vague references
        ("Kim is now in Moscow.", [("now", "DATE", "PRESENT_REF")]),
        ("The region is currently calm.", [("currently", "DATE", "PRESENT_REF")]),
        ("The two met recently.", [("recently", "DATE", "PAST_REF")]),
        ("Such deals may come in the future.", [("the future", "DATE", "FUTURE_REF")]),
        ("Officials expect a decision soon.", [("soon", "DATE", "FUTURE_REF")]),
        ("Kim had met him years ago.", [("years ago", "DATE", "PAST_REF")]),
        # expressions counted from the dct or from an earlier one
        ("The law passed three years ago.", [("three years ago", "DATE", "2020")]),
        (
            "Riots began on Jan. 2 and spread two days later.",
            [("Jan. 2", "DATE", "2023-01-02"), ("two days later", "DATE", "2023-01-04")],
        ),
        (
            "Net income rose in the third quarter from a year earlier.",
            [("the third quarter", "DATE", "2023-Q3"), ("a year earlier", "DATE", "2022-Q3")],
        ),
        (
            "He resigned in 2011 and died the following year.",
            [("2011", "DATE", "2011"), ("the following year", "DATE", "2012")],
        ),
        ("It has not happened since the Sept. 11 attacks.", [("Sept. 11", "DATE", "2001-09-11")]),
    ],
)
def test_normalisation(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert values(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Officials may decide later.",  # the modal, not the month
        "Theresa May spoke in Parliament.",
        "He won 2,000 votes and $1998 in cash.",
        "UN Security Council Resolution 2231 was adopted.",
        "The second year of the war began.",  # an ordinal year: no value to give
        "The China Daily reported the fall in prices.",
        "The March on Washington drew crowds.",
        "They ate at a Christmas market.",
        "More than 2000 protesters marched.",
        "Kim spoke in a live broadcast; the comments aired in full.",
    ],
)
def test_not_time_expressions(text: str) -> None:
    assert values(text) == []


def test_metadata_header_line_is_skipped() -> None:
    text = " date 2023-09-19 World\nAP\n\nKim left on Monday."
    assert values(text) == [("Monday", "DATE", "2023-09-18")]


def test_hours_ago_use_the_local_time_when_given() -> None:
    assert values("The blast came two hours ago.", local_time="10:30") == [
        ("two hours ago", "TIME", "2023-09-19T08:30")
    ]


def test_precision_per_value() -> None:
    assert precision_of("DATE", "2023-09-18") == "day"
    assert precision_of("DATE", "2023-W37") == "week"
    assert precision_of("DATE", "2023-W37-WE") == "week"
    assert precision_of("DATE", "2023-09") == "month"
    assert precision_of("DATE", "2023") == "year"
    assert precision_of("DATE", "2023-Q3") == "year"
    assert precision_of("DATE", "199") is None
    assert precision_of("TIME", "2023-09-18TMO") == "time"
    assert precision_of("DURATION", "P6D") is None
    assert precision_of("DATE", "PRESENT_REF") is None


def test_timex_fields_and_span_helpers() -> None:
    text = "Kim arrived on Monday and left three days later, on Thursday."
    found = find_timexes(text, TUE)
    assert all(isinstance(t, Timex) and text[t.start : t.end] == t.text for t in found)
    monday = found[0]
    assert (monday.precision, monday.is_anchored) == ("day", True)
    left = text.index("left")
    assert [t.text for t in timexes_in_span(found, left, len(text))] == ["three days later", "Thursday"]
    near = nearest_timex(found, left, left + 4)
    assert near is not None and near.text == "three days later"
    assert monday.to_dict()["value"] == "2023-09-18"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The vote is Friday.", [("Friday", "DATE", "2023-09-22")]),
        ("The deadline is in March.", [("March", "DATE", "2024-03")]),
        ("It is the worst since March.", [("March", "DATE", "2023-03")]),
        ("The talks were on Friday.", [("Friday", "DATE", "2023-09-15")]),
        ("The bill, which had been scheduled for June 12, was shelved.", [("June 12", "DATE", "2023-06-12")]),
        ("Britain has promised to leave by Jan. 31.", [("Jan. 31", "DATE", "2024-01-31")]),
        ("Schools will remain closed until April 3.", [("April 3", "DATE", "2024-04-03")]),
        (
            "Apple unveiled a phone Tuesday that will go on sale in June.",
            [("Tuesday", "DATE", "2023-09-19"), ("June", "DATE", "2024-06")],
        ),
    ],
)
def test_tense_cues(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert values(text) == expected
