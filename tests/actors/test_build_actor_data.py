"""The build script on a small dictionary, and the data it ships."""

from __future__ import annotations

import gzip
import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from eventwire.actors import datafiles

ROOT = Path(__file__).resolve().parents[2]

COUNTRIES = """\
NORTH_KOREA_  [PRK]
+NORTH_KROEA_
+DPRK_
+PYONGYANG_
+CHUNGCHEONG_
+GYEONGSANG_
+SEOUL_
KIM_IL_SUNG_  # CountryInfo.txt
\t[PRKELI 19300415-480909]
\t[PRKGOV 480909-940708]
RUSSIAN_FEDERATION_  [RUS]
+RUSSIA_
+MOSCOW_
+SAMARA_
VLADIMIR_PUTIN_  # CountryInfo.txt
+PUTIN_
\t[RUSELI 700101-990809]
\t[RUSGOV >080508]
\t[RUSELI]
VLADIMIR_PUTIN_  # CountryInfo.txt
\t[RUSGOV 991231-080507]
HUSSEIN_  # CountryInfo.txt
\t[JORGOV 520811-990207]
KINAKUTA_ [KNT]
+KINAKUTAN_
"""
INTERNATIONAL = """\
UN_ [IGOUNO]
ERNST_STAVRO_BLOFELD_ [IMGGRB]
AMNESTY_INTERNATIONAL_ [NGOHRIAMN]
"""
NONSTATE = """\
HAMAS_ [PSEREB]
+HARAKAT_AL-MUQAWAMMAH
BAADER-MEINHOF_GROUP_ [WEUREB]
"""
AGENTS = """\
!PERSON! = MAN, MEN
PROTESTER [~OPP]
SPOKES!PERSON! [~MED]
CLERIC [~MUS]
"""


def _load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "build_actor_data", ROOT / "scripts" / "build_actor_data.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(spec.name, module)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("phoenix")
    (folder / "Phoenix.Countries.actors.txt").write_text(COUNTRIES)
    (folder / "Phoenix.International.actors.txt").write_text(INTERNATIONAL)
    (folder / "Phoenix.MilNonState.actors.txt").write_text(NONSTATE)
    (folder / "Phoenix.agents.txt").write_text(AGENTS)
    return folder


@pytest.fixture(scope="module")
def built(source: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("data")
    assert _load_script().main([str(source), "--out", str(out)]) == 0
    return out


def _read(path: Path) -> dict[str, Any]:
    return json.loads(gzip.decompress(path.read_bytes()))


def _aliases(out: Path) -> dict[str, list[Any]]:
    payload = _read(out / "phoenix_actors.json.gz")
    return {key: payload["actors"][actor] for key, actor, _flags in payload["aliases"]}


def test_outputs_and_notice(built: Path) -> None:
    notice = (built / "NOTICE").read_text()
    assert "The MIT License" in notice and "Open Event Data Alliance" in notice
    payload = _read(built / "phoenix_actors.json.gz")
    assert "MIT" in payload["attribution"]


def test_country_blocks_keep_names_and_drop_places(built: Path) -> None:
    aliases = _aliases(built)
    assert aliases["north kroea"][:2] == ["North Korea", "country"]
    assert aliases["north kroea"][3] == [["PRK", "", 0, 99991231]]
    # South Korean provinces and cities listed under North Korea, and Russian cities, are dropped
    for place in ("chungcheong", "gyeongsang", "seoul", "samara", "moscow", "pyongyang"):
        assert place not in aliases


def test_persons_keep_dated_roles_and_duplicates_merge(built: Path) -> None:
    aliases = _aliases(built)
    name, kind, source, roles = aliases["putin"]
    assert (name, kind, source) == ("Vladimir Putin", "person", "countries")
    assert ["RUS", "GOV", 20080508, 99991231] in roles
    assert ["RUS", "GOV", 19991231, 20080507] in roles  # from the duplicate record
    assert aliases["vladimir putin"] == aliases["putin"]
    assert "hussein" not in aliases  # a lone first name


def test_codes_translated_and_junk_dropped(built: Path) -> None:
    aliases = _aliases(built)
    assert aliases["hamas"][1:] == ["group", "nonstate", [["PSE", "REB", 0, 99991231]]]
    assert aliases["baader meinhof group"][3] == [[None, "REB", 0, 99991231]]  # a region: no country
    assert aliases["amnesty international"][3] == [["NGO", "SOC", 0, 99991231]]
    assert "kinakutan" not in aliases  # fictional test country
    assert "ernst stavro blofeld" not in aliases
    assert "un" not in aliases  # too short alone


def test_agents_compiled(built: Path) -> None:
    agents = dict(_read(built / "agents.json.gz")["agents"])
    assert agents["protester"] == "OPP"  # corrected at load time by agent_overrides.tsv
    assert agents["protesters"] == "OPP"
    assert agents["spokesmen"] == "MED"
    assert "cleric" not in agents  # a religion code is not a sector


def test_build_is_deterministic(source: Path, built: Path, tmp_path: Path) -> None:
    assert _load_script().main([str(source), "--out", str(tmp_path)]) == 0
    for name in ("phoenix_actors.json.gz", "agents.json.gz"):
        assert (tmp_path / name).read_bytes() == (built / name).read_bytes()


def test_shipped_data_carry_the_notice() -> None:
    notice = datafiles.data_text("NOTICE")
    assert "The MIT License" in notice and "Copyright (c) 2014 Open Event Data Alliance" in notice
    assert "MIT" in datafiles.data_json_gz("phoenix_actors.json.gz")["attribution"]
    assert "MIT" in datafiles.data_json_gz("agents.json.gz")["attribution"]
