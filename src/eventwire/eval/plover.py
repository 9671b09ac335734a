"""Score event coding against PLOVER gold records (one JSON object a line).

Each record's `text` is coded as a one-sentence article. Scores:
- `type_*`: micro over (record, type) pairs: the set of types of the events the coder returns for a
  record (negated events are not claims that something happened and are left out) against the gold type;
- `actor_country_f1` / `recipient_country_f1`: micro over (record, country) pairs, on the records whose
  gold has actors (recipients). Predicted countries come from the events of the gold type when the coder
  found that type, else from all its events for the record;
- `mode_accuracy`: where the gold has a mode, the share of records whose event of the gold type has it.

Normalisation, applied to both sides: the records' ontology 0.5b1 categories DEMAND, DISAPPROVE, FIGHT and
INVESTIGATE become REQUEST, ACCUSE, ASSAULT and ACCUSE (current PLOVER); old CAMEO country codes become
ISO 3166-1 alpha-3 (JAP -> JPN, ...); the United Nations (UNO) and the European Union (EUR), which the
records code as IGO, count as IGO; older mode names map to current ones (host -> visit, ...).
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from eventwire.eval.scores import per_type_lines, per_type_scores, prf
from eventwire.models import Article, Event, Segment

OLD_TYPES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "FIGHT": "ASSAULT", "INVESTIGATE": "ACCUSE"}
OLD_CODES = {
    "JAP": "JPN",
    "ITL": "ITA",
    "ROM": "ROU",
    "ZAR": "COD",
    "TMP": "TLS",
    "GMY": "DEU",
    "UNO": "IGO",
    "EUR": "IGO",
    "BUL": "BGR",
    "SER": "SRB",
    "KSV": "KOS",
}
OLD_MODES = {
    "host": "visit",
    "demo-org": "demo",
    "strike-hun": "hunger",
    "strike-gen": "strike",
    "riot-spon": "riot",
    "detain": "arrest",
    "confiscate": "seize",
    "ban": "restrict",
    "assassinate": "targeted",
    "curfew": "curfew",
}
COUNTED = frozenset({"asserted", "future", "hypothetical", "speculated"})


def norm_code(code: str | None) -> str | None:
    if not code or code == "***":
        return None
    c = code.strip().upper()[:3]
    return OLD_CODES.get(c, c)


def gold_type(rec: dict[str, Any]) -> str:
    t = str(rec.get("event", "")).upper()
    return OLD_TYPES.get(t, t)


def gold_countries(field: Any) -> set[str] | None:
    if not isinstance(field, list) or not field:
        return None
    out = {c for a in field if isinstance(a, dict) for c in [norm_code(a.get("code"))] if c}
    return out or None


def pred_countries(events: Iterable[Event], role: str) -> set[str]:
    out: set[str] = set()
    for e in events:
        for ent in e.actors if role == "actors" else e.recipients:
            out |= {norm_code(c) or c for c in ent.countries}
    return out


def record_article(rec: dict[str, Any]) -> Article:
    text = str(rec["text"]).strip()
    aid = hashlib.sha256(text.encode()).hexdigest()[:16]
    return Article(article_id=aid, text=text, published=None, segments=[Segment("body", 0, len(text))])


def evaluate_plover(path: Path, with_errors: bool = False, pipeline: Any = None) -> dict[str, Any]:
    from eventwire.pipeline import Pipeline

    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    pipe = pipeline or Pipeline()
    articles = [record_article(r) for r in records]
    coded = list(pipe.code_articles(articles, batch_size=64))

    tp = fp = fn = 0
    per_type: dict[str, Counter[str]] = defaultdict(Counter)
    role_counts = {"actors": Counter[str](), "recipients": Counter[str]()}
    mode_hits = mode_n = 0
    errors: list[dict[str, Any]] = []
    for rec, c in zip(records, coded, strict=True):
        gt = gold_type(rec)
        events = [e for e in c.events if e.modality in COUNTED]
        types = {e.type for e in events}
        if gt in types:
            tp += 1
            per_type[gt]["tp"] += 1
        else:
            fn += 1
            per_type[gt]["fn"] += 1
            if with_errors:
                errors.append(
                    {
                        "kind": "miss",
                        "id": rec.get("id"),
                        "gold": gt,
                        "predicted": sorted(types),
                        "text": rec["text"],
                    }
                )
        for t in types - {gt}:
            fp += 1
            per_type[t]["fp"] += 1
            if with_errors:
                errors.append(
                    {
                        "kind": "false",
                        "id": rec.get("id"),
                        "gold": gt,
                        "predicted": t,
                        "trigger": [e.trigger.text for e in events if e.type == t],
                        "text": rec["text"],
                    }
                )
        matched = [e for e in events if e.type == gt] or events
        for role, field in (("actors", "source"), ("recipients", "target")):
            gold = gold_countries(rec.get(field))
            if gold is None:
                continue
            pred = pred_countries(matched, role)
            role_counts[role]["tp"] += len(gold & pred)
            role_counts[role]["fp"] += len(pred - gold)
            role_counts[role]["fn"] += len(gold - pred)
            if with_errors and gold != pred and gt in types:
                errors.append(
                    {
                        "kind": f"{role}",
                        "id": rec.get("id"),
                        "gold": sorted(gold),
                        "predicted": sorted(pred),
                        "text": rec["text"],
                    }
                )
        gmode = str(rec.get("mode") or "").strip().lower()
        if gmode:
            mode_n += 1
            want = OLD_MODES.get(gmode, gmode)
            if any(e.mode == want for e in events if e.type == gt):
                mode_hits += 1

    p, r, f = prf(tp, fp, fn)
    result: dict[str, Any] = {
        "n": len(records),
        "type_precision": p,
        "type_recall": r,
        "type_f1": f,
    }
    for role, key in (("actors", "actor_country"), ("recipients", "recipient_country")):
        rc = role_counts[role]
        rp, rr, rf = prf(rc["tp"], rc["fp"], rc["fn"])
        result[f"{key}_precision"], result[f"{key}_recall"], result[f"{key}_f1"] = rp, rr, rf
    result["mode_accuracy"] = round(mode_hits / mode_n, 4) if mode_n else None
    result["mode_n"] = mode_n
    result["per_type"] = per_type_scores(per_type, "pred")
    result["events_per_record"] = round(sum(len(c.events) for c in coded) / max(1, len(records)), 3)
    if with_errors:
        result["errors"] = errors
    return result


def format_plover_report(result: dict[str, Any], with_errors: bool = False) -> str:
    lines = [
        f"PLOVER gold records: {result['n']}",
        *(
            f"{label:<12}P {result[k + '_precision']:.3f}  R {result[k + '_recall']:.3f}  "
            f"F1 {result[k + '_f1']:.3f}"
            for label, k in (
                ("type", "type"),
                ("actor ctry", "actor_country"),
                ("recip ctry", "recipient_country"),
            )
        ),
        f"mode accuracy {result['mode_accuracy'] if result['mode_accuracy'] is not None else '-'} "
        f"(n={result['mode_n']})",
        "",
        *per_type_lines(result["per_type"], "pred"),
    ]
    if with_errors:
        lines.append("")
        for e in result.get("errors", []):
            lines.append(
                f"[{e['kind']}] {e['id']} gold={e['gold']} predicted={e['predicted']}"
                + (f" trigger={e['trigger']}" if "trigger" in e else "")
            )
            lines.append(f"    {e['text']}")
    return "\n".join(lines)
