"""Shared fixtures: one pipeline per test session, the seed article when it is beside the repository."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from shared_data import shared_file

if TYPE_CHECKING:
    from eventwire.pipeline import Pipeline


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    from eventwire.pipeline import Pipeline

    return Pipeline()


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return shared_file("seeds", "000_5c3c9d33a91e67ee.txt")
