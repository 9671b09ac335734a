"""Every command of the CLI is documented in the README's command table."""

from __future__ import annotations

from eventwire.cli.main import app, eval_app
from shared_data import ROOT


def _names(typer_app) -> list[str]:  # type: ignore[no-untyped-def]
    return [c.name or (c.callback.__name__ if c.callback else "") for c in typer_app.registered_commands]


def test_readme_documents_every_command() -> None:
    readme = (ROOT / "README.md").read_text()
    missing = [n for n in _names(app) if n != "version" and f"`eventwire {n}" not in readme]
    missing += [
        n for n in _names(eval_app) if n not in readme.split("eventwire eval", 1)[1].split("\n", 1)[0]
    ]
    assert not missing, f"commands missing from README.md: {missing}"
