"""Name normalisation and great-circle distance, shared by the gazetteer and the scorers."""

from __future__ import annotations

import math
import re
import unicodedata

_DASHES = re.compile(r"[\-‐‑‒–—/_]+")
_DROP = re.compile(r"[.'’‘`´\",()\[\]]+")
_SPACES = re.compile(r"\s+")
EARTH_KM = 6371.0088


def normalize(name: str) -> str:
    """Lookup key of a name: no accents, case-folded, punctuation dropped ("St. Louis" -> "st louis")."""
    s = name
    if not s.isascii():
        s = unicodedata.normalize("NFKD", s)
        s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.casefold().replace("&", " and ")
    s = _DASHES.sub(" ", s)
    s = _DROP.sub("", s)
    return _SPACES.sub(" ", s).strip()


def name_variants(key: str) -> list[str]:
    """Spelling variants indexed next to a key: Saint/St, Mount/Mt, Fort/Ft."""
    out = [key]
    if not key or key[0] not in "smf":
        return out
    for long, short in (("saint ", "st "), ("sainte ", "ste "), ("mount ", "mt "), ("fort ", "ft ")):
        if key.startswith(long):
            out.append(short + key[len(long) :])
        elif key.startswith(short):
            out.append(long + key[len(short) :])
    return out


def is_latin(name: str) -> bool:
    """True when every letter is in the Latin script (alternate names an English text can use)."""
    for c in name:
        if c.isalpha() and (ord(c) > 0x24F and not 0x1E00 <= ord(c) <= 0x1EFF):
            return False
    return any(c.isalpha() for c in name)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_KM * math.asin(min(1.0, math.sqrt(h)))
