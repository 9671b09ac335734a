"""CLI commands for serve: registered on the main app by `register`."""

from __future__ import annotations

import typer


def register(app: typer.Typer, eval_app: typer.Typer) -> None:
    """Add this module's commands to the `eventwire` app and its `eval` group."""
