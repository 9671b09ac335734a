"""`eventwire serve`: its options, and one clear line when the store cannot be served."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from eventwire.cli.main import app


def test_serve_is_registered_with_its_options() -> None:
    result = CliRunner().invoke(app, ["serve", "--help"])
    assert result.exit_code == 0
    for option in ("--db", "--host", "--port"):
        assert option in result.output


def test_serve_refuses_a_missing_store(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "absent.duckdb")])
    assert result.exit_code == 2
    assert "no database" in result.output
