"""`eventwire eval extract`: how well web pages are read (body text precision and recall, metadata)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape

err = Console(stderr=True)


def eval_extract(
    file: Annotated[
        Path | None,
        typer.Argument(help="Pages with gold body text, one JSON object a line (default: the shipped set)."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
    errors: Annotated[
        bool, typer.Option("--errors", help="List the extra and missed words of each page, metadata misses.")
    ] = False,
) -> None:
    """Score the web page reader: body text precision and recall by words, and metadata accuracy."""
    from eventwire.eval.extract import evaluate_extract, format_extract_report

    if file is not None and not file.exists():
        err.print(f"[red]error:[/red] {escape(str(file))} does not exist", highlight=False, soft_wrap=True)
        raise typer.Exit(2)
    try:
        result = evaluate_extract(file, with_errors=errors)
    except (ValueError, KeyError) as exc:
        err.print(f"[red]error:[/red] {escape(f'{file}: {exc}')}", highlight=False, soft_wrap=True)
        raise typer.Exit(2) from None
    if as_json:
        sys.stdout.write(json.dumps(result, ensure_ascii=False) + "\n")
    else:
        Console().print(format_extract_report(result, errors), highlight=False, markup=False, soft_wrap=True)


def register(app: typer.Typer, eval_app: typer.Typer) -> None:
    """Add this module's commands to the `eventwire` app."""
    eval_app.command("extract")(eval_extract)
