"""CLI commands for serve: registered on the main app by `register`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer


def register(app: typer.Typer, eval_app: typer.Typer) -> None:
    """Add this module's commands to the `eventwire` app and its `eval` group."""
    app.command("serve")(serve)


def serve(
    db: Annotated[Path, typer.Option("--db", help="DuckDB file holding articles and events.")],
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.", min=1, max=65535)] = 8000,
) -> None:
    """Serve the HTTP API and the analyst page over a store, read-only (API docs at /docs)."""
    from rich.console import Console

    from eventwire.errors import EventwireError

    err = Console(stderr=True)
    try:
        import uvicorn

        from eventwire.serve import create_app

        web = create_app(db)
    except ImportError as exc:
        err.print(
            f"error: {exc.name} is missing; install the serve extra: pip install 'eventwire[serve]'",
            markup=False,
            highlight=False,
        )
        raise typer.Exit(2) from None
    except EventwireError as exc:
        err.print(f"error: {exc}", markup=False, highlight=False)
        raise typer.Exit(2) from None
    err.print(
        f"eventwire: serving {db} read-only at http://{host}:{port}/ (API docs at /docs); "
        "ingest and watch may write to it meanwhile, their events show within "
        f"{web.state.db.refresh_seconds:g} s",
        markup=False,
        highlight=False,
    )
    uvicorn.run(web, host=host, port=port, log_level="warning")
