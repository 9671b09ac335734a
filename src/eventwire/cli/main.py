"""The `eventwire` command. Thin wrappers over the library; a library error becomes one line with its fix.

Exit codes: 0 all inputs read, 1 some inputs rejected, 2 usage error.
"""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

from eventwire.cli.render import events_table, show_article, write_events
from eventwire.config import Settings
from eventwire.errors import EventwireError, UsageError
from eventwire.version import PIPELINE_VERSION, __version__

app = typer.Typer(
    name="eventwire",
    help="News articles in, PLOVER political events out: who did what to whom, when, where, "
    "according to whom, and how certain.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
eval_app = typer.Typer(help="Measure accuracy against gold data.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")

err = Console(stderr=True)
# Piped output keeps long rows on one line rather than folding them at 80 columns.
out = Console() if Console().is_terminal else Console(width=200)


class CodeFormat(StrEnum):
    jsonl = "jsonl"
    json = "json"
    table = "table"


class Engine(StrEnum):
    local = "local"
    ray = "ray"


class EventsFormat(StrEnum):
    table = "table"
    jsonl = "jsonl"
    json = "json"
    csv = "csv"
    parquet = "parquet"


DbOption = Annotated[Path, typer.Option("--db", help="DuckDB file holding articles, events and rejects.")]


def _settings(
    model: str | None = None, max_bytes: int | None = None, batch_size: int | None = None
) -> Settings:
    return Settings().with_overrides(spacy_model=model, max_bytes=max_bytes, batch_size=batch_size)


def _fail(exc: Exception, code: int = 2) -> typer.Exit:
    err.print(f"[red]error:[/red] {exc}", highlight=False)
    return typer.Exit(code)


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files, directories (recursive) or - for stdin.")],
    db: Annotated[
        Path | None, typer.Option("--db", help="DuckDB file holding articles, events and rejects.")
    ] = None,
    model: Annotated[str | None, typer.Option(help="spaCy pipeline (env EVENTWIRE_SPACY_MODEL).")] = None,
    max_bytes: Annotated[int | None, typer.Option(help="Reject inputs larger than this many bytes.")] = None,
    batch_size: Annotated[int | None, typer.Option(help="Articles per batch (one transaction each).")] = None,
    workers: Annotated[
        int,
        typer.Option(
            min=1, help="Coding processes (Ray actors with --engine ray), the model loaded once in each."
        ),
    ] = 1,
    engine: Annotated[Engine, typer.Option(help="local: this machine; ray: Ray Data.")] = Engine.local,
    address: Annotated[
        str | None, typer.Option(help="Ray cluster to join (host:port); default: start one on 127.0.0.1.")
    ] = None,
    out: Annotated[
        Path | None,
        typer.Option(help="Ray engine: keep the coded articles as Parquet shards in this folder."),
    ] = None,
) -> None:
    """Read articles, code their events and store both in a DuckDB file. Re-running adds nothing new."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from eventwire.runner import ingest as run_ingest
    from eventwire.store.duck import EventStore

    settings = _settings(model, max_bytes, batch_size)
    if engine is Engine.ray:
        _ingest_ray(paths, db, settings, workers, address, out)
        return
    if db is None:
        raise _fail(UsageError("give the database with --db FILE (or --engine ray --out DIR for Parquet)"))
    if address is not None or out is not None:
        raise _fail(UsageError("--address and --out go with --engine ray"))
    try:
        with (
            EventStore(db) as store,
            Progress(
                TextColumn("[progress.description]{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("{task.fields[rate]}"),
                TimeElapsedColumn(),
                console=err,
                transient=True,
                disable=not err.is_terminal,
            ) as progress,
        ):
            task = progress.add_task("coding", total=None, rate="")

            def tick(n: int, n_events: int) -> None:
                progress.advance(task, n)
                elapsed = progress.tasks[task].elapsed or 0.0
                done = progress.tasks[task].completed
                progress.update(task, rate=f"{done / elapsed:.1f} articles/s" if elapsed else "")

            summary = run_ingest(
                paths,
                store,
                settings,
                workers=workers,
                on_progress=tick,
                warn=lambda m: err.print(m, highlight=False, markup=False),
            )
            counts = store.counts()
    except EventwireError as exc:
        raise _fail(exc) from None
    err.print(summary.line(), highlight=False)
    err.print(
        f"{db}: {counts['articles']} articles, {counts['events']} events, {counts['rejects']} rejects",
        highlight=False,
    )
    raise typer.Exit(1 if summary.rejected else 0)


def _ingest_ray(
    paths: list[str], db: Path | None, settings: Settings, workers: int, address: str | None, out: Path | None
) -> None:
    """`ingest --engine ray`: Ray Data codes into Parquet shards, then (with --db) they are loaded."""
    from eventwire.parallel.ray_engine import ingest_ray

    if db is None and out is None:
        raise _fail(UsageError("--engine ray needs --db FILE, --out DIR or both"))
    try:
        summary = ingest_ray(
            paths,
            settings,
            db=db,
            out=out,
            address=address,
            actors=workers,
            warn=lambda m: err.print(m, highlight=False, markup=False),
        )
    except (EventwireError, RuntimeError) as exc:  # RuntimeError: the Ray head or driver failed
        raise _fail(exc) from None
    err.print(summary.line(), highlight=False)
    if out is not None:
        err.print(f"{out}: Parquet shards of the coded articles", highlight=False)
    raise typer.Exit(1 if summary.rejected else 0)


@app.command()
def code(
    paths: Annotated[list[str], typer.Argument(help="Files, directories or - for stdin.")],
    format: Annotated[CodeFormat, typer.Option("--format", "-f", help="Output format.")] = CodeFormat.jsonl,
    model: Annotated[str | None, typer.Option(help="spaCy pipeline (env EVENTWIRE_SPACY_MODEL).")] = None,
    max_bytes: Annotated[int | None, typer.Option(help="Reject inputs larger than this many bytes.")] = None,
) -> None:
    """Code articles and print their events; nothing is stored."""
    from eventwire.ingest.readers import read_inputs
    from eventwire.models import Article, Reject
    from eventwire.pipeline import Pipeline

    settings = _settings(model, max_bytes)
    try:
        pipe = Pipeline(settings)
    except EventwireError as exc:
        raise _fail(exc) from None
    rejected = 0
    events = []
    for item in read_inputs(paths, settings):
        if isinstance(item, Reject):
            rejected += 1
            err.print(
                f"warning: rejected {item.path}: {item.reason}: {item.detail}", highlight=False, markup=False
            )
            continue
        assert isinstance(item, Article)
        coded = pipe.code_article(item)
        if format is CodeFormat.jsonl:
            for e in coded.events:
                sys.stdout.write(json.dumps(e.to_dict(), ensure_ascii=False) + "\n")
            sys.stdout.flush()
        else:
            events.extend(coded.events)
    if format is CodeFormat.json:
        sys.stdout.write(json.dumps([e.to_dict() for e in events], ensure_ascii=False, indent=2) + "\n")
    elif format is CodeFormat.table:
        out.print(events_table(events))
    raise typer.Exit(1 if rejected else 0)


@app.command()
def events(
    db: DbOption,
    type: Annotated[str | None, typer.Option("--type", help="PLOVER event type, e.g. CONSULT.")] = None,
    actor: Annotated[str | None, typer.Option(help="Text or name of an actor or recipient.")] = None,
    country: Annotated[str | None, typer.Option(help="ISO3 country among actors or recipients.")] = None,
    since: Annotated[str | None, typer.Option(help="Earliest event date, YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option(help="Latest event date, YYYY-MM-DD.")] = None,
    modality: Annotated[
        str | None, typer.Option(help="asserted|negated|hypothetical|speculated|future")
    ] = None,
    limit: Annotated[int | None, typer.Option(help="At most this many events.")] = None,
    format: Annotated[EventsFormat, typer.Option("--format", "-f")] = EventsFormat.table,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write to this file.")] = None,
    merged: Annotated[
        bool, typer.Option("--merged", help="Merged events: one per happening, with counts and evidence.")
    ] = False,
) -> None:
    """List stored events, filtered."""
    from eventwire.store.duck import EventFilter, EventStore

    try:
        for label, value in (("--since", since), ("--until", until)):
            if value is not None:
                _check_date(label, value)
        if format is EventsFormat.parquet and output is None:
            raise UsageError("--format parquet writes a binary file: give it with --output FILE.parquet")
        flt = EventFilter(
            type=type, actor=actor, country=country, since=since, until=until, modality=modality
        )
        if merged:
            from eventwire.cli.stories_cmd import list_merged

            list_merged(db, flt, limit, format.value, output)
            return
        with EventStore(db, read_only=True) as store:
            found = store.events(flt, limit=limit)
    except EventwireError as exc:
        raise _fail(exc) from None
    if format is EventsFormat.table:
        out.print(events_table(found))
        return
    write_events(found, format.value, output)


@app.command()
def show(
    article_id: Annotated[str, typer.Argument(help="Article id (a unique prefix is enough).")],
    db: DbOption,
) -> None:
    """Print an article with its events, their evidence highlighted."""
    from eventwire.store.duck import EventFilter, EventStore

    try:
        with EventStore(db, read_only=True) as store:
            article = store.article(article_id)
            if article is None:
                raise UsageError(
                    f"no article {article_id!r} in {db}; list them with `eventwire events --db {db}`"
                )
            found = store.events(EventFilter(article_id=article["article_id"]))
    except EventwireError as exc:
        raise _fail(exc) from None
    show_article(out, article, found)


@app.command()
def rejects(db: DbOption) -> None:
    """List inputs that could not be read, with the reason."""
    from eventwire.store.duck import EventStore

    try:
        with EventStore(db, read_only=True) as store:
            rows = store.rejects()
    except EventwireError as exc:
        raise _fail(exc) from None
    for r in rows:
        sys.stdout.write(f"{r.path}\t{r.reason}\t{r.detail}\n")


@app.command()
def version() -> None:
    """Print the package and pipeline versions."""
    out.print(f"eventwire {__version__} ({PIPELINE_VERSION})", highlight=False)


@eval_app.command("plover")
def eval_plover(
    file: Annotated[Path, typer.Argument(help="PLOVER gold records, one JSON object a line.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
    errors: Annotated[bool, typer.Option("--errors", help="List each miss and false event.")] = False,
) -> None:
    """Score event coding against PLOVER gold records."""
    from eventwire.eval.plover import evaluate_plover, format_plover_report

    _require(file)
    result = evaluate_plover(file, with_errors=errors)
    _emit(result, as_json, format_plover_report(result, errors))


@eval_app.command("articles")
def eval_articles(
    file: Annotated[
        Path | None,
        typer.Argument(help="Annotated articles, one JSON object a line (default: the shipped set)."),
    ] = None,
    split: Annotated[
        str | None,
        typer.Option(help="tune, check or all (default: check for the shipped set, all for a given file)."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
    errors: Annotated[bool, typer.Option("--errors", help="List each missed and false event.")] = False,
) -> None:
    """Score event coding on whole articles: event recall, type precision and the fields of matched events."""
    from eventwire.eval.articles import SPLITS, evaluate_articles, format_articles_report

    if file is not None:
        _require(file)
    if split is not None and split not in SPLITS:
        raise _fail(UsageError(f"--split takes one of {', '.join(SPLITS)}, got {split!r}"))
    result = evaluate_articles(file, split=split, with_errors=errors)
    _emit(result, as_json, format_articles_report(result, errors))


@eval_app.command("time")
def eval_time(
    file: Annotated[Path, typer.Argument(help="Documents with gold TIMEX3 annotations (JSON lines).")],
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
    errors: Annotated[bool, typer.Option("--errors", help="List misses and false expressions.")] = False,
) -> None:
    """Score time expression recognition and normalisation."""
    from eventwire.time.evaluate import evaluate_time, format_time_report

    _require(file)
    result = evaluate_time(file, errors=errors)
    _emit(result, as_json, format_time_report(result))


@eval_app.command("geo")
def eval_geo(
    file: Annotated[Path, typer.Argument(help="GeoWebNews-style XML.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
    limit: Annotated[int | None, typer.Option(help="Only the first N articles.")] = None,
) -> None:
    """Score toponym recognition and resolution."""
    from eventwire.geo.evaluate import evaluate_geo, format_geo_report

    _require(file)
    result = evaluate_geo(file, limit=limit)
    _emit(result, as_json, format_geo_report(result))


def _require(file: Path) -> None:
    if not file.exists():
        raise _fail(UsageError(f"{file} does not exist"))


def _emit(result: dict[str, Any], as_json: bool, report: str) -> None:
    if as_json:
        sys.stdout.write(json.dumps(result, ensure_ascii=False) + "\n")
    else:
        out.print(report, highlight=False, markup=False)


def _check_date(label: str, value: str) -> None:
    import datetime as dt

    try:
        dt.date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"{label} wants a date as YYYY-MM-DD, got {value!r}") from None


def _register_commands() -> None:
    from eventwire.cli import bench_cmd, serve_cmd, stories_cmd

    for module in (stories_cmd, serve_cmd, bench_cmd):
        module.register(app, eval_app)


_register_commands()


def main() -> None:
    app()


if __name__ == "__main__":
    main()
