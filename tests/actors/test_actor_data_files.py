"""Consistency of the hand-kept tables: codes and sectors they use exist."""

from __future__ import annotations

import pytest

from eventwire.actors import curated, datafiles
from eventwire.actors.codes import INTERNATIONAL_CODES, SECTORS
from eventwire.actors.countries import country_table

TABLES = [
    curated.international_organizations,
    curated.news_agencies,
    curated.government_metonyms,
    curated.armed_groups,
    curated.partially_recognized_entities,
]


def _known_codes() -> set[str]:
    return set(country_table().plover_codes()) | set(INTERNATIONAL_CODES)


@pytest.mark.parametrize("table", TABLES, ids=lambda t: t.__name__)
def test_curated_codes_and_sectors_exist(table) -> None:  # type: ignore[no-untyped-def]
    codes = _known_codes()
    for actor in table():
        assert actor.aliases, actor.name
        for role in actor.roles:
            assert role.country in codes, (actor.name, role.country)
            for sector in role.sectors:
                assert sector in SECTORS, (actor.name, sector)


def test_country_files_use_known_codes() -> None:
    codes = _known_codes()
    for name, width in (
        ("country_aliases.tsv", 3),
        ("demonyms.tsv", 2),
        ("capitals.tsv", 3),
        ("territories.tsv", 3),
    ):
        for row in datafiles.rows(name, width):
            assert row[0] in codes, (name, row)


def test_agent_override_sectors_exist() -> None:
    for phrase, sectors, _note in datafiles.rows("agent_overrides.tsv", 3):
        for sector in sectors.split():
            assert sector in SECTORS, (phrase, sector)


def test_alias_marks() -> None:
    assert datafiles.parse_alias("^US") == datafiles.Alias("US", datafiles.UPPER_ONLY)
    assert datafiles.parse_alias("~dpa") == datafiles.Alias("dpa", datafiles.LOWER_OK)
    assert datafiles.parse_alias("KCNA").flags == datafiles.UPPER_ONLY  # an acronym
    assert datafiles.parse_alias("the UN").flags == datafiles.UPPER_ONLY
    assert datafiles.parse_alias("Xinhua").flags == 0
    assert datafiles.parse_alias("Associated Press").flags == 0
