from __future__ import annotations

import pytest

from eventwire.errors import RejectError
from eventwire.ingest.formats import article_from_json, parse_dated_text, parse_plain_text

WIRE = """date 2024-02-01 Politics
Example Wire

Ministers meet in Accra to discuss trade

7:15am
Ghana's trade minister, centre, walks with visiting officials in Accra.

Ghana's trade minister, centre, walks with visiting officials in Accra. (Source: Example Wire)

Ghana and Togo held talks on Thursday about cross-border trade, officials said.

The ministers agreed to meet again in March.
"""


def test_dated_format_header_title_time_and_captions() -> None:
    a = parse_dated_text(WIRE, "x.txt")
    assert a.published == "2024-02-01"
    assert a.section == "Politics"
    assert a.source == "Example Wire"
    assert a.title == "Ministers meet in Accra to discuss trade"
    assert a.local_time == "07:15"
    kinds = [s.kind for s in a.segments]
    assert kinds.count("caption") == 2 and kinds.count("credit") == 1
    captions = [s for s in a.segments if s.kind == "caption"]
    # The second copy points to the first and is never coded again.
    assert captions[0].duplicate_of is None
    assert captions[1].duplicate_of == captions[0].start
    assert a.segment_text(captions[0]) == a.segment_text(captions[1])
    credit = next(s for s in a.segments if s.kind == "credit")
    assert a.segment_text(credit) == "(Source: Example Wire)"
    body = [a.segment_text(s) for s in a.segments if s.kind == "body"]
    assert body == [
        "Ghana and Togo held talks on Thursday about cross-border trade, officials said.",
        "The ministers agreed to meet again in March.",
    ]
    # Offsets point into the article text exactly.
    for s in a.segments:
        assert a.text[s.start : s.end].strip() == a.text[s.start : s.end]


def test_pm_time_and_content_id_is_stable() -> None:
    a = parse_dated_text(WIRE.replace("7:15am", "10:00pm"))
    assert a.local_time == "22:00"
    assert parse_dated_text(WIRE).article_id == parse_dated_text(WIRE).article_id
    assert parse_dated_text(WIRE).article_id != parse_dated_text(WIRE + "More text.\n").article_id


@pytest.mark.parametrize("header", ["date 2024-13-45 World", "date yesterday World", "date"])
def test_malformed_header_is_rejected(header: str) -> None:
    with pytest.raises(RejectError) as exc:
        parse_dated_text(header + "\nWire\n\nTitle\n\nBody text here.\n")
    assert exc.value.reason == "malformed header"


def test_plain_text_title() -> None:
    a = parse_plain_text("A short title\n\nThe first paragraph of the story.\nThe second.\n")
    assert a.title == "A short title"
    assert [a.segment_text(s) for s in a.segments if s.kind == "body"] == [
        "The first paragraph of the story.",
        "The second.",
    ]


def test_json_article_keeps_unknown_fields() -> None:
    a = article_from_json(
        {"text": "Body text.", "id": "x1", "published": "2023-05-06T10:00:00Z", "lang": "en", "tags": ["a"]}
    )
    assert a.published == "2023-05-06"
    assert a.extra == {"lang": "en", "tags": ["a"], "source_id": "x1", "published_from": "json"}
    with pytest.raises(RejectError):
        article_from_json({"title": "no text"})
    with pytest.raises(RejectError):
        article_from_json({"text": "x", "published": "May 2023"})
