"""The README's quickstart shows what the commands print: each `$ .venv/bin/eventwire ...` line of the
block is run on the bundled examples and its output compared with the lines below it.

This is the one place that notices when the event coder changes the figures: the failure message gives
the lines to paste into README.md."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eventwire.cli.main import app
from shared_data import ROOT

README = ROOT / "README.md"
PROMPT = "$ .venv/bin/eventwire "


def quickstart() -> list[tuple[str, list[str]]]:
    """The quickstart's eventwire commands, each with the lines the README shows under it."""
    text = README.read_text(encoding="utf-8")
    section = text.split("\n## Quickstart\n", 1)[1]
    block = section.split("```\n", 2)[1]
    steps: list[tuple[str, list[str]]] = []
    for line in block.splitlines():
        if line.startswith("$ "):
            steps.append((line, []))
        elif steps:
            steps[-1][1].append(line)
    return [(cmd, shown) for cmd, shown in steps if cmd.startswith(PROMPT)]


def _run(command: str, db: Path) -> tuple[list[str], int | None]:
    """Run one README command line; the output lines and the `head -N` it is piped into, if any."""
    words = shlex.split(command[len(PROMPT) :], comments=True)
    head = None
    if "|" in words:
        at = words.index("|")
        assert words[at + 1 : at + 2] == ["head"], command
        head = int(words[at + 2].lstrip("-"))
        words = words[:at]
    args = [
        str(ROOT / w) if w.startswith("examples/") else str(db) if w == "news.duckdb" else w for w in words
    ]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    # ingest speaks on stderr, the others print on stdout; the database is named as in the README
    out = result.stderr if words[0] == "ingest" else result.stdout
    return [line.rstrip().replace(str(db), "news.duckdb") for line in out.splitlines()], head


def _wrapped(line: str, width: int = 110) -> list[str]:
    """A long JSON line cut at spaces as the README shows it: each continuation starts with its space."""
    out: list[str] = []
    while len(line) > width:
        cut = line.rfind(" ", 0, width)
        out.append(line[:cut])
        line = line[cut:]
    return [*out, line]


def test_the_quickstart_block_has_the_commands() -> None:
    commands = [cmd.split()[2] for cmd, _ in quickstart()]
    assert commands[:3] == ["ingest", "events", "code"], commands


@pytest.mark.parametrize(("command", "shown"), quickstart(), ids=lambda x: x if isinstance(x, str) else "")
def test_the_quickstart_shows_what_the_commands_print(
    command: str, shown: list[str], examples_ingest: tuple[Path, str]
) -> None:
    db, ingest_stderr = examples_ingest
    verb = command.split()[2]
    if verb == "serve":
        pytest.skip("serve runs until stopped")
    if verb == "ingest":  # the session's database was made by this very command
        printed = [line.rstrip().replace(str(db), "news.duckdb") for line in ingest_stderr.splitlines()]
        head = None
    else:
        printed, head = _run(command, db)
    shown = [line.rstrip() for line in shown]
    if head is not None:  # a JSON line, wrapped in the README
        printed = printed[:head]
        expected = "".join(shown)
        actual = "\n".join(printed)
        fix = "\n".join(line for p in printed for line in _wrapped(p))
    else:
        expected, actual, fix = "\n".join(shown), "\n".join(printed), "\n".join(printed)
    assert actual == expected, (
        f"README.md's quickstart is out of date: `{command[2:]}` now prints other lines (did the event"
        f" coder change?). Replace the lines under that command in README.md with:\n{fix}"
    )


def test_the_figures_are_the_same_everywhere_in_the_block(examples_ingest: tuple[Path, str]) -> None:
    _, ingest_stderr = examples_ingest
    events = re.search(r"\| events (\d+)$", ingest_stderr.splitlines()[-2])
    assert events, ingest_stderr
    stored = re.search(r": \d+ articles, (\d+) events, \d+ rejects$", ingest_stderr.splitlines()[-1])
    assert stored and stored.group(1) == events.group(1)
