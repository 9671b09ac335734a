from __future__ import annotations

import json
from pathlib import Path

from eventwire.config import Settings
from eventwire.ingest.readers import read_inputs
from eventwire.models import Article, Reject

STORY = (
    "Officials in the capital said on Monday that the two governments had agreed to resume talks next week."
)


def _read(*paths: Path, **kw: int) -> list[Article | Reject]:
    return list(read_inputs([str(p) for p in paths], Settings().with_overrides(**kw)))


def test_bad_inputs_each_get_one_reason(tmp_path: Path) -> None:
    (tmp_path / "ok.txt").write_text(STORY)
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_text("   \n\n ")
    (tmp_path / "image.bin").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "bad.txt").write_bytes(b"\x81\x8d\x8f\x90\x9d" * 20)
    (tmp_path / "latin.txt").write_bytes(STORY.replace("capital", "capital caf\xe9").encode("cp1252"))
    (tmp_path / "french.txt").write_text(
        "Le gouvernement a annoncé lundi que les deux pays reprendront "
        "les négociations la semaine prochaine dans la capitale."
    )
    (tmp_path / "README.md").write_text("not an article")
    got = {Path(x.path if isinstance(x, Reject) else x.path or "").name: x for x in _read(tmp_path)}
    assert "README.md" not in got
    assert isinstance(got["ok.txt"], Article)
    reasons = {name: x.reason for name, x in got.items() if isinstance(x, Reject)}
    assert reasons == {
        "empty.txt": "empty",
        "blank.txt": "empty",
        "image.bin": "binary",
        "bad.txt": "not utf-8",
        "french.txt": "not english",
    }
    latin = got["latin.txt"]
    assert isinstance(latin, Article) and "café" in latin.text
    assert latin.extra["encoding_note"] == "decoded as Windows-1252"
    for r in got.values():
        if isinstance(r, Reject):
            assert r.detail and "\n" not in r.detail


def test_size_limit(tmp_path: Path) -> None:
    (tmp_path / "big.txt").write_text(STORY * 10)
    [r] = _read(tmp_path / "big.txt", max_bytes=100)
    assert isinstance(r, Reject) and r.reason == "too large" and "--max-bytes" in r.detail


def test_jsonl_streams_and_rejects_bad_lines(tmp_path: Path) -> None:
    p = tmp_path / "a.jsonl"
    lines = [
        json.dumps({"id": "1", "text": STORY, "published": "2024-01-02"}),
        "{not json",
        json.dumps([1]),
        "",
        json.dumps({"title": "no text"}),
        json.dumps({"text": STORY + " Again."}),
    ]
    p.write_text("\n".join(lines) + "\n")
    got = _read(p)
    assert [type(x).__name__ for x in got] == ["Article", "Reject", "Reject", "Reject", "Article"]
    assert [x.path for x in got if isinstance(x, Reject)] == [f"{p}:2", f"{p}:3", f"{p}:5"]
    first = got[0]
    assert isinstance(first, Article) and first.published == "2024-01-02" and first.extra["source_id"] == "1"


def test_missing_path(tmp_path: Path) -> None:
    [r] = _read(tmp_path / "nope.txt")
    assert isinstance(r, Reject) and r.reason == "not found"
