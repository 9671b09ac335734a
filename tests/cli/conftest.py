"""The bundled examples ingested once through the CLI, as the README's quickstart does."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from eventwire.cli.main import app
from shared_data import ROOT

EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="session")
def examples_ingest(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """`eventwire ingest examples/ --db news.duckdb` in a folder of its own: the database and stderr."""
    db = tmp_path_factory.mktemp("quickstart") / "news.duckdb"
    result = CliRunner().invoke(app, ["ingest", str(EXAMPLES), "--db", str(db)])
    assert result.exit_code == 0, result.output
    return db, result.stderr


@pytest.fixture(scope="session")
def examples_db(examples_ingest: tuple[Path, str]) -> Path:
    return examples_ingest[0]
