"""Where the shared material lives: `../shared` beside the repository. Tests that need it skip without it."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seeds" / "000_5c3c9d33a91e67ee.txt"


def shared_file(*parts: str) -> Path:
    """A file of the shared material; the test is skipped when it is not beside the repository."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is not available")
    return path
