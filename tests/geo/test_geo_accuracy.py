"""Accuracy gate on GeoWebNews: fails when a score falls more than 0.01 below its pinned floor.

Floors live in tests/data/geo_floors.json with the sha256 of the data file they were measured on.
Raising a floor is routine; lowering one is a decision to write down in the change that makes it.
The full set (200 articles) takes about 35 s on two cores, most of it the spaCy parse.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from spacy.language import Language

from eventwire.geo import Geoparser, evaluate_geo, format_geo_report

ROOT = Path(__file__).resolve().parents[2]
GWN = ROOT.parent / "shared" / "eval" / "geo" / "GWN.xml"
FLOORS = ROOT / "tests" / "data" / "geo_floors.json"
TOLERANCE = 0.01


@pytest.mark.slow
@pytest.mark.skipif(not GWN.is_file(), reason="GeoWebNews gold data not found at ../shared/eval/geo/GWN.xml")
def test_geowebnews_scores_hold_their_floors(nlp: Language, geoparser: Geoparser) -> None:
    pinned = json.loads(FLOORS.read_text(encoding="utf-8"))
    digest = hashlib.sha256(GWN.read_bytes()).hexdigest()
    assert digest == pinned["data_sha256"], (
        "GWN.xml changed: re-measure and re-pin tests/data/geo_floors.json"
    )
    result = evaluate_geo(GWN, pinned.get("limit"), nlp=nlp, geoparser=geoparser)
    print(format_geo_report(result))
    assert result["n_gold"] == pinned["n_gold"]
    low = {
        name: (result[name], floor)
        for name, floor in pinned["floors"].items()
        if result[name] < floor - TOLERANCE
    }
    assert not low, f"scores below their floors (score, floor): {low}"
