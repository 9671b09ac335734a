"""The offline world base map: TopoJSON country outlines decoded to the GeoJSON the page draws.

The shipped file `static/world/countries-110m.geojson` was made once with
`python -m eventwire.serve.basemap countries-110m.json OUT.geojson` from the `world-atlas` 2.0.2 package
(ISC licence, Natural Earth 1:110m, public domain); see `static/world/ATTRIBUTION.md`. Nothing is fetched
at run time: the page loads the shipped GeoJSON from the same server.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

Position = list[float]
Ring = list[Position]


def _decode_arcs(topology: dict[str, Any], digits: int) -> list[Ring]:
    """Absolute [lon, lat] positions of every arc (quantized arcs are delta-encoded)."""
    transform = topology.get("transform")
    arcs: list[Ring] = []
    for arc in topology["arcs"]:
        points: Ring = []
        x = y = 0.0
        for pos in arc:
            if transform:
                x += pos[0]
                y += pos[1]
                sx, sy = transform["scale"]
                tx, ty = transform["translate"]
                points.append([round(x * sx + tx, digits), round(y * sy + ty, digits)])
            else:
                points.append([round(pos[0], digits), round(pos[1], digits)])
        arcs.append(points)
    return arcs


def _ring(indices: list[int], arcs: list[Ring]) -> Ring:
    """Join arcs into one ring; a negative index ~i means arc i reversed. Shared end points appear once."""
    ring: Ring = []
    for i in indices:
        points = arcs[i] if i >= 0 else arcs[~i][::-1]
        ring.extend(points[1:] if ring else points)
    if ring and ring[0] != ring[-1]:
        ring.append(ring[0])
    return _dedupe(ring)


def _dedupe(ring: Ring) -> Ring:
    """Drop consecutive repeated positions that rounding produced."""
    out: Ring = []
    for p in ring:
        if not out or out[-1] != p:
            out.append(p)
    return out


def _polygon(rings: list[list[int]], arcs: list[Ring]) -> list[Ring] | None:
    """A polygon's rings; rounding can shrink a tiny island or hole to a point, and those are dropped."""
    decoded = [_ring(r, arcs) for r in rings]
    if not decoded or len(decoded[0]) < 4:
        return None
    return [decoded[0], *(r for r in decoded[1:] if len(r) >= 4)]


def _geometry(geom: dict[str, Any], arcs: list[Ring]) -> dict[str, Any] | None:
    kind = geom.get("type")
    if kind == "Polygon":
        polygon = _polygon(geom["arcs"], arcs)
        return {"type": "Polygon", "coordinates": polygon} if polygon else None
    if kind == "MultiPolygon":
        polygons = [p for p in (_polygon(rings, arcs) for rings in geom["arcs"]) if p]
        return {"type": "MultiPolygon", "coordinates": polygons} if polygons else None
    return None


def topojson_to_geojson(topology: dict[str, Any], object_name: str, digits: int = 2) -> dict[str, Any]:
    """One TopoJSON object (a GeometryCollection of polygons) as a GeoJSON FeatureCollection."""
    arcs = _decode_arcs(topology, digits)
    features: list[dict[str, Any]] = []
    for geom in topology["objects"][object_name]["geometries"]:
        shape = _geometry(geom, arcs)
        if shape is None:
            continue
        props = dict(geom.get("properties") or {})
        if "id" in geom:
            props["id"] = geom["id"]
        features.append({"type": "Feature", "properties": props, "geometry": shape})
    return {"type": "FeatureCollection", "features": features}


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2:
        print("usage: python -m eventwire.serve.basemap COUNTRIES_TOPOJSON OUT_GEOJSON", file=sys.stderr)
        return 2
    topology = json.loads(Path(args[0]).read_text(encoding="utf-8"))
    collection = topojson_to_geojson(topology, "countries")
    Path(args[1]).write_text(json.dumps(collection, separators=(",", ":")), encoding="utf-8")
    print(f"{args[1]}: {len(collection['features'])} countries", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
