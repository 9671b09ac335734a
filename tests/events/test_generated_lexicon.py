"""The shipped generated trigger lexicon: its shape, a few senses a broken parser would lose, and that
`scripts/build_trigger_lexicon.py` rebuilds it byte for byte from the shared reference material."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from eventwire.events.lexicon import EVENT_TYPES
from shared_data import ROOT, SHARED

LEXICON = ROOT / "src" / "eventwire" / "events" / "data" / "generated_lexicon.json"
SCRIPT = ROOT / "scripts" / "build_trigger_lexicon.py"
PLOVER_TYPES = set(EVENT_TYPES)
#: The modes of the PLOVER manual's ``\caption{TYPE modes}`` tables (reference/plover/PLOVER_MANUAL.tex);
#: types without a mode table take no mode.
MANUAL_MODES: dict[str, set[str]] = {
    "CONSULT": {"visit", "third-party", "multilateral", "phone"},
    "RETREAT": {"withdraw", "release", "disarm", "ceasefire", "access", "resign"},
    "REQUEST": {"assist", "change", "yield", "meet"},
    "ACCUSE": {"disapprove", "investigate", "allege"},
    "REJECT": {"assist", "change", "yield", "meet"},
    "THREATEN": {"restrict", "arrest", "relations", "expel", "territory", "violence"},
    "PROTEST": {"demo", "riot", "strike", "hunger", "boycott", "obstruct", "vandalize"},
    "SANCTION": {"convict", "expel", "withdraw", "discontinue"},
    "MOBILIZE": {"troops", "weapons", "police", "militia"},
    "COERCE": {
        "seize",
        "restrict",
        "censor",
        "curfew",
        "martial-law",
        "arrest",
        "deport",
        "withhold",
        "misinformation",
        "cyber",
    },
    "ASSAULT": {
        "abduct",
        "beat",
        "torture",
        "sexual",
        "targeted",
        "destroy",
        "primitive",
        "firearms",
        "explosives",
        "suicide-attack",
        "aerial",
        "drone",
        "heavy-weapons",
        "crowd-control",
        "unconventional",
    },
}
SENSE_KEYS = {"type", "mode", "context", "prt", "prep", "obj", "cameo", "sources"}


@pytest.fixture(scope="module")
def lexicon() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(LEXICON.read_text(encoding="utf-8"))
    return data


def free_types(lexicon: dict[str, Any], lemma: str, section: str = "verbs") -> set[str]:
    """The types of a lemma's unconstrained senses."""
    return {
        s["type"]
        for s in lexicon[section].get(lemma, [])
        if s["obj"] is None and s["prt"] is None and s["prep"] is None
    }


def test_shape(lexicon: dict[str, Any]) -> None:
    assert set(lexicon) == {"notice", "verbs", "nouns"}
    assert len(lexicon["verbs"]) > 500 and len(lexicon["nouns"]) > 10
    for section in ("verbs", "nouns"):
        for lemma, senses in lexicon[section].items():
            assert lemma == lemma.lower().strip() and "_" not in lemma and "  " not in lemma
            assert senses, lemma
            for s in senses:
                assert set(s) == SENSE_KEYS, (lemma, s)
                assert s["type"] in PLOVER_TYPES, (lemma, s)
                assert s["sources"] and s["sources"] == sorted(set(s["sources"])), (lemma, s)
                assert all(
                    src in {"cameo-2.0", "cameo-patterns"} or src.startswith("verbnet:")
                    for src in s["sources"]
                )
                assert s["cameo"] is None or (s["cameo"].isdigit() and len(s["cameo"]) in (3, 4))
                assert isinstance(s["context"], list)
                if s["obj"] is not None:
                    assert s["obj"] and s["obj"] == sorted(set(s["obj"])), (lemma, s)
                    assert all(o == o.lower() for o in s["obj"])
            assert len({json.dumps(s, sort_keys=True) for s in senses}) == len(senses), lemma


def test_notices(lexicon: dict[str, Any]) -> None:
    notice = lexicon["notice"]
    assert "MIT License" in notice["cameo"] and "Open Event Data Alliance" in notice["cameo"]
    assert "CAMEO.2.0.txt" in notice["cameo"] and "CAMEO.verbpatterns.150430.txt" in notice["cameo"]
    assert "University of Colorado" in notice["verbnet"] and "VerbNet" in notice["verbnet"]
    assert notice["generated_by"] == "scripts/build_trigger_lexicon.py"
    assert (LEXICON.parent / "NOTICE.md").exists()


def test_senses_a_working_parser_finds(lexicon: dict[str, Any]) -> None:
    assert "ASSAULT" in free_types(lexicon, "bomb") | free_types(lexicon, "shell")
    assert "ASSAULT" in free_types(lexicon, "attack") and "ASSAULT" in free_types(lexicon, "kill")
    assert "COERCE" in free_types(lexicon, "arrest")
    assert free_types(lexicon, "expel") & {"COERCE", "SANCTION"}
    assert "ACCUSE" in free_types(lexicon, "condemn")
    assert "CONSULT" in free_types(lexicon, "meet")
    assert "PROTEST" in free_types(lexicon, "protest")
    assert "CONSULT" in free_types(lexicon, "talks", "nouns")
    assert "ASSAULT" in free_types(lexicon, "attack", "nouns")
    # Irregular forms and multi-word verbs come out as base forms with spaces.
    assert (
        "blow up" in lexicon["verbs"] and "struck" not in lexicon["verbs"] and "met" not in lexicon["verbs"]
    )
    # A pattern's object and particle: "stage a protest", "put up a barricade".
    stage = [s for s in lexicon["verbs"]["stage"] if s["type"] == "PROTEST" and s["obj"]]
    assert any("protest" in s["obj"] or "demonstration" in s["obj"] for s in stage)
    assert any(s["prt"] == "up" and s["obj"] for s in lexicon["verbs"]["put"])
    # VerbNet adds its source.
    assert any("verbnet:murder-42.1" in s["sources"] for s in lexicon["verbs"]["murder"])


def test_modes_follow_the_plover_manual(lexicon: dict[str, Any]) -> None:
    for section in ("verbs", "nouns"):
        for lemma, senses in lexicon[section].items():
            for s in senses:
                assert s["mode"] is None or s["mode"] in MANUAL_MODES.get(s["type"], set()), (lemma, s)


def test_appeals_and_resignations(lexicon: dict[str, Any]) -> None:
    # CAMEO 02x appeals are REQUEST.
    assert "REQUEST" in free_types(lexicon, "urge") and "REQUEST" in free_types(lexicon, "appeal")
    assert any(
        s["type"] == "REQUEST" and s["mode"] == "yield" and s["obj"] and "ceasefire" in s["obj"]
        for s in lexicon["verbs"]["urge"] + lexicon["verbs"]["call for"]
    )
    # A question is no request.
    assert "REQUEST" not in free_types(lexicon, "wonder") | free_types(lexicon, "interview")
    # Resignations are RETREAT resign, and resign's only unconstrained sense is that.
    free = [
        s for s in lexicon["verbs"]["resign"] if s["obj"] is None and s["prt"] is None and s["prep"] is None
    ]
    assert [(s["type"], s["mode"]) for s in free] == [("RETREAT", "resign")]
    assert any(
        s["type"] == "RETREAT" and s["mode"] == "resign" and s["prt"] == "down"
        for s in lexicon["verbs"]["step"]
    )
    # 0831 patterns about elections are concessions, not resignations.
    assert not any(s["mode"] == "resign" for s in lexicon["verbs"]["call"] + lexicon["verbs"]["hold"])


def test_filters(lexicon: dict[str, Any]) -> None:
    for lemma in ("say", "tell", "announce", "report", "state", "be", "have", "make", "take", "give"):
        assert not free_types(lexicon, lemma), lemma
    assert all(len(lemma.split()[0]) >= 3 for lemma in lexicon["verbs"])
    for lemma in lexicon["verbs"]:
        assert len(free_types(lexicon, lemma)) < 3, lemma


def test_rebuild_matches_the_shipped_file(tmp_path: Path) -> None:
    if not (SHARED / "reference" / "phoenix" / "CAMEO.2.0.txt").exists():
        pytest.skip(f"{SHARED} is not available")
    out = tmp_path / "generated_lexicon.json"
    subprocess.run(
        [sys.executable, str(SCRIPT), "--shared", str(SHARED), "--out", str(out)],
        check=True,
        capture_output=True,
        cwd=ROOT,
    )
    assert out.read_bytes() == LEXICON.read_bytes(), "rerun scripts/build_trigger_lexicon.py"
