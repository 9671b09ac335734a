"""CLI commands for stories: `eventwire stories`, `eventwire eval stories`, and the `events --merged` output.

Registered on the main app by `register`.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, cast

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from eventwire.errors import EventwireError, UsageError

err = Console(stderr=True)
# Piped output keeps long rows on one line rather than folding them at 80 columns.
out = Console() if Console().is_terminal else Console(width=200)


class StoriesFormat(StrEnum):
    table = "table"
    jsonl = "jsonl"
    json = "json"


MERGED_CSV_COLUMNS = [
    "merged_id",
    "story_id",
    "type",
    "mode",
    "modality",
    "actors",
    "recipients",
    "date",
    "date_precision",
    "location",
    "num_mentions",
    "num_articles",
    "num_sources",
    "first_seen",
    "last_seen",
    "confidence",
    "event_ids",
]


def register(app: typer.Typer, eval_app: typer.Typer) -> None:
    """Add this module's commands to the `eventwire` app and its `eval` group."""
    app.command("stories")(stories)
    eval_app.command("stories")(eval_stories)


def stories(
    db: Annotated[Path, typer.Option("--db", help="DuckDB file holding articles, events and stories.")],
    limit: Annotated[int | None, typer.Option(help="At most this many stories.")] = None,
    min_articles: Annotated[int, typer.Option(help="Only stories with at least this many articles.")] = 1,
    format: Annotated[StoriesFormat, typer.Option("--format", "-f")] = StoriesFormat.table,
) -> None:
    """List stories: articles about one happening, largest first, with their counts."""
    from eventwire import filters
    from eventwire.store.duck import EventStore
    from eventwire.store.stories import StoryStore

    try:
        filters.limit(limit)
        filters.limit(min_articles, "min_articles")
        with EventStore(db, read_only=True) as store:
            ss = StoryStore(store)
            if not ss.has_tables():
                raise UsageError(
                    f"{db} has no stories yet; run `eventwire ingest PATH --db {db}` to add them"
                )
            rows = ss.stories(limit=limit, min_articles=min_articles)
    except EventwireError as exc:
        message = exc.option_message() if isinstance(exc, filters.FilterError) else str(exc)
        err.print(f"[red]error:[/red] {escape(message)}", highlight=False, soft_wrap=True)
        raise typer.Exit(2) from None
    if format is StoriesFormat.jsonl:
        for r in rows:
            sys.stdout.write(json.dumps(r.to_dict(), ensure_ascii=False) + "\n")
        return
    if format is StoriesFormat.json:
        sys.stdout.write(json.dumps([r.to_dict() for r in rows], ensure_ascii=False, indent=2) + "\n")
        return
    table = Table(header_style="bold")
    for col in ("story", "first seen", "last seen", "articles", "sources", "events", "merged", "title"):
        table.add_column(col, overflow="fold")
    for r in rows:
        table.add_row(
            r.story_id,
            r.first_seen or "-",
            r.last_seen or "-",
            str(r.num_articles),
            str(r.num_sources),
            str(r.num_events),
            str(r.num_merged_events),
            (r.title or "")[:80],
        )
    table.caption = f"{len(rows)} stories"
    out.print(table)


def eval_stories(
    file: Annotated[Path, typer.Argument(help="ECB+ documents (JSON lines) with gold `story` and mentions.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
    topics: Annotated[
        str | None, typer.Option(help="Only these topics, e.g. 1-14 or 16,18-22 (default: all).")
    ] = None,
    events: Annotated[
        bool, typer.Option("--events/--no-events", help="Also code the documents and score merged events.")
    ] = True,
) -> None:
    """Score story clustering (B-cubed, ARI) and event merging against ECB+ gold."""
    from eventwire.dedup.ecbplus import evaluate_stories, format_story_report, parse_topics

    if not file.exists():
        err.print(f"[red]error:[/red] {escape(str(file))} does not exist", highlight=False, soft_wrap=True)
        raise typer.Exit(2)
    try:
        wanted = parse_topics(topics)
    except ValueError:
        err.print(
            f"[red]error:[/red] --topics wants numbers and ranges like 1-14,16, got {escape(repr(topics))}",
            highlight=False,
            soft_wrap=True,
        )
        raise typer.Exit(2) from None
    from eventwire.cli.progress import CountingPipeline, Progress

    with Progress(err, "eval stories", "documents") as progress:
        pipeline = None
        if events:
            from eventwire.pipeline import Pipeline

            progress.stage("loading the model")
            # Typed as the pipeline it wraps: it codes the same, and counts what it codes.
            pipeline = cast("Pipeline", CountingPipeline(Pipeline(), progress))
            progress.stage("")
        result = evaluate_stories(file, topics=wanted, pipeline=pipeline)
    if as_json:
        sys.stdout.write(json.dumps(result, ensure_ascii=False) + "\n")
    else:
        out.print(format_story_report(result), highlight=False, markup=False)


def list_merged(db: Path, flt: Any, limit: int | None, fmt: str, output: Path | None) -> None:
    """`eventwire events --merged`: merged events, filtered like raw events (`flt`, an EventFilter)."""
    from eventwire.store.duck import EventStore
    from eventwire.store.stories import StoryStore

    with EventStore(db, read_only=True) as store:
        ss = StoryStore(store)
        if not ss.has_tables():
            raise UsageError(f"{db} has no merged events yet; run `eventwire ingest PATH --db {db}`")
        found = ss.merged_events(flt, limit=limit)
    if fmt == "table":
        out.print(_merged_table(found))
    elif fmt == "parquet":
        from eventwire.export.nested import merged_table, write_parquet

        assert output is not None
        write_parquet(merged_table(found), output)
    else:
        buf = io.StringIO()
        if fmt == "jsonl":
            for d in found:
                buf.write(json.dumps(d, ensure_ascii=False) + "\n")
        elif fmt == "json":
            buf.write(json.dumps(found, ensure_ascii=False, indent=2) + "\n")
        elif fmt == "csv":
            w = csv.DictWriter(buf, fieldnames=MERGED_CSV_COLUMNS)
            w.writeheader()
            for d in found:
                w.writerow(_flat(d))
        if output is not None:
            output.write_text(buf.getvalue(), encoding="utf-8")
        else:
            sys.stdout.write(buf.getvalue())


def _flat(d: dict[str, Any]) -> dict[str, Any]:
    row = {c: d.get(c) for c in MERGED_CSV_COLUMNS}
    row["actors"] = json.dumps(d["actors"], ensure_ascii=False)
    row["recipients"] = json.dumps(d["recipients"], ensure_ascii=False)
    row["location"] = d["location"]["name"] if d.get("location") else None
    row["event_ids"] = ";".join(d["event_ids"])
    return row


def _merged_table(found: list[dict[str, Any]]) -> Table:
    from eventwire.cli.render import entities_label
    from eventwire.models import Entity

    table = Table(header_style="bold")
    for col in (
        "date",
        "type",
        "modality",
        "actors",
        "recipients",
        "where",
        "mentions",
        "articles",
        "sources",
    ):
        table.add_column(col, overflow="fold")
    table.add_column("first evidence", overflow="fold")
    for d in found:
        ev = d["evidence"][0]["text"] if d.get("evidence") else ""
        table.add_row(
            d.get("date") or "-",
            d["type"] + (f"/{d['mode']}" if d.get("mode") else ""),
            d["modality"],
            entities_label([Entity.from_dict(a) for a in d["actors"]]),
            entities_label([Entity.from_dict(r) for r in d["recipients"]]),
            d["location"]["name"] if d.get("location") else "-",
            str(d["num_mentions"]),
            str(d["num_articles"]),
            str(d["num_sources"]),
            ev if len(ev) <= 80 else ev[:77] + "...",
        )
    table.caption = f"{len(found)} merged events"
    return table
