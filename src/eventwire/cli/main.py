"""The `eventwire` command. Thin wrappers over the library; a library error becomes one line with its fix.

Exit codes: 0 all inputs read, 1 some inputs rejected, 2 usage error.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape

from eventwire.cli.render import events_table, show_article, write_events
from eventwire.cli.usage import OneLineErrors
from eventwire.config import Settings
from eventwire.errors import EventwireError, UsageError
from eventwire.version import PIPELINE_VERSION, __version__

if TYPE_CHECKING:
    from eventwire.runner import IngestSummary
    from eventwire.store.duck import EventFilter

app = typer.Typer(
    name="eventwire",
    help="News articles in, PLOVER political events out: who did what to whom, when, where, "
    "according to whom, and how certain.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    cls=OneLineErrors,
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
    model: str | None = None,
    max_bytes: int | None = None,
    batch_size: int | None = None,
    published: str | None = None,
) -> Settings:
    """The command's settings; a `--published` that is not a date is a usage error (one line, exit 2)."""
    try:
        return Settings().with_overrides(
            spacy_model=model, max_bytes=max_bytes, batch_size=batch_size, published=published
        )
    except UsageError as exc:
        raise _fail(exc) from None


def _fail(exc: Exception, code: int = 2) -> typer.Exit:
    """One line on stderr (never folded), and the exit to raise."""
    from eventwire.filters import FilterError

    message = exc.option_message() if isinstance(exc, FilterError) else str(exc)
    err.print(f"[red]error:[/red] {escape(message)}", highlight=False, soft_wrap=True)
    return typer.Exit(code)


@app.command()
def ingest(
    paths: Annotated[
        list[str],
        typer.Argument(
            help="Files, directories (recursive), - for stdin, http(s) URLs of pages or feeds, WARC files."
        ),
    ],
    db: Annotated[
        Path | None, typer.Option("--db", help="DuckDB file holding articles, events and rejects.")
    ] = None,
    model: Annotated[str | None, typer.Option(help="spaCy pipeline (env EVENTWIRE_SPACY_MODEL).")] = None,
    max_bytes: Annotated[int | None, typer.Option(help="Reject inputs larger than this many bytes.")] = None,
    batch_size: Annotated[int | None, typer.Option(help="Articles per batch (one transaction each).")] = None,
    published: Annotated[
        str | None,
        typer.Option(
            help="Publication date (YYYY-MM-DD) of inputs that carry none of their own "
            "(no header, JSON date, page date, dated dateline or date in the file name)."
        ),
    ] = None,
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
    from eventwire.cli.progress import Progress
    from eventwire.runner import ingest as run_ingest
    from eventwire.store.duck import EventStore

    settings = _settings(model, max_bytes, batch_size, published)
    _check_inputs(paths)  # before any database is made
    if engine is Engine.ray:
        _ingest_ray(paths, db, settings, workers, address, out)
        return
    if db is None:
        raise _fail(UsageError("give the database with --db FILE (or --engine ray --out DIR for Parquet)"))
    if address is not None or out is not None:
        raise _fail(UsageError("--address and --out go with --engine ray"))
    try:
        with EventStore(db) as store, Progress(err, "ingest") as progress:
            summary = run_ingest(
                paths,
                store,
                settings,
                workers=workers,
                on_progress=lambda n, n_events: progress.advance(n, events=n_events),
                warn=lambda m: err.print(m, highlight=False, markup=False, soft_wrap=True),
            )
    except EventwireError as exc:
        raise _fail(exc) from None
    _ingest_done(summary, db, None)


def _ingest_ray(
    paths: list[str], db: Path | None, settings: Settings, workers: int, address: str | None, out: Path | None
) -> None:
    """`ingest --engine ray`: Ray Data codes into Parquet shards, then (with --db) they are loaded."""
    from eventwire.cli.progress import Progress
    from eventwire.parallel.ray_engine import ingest_ray

    if db is None and out is None:
        raise _fail(UsageError("--engine ray needs --db FILE, --out DIR or both"))
    try:
        with Progress(err, "ingest") as progress:
            summary = ingest_ray(
                paths,
                settings,
                db=db,
                out=out,
                address=address,
                actors=workers,
                warn=lambda m: err.print(m, highlight=False, markup=False, soft_wrap=True),
                on_progress=lambda n, n_events: progress.advance(n, events=n_events),
                on_stage=progress.stage,
            )
    except (EventwireError, RuntimeError) as exc:  # RuntimeError: the Ray head or driver failed
        raise _fail(exc) from None
    _ingest_done(summary, db, out)


def _ingest_done(summary: IngestSummary, db: Path | None, out: Path | None) -> None:
    """The closing lines of `ingest`, the same whatever the engine; exit 1 when inputs were rejected."""
    from eventwire.store.duck import EventStore

    err.print(summary.line(), highlight=False, soft_wrap=True)
    if db is not None:
        with EventStore(db, read_only=True) as store:
            counts = store.counts()
        err.print(
            f"{db}: {counts['articles']} articles, {counts['events']} events, {counts['rejects']} rejects",
            highlight=False,
            markup=False,
            soft_wrap=True,
        )
    if out is not None:
        err.print(
            f"{out}: Parquet shards of the coded articles", highlight=False, markup=False, soft_wrap=True
        )
    raise typer.Exit(1 if summary.rejected else 0)


@app.command()
def code(
    paths: Annotated[
        list[str],
        typer.Argument(help="Files, directories, - for stdin, http(s) URLs of pages or feeds, WARC files."),
    ],
    format: Annotated[CodeFormat, typer.Option("--format", "-f", help="Output format.")] = CodeFormat.jsonl,
    model: Annotated[str | None, typer.Option(help="spaCy pipeline (env EVENTWIRE_SPACY_MODEL).")] = None,
    max_bytes: Annotated[int | None, typer.Option(help="Reject inputs larger than this many bytes.")] = None,
    published: Annotated[
        str | None,
        typer.Option(
            help="Publication date (YYYY-MM-DD) of inputs that carry none of their own "
            "(no header, JSON date, page date, dated dateline or date in the file name)."
        ),
    ] = None,
) -> None:
    """Code articles and print their events; nothing is stored."""
    from eventwire.cli.progress import Progress
    from eventwire.ingest.readers import read_inputs
    from eventwire.models import Article, Reject
    from eventwire.pipeline import Pipeline

    settings = _settings(model, max_bytes, published=published)
    _check_inputs(paths)
    rejected = 0
    events = []
    with Progress(err, "code") as progress:
        progress.stage("loading the model")
        try:
            pipe = Pipeline(settings)
        except EventwireError as exc:
            raise _fail(exc) from None
        progress.stage("")
        for item in read_inputs(paths, settings):
            if isinstance(item, Reject):
                rejected += 1
                err.print(
                    f"warning: rejected {item.path}: {item.reason}: {item.detail}",
                    highlight=False,
                    markup=False,
                    soft_wrap=True,
                )
                progress.advance(1)
                continue
            assert isinstance(item, Article)
            coded = pipe.code_article(item)
            progress.advance(1, events=len(coded.events))
            if format is CodeFormat.jsonl:
                for e in coded.events:
                    sys.stdout.write(json.dumps(e.to_dict(), ensure_ascii=False) + "\n")
                sys.stdout.flush()
            else:
                events.extend(coded.events)
    if format is CodeFormat.json:
        sys.stdout.write(json.dumps([e.to_dict() for e in events], ensure_ascii=False, indent=2) + "\n")
    elif format is CodeFormat.table:
        out.print(events_table(events, width=out.width))
    raise typer.Exit(1 if rejected else 0)


@app.command()
def events(
    db: DbOption,
    type: Annotated[
        list[str] | None, typer.Option("--type", help="PLOVER event type, e.g. CONSULT (repeat or a,b).")
    ] = None,
    actor: Annotated[str | None, typer.Option(help="Text or name of an actor or recipient.")] = None,
    country: Annotated[
        list[str] | None, typer.Option(help="ISO3 country among actors or recipients (repeat or a,b).")
    ] = None,
    since: Annotated[str | None, typer.Option(help="Earliest event date, YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option(help="Latest event date, YYYY-MM-DD.")] = None,
    modality: Annotated[
        list[str] | None, typer.Option(help="asserted|negated|hypothetical|speculated|future (or a,b).")
    ] = None,
    limit: Annotated[int | None, typer.Option(help="At most this many events (1 or more).")] = None,
    format: Annotated[EventsFormat, typer.Option("--format", "-f")] = EventsFormat.table,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write to this file.")] = None,
    merged: Annotated[
        bool, typer.Option("--merged", help="Merged events: one per happening, with counts and evidence.")
    ] = False,
) -> None:
    """List stored events, filtered. Filter values are checked as the HTTP API checks them."""
    from eventwire import filters
    from eventwire.store.article_ids import short_id_length
    from eventwire.store.duck import EventStore

    try:
        flt = _event_filter(type, actor, country, since, until, modality)
        limit = filters.limit(limit)
        if format is EventsFormat.parquet and output is None:
            raise UsageError("--format parquet writes a binary file: give it with --output FILE.parquet")
        if merged:
            from eventwire.cli.stories_cmd import list_merged

            list_merged(db, flt, limit, format.value, output)
            return
        with EventStore(db, read_only=True) as store:
            found = store.events(flt, limit=limit)
            id_length = short_id_length(store.con) if format is EventsFormat.table else 0
    except EventwireError as exc:
        raise _fail(exc) from None
    if format is EventsFormat.table:
        out.print(events_table(found, id_length=id_length, width=out.width))
        return
    write_events(found, format.value, output)


def _event_filter(
    types: list[str] | None,
    actor: str | None,
    countries: list[str] | None,
    since: str | None,
    until: str | None,
    modalities: list[str] | None,
) -> EventFilter:
    """The filters of `eventwire events`, checked by `eventwire.filters` as the HTTP API checks them."""
    from eventwire import filters
    from eventwire.store.duck import EventFilter

    first, last = filters.date(since, "since"), filters.date(until, "until")
    filters.date_range(first, last)
    return EventFilter(
        type=filters.event_types(types) or None,
        actor=filters.text(actor, "actor"),
        country=filters.country_codes(countries) or None,
        since=first.isoformat() if first else None,
        until=last.isoformat() if last else None,
        modality=filters.modalities(modalities) or None,
    )


@app.command()
def show(
    article_id: Annotated[
        str, typer.Argument(help="Article id, a unique start of it, or the source's own id (wikinews-125).")
    ],
    db: DbOption,
) -> None:
    """Print an article with its events, their evidence highlighted."""
    from eventwire.store.article_ids import resolve_article_id
    from eventwire.store.duck import EventFilter, EventStore

    try:
        with EventStore(db, read_only=True) as store:
            article = store.article(resolve_article_id(store.con, article_id))
            assert article is not None  # resolved ids are stored ids
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
    with _coding_progress("eval plover", "records") as pipeline:
        result = evaluate_plover(file, with_errors=errors, pipeline=pipeline)
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
    with _coding_progress("eval articles") as pipeline:
        result = evaluate_articles(file, split=split, with_errors=errors, pipeline=pipeline)
    _emit(result, as_json, format_articles_report(result, errors))


@eval_app.command("time")
def eval_time(
    file: Annotated[Path, typer.Argument(help="Documents with gold TIMEX3 annotations (JSON lines).")],
    split: Annotated[
        str, typer.Option(help="tune, check or all: the part of a split set to score (by a hash of doc_id).")
    ] = "all",
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
    errors: Annotated[bool, typer.Option("--errors", help="List misses and false expressions.")] = False,
) -> None:
    """Score time expression recognition and normalisation."""
    from eventwire.time.evaluate import SPLITS, evaluate_time, format_time_report

    _require(file)
    if split not in SPLITS:
        raise _fail(UsageError(f"--split takes one of {', '.join(SPLITS)}, got {split!r}"))
    result = evaluate_time(file, errors=errors, split=split)
    _emit(result, as_json, format_time_report(result))


@eval_app.command("geo")
def eval_geo(
    file: Annotated[Path, typer.Argument(help="GeoWebNews-style XML.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
    limit: Annotated[int | None, typer.Option(help="Only the first N articles.")] = None,
) -> None:
    """Score toponym recognition and resolution."""
    from eventwire import filters
    from eventwire.geo.evaluate import evaluate_geo, format_geo_report

    _require(file)
    try:
        filters.limit(limit)
    except UsageError as exc:
        raise _fail(exc) from None
    result = evaluate_geo(file, limit=limit)
    _emit(result, as_json, format_geo_report(result))


@eval_app.command("language")
def eval_language(
    file: Annotated[Path, typer.Argument(help="Items with their language, one JSON object a line.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
    errors: Annotated[bool, typer.Option("--errors", help="List each item the check gets wrong.")] = False,
) -> None:
    """Score the language check of ingest: precision and recall of English."""
    from eventwire.eval.language import evaluate_language, format_language_report

    _require(file)
    try:
        result = evaluate_language(file, with_errors=errors)
    except (ValueError, KeyError) as exc:
        raise _fail(UsageError(f"{file}: {exc}")) from None
    _emit(result, as_json, format_language_report(result, errors))


def _check_inputs(paths: list[str]) -> None:
    """Every named input exists (a typo is a usage error, not a reject stored in the database)."""
    from eventwire.web.sources import is_url

    missing = next((p for p in paths if p != "-" and not is_url(p) and not Path(p).exists()), None)
    if missing is not None:
        raise _fail(UsageError(f"no such file or folder: {missing!r}; give files, folders or - for stdin"))


def _require(file: Path) -> None:
    if not file.exists():
        raise _fail(UsageError(f"{file} does not exist"))


@contextmanager
def _coding_progress(label: str, unit: str = "articles") -> Iterator[Any]:
    """A pipeline for an `eval` command that reports on stderr how many items it has coded."""
    from eventwire.cli.progress import CountingPipeline, Progress
    from eventwire.pipeline import Pipeline

    with Progress(err, label, unit) as progress:
        progress.stage("loading the model")
        try:
            pipeline = Pipeline()
        except EventwireError as exc:
            raise _fail(exc) from None
        progress.stage("")
        yield CountingPipeline(pipeline, progress)


def _emit(result: dict[str, Any], as_json: bool, report: str) -> None:
    if as_json:
        sys.stdout.write(json.dumps(result, ensure_ascii=False) + "\n")
    else:
        out.print(report, highlight=False, markup=False)


def _register_commands() -> None:
    from eventwire.cli import bench_cmd, export_cmd, serve_cmd, stories_cmd, watch_cmd, web_cmd

    for module in (stories_cmd, serve_cmd, bench_cmd, export_cmd, watch_cmd, web_cmd):
        module.register(app, eval_app)


_register_commands()


def main() -> None:
    app()


if __name__ == "__main__":
    main()
