"""`eventwire export cameo` (a CAMEO dyadic table) and `eventwire counts` (event counts per period).

Both read only asserted events unless told otherwise (`--modality`, `--all-modalities`): CAMEO data sets
and the forecasting models fed by counts hold events that happened, not denied or hoped-for ones.
"""

from __future__ import annotations

import csv
import io
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.markup import escape

from eventwire.errors import EventwireError, UsageError

if TYPE_CHECKING:
    import pyarrow as pa

    from eventwire.store.duck import EventFilter

err = Console(stderr=True)

export_app = typer.Typer(help="Write stored events in the formats of other tools.", no_args_is_help=True)


class FileFormat(StrEnum):
    csv = "csv"
    parquet = "parquet"


class Bucket(StrEnum):
    day = "day"
    week = "week"
    month = "month"


class Group(StrEnum):
    country = "country"
    dyad = "dyad"
    type = "type"
    quadclass = "quadclass"


DbOption = Annotated[Path, typer.Option("--db", help="DuckDB file holding articles, events and rejects.")]
TypeOption = Annotated[
    list[str] | None, typer.Option("--type", help="PLOVER event type, e.g. PROTEST (repeat or a,b).")
]
ActorOption = Annotated[str | None, typer.Option(help="Text or name of an actor or recipient.")]
CountryOption = Annotated[
    list[str] | None, typer.Option(help="ISO3 country among actors or recipients (repeat or a,b).")
]
SinceOption = Annotated[str | None, typer.Option(help="Earliest event date, YYYY-MM-DD.")]
UntilOption = Annotated[str | None, typer.Option(help="Latest event date, YYYY-MM-DD.")]
ModalityOption = Annotated[
    list[str] | None,
    typer.Option(help="asserted|negated|hypothetical|speculated|future (repeat or a,b); default asserted."),
]
AllModalitiesOption = Annotated[
    bool, typer.Option("--all-modalities", help="Every modality, not only asserted events.")
]
FormatOption = Annotated[FileFormat, typer.Option("--format", "-f", help="csv or parquet.")]
OutputOption = Annotated[
    Path | None, typer.Option("--output", "-o", help="Write to this file (CSV: default standard output).")
]


def register(app: typer.Typer, eval_app: typer.Typer) -> None:
    """Add this module's commands to the `eventwire` app."""
    app.add_typer(export_app, name="export")
    app.command("counts")(counts)


def _fail(exc: Exception) -> typer.Exit:
    from eventwire.filters import FilterError

    message = exc.option_message() if isinstance(exc, FilterError) else str(exc)
    err.print(f"[red]error:[/red] {escape(message)}", highlight=False, soft_wrap=True)
    return typer.Exit(2)


def _event_filter(
    types: list[str] | None,
    actor: str | None,
    countries: list[str] | None,
    since: str | None,
    until: str | None,
    modalities: list[str] | None,
    all_modalities: bool,
) -> EventFilter:
    """The filters, checked by `eventwire.filters` as `eventwire events` and the HTTP API check them."""
    from eventwire import filters
    from eventwire.store.duck import EventFilter

    if modalities and all_modalities:
        raise UsageError("--modality and --all-modalities exclude each other")
    first, last = filters.date(since, "since"), filters.date(until, "until")
    filters.date_range(first, last)
    picked = filters.modalities(modalities) or (None if all_modalities else ("asserted",))
    return EventFilter(
        type=filters.event_types(types) or None,
        actor=filters.text(actor, "actor"),
        country=filters.country_codes(countries) or None,
        since=first.isoformat() if first else None,
        until=last.isoformat() if last else None,
        modality=picked,
    )


def _check_output(fmt: FileFormat, output: Path | None) -> None:
    if fmt is FileFormat.parquet and output is None:
        raise UsageError("--format parquet writes a binary file: give it with --output FILE.parquet")


@export_app.command("cameo")
def export_cameo(
    db: DbOption,
    type: TypeOption = None,
    actor: ActorOption = None,
    country: CountryOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    modality: ModalityOption = None,
    all_modalities: AllModalitiesOption = False,
    format: FormatOption = FileFormat.csv,
    output: OutputOption = None,
) -> None:
    """CAMEO dyadic events, one row per source and target actor of each event: CAMEO actor codes, event
    code and root from the PLOVER type and mode, QuadClass, Goldstein score, place, evidence, URL."""
    from eventwire.export.cameo import dyad_rows, write_dyads
    from eventwire.store.duck import EventStore

    try:
        flt = _event_filter(type, actor, country, since, until, modality, all_modalities)
        _check_output(format, output)
        with EventStore(db, read_only=True) as store:
            found = store.events(flt)
            ids = sorted({e.article_id for e in found})
            rows = store.con.execute(
                "SELECT article_id, url, source FROM articles WHERE list_contains(?::VARCHAR[], article_id)",
                [ids],
            ).fetchall()
    except EventwireError as exc:
        raise _fail(exc) from None
    articles = {r[0]: {"url": r[1], "source": r[2]} for r in rows}
    dyads = dyad_rows(found, articles)
    write_dyads(dyads, format.value, output)
    err.print(f"{len(found)} events, {len(dyads)} dyads", highlight=False, soft_wrap=True)


def counts(
    db: DbOption,
    by: Annotated[
        Bucket, typer.Option("--by", help="Period: day, week (from Monday) or month.")
    ] = Bucket.day,
    group: Annotated[
        Group | None, typer.Option("--group", help="One series per country, dyad, type or quadclass.")
    ] = None,
    type: TypeOption = None,
    actor: ActorOption = None,
    country: CountryOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    modality: ModalityOption = None,
    all_modalities: AllModalitiesOption = False,
    format: FormatOption = FileFormat.csv,
    output: OutputOption = None,
) -> None:
    """Event counts per period, a row for every period from the first to the last (zero included) in
    every group: the time series forecasting models read."""
    import datetime as dt

    from eventwire.export.counts import event_counts
    from eventwire.store.duck import EventStore

    try:
        flt = _event_filter(type, actor, country, since, until, modality, all_modalities)
        _check_output(format, output)
        where, params = flt.where()
        with EventStore(db, read_only=True) as store:
            result = event_counts(
                store.con,
                by.value,
                group.value if group else None,
                where,
                params,
                since=dt.date.fromisoformat(flt.since) if flt.since else None,
                until=dt.date.fromisoformat(flt.until) if flt.until else None,
            )
    except EventwireError as exc:
        raise _fail(exc) from None
    _write_table(result.table, format, output)
    left_out = [
        f"{n} {what}"
        for n, what in (
            (result.undated, "undated"),
            (result.imprecise, f"dated less precisely than a {by.value}"),
            (result.ungrouped, _ungrouped(group)),
        )
        if n
    ]
    periods = len(set(result.table.column("period").to_pylist()))
    line = f"{result.counted} of {result.matched} events counted over {periods} periods"
    err.print(
        line + (f"; left out: {', '.join(left_out)}" if left_out else ""), highlight=False, soft_wrap=True
    )


def _ungrouped(group: Group | None) -> str:
    if group is Group.country:
        return "without a known place"
    if group is Group.dyad:
        return "without a country among actors or recipients"
    return "without a CAMEO code"


def _write_table(table: pa.Table, fmt: FileFormat, output: Path | None) -> None:
    import datetime as dt

    if fmt is FileFormat.parquet:
        from eventwire.export.nested import write_parquet

        assert output is not None
        write_parquet(table, output)
        return
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(table.column_names)
    for row in table.to_pylist():
        writer.writerow(
            [v.isoformat() if isinstance(v, dt.date) else ("" if v is None else v) for v in row.values()]
        )
    if output is None:
        sys.stdout.write(buf.getvalue())
    else:
        output.write_text(buf.getvalue(), encoding="utf-8")
