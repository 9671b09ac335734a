"""Publication dates from the command line: `--published`, dates in file names and datelines, as a user
runs `eventwire code` and `eventwire ingest` on real files."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from eventwire.cli.main import app

runner = CliRunner()

NAMED = "Police arrested dozens of protesters outside the parliament in Nairobi, the interior ministry said."
PLAIN = "Soldiers detained three opposition leaders in Kampala, their lawyers said."
DATELINE = "HARARE, March 3, 2024 (Reuters) - Police arrested two journalists in Harare, their editor said."


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    d = tmp_path / "inbox"
    d.mkdir()
    (d / "2024-03-14_protest.txt").write_text(NAMED + "\n")
    (d / "leaders.txt").write_text(PLAIN + "\n")
    (d / "journalists.txt").write_text(DATELINE + "\n")
    return d


def _dates(output: str) -> dict[str, set[tuple[str | None, str | None]]]:
    """(date, date_precision) of the events, by the first word of their evidence."""
    out: dict[str, set[tuple[str | None, str | None]]] = {}
    for e in json.loads(output):
        out.setdefault(e["evidence"]["text"].split()[0], set()).add((e["date"], e["date_precision"]))
    return out


def test_code_dates_by_file_name_dateline_and_flag(inbox: Path) -> None:
    res = runner.invoke(app, ["code", str(inbox), "--published", "2023-11-02", "--format", "json"])
    assert res.exit_code == 0, res.output
    dates = _dates(res.stdout)
    assert dates["Police"] == {("2024-03-14", "day")}  # the file name beats the flag
    assert dates["Soldiers"] == {("2023-11-02", "day")}  # the flag dates what nothing else does
    assert dates["HARARE,"] == {("2024-03-03", "day")}  # a dateline with its year is the article's date


def test_code_without_any_date_gives_no_date(inbox: Path) -> None:
    res = runner.invoke(app, ["code", str(inbox / "leaders.txt"), "--format", "json"])
    assert res.exit_code == 0, res.output
    events = json.loads(res.stdout)
    assert events and all(e["date"] is None for e in events)
    assert all(e["date_precision"] == "unknown" for e in events)


@pytest.mark.parametrize("command", ["code", "ingest"])
@pytest.mark.parametrize("value", ["2024-02-30", "14/03/2024", "soon"])
def test_a_bad_published_date_is_one_usage_line(
    inbox: Path, tmp_path: Path, command: str, value: str
) -> None:
    args = [command, str(inbox), "--published", value]
    if command == "ingest":
        args += ["--db", str(tmp_path / "x.duckdb")]
    result = runner.invoke(app, args)
    assert result.exit_code == 2, result.output
    lines = result.stderr.splitlines()
    assert lines == [f"error: --published: {value!r} is not a date; write it as YYYY-MM-DD"]
    assert result.stdout == ""
    assert not (tmp_path / "x.duckdb").exists()


def test_ingest_stores_the_date_and_where_it_came_from(inbox: Path, tmp_path: Path) -> None:
    db = tmp_path / "news.duckdb"
    res = runner.invoke(app, ["ingest", str(inbox), "--db", str(db), "--published", "2023-11-02"])
    assert res.exit_code == 0, res.output
    con = duckdb.connect(str(db), read_only=True)
    try:
        rows = con.execute(
            "SELECT path, CAST(published AS VARCHAR), json_extract_string(extra, '$.published_from') "
            "FROM articles"
        ).fetchall()
    finally:
        con.close()
    got = {Path(path).name: (published, origin) for path, published, origin in rows}
    assert got == {
        "2024-03-14_protest.txt": ("2024-03-14", "file_name"),
        "leaders.txt": ("2023-11-02", "flag"),
        "journalists.txt": ("2024-03-03", "dateline"),
    }
