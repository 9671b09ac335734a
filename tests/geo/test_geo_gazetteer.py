from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from eventwire.geo import Geoparser, load_gazetteer
from eventwire.geo.gazetteer import Gazetteer, cache_dir, cache_key
from eventwire.geo.text import haversine_km, normalize


def test_normalize_folds_accents_case_and_punctuation() -> None:
    assert normalize("St. Louis") == "st louis"
    assert normalize("Zürich") == "zurich"
    assert normalize("Côte d’Ivoire") == "cote divoire"
    assert normalize("Guinea-Bissau") == "guinea bissau"


def test_lookup_by_name_and_id(geoparser: Geoparser) -> None:
    gaz = geoparser.gazetteer
    rows = {gaz.feature_of(c.row) for c in gaz.candidates("georgia")}
    assert {"country", "admin1"} <= rows  # the country and the US state
    row = gaz.row_by_gid(2013348)
    assert row is not None and gaz.names[row] == "Vladivostok"
    place = gaz.place(row)
    assert place.country == "RUS" and place.feature == "city"
    assert haversine_km(place.lat, place.lon, 43.1056, 131.8735) < 5


def test_countries_divisions_and_continents_have_points(geoparser: Geoparser) -> None:
    gaz = geoparser.gazetteer
    for cc in ("US", "RU", "FR", "NG", "IN", "BR"):
        row = gaz.country_row(cc)
        assert row is not None
        assert gaz.feature_of(row) == "country"
    texas = gaz.admin1_row("US.TX")
    assert texas is not None and gaz.place(texas).admin1 == "Texas"
    # A division's point lies inside it: Texas's is within 300 km of Austin.
    austin = gaz.place(gaz.row_by_gid(4671654) or -1)
    assert haversine_km(gaz.place(texas).lat, gaz.place(texas).lon, austin.lat, austin.lon) < 300
    europe = [c.row for c in gaz.candidates("europe")]
    assert any(gaz.feature_of(r) == "continent" for r in europe)


def test_every_country_point_lies_near_its_own_towns(geoparser: Geoparser) -> None:
    """Catches a mistyped row of country_points.tsv (a swapped sign lands in another country)."""
    gaz = geoparser.gazetteer
    import numpy as np

    for cc in gaz.countries:
        row = gaz.country_row(cc)
        towns = np.flatnonzero((gaz.cc == gaz.countries.index(cc)) & (gaz.feature == 0))
        if row is None or len(towns) < 5:
            continue
        lat, lon = float(gaz.lat[row]), float(gaz.lon[row])
        nearest = min(haversine_km(lat, lon, float(gaz.lat[t]), float(gaz.lon[t])) for t in towns)
        assert nearest < 900, (cc, lat, lon, nearest)


def test_demonyms_and_abbreviations_are_indexed(geoparser: Geoparser) -> None:
    gaz = geoparser.gazetteer
    assert gaz.country_of(gaz.demonyms["russian"]) == "RU"
    assert gaz.country_of(gaz.demonyms["north korean"]) == "KP"
    assert gaz.admin1_of(gaz.after_comma["calif"]) == "US.CA"


def test_second_load_in_a_new_process_reads_the_cache(geoparser: Geoparser) -> None:
    cached = cache_dir() / f"gazetteer-{cache_key()}.pkl"
    assert cached.is_file()
    before = cached.stat().st_mtime_ns
    code = "from eventwire.geo.gazetteer import Gazetteer; print(len(Gazetteer.load()))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert int(out.split()[0]) == len(geoparser.gazetteer)
    assert cached.stat().st_mtime_ns == before  # read, not rebuilt


@pytest.mark.slow
def test_build_writes_cache_under_xdg_cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache_dir() == tmp_path / "eventwire"
    built = Gazetteer.load()
    files = list((tmp_path / "eventwire").glob("gazetteer-*.pkl"))
    assert len(files) == 1 and cache_key() in files[0].name
    mtime = files[0].stat().st_mtime_ns
    again = Gazetteer.load()
    assert files[0].stat().st_mtime_ns == mtime  # the second load reads the cache
    assert len(again) == len(built) and again.names[:100] == built.names[:100]
    assert load_gazetteer.cache_info().maxsize == 1
    assert os.access(files[0], os.R_OK)
