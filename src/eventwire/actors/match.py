"""What a dictionary look-up returns: :class:`ActorMatch`, and the kinds of actors."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

ActorKind = Literal["person", "organization", "country", "capital", "demonym", "agency", "metonym", "group"]
Source = Literal["phoenix", "curated"]


@dataclass(frozen=True)
class ActorMatch:
    """A dictionary phrase found in text, resolved for a date."""

    length: int  # number of input words covered
    name: str  # canonical display name ("Vladimir Putin", "North Korea", "Xinhua")
    country: str | None  # ISO 3166-1 alpha-3, KOS, or a PLOVER international code (UNO, EUR, IGO ...)
    sector: str | None  # primary sector
    sectors: tuple[str, ...]  # all sectors, primary first
    kind: ActorKind
    source: Source = "curated"  # the compiled Phoenix data or the hand-kept tables
    since: date | None = None  # first day of the dated role that applied, if any
    until: date | None = None  # last day of that role, if any
