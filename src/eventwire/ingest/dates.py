"""Publication dates: the date an article gets when its content gives none, and where each came from.

An article's `published` comes from, in this order (the first that gives one wins):

1. the content: the wire header (`header`), the JSON `published` or `date` field (`json`), the page's
   metadata (`page`), or a dateline that writes its date in full with the year (`dateline`);
2. a date in the file name (`file_name`): `2024-03-14_story.txt`, `20240314-story.txt`,
   `story-2024-03-14.json`;
3. the `--published YYYY-MM-DD` option (`flag`), for every input still without one.

`article.extra["published_from"]` records which; an article none of them dates keeps `published` None
(its events say their date is unknown). A dateline's month and day take their year from the date chosen.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import PurePath

from eventwire.errors import UsageError
from eventwire.ingest.dateline import with_year_from
from eventwire.models import Article

# YYYY-MM-DD, YYYY_MM_DD, YYYY.MM.DD or YYYYMMDD, not inside a longer run of digits.
_FILE_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)([-_.]?)(0[1-9]|1[0-2])\2(0[1-9]|[12]\d|3[01])(?!\d)")


def file_name_date(name: str | None) -> str | None:
    """The date written in a file's name (not its folders'), ISO YYYY-MM-DD, or None."""
    if not name or name.startswith("<"):
        return None
    m = _FILE_DATE.search(PurePath(name).name)
    if m is None:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(3)), int(m.group(4))).isoformat()
    except ValueError:
        return None


def published_option(value: str | None) -> str | None:
    """A `--published` value checked: ISO YYYY-MM-DD, else a UsageError saying how to write it."""
    if value is None:
        return None
    text = value.strip()
    try:
        if len(text) != 10:
            raise ValueError(text)
        return dt.date.fromisoformat(text).isoformat()
    except ValueError:
        raise UsageError(f"--published: {value!r} is not a date; write it as YYYY-MM-DD") from None


def fill_published(article: Article, *, file_name: str | None = None, flag: str | None = None) -> Article:
    """Give an undated article the date of its file name, else `flag`; a dated article is left as it is."""
    if article.published:
        return article
    for value, origin in ((file_name_date(file_name), "file_name"), (flag, "flag")):
        if value:
            article.published = value
            article.extra["published_from"] = origin
            article.dateline = with_year_from(article.dateline, value)
            break
    return article


def mark_published(article: Article, origin: str) -> Article:
    """Record that the article's own `published` came from `origin` (header, json, page)."""
    if article.published and "published_from" not in article.extra:
        article.extra["published_from"] = origin
    return article
