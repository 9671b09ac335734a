"""Agent nouns -> sectors."""

from __future__ import annotations

import pytest

from eventwire.actors.agents import AgentTable


@pytest.fixture(scope="module")
def agents() -> AgentTable:
    return AgentTable.from_package_data()


@pytest.mark.parametrize(
    ("noun", "sector"),
    [
        ("minister", "GOV"),
        ("ministers", "GOV"),
        ("ministry", "GOV"),
        ("official", "GOV"),
        ("officials", "GOV"),
        ("leader", "GOV"),
        ("president", "GOV"),
        ("government", "GOV"),
        ("rebel", "REB"),
        ("rebels", "REB"),
        ("insurgents", "REB"),
        ("soldier", "MIL"),
        ("soldiers", "MIL"),
        ("troops", "MIL"),
        ("army", "MIL"),
        ("military", "MIL"),
        ("police", "COP"),
        ("policemen", "COP"),
        ("protester", "CVL"),
        ("protesters", "CVL"),
        ("demonstrators", "CVL"),
        ("activists", "CVL"),
        ("civilians", "CVL"),
        ("judge", "JUD"),
        ("court", "JUD"),
        ("lawmaker", "LEG"),
        ("lawmakers", "LEG"),
        ("parliament", "LEG"),
        ("senator", "LEG"),
        ("journalist", "MED"),
        ("journalists", "MED"),
        ("reporter", "MED"),
        ("doctor", "HLH"),
        ("refugees", "REF"),
        ("students", "EDU"),
        ("cleric", "REL"),
        ("opposition", "OPP"),
        ("businessman", "BUS"),
    ],
)
def test_agent_sector(agents: AgentTable, noun: str, sector: str) -> None:
    assert agents.sector(noun) == sector


def test_case_and_plural_forms(agents: AgentTable) -> None:
    assert agents.sector("Minister") == agents.sector("MINISTERS") == "GOV"
    assert agents.sector("congressmen") == "LEG"


def test_spokesmen_take_the_sector_of_whom_they_speak_for(agents: AgentTable) -> None:
    assert agents.sector("spokesman") is None
    assert agents.sector("spokeswoman") is None


def test_secondary_sectors(agents: AgentTable) -> None:
    assert agents.sectors("state media") == ("MED", "GOV")
    assert agents.sectors("health ministry")[:2] == ("GOV", "HLH")


def test_multiword_agents(agents: AgentTable) -> None:
    assert agents.match(["the", "riot", "police", "fired"], 1) == (2, "COP")
    assert agents.match(["security", "forces", "opened", "fire"], 0) == (2, "COP")
    assert agents.match(["foreign", "minister", "Lavrov"], 0) == (2, "GOV")
    assert agents.match(["Foreign", "Ministry", "spokesman"], 0) == (2, "GOV")
    assert agents.match(["state-run", "media"], 0) is not None
    assert agents.match(["weather", "report"], 0) is None


def test_unknown(agents: AgentTable) -> None:
    assert agents.sector("weather") is None
    assert agents.sector("") is None


def test_overrides_apply_to_a_compiled_table() -> None:
    table = AgentTable(
        [["protester", "OPP"], ["protesters", "OPP"], ["spokesman", "MED"]],
        [("PROTESTER", "CVL"), ("SPOKESMAN|SPOKESMEN", "")],
    )
    assert table.sector("protesters") == "CVL"
    assert table.sector("spokesman") is None
