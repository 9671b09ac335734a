"""Access to the data files shipped in ``eventwire/actors/data`` and their small shared syntax.

Hand-kept tables are tab-separated, ``#`` starts a comment line, and alias lists are ``|``-separated.
An alias may carry one mark:

* ``^`` matches only text in capitals, for aliases that are also common words ("^US", "^SPA");
* ``~`` may also match text in lower case ("~dpa"); by default a match must contain a capital.

One-word aliases written in capitals ("IAEA", "the UN") are treated as acronyms (as if marked ``^``).
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from typing import Any

UPPER_ONLY = 1
LOWER_OK = 2

_PACKAGE = "eventwire.actors"


@dataclass(frozen=True)
class Alias:
    text: str
    flags: int = 0


def data_text(name: str) -> str:
    return resources.files(_PACKAGE).joinpath("data", name).read_text(encoding="utf-8")


def data_json_gz(name: str) -> Any:
    raw = resources.files(_PACKAGE).joinpath("data", name).read_bytes()
    return json.loads(gzip.decompress(raw))


def rows(name: str, width: int) -> Iterator[list[str]]:
    """The rows of a hand-kept TSV file, padded to ``width`` columns, comments and blanks skipped."""
    for line in data_text(name).splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        yield (cells + [""] * width)[:width]


def parse_alias(text: str) -> Alias:
    """An alias and its mark.  A one-word alias written in capitals ("IAEA", "W.H.O.") is an acronym:
    it matches only text in capitals unless the same key is also listed in another spelling."""
    text = text.strip()
    if text.startswith("^"):
        return Alias(text[1:].strip(), UPPER_ONLY)
    if text.startswith("~"):
        return Alias(text[1:].strip(), LOWER_OK)
    name = text[4:] if text.lower().startswith("the ") else text
    letters = [ch for ch in name if ch.isalpha()]
    if " " not in name and len(letters) >= 2 and all(ch.isupper() for ch in letters):
        return Alias(text, UPPER_ONLY)
    return Alias(text)


def aliases(cell: str) -> list[Alias]:
    return [parse_alias(a) for a in cell.split("|") if a.strip()]
