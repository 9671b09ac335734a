"""evaluate_time and its report on small hand-made files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire.eval.articles import split_of
from eventwire.time.evaluate import evaluate_time, format_time_report


def _write(path: Path, docs: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    return path


def _doc(text: str, gold: list[tuple[str, str, str]], dct: str = "2023-09-19") -> dict[str, object]:
    timexes = []
    for surface, type_, value in gold:
        start = text.index(surface)
        timexes.append(
            {"start": start, "end": start + len(surface), "text": surface, "type": type_, "value": value}
        )
    return {"doc_id": "d", "dct": dct, "text": text, "timexes": timexes}


def test_scores_count_spans_and_values(tmp_path: Path) -> None:
    text = "Talks ended Monday after three days, officials said, and resume next week."
    gold = [
        ("Monday", "DATE", "2023-09-18"),
        ("three days", "DURATION", "P3D"),
        ("next week", "DATE", "2023-W40"),  # wrong on purpose: the system says W39
        ("officials", "DATE", "2023"),  # not a time expression: a certain miss
    ]
    result = evaluate_time(_write(tmp_path / "d.jsonl", [_doc(text, gold)]), errors=True)
    assert (result["n_gold"], result["n_pred"], result["n_matched"]) == (4, 3, 3)
    assert result["recall"] == 0.75
    assert result["precision"] == 1.0
    assert abs(result["value_accuracy"] - 2 / 3) < 1e-9
    assert abs(result["value_f1"] - 2 * (2 / 3) * 0.5 / (2 / 3 + 0.5)) < 1e-9
    assert result["per_type"]["DURATION"] == {
        "n": 1,
        "recall": 1.0,
        "value_accuracy": 1.0,
        "value_recall": 1.0,
    }
    kinds = sorted(e["kind"] for e in result["errors"])
    assert kinds == ["missed", "wrong_value"]
    report = format_time_report(result)
    assert "value f1" in report and "wrong_value" in report and "next week" in report


def test_false_positives_are_listed(tmp_path: Path) -> None:
    result = evaluate_time(_write(tmp_path / "d.jsonl", [_doc("It rained on Friday.", [])]), errors=True)
    assert result["n_pred"] == 1 and result["precision"] == 0.0
    assert result["errors"][0]["kind"] == "false_positive"
    assert result["errors"][0]["pred"]["text"] == "Friday"


def test_errors_are_left_out_unless_asked(tmp_path: Path) -> None:
    result = evaluate_time(_write(tmp_path / "d.jsonl", [_doc("It rained on Friday.", [])]))
    assert "errors" not in result


def test_split_parts_partition_the_file(tmp_path: Path) -> None:
    docs = []
    for i in range(12):
        doc = _doc("It rained on Friday.", [("Friday", "DATE", "2023-09-15")])
        doc["doc_id"] = f"story-{i}"
        docs.append(doc)
    path = _write(tmp_path / "d.jsonl", docs)
    tune, check, whole = (evaluate_time(path, split=s) for s in ("tune", "check", "all"))
    assert tune["n_docs"] + check["n_docs"] == whole["n_docs"] == 12
    assert check["n_docs"] == sum(split_of(str(d["doc_id"])) == "check" for d in docs)
    assert (tune["split"], check["split"]) == ("tune", "check")


def test_unknown_split_is_refused(tmp_path: Path) -> None:
    path = _write(tmp_path / "d.jsonl", [_doc("It rained on Friday.", [])])
    with pytest.raises(ValueError, match="split"):
        evaluate_time(path, split="dev")
