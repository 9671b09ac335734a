"""The Python API codes text and files with the same pipeline as the CLI."""

from __future__ import annotations

from pathlib import Path

from eventwire import code_paths, code_text
from eventwire.models import CodedArticle, Reject


def test_code_text_anchors_dates_to_the_publication_date() -> None:
    [e] = [
        x
        for x in code_text("Kenya recalled its ambassador from Uganda on Monday.", published="2024-05-08")
        if x.type == "SANCTION"
    ]
    assert e.date == "2024-05-06" and e.date_precision == "day"
    assert {a.country for a in e.actors} == {"KEN"} and {r.country for r in e.recipients} == {"UGA"}


def test_code_paths_yields_articles_and_rejects(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "Ghanaian police arrested twelve protesters in Accra on Friday, officials said."
    )
    (tmp_path / "b.txt").write_bytes(b"")
    got = list(code_paths([str(tmp_path)]))
    assert [type(x) for x in got] == [CodedArticle, Reject]
    coded = got[0]
    assert isinstance(coded, CodedArticle) and [e.type for e in coded.events] == ["COERCE"]
