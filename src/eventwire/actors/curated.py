"""The hand-kept actor tables: international organisations, news agencies, government metonyms,
armed groups and partially recognised entities.

Each row becomes a :class:`CuratedActor` with its aliases and roles; the actor dictionary indexes
them on top of the compiled Phoenix data, so they win when both know a name.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from eventwire.actors import datafiles
from eventwire.actors.datafiles import Alias
from eventwire.actors.match import ActorKind
from eventwire.actors.roles import OPEN_END, OPEN_START, Role, date_to_int


@dataclass(frozen=True)
class CuratedActor:
    name: str
    kind: ActorKind
    roles: tuple[Role, ...]
    aliases: tuple[Alias, ...]


def _sectors(cell: str) -> tuple[str, ...]:
    return tuple(cell.split())


def _named(name_cell: str, alias_cell: str) -> tuple[str, tuple[Alias, ...]]:
    """The display name (marks removed) and all aliases, the name first."""
    name = datafiles.parse_alias(name_cell)
    return name.text, (name, *datafiles.aliases(alias_cell))


def international_organizations() -> Iterator[CuratedActor]:
    for name_cell, alias_cell, code, sectors in datafiles.rows("international_orgs.tsv", 4):
        name, aliases = _named(name_cell, alias_cell)
        yield CuratedActor(name, "organization", (Role(code, _sectors(sectors)),), aliases)


def news_agencies() -> Iterator[CuratedActor]:
    for name_cell, alias_cell, country, ownership in datafiles.rows("news_agencies.tsv", 4):
        name, aliases = _named(name_cell, alias_cell)
        sectors = ("MED", "GOV") if ownership == "state" else ("MED",)
        yield CuratedActor(name, "agency", (Role(country, sectors),), aliases)


def government_metonyms() -> Iterator[CuratedActor]:
    for name_cell, alias_cell, country, sectors in datafiles.rows("metonyms.tsv", 4):
        name, aliases = _named(name_cell, alias_cell)
        yield CuratedActor(name, "metonym", (Role(country, _sectors(sectors)),), aliases)


def partially_recognized_entities() -> Iterator[CuratedActor]:
    for name_cell, alias_cell, country in datafiles.rows("partially_recognized.tsv", 3):
        name, aliases = _named(name_cell, alias_cell)
        yield CuratedActor(name, "country", (Role(country, ("PRE",)),), aliases)


def parse_roles(cell: str) -> tuple[Role, ...]:
    """``"AFG REB ..2021-08-14; AFG GOV 2021-08-15.."`` -> roles with their date bounds."""
    roles = []
    for part in cell.split(";"):
        words = part.split()
        if not words:
            continue
        start, end = OPEN_START, OPEN_END
        if ".." in words[-1]:
            low, _, high = words.pop().partition("..")
            start = date_to_int(date.fromisoformat(low)) if low else OPEN_START
            end = date_to_int(date.fromisoformat(high)) if high else OPEN_END
        roles.append(Role(words[0], tuple(words[1:]), start, end))
    return tuple(roles)


def armed_groups() -> Iterator[CuratedActor]:
    for name_cell, alias_cell, roles in datafiles.rows("armed_groups.tsv", 3):
        name, aliases = _named(name_cell, alias_cell)
        yield CuratedActor(name, "group", parse_roles(roles), aliases)
