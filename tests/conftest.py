"""Shared fixtures: one pipeline per test session, the seed article when it is beside the repository."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from shared_data import shared_file

if TYPE_CHECKING:
    from eventwire.pipeline import Pipeline


@pytest.fixture(scope="session", autouse=True)
def quiet_progress() -> None:
    """Commands print progress lines on stderr every few seconds when it is not a terminal; the test
    runner mixes stderr into the output that tests parse, so lines come only where a test asks."""
    os.environ.setdefault("EVENTWIRE_PROGRESS_SECONDS", "3600")


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    from eventwire.pipeline import Pipeline

    return Pipeline()


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return shared_file("seeds", "000_5c3c9d33a91e67ee.txt")
