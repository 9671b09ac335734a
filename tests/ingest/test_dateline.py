"""Datelines: the wire and web forms a story opens with, and the first sentences that only look like one."""

from __future__ import annotations

import pickle

import pytest

from eventwire.ingest.dateline import dateline_date, find_dateline, with_year_from
from eventwire.ingest.formats import article_from_json, parse_dated_text, parse_plain_text
from eventwire.models import Article, Dateline
from eventwire.parallel.shards import items_from_table, items_table

# (line, place, region, date as written, agency)
POSITIVE: list[tuple[str, str, str | None, str | None, str | None]] = [
    (
        "NAIROBI, June 20 (Reuters) - Kenyan police fired tear gas at marchers.",
        "NAIROBI",
        None,
        "June 20",
        "Reuters",
    ),
    ("KYIV, Ukraine (AP) — Drones struck a power plant overnight.", "KYIV", "Ukraine", None, "AP"),
    ("WASHINGTON — The Senate passed the spending bill.", "WASHINGTON", None, None, None),
    (
        "GENEVA, Switzerland, March 3 (AFP) -- Negotiators resumed talks.",
        "GENEVA",
        "Switzerland",
        "March 3",
        "AFP",
    ),
    ("BEIRUT (Reuters) - Jets struck a village in the south.", "BEIRUT", None, None, "Reuters"),
    ("LONDON, Jan 5 – The finance minister resigned.", "LONDON", None, "Jan 5", None),
    ("Nairobi, Kenya — Thousands of teachers marched.", "Nairobi", "Kenya", None, None),
    ("UNITED NATIONS — The Security Council met in closed session.", "UNITED NATIONS", None, None, None),
    (
        "SAN FRANCISCO, Calif. (AP) — A federal judge blocked the order.",
        "SAN FRANCISCO",
        "Calif.",
        None,
        "AP",
    ),
    (
        "NEW YORK, March 3, 2024 /PRNewswire/ -- A shipping firm said.",
        "NEW YORK",
        None,
        "March 3, 2024",
        "PRNewswire",
    ),
    (
        "SEATTLE--(BUSINESS WIRE)--A software maker said it would cut jobs.",
        "SEATTLE",
        None,
        None,
        "BUSINESS WIRE",
    ),
    ("NEW DELHI: The government banned the export of rice.", "NEW DELHI", None, None, None),
    ("BERLIN (dpa) - The chancellor met union leaders.", "BERLIN", None, None, "dpa"),
    ("WASHINGTON, D.C. — Lawmakers questioned the general.", "WASHINGTON", "D.C.", None, None),
    ("THE HAGUE (Reuters) - Judges ordered a new hearing.", "THE HAGUE", None, None, "Reuters"),
    ("MARIUPOL, UKRAINE — Shelling continued for a third day.", "MARIUPOL", "UKRAINE", None, None),
    ("PORT-AU-PRINCE, Haiti — Gangs attacked a police station.", "PORT-AU-PRINCE", "Haiti", None, None),
    ("Port-au-Prince, Haiti (AP) — Gangs burned a market.", "Port-au-Prince", "Haiti", None, "AP"),
    (
        "RIO DE JANEIRO, Brazil, 20 June 2023 (Reuters) - Police raided a favela.",
        "RIO DE JANEIRO",
        "Brazil",
        "20 June 2023",
        "Reuters",
    ),
    ("Kyiv — Ukrainian officials said the bridge was hit.", "Kyiv", None, None, None),
    ("ST. LOUIS (AP) — A jury convicted the former officer.", "ST. LOUIS", None, None, "AP"),
    ("N'DJAMENA, Chad (Reuters) - Troops were deployed to the border.", "N'DJAMENA", "Chad", None, "Reuters"),
    ("LIMA, Sept. 14 (Reuters) - Teachers went on strike.", "LIMA", None, "Sept. 14", "Reuters"),
    ("BAGHDAD, Tuesday (AFP) - A car bomb exploded near a market.", "BAGHDAD", None, "Tuesday", "AFP"),
    ("WASHINGTON—The White House denied the report.", "WASHINGTON", None, None, None),
    ("ROME - The Italian government approved the plan.", "ROME", None, None, None),
    (
        "Dar es Salaam, Tanzania — Police arrested an opposition leader.",
        "Dar es Salaam",
        "Tanzania",
        None,
        None,
    ),
    ("Bukavu, South Kivu, Congo — Rebels seized the airport.", "Bukavu", "South Kivu, Congo", None, None),
    ("GAZA CITY, Gaza Strip (AP) — Airstrikes hit a school.", "GAZA CITY", "Gaza Strip", None, "AP"),
    ("SEOUL, Oct. 3 (Yonhap) -- North Korea fired two missiles.", "SEOUL", None, "Oct. 3", "Yonhap"),
    ("MOSCOW, July 4 (Reuters) — “We will respond,” a spokesman said.", "MOSCOW", None, "July 4", "Reuters"),
    ("PARIS, JUNE 2 (AFP) - Farmers blocked the ring road.", "PARIS", None, "JUNE 2", "AFP"),
    (
        "Frankfurt am Main, Germany — The central bank kept rates on hold.",
        "Frankfurt am Main",
        "Germany",
        None,
        None,
    ),
    (
        "ABUJA, Nigeria, Nov. 21st (Reuters) - Gunmen kidnapped pupils.",
        "ABUJA",
        "Nigeria",
        "Nov. 21st",
        "Reuters",
    ),
    ("San Juan, Puerto Rico (AP) — Power returned to most homes.", "San Juan", "Puerto Rico", None, "AP"),
    ("JOHANNESBURG, Feb 9 - 2024 elections were called for May.", "JOHANNESBURG", None, "Feb 9", None),
    ("KABUL — 'We have no food,' said a mother of five.", "KABUL", None, None, None),
    ("TEL AVIV, Israel, May 14 (Reuters) : The army said.", "TEL AVIV", "Israel", "May 14", "Reuters"),
]

NEGATIVE = [
    "Police arrested five people — including two minors — on Monday.",
    "NATO said on Monday it would send more troops to the region.",
    "WASHINGTON POST reported that the talks had failed.",
    "WASHINGTON POST — The newspaper said its reporters were detained.",
    "NATO — The alliance said it would meet again.",
    "UN: The organisation appealed for aid.",
    "BREAKING: Police arrested a man outside parliament.",
    "EXCLUSIVE - A bank plans to cut 5,000 jobs.",
    "UPDATE 2-Oil prices rose after the attack.",
    "However, officials — speaking on condition of anonymity — said.",
    "Krasnodar, Russia officials said they had found hundreds of dead birds.",
    "The minister — who resigned last week — denied the charges.",
    "US - China talks resumed in Geneva.",
    "Officials — The statement said nothing about the prisoners.",
    "Mr. Okafor — The lawyer said the trial was unfair.",
    "In Nairobi, Kenya — police dispersed the crowd.",
    "Today — The day began with a march.",
    "The Hague — Judges said.",
    "A car bomb - the third this week - exploded.",
    "Washington, Beijing and Moscow — all three condemned the test.",
    "Protesters clashed with police — The ministry said 12 were hurt.",
    "PUBLISHED: TUESDAY, MAY 7, 2013, 10:02 GMT",
    "WATCH: Troops parade through the capital.",
    "Nairobi — police fired tear gas at protesters.",
    "Nairobi - The governor said.",
    "Thousands marched in Lima on Sunday: the largest protest in years.",
]


@pytest.mark.parametrize(("line", "place", "region", "date_text", "agency"), POSITIVE)
def test_datelines_are_found(
    line: str, place: str, region: str | None, date_text: str | None, agency: str | None
) -> None:
    d = find_dateline(line)
    assert d is not None, line
    assert (d.place, d.region, d.date_text, d.agency) == (place, region, date_text, agency)
    assert d.start == 0 and line[d.start : d.start + len(place)] == place
    # The story's own words begin at `end`.
    assert not line[d.end].isspace() and line[d.end - 1] in " -—–:", line[: d.end]


@pytest.mark.parametrize("line", NEGATIVE)
def test_first_sentences_are_not_datelines(line: str) -> None:
    assert find_dateline(line) is None


def test_enough_cases() -> None:
    assert len(POSITIVE) >= 30 and len(NEGATIVE) >= 15


def test_span_counts_from_where_the_paragraph_starts() -> None:
    text = "A headline\n\n  CAIRO, Aug 2 (Reuters) - Egypt reopened the crossing."
    start = text.index("  CAIRO")
    d = find_dateline(text, start, len(text), published="2022-08-03")
    assert d is not None
    assert text[d.start : d.start + 5] == "CAIRO" and text[d.end :].startswith("Egypt reopened")
    assert d.date == "2022-08-02"


def test_dates_take_the_nearest_year_of_the_publication_date() -> None:
    assert dateline_date("June 20", "2024-06-21") == "2024-06-20"
    assert dateline_date("Dec 31", "2025-01-01") == "2024-12-31"
    assert dateline_date("Jan. 2", "2023-12-30") == "2024-01-02"
    assert dateline_date("20 June 2019", "2024-06-21") == "2019-06-20"  # the year as written wins
    assert dateline_date("March 3, 2024") == "2024-03-03"
    assert dateline_date("June 20") is None  # no year anywhere: unknown, never guessed
    assert dateline_date("Feb. 30", "2024-02-28") is None
    assert dateline_date("Feb 29", "2024-03-01") == "2024-02-29"
    assert dateline_date("Tuesday", "2024-06-21") is None
    assert dateline_date(None, "2024-06-21") is None


def test_year_learnt_later() -> None:
    d = find_dateline("HAVANA, April 9 (Reuters) - Cuba freed the prisoners.")
    assert d is not None and d.date is None
    later = with_year_from(d, "2021-04-10")
    assert later is not None and later.date == "2021-04-09" and later.place == "HAVANA"
    assert with_year_from(None, "2021-04-10") is None


def test_plain_text_dateline_leaves_text_and_segments_alone() -> None:
    text = (
        "Rebels take the airport\n\nGOMA, Congo (AP) — Rebels seized the airport on Sunday.\n\nMore later.\n"
    )
    a = parse_plain_text(text, "x.txt")
    assert a.text == text
    assert a.dateline is not None and a.dateline.place == "GOMA" and a.dateline.region == "Congo"
    body = next(s for s in a.segments if s.kind == "body")
    assert body.start == a.dateline.start and a.text[a.dateline.end :].startswith("Rebels seized")
    assert a.published is None and "published_from" not in a.extra


def test_wire_header_gives_the_dateline_its_year() -> None:
    wire = (
        "date 2023-12-31 World\nWire desk\n\nTalks collapse\n\n"
        "AMMAN, Dec 30 (Reuters) - Talks collapsed on Saturday.\n"
    )
    a = parse_dated_text(wire, "w.txt")
    assert a.published == "2023-12-31" and a.extra["published_from"] == "header"
    assert a.dateline is not None and a.dateline.date == "2023-12-30" and a.dateline.agency == "Reuters"


def test_json_title_shifts_the_span_and_a_full_dated_dateline_dates_the_article() -> None:
    obj = {"title": "Strike ends", "text": "LAGOS, May 2, 2022 (Reuters) - The unions ended the strike."}
    a = article_from_json(obj)
    assert a.text.startswith("Strike ends\n\n")
    assert a.dateline is not None and a.text[a.dateline.start :].startswith("LAGOS")
    assert a.text[a.dateline.end :].startswith("The unions")
    assert a.published == "2022-05-02" and a.extra["published_from"] == "dateline"
    # A month and day without a year give no publication date.
    b = article_from_json({"text": "LAGOS, May 2 (Reuters) - The unions ended the strike."})
    assert b.dateline is not None and b.dateline.date is None and b.published is None
    # The JSON date keeps priority over the dateline's.
    c = article_from_json({"text": obj["text"], "published": "2022-05-03"})
    assert c.published == "2022-05-03" and c.extra["published_from"] == "json"
    assert c.dateline is not None and c.dateline.date == "2022-05-02"


def test_only_the_first_body_paragraph_is_read() -> None:
    a = parse_plain_text("The talks went on late into the night.\n\nWASHINGTON — The Senate voted.\n")
    assert a.dateline is None


def test_article_with_dateline_travels_to_workers() -> None:
    a = parse_plain_text("TUNIS, Oct 1 (Reuters) - The president dissolved parliament.\n", "t.txt")
    assert isinstance(a.dateline, Dateline)
    assert pickle.loads(pickle.dumps(a)) == a
    (back,) = items_from_table(items_table([a]))
    assert isinstance(back, Article) and back == a and isinstance(back.dateline, Dateline)
