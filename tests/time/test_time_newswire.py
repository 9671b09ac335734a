"""Accuracy gate on the newswire time set (src/eventwire/eval/data/time_newswire.jsonl).

Sixty real news stories (Voice of America and Wikinews) annotated to TIMEX3 under
docs/time-annotation-guidelines.md, split by a hash of each document's id into a tune part (the
normaliser is developed on it) and a check part (only scored). Floors are pinned per part in
tests/data/time_newswire_floors.json with the sha256 of the file; each floor is the measured score
minus 0.01. Raising a floor is routine; lowering one is a decision to write down in the change that
makes it.
"""

from __future__ import annotations

import hashlib
import json
import re
from datetime import date
from pathlib import Path

import pytest

from eventwire.eval.articles import split_of
from eventwire.time.evaluate import evaluate_time, format_time_report, read_documents

ROOT = Path(__file__).resolve().parents[2]
FLOORS = ROOT / "tests" / "data" / "time_newswire_floors.json"
SPEC = json.loads(FLOORS.read_text(encoding="utf-8"))
DATA = ROOT / SPEC["data"]
_VALUE = re.compile(
    r"^(?:\d{2,4}(?:-(?:\d{2}(?:-\d{2})?|W\d{2}(?:-WE)?|Q[1-4]|H[12]|SP|SU|FA|WI))?(?:T(?:\d{2}:\d{2}|MO|AF|EV|NI))?"
    r"|XXXX-(?:\d{2}-\d{2}|XX-XX|WXX-(?:\d|WE))(?:T(?:\d{2}:\d{2}|MO|AF|EV|NI))?"
    r"|P(?:T?(?:\d+|X)(?:[YMWDHS]|DE|CE|WE))+|PT\d+[HMS]|PAST_REF|PRESENT_REF|FUTURE_REF)$"
)


def test_set_is_whole_and_well_formed() -> None:
    docs = list(read_documents(DATA))
    assert len(docs) == 60
    assert sum(len(d["timexes"]) for d in docs) >= 500
    assert {split_of(d["doc_id"]) for d in docs} == {"tune", "check"}
    assert len({d["doc_id"] for d in docs}) == len(docs)
    for doc in docs:
        date.fromisoformat(doc["dct"])
        # Every story keeps its source's credit and licence.
        assert doc["url"] and doc["license"] and doc["credit"], doc["doc_id"]
        last_end = 0
        for t in doc["timexes"]:
            assert doc["text"][t["start"] : t["end"]] == t["text"], (doc["doc_id"], t)
            assert t["start"] >= last_end, (doc["doc_id"], t)  # in text order, not overlapping
            last_end = t["end"]
            assert t["type"] in ("DATE", "TIME", "DURATION", "SET"), (doc["doc_id"], t)
            assert _VALUE.match(t["value"]), (doc["doc_id"], t)


def test_data_is_what_the_floors_were_measured_on() -> None:
    assert hashlib.sha256(DATA.read_bytes()).hexdigest() == SPEC["data_sha256"], (
        "time_newswire.jsonl changed: re-measure and re-pin tests/data/time_newswire_floors.json"
    )


@pytest.mark.parametrize("split", sorted(SPEC["splits"]))
def test_scores_hold_their_floors(split: str) -> None:
    pinned = SPEC["splits"][split]
    result = evaluate_time(DATA, errors=split != "check", split=split)
    print(format_time_report(result))
    assert (result["n_docs"], result["n_gold"]) == (pinned["n_docs"], pinned["n_gold"])
    low = {name: (result[name], floor) for name, floor in pinned["floors"].items() if result[name] < floor}
    assert not low, f"{split}: scores below their floors (score, floor): {low}"


def test_cli_scores_one_part() -> None:
    from typer.testing import CliRunner

    from eventwire.cli.main import app

    runner = CliRunner()
    res = runner.invoke(app, ["eval", "time", str(DATA), "--split", "check", "--json"])
    assert res.exit_code == 0, res.output
    assert json.loads(res.stdout)["n_docs"] == SPEC["splits"]["check"]["n_docs"]
    bad = runner.invoke(app, ["eval", "time", str(DATA), "--split", "dev"])
    assert bad.exit_code == 2
