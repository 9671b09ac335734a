"""CLI commands for bench: registered on the main app by `register`."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

DEFAULT_CORPUS = Path("examples")


def register(app: typer.Typer, eval_app: typer.Typer) -> None:
    """Add this module's commands to the `eventwire` app and its `eval` group."""
    app.command("bench")(bench)


def bench(
    corpus: Annotated[
        Path, typer.Option(help="Articles to code: a file or folder, as `ingest` reads them.")
    ] = DEFAULT_CORPUS,
    runs: Annotated[int, typer.Option(min=1, help="Timed runs after the warm-up.")] = 3,
    warmup: Annotated[int, typer.Option(min=0, help="Untimed runs first.")] = 1,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
) -> None:
    """Articles/s and words/s of eventwire and each stage, against spaCy's full pipeline on the same texts."""
    from rich.console import Console

    from eventwire.bench.speed import format_report, run_bench

    err = Console(stderr=True)
    if not corpus.exists():
        err.print(f"[red]error:[/red] {corpus} does not exist", highlight=False)
        raise typer.Exit(2)
    try:
        result = run_bench(corpus, runs=runs, warmup=warmup)
    except ValueError as exc:
        err.print(f"[red]error:[/red] {exc}", highlight=False)
        raise typer.Exit(2) from None
    if as_json:
        sys.stdout.write(json.dumps(result.to_dict()) + "\n")
    else:
        sys.stdout.write(format_report(result) + "\n")
