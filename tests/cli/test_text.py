"""What the terminal shows: the events table gives the evidence the width there is; `show` prints an
article's text without its wire header, the evidence still highlighted on the right words."""

from __future__ import annotations

import io
from pathlib import Path

import duckdb
from rich.console import Console
from typer.testing import CliRunner

from eventwire.cli.main import app
from eventwire.cli.render import events_table, show_article
from eventwire.store.duck import EventFilter, EventStore

runner = CliRunner()


def _render(table: object, width: int) -> list[str]:
    console = Console(file=io.StringIO(), width=width, force_terminal=False)
    console.print(table)
    return console.file.getvalue().splitlines()  # type: ignore[attr-defined]


def test_a_wider_terminal_shows_more_of_the_evidence(examples_db: Path) -> None:
    with EventStore(examples_db, read_only=True) as store:
        found = store.events(EventFilter(country="IRN"))
    assert found
    shown, reach = {}, {}
    for width in (100, 140, 240):
        lines = _render(events_table(found, width=width), width)
        assert all(len(line) <= width for line in lines), width
        header = lines[0]
        if "evidence" not in header:
            shown[width] = 0
            continue
        at = header.index("evidence")
        shown[width] = max(len(line[at:].strip()) for line in lines[1:-1])
        reach[width] = max(len(line.rstrip()) for line in lines[1:-1])
    assert shown[240] > shown[140] > 15, shown
    # the evidence takes the rest of the line: cut (with an ellipsis) only at its end
    longest = max(len(e.evidence.text) for e in found)
    assert shown[240] == longest or reach[240] == 240, (shown, reach)


def test_the_piped_table_has_the_evidence_and_the_article(examples_db: Path) -> None:
    result = runner.invoke(app, ["events", "--db", str(examples_db), "--country", "IRN"])
    assert result.exit_code == 0, result.output
    header = result.stdout.splitlines()[0].split()
    assert header[0] == "article" and header[-1] == "evidence"
    assert "The European Union on Monday imposed sanctions" in result.stdout


def test_show_leaves_out_the_wire_header(examples_db: Path) -> None:
    con = duckdb.connect(str(examples_db), read_only=True)
    try:
        article_id, text = con.execute(
            "SELECT article_id, text FROM articles WHERE starts_with(text, 'date ')"
            " ORDER BY article_id LIMIT 1"
        ).fetchone()  # type: ignore[misc]
    finally:
        con.close()
    header, agency = text.split("\n")[:2]
    result = runner.invoke(app, ["show", article_id, "--db", str(examples_db)])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert header not in result.stdout
    assert agency in lines[0]  # the agency stays in the heading line, not in the text
    assert not any(line == agency for line in lines[1:])


def test_show_highlights_the_evidence_after_the_header_is_cut(examples_db: Path) -> None:
    with EventStore(examples_db, read_only=True) as store:
        articles = [store.article(e.article_id) for e in store.events()]
        article = next(a for a in articles if a is not None and a["text"].startswith("date "))
        events = store.events(EventFilter(article_id=article["article_id"]))
    assert events
    console = Console(file=io.StringIO(), width=400, force_terminal=True, color_system="truecolor")
    show_article(console, article, events)
    styled = console.file.getvalue()  # type: ignore[attr-defined]
    # the trigger words are drawn bold yellow: the escape code sits right before them
    for e in events:
        before = styled.split(e.trigger.text)[0]
        assert before.endswith("m"), e.trigger.text
