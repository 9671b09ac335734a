"""How events look on a terminal and in export files."""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from rich.cells import cell_len
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


# Widest a folding column of the events table grows before the evidence gets the rest of the line.
_FOLD_WIDTHS = {"actors -> recipients": 60, "where": 24, "trigger": 24}
_FOLD_FLOORS = {"actors -> recipients": 16, "where": 8, "trigger": 8}
_MIN_EVIDENCE = 20  # narrower than this, the evidence column is left out (`eventwire show` has it)
_EVIDENCE_SHARE = 1 / 3  # of the room left by the fixed columns, kept for the evidence when it is short


def events_table(events: Sequence[Event], id_length: int = 8, width: int = 200) -> Table:
    """One row per event: its article (an id `eventwire show` takes), when, what, who to whom, where, the
    words that fired and, as far as the `width` allows, the evidence sentence."""
    heads = ["article", "date", "type", "modality", "actors -> recipients", "where", "trigger"]
    rows = [
        [
            e.article_id[:id_length],
            e.date or "-",
            e.type + (f"/{e.mode}" if e.mode else ""),
            e.modality,
            entities_label(e.actors) + " -> " + entities_label(e.recipients),
            e.location.name if e.location else "-",
            e.trigger.text,
        ]
        for e in events
    ]
    natural = {h: max([cell_len(h), *(cell_len(r[i]) for r in rows)]) for i, h in enumerate(heads)}
    # The room the folding columns and the evidence share (two spaces between columns).
    room = width - 2 * len(heads) - sum(n for h, n in natural.items() if h not in _FOLD_WIDTHS)
    caps = _fold_widths(natural, room - max(_MIN_EVIDENCE, int(room * _EVIDENCE_SHARE)))
    evidence_width = room - sum(caps.values())
    with_evidence = evidence_width >= _MIN_EVIDENCE
    if not with_evidence:  # too narrow: the other columns take the whole line
        caps = _fold_widths(natural, room + 2)
    table = Table(show_lines=False, header_style="bold", expand=False, box=None, pad_edge=False)
    for head in heads:
        if head in caps:
            table.add_column(head, overflow="fold", max_width=caps[head])
        else:
            table.add_column(head, no_wrap=True)
    if with_evidence:
        table.add_column("evidence", no_wrap=True, overflow="ellipsis", max_width=evidence_width)
    for e, row in zip(events, rows, strict=True):
        table.add_row(*row, *([" ".join(e.evidence.text.split())] if with_evidence else []))
    table.caption = f"{len(events)} events (evidence in its article: eventwire show ARTICLE --db FILE)"
    return table


def _fold_widths(natural: dict[str, int], room: int) -> dict[str, int]:
    """Widths of the folding columns in `room` characters: their natural width up to a cap; when that is
    too wide, the widest one gives up a character at a time, down to a floor each."""
    widths = {h: min(natural[h], cap) for h, cap in _FOLD_WIDTHS.items()}
    while sum(widths.values()) > room:
        h = max(widths, key=lambda k: widths[k] - _FOLD_FLOORS[k])
        if widths[h] <= _FOLD_FLOORS[h]:
            break
        widths[h] -= 1
    return widths


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
        from eventwire.export.nested import events_table as nested_table
        from eventwire.export.nested import write_parquet

        assert output is not None
        write_parquet(nested_table(events), output)
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
    from eventwire.store.display import header_end

    stored: str = article["text"]
    # The wire header lines are in the line above; the body starts after them (offsets move with it).
    cut = header_end(stored, article.get("segments"), (e.evidence.start for e in events))
    text = stored[cut:]
    head = " | ".join(
        str(x) for x in (article.get("published"), article.get("source"), article.get("section")) if x
    )
    source_id = _source_id(article.get("extra"))
    console.print(
        Text(f"{article['article_id']}  {head}" + (f"  ({source_id})" if source_id else ""), style="bold")
    )
    title = article.get("title")
    if title and not text.lstrip("\n").startswith(title):
        console.print(Text(title, style="bold underline"))
    body = Text(text.strip("\n"))
    lead = len(text) - len(text.lstrip("\n")) + cut
    if title and text.lstrip("\n").startswith(title):
        body.stylize("bold underline", 0, len(title))
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


def _source_id(extra: Any) -> str | None:
    """The source's own id of a stored article (`extra` as stored: JSON text or a dict)."""
    if isinstance(extra, str):
        try:
            extra = json.loads(extra)
        except ValueError:
            return None
    value = extra.get("source_id") if isinstance(extra, dict) else None
    return str(value) if value is not None else None
