"""Publication dates: content first, then the file name, then --published; where each came from."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire.config import Settings
from eventwire.errors import UsageError
from eventwire.ingest.dates import file_name_date, published_option
from eventwire.ingest.readers import read_inputs
from eventwire.models import Article, Reject

STORY = "Officials in the capital said the two governments had agreed to resume talks next week.\n"


def _articles(*paths: Path, published: str | None = None) -> dict[str, Article]:
    settings = Settings().with_overrides(published=published)
    out: dict[str, Article] = {}
    for item in read_inputs([str(p) for p in paths], settings):
        assert not isinstance(item, Reject), item
        out[Path(item.path or "").name] = item
    return out


@pytest.mark.parametrize(
    ("name", "date"),
    [
        ("2024-03-14_story.txt", "2024-03-14"),
        ("20240314-story.txt", "2024-03-14"),
        ("story-2024-03-14.json", "2024-03-14"),
        ("inbox/wire_2019_11_02.jsonl", "2019-11-02"),
        ("report.2021.07.30.txt", "2021-07-30"),
        ("story.txt", None),
        ("2024-13-14_story.txt", None),  # no 13th month
        ("2023-02-29.txt", None),  # not a leap year
        ("2024-0314-story.txt", None),  # separators must agree
        ("id_123420240314.txt", None),  # inside a longer number
        ("2024/03/14/story.txt", None),  # folders are not read
        ("<stdin>", None),
        (None, None),
    ],
)
def test_file_name_date(name: str | None, date: str | None) -> None:
    assert file_name_date(name) == date


def test_published_option_is_checked() -> None:
    assert published_option(" 2024-03-14 ") == "2024-03-14"
    for bad in ("2024-02-30", "14/03/2024", "2024-3-14", "yesterday", "20240314"):
        with pytest.raises(UsageError, match=r"--published: .* is not a date; write it as YYYY-MM-DD"):
            published_option(bad)
    with pytest.raises(UsageError):
        Settings(published="2024-02-30")
    assert Settings().with_overrides(published="2024-03-14").published == "2024-03-14"


def test_text_files_dated_by_name_else_flag(tmp_path: Path) -> None:
    (tmp_path / "2024-03-14_story.txt").write_text(STORY)
    (tmp_path / "20240315-story.txt").write_text(STORY.replace("next", "this"))
    (tmp_path / "undated.txt").write_text(STORY.replace("capital", "north"))
    (tmp_path / "wire-2020-01-01.txt").write_text(f"date 2024-05-06 World\nWire desk\n\nTitle\n\n{STORY}")
    got = _articles(tmp_path)
    assert got["2024-03-14_story.txt"].published == "2024-03-14"
    assert got["2024-03-14_story.txt"].extra["published_from"] == "file_name"
    assert got["20240315-story.txt"].published == "2024-03-15"
    assert got["undated.txt"].published is None and "published_from" not in got["undated.txt"].extra
    # The wire header keeps priority over the file name.
    assert got["wire-2020-01-01.txt"].published == "2024-05-06"
    assert got["wire-2020-01-01.txt"].extra["published_from"] == "header"

    flagged = _articles(tmp_path, published="2022-10-01")
    assert flagged["undated.txt"].published == "2022-10-01"
    assert flagged["undated.txt"].extra["published_from"] == "flag"
    assert flagged["2024-03-14_story.txt"].published == "2024-03-14"  # the file name comes first
    assert flagged["wire-2020-01-01.txt"].published == "2024-05-06"


def test_json_lines_dated_by_their_own_field_else_the_file_name(tmp_path: Path) -> None:
    path = tmp_path / "feed-2023-08-09.jsonl"
    rows = [
        {"id": "a", "text": STORY, "published": "2023-08-01"},
        {"id": "b", "text": STORY.replace("capital", "port city")},
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    items = [i for i in read_inputs([str(path)], Settings().with_overrides(published="2000-01-01"))]
    by_id = {i.extra["source_id"]: i for i in items if isinstance(i, Article)}
    assert (by_id["a"].published, by_id["a"].extra["published_from"]) == ("2023-08-01", "json")
    assert (by_id["b"].published, by_id["b"].extra["published_from"]) == ("2023-08-09", "file_name")


def test_json_document_dated_by_the_flag(tmp_path: Path) -> None:
    (tmp_path / "story.json").write_text(json.dumps({"text": STORY}))
    (a,) = _articles(tmp_path / "story.json", published="2021-06-30").values()
    assert (a.published, a.extra["published_from"]) == ("2021-06-30", "flag")


def test_dateline_year_from_the_file_name_and_a_full_dateline_before_it(tmp_path: Path) -> None:
    (tmp_path / "2022-04-10_a.txt").write_text(f"HAVANA, April 9 (Reuters) - {STORY}")
    (tmp_path / "2022-04-10_b.txt").write_text(f"HAVANA, April 8, 2022 (Reuters) - {STORY}")
    got = _articles(tmp_path)
    a, b = got["2022-04-10_a.txt"], got["2022-04-10_b.txt"]
    assert a.published == "2022-04-10" and a.extra["published_from"] == "file_name"
    assert a.dateline is not None and a.dateline.date == "2022-04-09"
    # A dateline that writes its full date is the article's own date: it beats the file name.
    assert b.published == "2022-04-08" and b.extra["published_from"] == "dateline"


def test_web_pages_dated_by_their_metadata_else_dateline_else_flag() -> None:
    from eventwire.ingest.readers import _web_items
    from eventwire.models import Segment

    def page(text: str, published: str | None) -> Article:
        return Article("p" + str(len(text)), text, published, segments=[Segment("body", 0, len(text))])

    dated = page(STORY, "2020-02-02")
    filed = page(f"QUITO, Ecuador, Aug 7, 2021 (AP) — {STORY}", None)
    bare = page(f"QUITO — {STORY}", None)
    settings = Settings().with_overrides(published="2021-09-09")
    got = [i for i in _web_items([dated, filed, bare], settings) if isinstance(i, Article)]
    assert [(a.published, a.extra["published_from"]) for a in got] == [
        ("2020-02-02", "page"),
        ("2021-08-07", "dateline"),
        ("2021-09-09", "flag"),
    ]
    assert got[2].dateline is not None and got[2].dateline.place == "QUITO"
