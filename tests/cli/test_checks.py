"""Usage errors: exit 2 and one line on stderr naming the bad value and what is allowed; the CLI's event
filters accept and refuse what the HTTP API does, with the same reasons."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from eventwire.cli.main import app
from eventwire.serve import create_app

runner = CliRunner()


def _usage_error(args: list[str]) -> str:
    """Run the CLI, expect a usage error, and return its one line."""
    result = runner.invoke(app, args)
    assert result.exit_code == 2, result.output
    lines = result.stderr.splitlines()
    assert len(lines) == 1, lines
    assert result.stdout == ""
    assert lines[0].startswith("error: ")
    return lines[0]


@pytest.fixture(scope="module")
def client(examples_db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(examples_db)) as test_client:
        yield test_client


def test_the_four_refusals_of_the_issue(examples_db: Path, tmp_path: Path) -> None:
    db = str(examples_db)
    line = _usage_error(["events", "--db", db, "--type", "FOO"])
    assert "--type" in line and "'FOO'" in line and "CONSULT" in line and "ASSAULT" in line
    line = _usage_error(["events", "--db", db, "--modality", "maybe"])
    assert "--modality" in line and "'maybe'" in line and "asserted" in line and "future" in line
    line = _usage_error(["events", "--db", db, "--limit", "-1"])
    assert "--limit" in line and "-1" in line and "1 or more" in line
    new_db = tmp_path / "new.duckdb"
    line = _usage_error(["ingest", "/nonexistent", "--db", str(new_db)])
    assert "'/nonexistent'" in line and "files, folders or - for stdin" in line
    assert not new_db.exists(), "a refused ingest must not create the database"


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--limit", "0"], ["--limit", "0 is out of range", "1 or more"]),
        (["--limit", "many"], ["--limit", "'many'", "integer"]),
        (["--since", "last week"], ["--since", "'last week'", "YYYY-MM-DD"]),
        (["--until", "2024-02-30"], ["--until", "'2024-02-30'", "YYYY-MM-DD"]),
        (["--since", "2024-05-01", "--until", "2024-01-01"], ["--since", "2024-05-01 is after"]),
        (["--country", "Russia"], ["--country", "'RUSSIA'", "three-letter"]),
        (["--format", "xml"], ["--format", "'xml'", "csv"]),
        (["--merged", "--type", "PARTY"], ["--type", "'PARTY'", "CONSULT"]),
    ],
)
def test_events_refuses_bad_values_in_one_line(examples_db: Path, args: list[str], words: list[str]) -> None:
    line = _usage_error(["events", "--db", str(examples_db), *args])
    for word in words:
        assert word in line, line


def test_other_commands_refuse_in_one_line(examples_db: Path, tmp_path: Path) -> None:
    assert "--limit" in _usage_error(["stories", "--db", str(examples_db), "--limit", "0"])
    assert f"'{tmp_path / 'nowhere.txt'}'" in _usage_error(["code", str(tmp_path / "nowhere.txt")])
    assert "--workers" in _usage_error(["ingest", "x", "--db", str(tmp_path / "w.duckdb"), "--workers", "0"])
    assert "No such command 'evnts'" in _usage_error(["evnts"])


@pytest.mark.parametrize(
    ("cli", "api"),
    [
        (["--type", "FOO"], {"type": "FOO"}),
        (["--modality", "maybe"], {"modality": "maybe"}),
        (["--country", "Russia"], {"country": "Russia"}),
        (["--since", "yesterday"], {"since": "yesterday"}),
        (["--since", "2024-05-01", "--until", "2024-01-01"], {"since": "2024-05-01", "until": "2024-01-01"}),
    ],
)
def test_cli_and_api_refuse_with_the_same_reason(
    examples_db: Path, client: TestClient, cli: list[str], api: dict[str, str | int]
) -> None:
    line = _usage_error(["events", "--db", str(examples_db), *cli])
    response = client.get("/api/events", params=api)
    assert response.status_code in (400, 422)
    detail = response.json()["error"]["details"][0]
    option = "--" + detail["param"].replace("_", "-")
    assert line == f"error: {option}: {detail['reason']}"


def test_limits_are_checked_alike(examples_db: Path, client: TestClient) -> None:
    # The API pages at most 1000 events, the CLI has no upper bound: the same check, its own range.
    line = _usage_error(["events", "--db", str(examples_db), "--limit", "0"])
    assert line == "error: --limit: 0 is out of range; a whole number, 1 or more"
    error = client.get("/api/events", params={"limit": 0}).json()["error"]
    assert error["message"] == "limit: 0 is out of range; a whole number from 1 to 1000"
    assert client.get("/api/events", params={"limit": 1001}).status_code == 422


def test_cli_and_api_accept_the_same_values(examples_db: Path, client: TestClient) -> None:
    # Lower case, commas and repeats, as the API takes them.
    filters = ["--type", "consult,agree", "--type", "Aid", "--modality", "ASSERTED", "--country", "ken,eth"]
    cli = runner.invoke(
        app, ["events", "--db", str(examples_db), "-f", "jsonl", *filters, "--since", "2000-01-01"]
    )
    assert cli.exit_code == 0, cli.output
    got = {json.loads(line)["event_id"] for line in cli.stdout.splitlines()}
    params = {"type": ["consult,agree", "Aid"], "modality": "ASSERTED", "country": "ken,eth"}
    items = client.get("/api/events", params={**params, "since": "2000-01-01", "limit": 1000}).json()["items"]
    assert got, "the examples hold consultations between Kenya and Ethiopia"
    assert got == {i["event_id"] for i in items}
    assert {i["type"] for i in items} <= {"CONSULT", "AGREE", "AID"}
