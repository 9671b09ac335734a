"""Long commands report progress on stderr when it is not a terminal: a plain line every few seconds
(`EVENTWIRE_PROGRESS_SECONDS`), stdout untouched; ingest closes with the same lines whatever the engine."""

from __future__ import annotations

import io
import json
import re
import sys
import time
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from eventwire.cli.main import app
from eventwire.cli.progress import Progress
from shared_data import ROOT

runner = CliRunner()
EXAMPLES = ROOT / "examples"


def _progress_lines(stderr: str, label: str, unit: str) -> list[tuple[int, int]]:
    """(items, events) of each progress line of `label`."""
    pattern = re.compile(rf"^{label}: (\d+)(?:/\d+)? {unit}, (\d+) events, \d+\.\d s(?: \(.+\))?$")
    found = [pattern.match(line) for line in stderr.splitlines()]
    return [(int(m.group(1)), int(m.group(2))) for m in found if m]


@pytest.fixture
def often(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EVENTWIRE_PROGRESS_SECONDS", "0.05")


def test_ingest_reports_progress_and_closes_with_the_summary(often: None, tmp_path: Path) -> None:
    db = tmp_path / "p.duckdb"
    result = runner.invoke(app, ["ingest", str(EXAMPLES), "--db", str(db), "--batch-size", "4"])
    assert result.exit_code == 0, result.output
    progress = _progress_lines(result.stderr, "ingest", "articles")
    assert len(progress) >= 3, result.stderr
    assert progress == sorted(progress), "counts only grow"
    assert any(n > 0 and e > 0 for n, e in progress), "lines count articles and events as batches land"
    assert max(n for n, _ in progress) <= 26
    closing = result.stderr.splitlines()[-2:]
    assert re.fullmatch(r"read 26 \| new 26 \| already stored 0 \| rejected 0 \| events (\d+)", closing[0])
    events = closing[0].rsplit(" ", 1)[1]
    assert closing[1] == f"{db}: 26 articles, {events} events, 0 rejects"
    assert result.stdout == ""


def test_code_reports_progress_on_stderr_only(often: None) -> None:
    result = runner.invoke(app, ["code", str(EXAMPLES / "wire"), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    progress = _progress_lines(result.stderr, "code", "articles")
    assert progress and progress[-1][0] <= 4
    events = [json.loads(line) for line in result.stdout.splitlines()]
    assert events and all("event_id" in e for e in events)


def test_eval_plover_reports_the_records_coded(often: None, tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    records = [
        {
            "text": f"Kenya and Ethiopia held talks on border security in Nairobi on May {day}.",
            "event": "CONSULT",
        }
        for day in range(1, 31)
    ]
    gold.write_text("".join(json.dumps(r) + "\n" for r in records))
    result = runner.invoke(app, ["eval", "plover", str(gold), "--json"])
    assert result.exit_code == 0, result.output
    progress = _progress_lines(result.stderr, "eval plover", "records")
    assert progress and max(n for n, _ in progress) <= 30, result.stderr
    assert "precision" in json.dumps(json.loads(result.stdout))


def test_plain_lines_on_a_pipe_and_none_on_a_terminal() -> None:
    piped = io.StringIO()
    console = Console(file=piped, force_terminal=False)
    with Progress(console, "eval stories", "documents", every=0.02) as progress:
        progress.add_total(5)
        progress.advance(3, events=7)
        progress.stage("scoring")
        time.sleep(0.2)
    lines = piped.getvalue().splitlines()
    assert lines, "a line every interval"
    assert re.fullmatch(r"eval stories: 3/5 documents, 7 events, \d+\.\d s \(scoring\)", lines[-1])
    terminal = io.StringIO()
    with Progress(Console(file=terminal, force_terminal=True, width=100), "ingest", every=0.02) as progress:
        progress.advance(2, events=1)
        stdout = sys.stdout
        time.sleep(0.1)
    assert "ingest: 2 articles" not in terminal.getvalue()  # a live bar instead, cleared at the end
    assert stdout is sys.stdout, "the bar leaves stdout to the command's output (`code > events.jsonl`)"
