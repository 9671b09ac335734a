"""How events look on a terminal and in export files."""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from eventwire.models import Entity, Event

CSV_COLUMNS = [
    "event_id",
    "article_id",
    "type",
    "mode",
    "context",
    "actors",
    "recipients",
    "actor_countries",
    "recipient_countries",
    "date",
    "date_precision",
    "location",
    "lat",
    "lon",
    "modality",
    "attributed_to",
    "evidence",
    "evidence_start",
    "evidence_end",
    "confidence",
    "trigger",
    "rule",
    "pipeline_version",
]


def entity_label(e: Entity) -> str:
    if e.members:
        inner = ", ".join(f"{m.country or '?'} {m.sector or ''}".strip() for m in e.members)
        return f"{e.text} [{inner}]"
    code = " ".join(x for x in (e.country, e.sector) if x)
    name = e.name or e.text
    return f"{name} ({code})" if code else name


def entities_label(es: Sequence[Entity]) -> str:
    return "; ".join(entity_label(e) for e in es) or "-"


def events_table(events: Sequence[Event]) -> Table:
    """One row per event: when, what, who to whom, where, and the words that fired."""
    table = Table(show_lines=False, header_style="bold", expand=False, box=None, pad_edge=False)
    table.add_column("date", no_wrap=True)
    table.add_column("type", no_wrap=True)
    table.add_column("modality", no_wrap=True)
    table.add_column("actors -> recipients", overflow="fold", ratio=3)
    table.add_column("where", overflow="fold", ratio=1)
    table.add_column("trigger", overflow="fold", ratio=1)
    for e in events:
        who = entities_label(e.actors) + " -> " + entities_label(e.recipients)
        table.add_row(
            e.date or "-",
            e.type + (f"/{e.mode}" if e.mode else ""),
            e.modality,
            who,
            e.location.name if e.location else "-",
            e.trigger.text,
        )
    table.caption = f"{len(events)} events (evidence: eventwire show ARTICLE_ID --db FILE)"
    return table


def flat_row(e: Event) -> dict[str, Any]:
    d = e.to_dict()
    return {
        "event_id": e.event_id,
        "article_id": e.article_id,
        "type": e.type,
        "mode": e.mode,
        "context": ";".join(e.context),
        "actors": json.dumps(d["actors"], ensure_ascii=False),
        "recipients": json.dumps(d["recipients"], ensure_ascii=False),
        "actor_countries": ";".join(sorted({c for a in e.actors for c in a.countries})),
        "recipient_countries": ";".join(sorted({c for r in e.recipients for c in r.countries})),
        "date": e.date,
        "date_precision": e.date_precision,
        "location": e.location.name if e.location else None,
        "lat": e.location.lat if e.location else None,
        "lon": e.location.lon if e.location else None,
        "modality": e.modality,
        "attributed_to": json.dumps(d["attributed_to"], ensure_ascii=False) if e.attributed_to else None,
        "evidence": e.evidence.text,
        "evidence_start": e.evidence.start,
        "evidence_end": e.evidence.end,
        "confidence": d["confidence"],
        "trigger": e.trigger.text,
        "rule": e.trigger.rule,
        "pipeline_version": e.pipeline_version,
    }


def write_events(events: Sequence[Event], fmt: str, output: Path | None) -> None:
    if fmt == "parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq

        assert output is not None
        rows = [flat_row(e) for e in events]
        table = (
            pa.Table.from_pylist(rows)
            if rows
            else pa.table({c: pa.array([], pa.string()) for c in CSV_COLUMNS})
        )
        pq.write_table(table, output)
        return
    buf: io.TextIOBase
    buf = open(output, "w", encoding="utf-8", newline="") if output else io.StringIO()  # noqa: SIM115
    try:
        if fmt == "jsonl":
            for e in events:
                buf.write(json.dumps(e.to_dict(), ensure_ascii=False) + "\n")
        elif fmt == "json":
            buf.write(json.dumps([e.to_dict() for e in events], ensure_ascii=False, indent=2) + "\n")
        elif fmt == "csv":
            w = csv.DictWriter(buf, fieldnames=CSV_COLUMNS)
            w.writeheader()
            for e in events:
                w.writerow(flat_row(e))
        if output is None:
            assert isinstance(buf, io.StringIO)
            sys.stdout.write(buf.getvalue())
    finally:
        buf.close()


def show_article(console: Console, article: dict[str, Any], events: Sequence[Event]) -> None:
    text: str = article["text"]
    head = " | ".join(
        str(x) for x in (article.get("published"), article.get("source"), article.get("section")) if x
    )
    console.print(Text(f"{article['article_id']}  {head}", style="bold"))
    if article.get("title"):
        console.print(Text(article["title"], style="bold underline"))
    body = Text(text.strip("\n"))
    lead = len(text) - len(text.lstrip("\n"))
    for e in events:
        body.stylize("on grey23", e.evidence.start - lead, e.evidence.end - lead)
    for e in events:
        body.stylize("bold yellow", e.trigger.start - lead, e.trigger.end - lead)
    console.print(body)
    console.print()
    for n, e in enumerate(events, 1):
        line = Text(f"[{n}] ", style="bold")
        line.append(f"{e.type}" + (f"/{e.mode}" if e.mode else ""), style="bold cyan")
        line.append(f"  {e.modality}  {e.date or '-'}  ")
        line.append(f"{entities_label(e.actors)} -> {entities_label(e.recipients)}")
        if e.attributed_to:
            line.append(f"  according to {entity_label(e.attributed_to)}", style="italic")
        if e.location:
            line.append(f"  at {e.location.name}")
        console.print(line)
        console.print(Text(f"    \u201c{e.evidence.text}\u201d", style="dim"))
