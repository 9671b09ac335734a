"""The matching rules of the shared golden expectations (see the golden README beside the seed)."""

from __future__ import annotations

import math
from typing import Any


def _countries(entities: list[dict[str, Any]] | None) -> set[str]:
    out: set[str] = set()
    for e in entities or []:
        if e.get("country"):
            out.add(e["country"])
        for m in e.get("members") or []:
            if m.get("country"):
                out.add(m["country"])
    return out


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p = math.pi / 180
    h = (
        math.sin((lat2 - lat1) * p / 2) ** 2
        + math.cos(lat1 * p) * math.cos(lat2 * p) * math.sin((lon2 - lon1) * p / 2) ** 2
    )
    return 12742 * math.asin(math.sqrt(h))


def matches(e: dict[str, Any], c: dict[str, Any]) -> bool:
    acts, recs = _countries(e.get("actors")), _countries(e.get("recipients"))
    both = acts | recs
    ev = (e.get("evidence") or {}).get("text", "")
    att = e.get("attributed_to") or {}
    loc = e.get("location") or {}
    checks = [
        "type" not in c or e.get("type") in c["type"],
        set(c.get("actors_include", [])) <= acts,
        set(c.get("recipients_include", [])) <= recs,
        set(c.get("involves", [])) <= both,
        set(c.get("involves_all", [])) <= both,
        not c.get("involves_any") or bool(set(c["involves_any"]) & both),
        "evidence_contains" not in c or c["evidence_contains"] in ev,
        not c.get("evidence_contains_any") or any(s in ev for s in c["evidence_contains_any"]),
        "modality" not in c or e.get("modality") in c["modality"],
        "attributed_to_country" not in c or att.get("country") in c["attributed_to_country"],
        "attributed_to_sector" not in c or att.get("sector") in c["attributed_to_sector"],
        "date_prefix" not in c or str(e.get("date") or "").startswith(c["date_prefix"]),
        "date_not_prefix" not in c or not str(e.get("date") or "").startswith(c["date_not_prefix"]),
        "location_country" not in c or loc.get("country") == c["location_country"],
    ]
    if not all(checks):
        return False
    if "location_within_km" in c:
        w = c["location_within_km"]
        if loc.get("lat") is None or _km(w["lat"], w["lon"], loc["lat"], loc["lon"]) > w["km"]:
            return False
    if "actor_text_contains" in c:
        parties = (e.get("actors") or []) + (e.get("recipients") or [])
        hit = [
            a
            for a in parties
            if c["actor_text_contains"] in f"{a.get('text') or ''} {a.get('name') or ''}"
            and a.get("country") in c.get("country", [])
        ]
        if not hit:
            return False
    return True


def check(events: list[dict[str, Any]], spec: dict[str, Any]) -> dict[str, list[tuple[str, int, bool]]]:
    """Per expectation group, (name, number of matching events, holds)."""
    out: dict[str, list[tuple[str, int, bool]]] = {"must": [], "must_not": [], "should": []}
    for c in spec["events_must"]:
        n = sum(matches(e, c) for e in events)
        out["must"].append((c["name"], n, 1 <= n <= c.get("max_count", 10**9)))
    for c in spec["events_must_not"]:
        n = sum(matches(e, c) for e in events)
        out["must_not"].append((c["name"], n, n <= c.get("count_over", 0)))
    for c in spec.get("events_should", []):
        n = sum(matches(e, c) for e in events)
        out["should"].append((c["name"], n, n >= 1))
    return out
