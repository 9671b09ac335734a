"""The seed and a lightly edited copy of it (another outlet's version), made fresh for each test module."""

from __future__ import annotations

from pathlib import Path

import pytest

# (old, new): a different outlet, a reworded title, two words changed in sentences that state no event.
EDITS = [
    ("\nAssociated Press\n", "\nReuters\n"),
    ("Kim Jong Un returns from Russia trip", "Kim Jong Un back from Russia trip"),
    ("the six-day trip", "the six-day journey"),
    ("Many experts say", "Many analysts say"),
]


@pytest.fixture(scope="module")
def seed_and_copy(tmp_path_factory: pytest.TempPathFactory, seed_path: Path) -> tuple[Path, Path]:
    text = seed_path.read_text(encoding="utf-8")
    copy = text
    for old, new in EDITS:
        assert copy.count(old) == 1, f"the seed no longer reads {old!r}: update the edits"
        copy = copy.replace(old, new)
    d = tmp_path_factory.mktemp("outlets")
    (d / "ap.txt").write_text(text, encoding="utf-8")
    (d / "reuters.txt").write_text(copy, encoding="utf-8")
    return d / "ap.txt", d / "reuters.txt"
