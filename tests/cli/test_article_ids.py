"""`eventwire show` takes the ids users see: the article id, a unique start of it, the source's own id,
and the short ids of the events table."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
from typer.testing import CliRunner

from eventwire.cli.main import app
from eventwire.store.article_ids import resolve_article_id

runner = CliRunner()


def _ids(db: Path) -> dict[str, str | None]:
    """Article id -> source id, read straight from the file."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        rows = con.execute("SELECT article_id, extra FROM articles").fetchall()
    finally:
        con.close()
    return {aid: json.loads(extra or "{}").get("source_id") for aid, extra in rows}


def _shown_id(output: str) -> str:
    return output.split()[0]


def test_show_takes_an_id_its_start_and_the_source_id(examples_db: Path) -> None:
    ids = _ids(examples_db)
    by_source = {s: a for a, s in ids.items() if s}
    article_id = by_source["wikinews-125"]
    others = [a for a in ids if a != article_id]
    # the shortest start of the id that no other id shares
    n = next(n for n in range(1, 17) if not any(o.startswith(article_id[:n]) for o in others))
    for given in (article_id, article_id[:n], article_id[:n].upper(), "wikinews-125"):
        result = runner.invoke(app, ["show", given, "--db", str(examples_db)])
        assert result.exit_code == 0, (given, result.output)
        assert _shown_id(result.stdout) == article_id
        assert "(wikinews-125)" in result.stdout.splitlines()[0]


def test_an_ambiguous_start_is_a_usage_error_with_the_count(examples_db: Path) -> None:
    ids = sorted(_ids(examples_db))
    start = next(a[0] for a in ids if sum(b.startswith(a[0]) for b in ids) > 1)
    count = sum(b.startswith(start) for b in ids)
    result = runner.invoke(app, ["show", start, "--db", str(examples_db)])
    assert result.exit_code == 2
    (line,) = result.stderr.splitlines()
    assert f"'{start}' starts {count} article ids" in line and "give more of the id" in line
    unknown = runner.invoke(app, ["show", "wikinews-999", "--db", str(examples_db)])
    assert unknown.exit_code == 2
    (line,) = unknown.stderr.splitlines()
    assert "no article 'wikinews-999'" in line and "source's own id" in line


def test_the_events_table_shows_ids_that_show_takes(examples_db: Path) -> None:
    table = runner.invoke(app, ["events", "--db", str(examples_db)])
    assert table.exit_code == 0, table.output
    lines = table.stdout.splitlines()
    assert lines[0].split()[:2] == ["article", "date"]
    rows = [line.split()[0] for line in lines[1:] if line[:1].strip() and not line.startswith(" ")]
    short = sorted(set(rows))
    assert len(short) > 10
    stored = _ids(examples_db)
    con = duckdb.connect(str(examples_db), read_only=True)
    try:
        for given in short:
            # each short id names exactly one stored article, as show and the API resolve it
            assert sum(a.startswith(given) for a in stored) == 1, given
            assert resolve_article_id(con, given).startswith(given)
    finally:
        con.close()
    shown = runner.invoke(app, ["show", short[0], "--db", str(examples_db)])
    assert shown.exit_code == 0 and _shown_id(shown.stdout).startswith(short[0])
