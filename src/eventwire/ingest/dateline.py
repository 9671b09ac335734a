"""Datelines: the place (and often the date and agency) a story opens with, before a dash.

    NAIROBI, June 20 (Reuters) -          KYIV, Ukraine (AP) —          WASHINGTON —
    GENEVA, Switzerland, March 3 (AFP) --  SAN FRANCISCO, Calif. (AP) —  Nairobi, Kenya —
    NEW YORK, March 3, 2024 /PRNewswire/ --                             NEW DELHI: The ...

A dateline is a place of one to five words, all capitals or each word capitalised, then optionally a region
or country after a comma, a date (`June 20`, `Jan. 5, 2024`, `20 June`, a weekday) and an agency in
parentheses or slashes, then a dash (`-`, `--`, `–`, `—`) or a colon. What merely looks like one is
refused: a sentence whose dash comes after lowercase words ("Police arrested two men — ..."), an
organisation's acronym ("NATO —"), a headline label ("BREAKING:", and any one capitalised word before a
colon), a newspaper's name ("WASHINGTON POST —"), a word that opens sentences ("However, ..."), and any
match followed by a lowercase word. A place in title case with nothing else ("Nairobi —") needs a long
dash (`—`, `–`, `--`).

The text is never changed: `Dateline.end` says where the story's own words begin.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from eventwire.models import Article, Dateline

__all__ = ["Dateline", "attach_dateline", "dateline_date", "find_dateline", "with_year_from"]

# A word of a place: letters, with apostrophes, hyphens or periods inside ("N'DJAMENA", "Port-au-Prince",
# "D.C."), and an abbreviation's closing period ("Calif.", "ST.").
_WORD = r"[^\W\d_](?:[^\W\d_]|['’.\-](?=[^\W\d_]))*\.?"
_NAME = rf"{_WORD}(?:[ ]{_WORD}){{0,4}}"
_MONTH = (
    r"(?i:jan(?:uary|\.)?|feb(?:ruary|\.)?|mar(?:ch|\.)?|apr(?:il|\.)?|may|june?|july?|aug(?:ust|\.)?"
    r"|sep(?:tember|t\.?|\.)?|oct(?:ober|\.)?|nov(?:ember|\.)?|dec(?:ember|\.)?)"
)
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_WEEKDAY = r"(?i:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_DATE = (
    rf"(?:{_MONTH}[ ]{_DAY}(?:,?[ ](?:19|20)\d\d)?(?![\w])"
    rf"|{_DAY}[ ]{_MONTH}(?:,?[ ](?:19|20)\d\d)?(?![\w])"
    rf"|{_WEEKDAY}(?![\w]))"
)
# A region or country after the place's comma; a month or a weekday there begins the date instead.
_REGION = rf"(?!(?:{_MONTH}|{_WEEKDAY})(?![^\W\d_])){_NAME}"
_DATELINE = re.compile(
    rf"""
    (?P<place>{_NAME})
    (?:,[ ](?P<region>{_REGION}(?:,[ ]{_REGION})?))?
    (?:,?[ ](?P<date>{_DATE}))?
    (?:[ ]?(?:--?)?(?:\((?P<agency>[^()\n]{{1,40}})\)|/(?P<wire>[^/\n]{{1,40}})/))?
    (?P<dash>[ ]?(?:--|[—–―])[ ]?|[ ]-[ ]|(?<=[)/])-[ ]?|[ ]?:[ ])
    [ ]*
    (?=\S)
    """,
    re.VERBOSE,
)

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH_DAY = re.compile(r"([^\W\d_]+)\.?[ ](\d{1,2})|(\d{1,2})(?:st|nd|rd|th)?[ ]([^\W\d_]+)")
_YEAR = re.compile(r"\b((?:19|20)\d\d)\b")

# Lowercase words inside a place's name: "Rio de Janeiro", "Dar es Salaam", "Newcastle upon Tyne".
_CONNECTORS = frozenset(
    "de del della da do dos das di du des la le les el al es au aux sur am der den upon y".split()
)
# Capitalised words that are part of a sentence, not of a place, when they open a body's first words
# (sentence adverbs, pronouns, determiners, titles of people, nouns for groups of people).
_NOT_PLACE = frozenset(
    """
    a an and as at after before but by during for from if in into of on or since so than that the then
    there these they this those to under until when where while with within without yet
    also again already earlier elsewhere finally first however instead later meanwhile moreover
    nevertheless nonetheless now overall separately similarly still today tonight tomorrow yesterday
    he she it its we i you our their his her my your who what which why how
    mr mrs ms dr sir madam president prime minister gen sen rep gov lt col capt sgt prof rev
    police officials authorities residents witnesses critics analysts experts protesters troops soldiers
    rebels lawmakers investigators prosecutors leaders ministers diplomats sources reports report
    breaking exclusive update updated updates analysis opinion editorial commentary correction corrected
    refile factbox explainer watch video photos photo live note warning alert flash urgent advisory
    review interview feature sponsored advertisement podcast poll editor editors summary background
    published posted filed modified last must see read more related listen tags topics share follow
    """.split()
)
# All-capital words that name an organisation or a country's initials, never a city of filing.
_ACRONYMS = frozenset(
    """
    nato un eu au us uk usa uae fbi cia nsa who imf icc icj iaea opec asean ecowas unicef unhcr unesco
    osce oas nasa ioc fifa uefa wto oecd brics idf plo anc bbc cnn ap afp upi dpa ani pti efe ians ngo
    ngos gop dnc rnc doj dhs dod pentagon kremlin hamas hezbollah isis isil ira fda cdc epa sec fed ecb
    """.split()
)
_LONG_DASHES = ("--", "—", "–", "―")
# The last word of a newspaper's or agency's name: "WASHINGTON POST", "NEW YORK TIMES".
_OUTLETS = frozenset(
    "post times news press herald journal tribune telegraph gazette globe daily wire agency examiner".split()
)


def find_dateline(
    text: str, start: int = 0, end: int | None = None, published: str | None = None
) -> Dateline | None:
    """The dateline opening `text[start:end]` (after any spaces), or None.

    `published` (YYYY-MM-DD), when known, gives the year of a dateline's month and day.
    """
    end = len(text) if end is None else end
    while start < end and text[start].isspace():
        start += 1
    m = _DATELINE.match(text, start, end)
    if m is None:
        return None
    place, region, date_text = m.group("place"), m.group("region"), m.group("date")
    agency = (m.group("agency") or m.group("wire") or "").strip() or None
    dash = m.group("dash").strip()
    if not _acceptable(place, region, date_text, agency, dash, text[m.end()]):
        return None
    return Dateline(
        place=place,
        start=start,
        end=m.end(),
        region=region,
        date_text=date_text,
        date=dateline_date(date_text, published),
        agency=agency,
    )


def attach_dateline(article: Article) -> Article:
    """Set `article.dateline` from its first body paragraph; an article without a publication date takes
    the dateline's date when the dateline writes it in full (with its year). Returns the article."""
    body = next((s for s in article.segments if s.kind == "body"), None)
    if body is None:
        return article
    found = find_dateline(article.text, body.start, body.end, article.published)
    article.dateline = found
    if found is not None and found.date and not article.published and _YEAR.search(found.date_text or ""):
        article.published = found.date
        article.extra["published_from"] = "dateline"
    return article


def with_year_from(dateline: Dateline | None, published: str | None) -> Dateline | None:
    """The dateline with its date resolved against `published` (a date learnt after it was read)."""
    if dateline is None or dateline.date or not dateline.date_text or not published:
        return dateline
    return replace(dateline, date=dateline_date(dateline.date_text, published))


def dateline_date(date_text: str | None, published: str | None = None) -> str | None:
    """ISO date of a dateline's `June 20` / `20 June` / `Jan. 5, 2024`: the year as written, else the year
    that puts the day nearest `published`; None for a weekday, an impossible day or an unknown year."""
    if not date_text:
        return None
    m = _MONTH_DAY.match(date_text)
    if m is None:
        return None
    month_word, day = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
    month = _MONTHS.get(month_word[:3].lower())
    if month is None:
        return None
    written = _YEAR.search(date_text)
    if written:
        return _iso(int(written.group(1)), month, int(day))
    if not published:
        return None
    try:
        anchor = dt.date.fromisoformat(published[:10])
    except ValueError:
        return None
    candidates = [
        d for y in (anchor.year - 1, anchor.year, anchor.year + 1) if (d := _day(y, month, int(day)))
    ]
    if not candidates:
        return None
    return min(candidates, key=lambda d: abs((d - anchor).days)).isoformat()


def _day(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _iso(year: int, month: int, day: int) -> str | None:
    d = _day(year, month, day)
    return d.isoformat() if d else None


def _acceptable(
    place: str, region: str | None, date_text: str | None, agency: str | None, dash: str, after: str
) -> bool:
    """The checks a regular expression cannot make: the words' case, the words themselves, what follows."""
    if after.islower():
        return False  # a dateline is followed by the story's first sentence
    words = place.split(" ")
    caps = all(_is_caps(w) for w in words)
    title = not caps and all(_is_title(w) or w in _CONNECTORS for w in words)
    if not (caps or title) or not (_is_title(words[0]) or caps) or words[-1] in _CONNECTORS:
        return False
    stronger = bool(region or date_text or agency)
    low = [_bare(w) for w in words]
    if low[0] == "the":  # THE HAGUE, The Gambia
        if len(low) == 1 or not (caps or stronger):
            return False
        low = low[1:]
    if any(w in _NOT_PLACE for w in low) or low[-1] in _OUTLETS:
        return False
    if len(low) == 1 and low[0] in _ACRONYMS:
        return False
    if region is not None and not _is_region(region):
        return False
    if agency is not None and not _is_agency(agency):
        return False
    if stronger:
        return True
    if caps:
        # A short all-capital word alone is more often an acronym than a city, and one before a colon a
        # label ("NCAA:", "WATCH:").
        return len(low) > 1 or (len(low[0]) >= 4 and dash != ":")
    # A place in title case alone needs a long dash: "Nairobi — The ..."
    return dash in _LONG_DASHES


def _is_region(region: str) -> bool:
    for part in region.split(", "):
        words = part.split(" ")
        if not all(_is_title(w) or _is_caps(w) or w in _CONNECTORS for w in words):
            return False
        low = [_bare(w) for w in words]
        if any(w in _NOT_PLACE for w in low) or low[-1] in _OUTLETS:
            return False
        if re.fullmatch(_MONTH + r"|" + _WEEKDAY, words[0].rstrip(".")):
            return False
    return True


def _is_agency(agency: str) -> bool:
    """An agency's name: a few words with a capital ("Reuters", "AP", "Business Wire"), or one short
    lowercase word ("dpa"); not an aside such as "(pictured)"."""
    words = agency.split()
    if not agency[0].isalpha() or not 1 <= len(words) <= 5:
        return False
    return any(c.isupper() for c in agency) or (len(words) == 1 and len(agency) <= 4)


def _bare(word: str) -> str:
    return word.rstrip(".").lower()


def _is_caps(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def _is_title(word: str) -> bool:
    return word[:1].isupper() and any(c.islower() for c in word)
