"""Score event coding on whole articles against hand annotations (one article a line, JSON).

A record holds the article (`id`, `title`, `published`, `text`, ...) and `events`: what a careful coder
reads out of it (see `docs/annotation-guidelines.md`). Each gold event has a `type` and an `evidence`
(`field`: "title" or "text", `quote`: the sentence, `start`/`end` within that field; where offsets are
missing the quote is looked up).

Matching: a coded event matches a gold event when the types agree and the evidence spans overlap; events
are paired one to one (a maximum matching), so a sentence coded twice for one happening counts once.
A gold event in the headline that the body tells again (a gold body event of the same type) is
optional: finding it in the headline counts, missing it there does not.

Scores:
- `event_recall`: matched required gold events / required gold events (every modality);
- `type_precision`: matched coded events / coded events;
- `evidence_precision`: coded events whose evidence overlaps some gold event, of any type / coded events;
- `salient_recall`: recall over the gold events marked salient;
- over matched pairs: actor and recipient country F1 (micro over country sets), modality, date and
  location (country) accuracy where the gold gives one; `location_wrong_rate` (a place in another
  country than the gold's) and `location_unsupported_rate` (a place where the gold has none), both over
  the matched events.

The split: every article is in the *tune* or the *check* part by a stable hash of its id (`split_of`).
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from eventwire.eval.scores import per_type_lines, per_type_scores, prf
from eventwire.ingest.formats import article_from_json
from eventwire.models import Article, Event

#: Share of the articles that go to the check part.
CHECK_SHARE = 0.36
SPLITS = ("tune", "check", "all")


def split_of(article_id: str) -> str:
    """'check' or 'tune', fixed by the article id alone."""
    digest = hashlib.sha1(f"eventwire-split:{article_id}".encode()).hexdigest()
    return "check" if int(digest[:12], 16) / 16**12 < CHECK_SHARE else "tune"


def shipped_annotations() -> Path:
    """The real-news annotations shipped with the package."""
    return Path(str(resources.files("eventwire.eval").joinpath("data", "real_news_events.jsonl")))


@dataclass
class GoldEvent:
    type: str
    start: int
    end: int
    raw: dict[str, Any]
    in_title: bool = False
    optional: bool = False


@dataclass
class Scored:
    """One article: its gold events, its coded events and the pairs matched between them."""

    record: dict[str, Any]
    article: Article
    gold: list[GoldEvent]
    coded: list[Event]
    pairs: list[tuple[int, int]] = field(default_factory=list)  # (gold index, coded index)


def load_records(path: Path, split: str = "all") -> list[dict[str, Any]]:
    if split not in SPLITS:
        raise ValueError(f"split must be one of {', '.join(SPLITS)}, got {split!r}")
    records = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ValueError(f"{path}:{n}: not JSON ({exc.msg})") from None
        if not isinstance(rec, dict) or not isinstance(rec.get("text"), str):
            raise ValueError(f"{path}:{n}: each line must be an object with `text` and `events`")
        if split == "all" or split_of(str(rec.get("id", ""))) == split:
            records.append(rec)
    return records


def record_article(rec: dict[str, Any]) -> Article:
    obj = {k: rec.get(k) for k in ("text", "title", "published", "source", "url", "id")}
    return article_from_json({k: v for k, v in obj.items() if v is not None})


def _field_offset(article: Article, rec: dict[str, Any], fld: str) -> int:
    """Where the record's `title` or `text` field starts in the article's text."""
    title = rec.get("title")
    if fld == "title":
        return article.text.find(title) if title else -1
    body = rec["text"].strip()
    at = article.text.find(body[:200])
    return at


def gold_events(rec: dict[str, Any], article: Article) -> list[GoldEvent]:
    out: list[GoldEvent] = []
    for ev in rec.get("events") or []:
        evid = ev.get("evidence") or {}
        fld = evid.get("field", "text")
        quote = evid.get("quote") or evid.get("text") or ""
        start0, end0 = evid.get("start"), evid.get("end")
        if not quote and isinstance(start0, int) and isinstance(end0, int):
            quote = str(rec.get(fld) or "")[start0:end0]  # offsets alone, into the record's field
        base = _field_offset(article, rec, fld)
        if base < 0 or not quote:
            continue
        start = evid.get("start")
        if not isinstance(start, int) or article.text[base + start : base + start + len(quote)] != quote:
            found = article.text.find(quote, base)
            if found < 0:
                continue
            start = found - base
        s = base + start
        out.append(GoldEvent(str(ev["type"]).upper(), s, s + len(quote), ev, in_title=fld == "title"))
    body_types = {g.type for g in out if not g.in_title}
    for g in out:
        g.optional = g.in_title and g.type in body_types
    return out


def _overlap(a0: int, a1: int, b0: int, b1: int) -> bool:
    return a0 < b1 and b0 < a1


def match(gold: Sequence[GoldEvent], coded: Sequence[Event]) -> list[tuple[int, int]]:
    """A maximum one-to-one matching of gold and coded events (same type, overlapping evidence)."""
    options = [
        [
            j
            for j, e in enumerate(coded)
            if e.type == g.type and _overlap(g.start, g.end, e.evidence.start, e.evidence.end)
        ]
        for g in gold
    ]
    owner: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for j in options[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    # Required events first, so an optional headline event never takes a coded event from them.
    for i in sorted(range(len(gold)), key=lambda k: gold[k].optional):
        augment(i, set())
    return sorted((i, j) for j, i in owner.items())


def _overlaps_gold(e: Event, gold: Sequence[GoldEvent]) -> bool:
    return any(_overlap(g.start, g.end, e.evidence.start, e.evidence.end) for g in gold)


def _countries(entities: Iterable[Any]) -> set[str]:
    out: set[str] = set()
    for ent in entities:
        if isinstance(ent, dict):
            members = ent.get("members") or [ent]
            out |= {str(m["country"]).upper() for m in members if isinstance(m, dict) and m.get("country")}
        else:
            out |= set(ent.countries)
    return out


def _ratio(hits: int, n: int) -> float | None:
    return round(hits / n, 4) if n else None


def score_articles(records: Sequence[dict[str, Any]], pipeline: Any = None) -> list[Scored]:
    from eventwire.pipeline import Pipeline

    pipe = pipeline or Pipeline()
    articles = [record_article(r) for r in records]
    out = []
    for rec, art, coded in zip(records, articles, pipe.code_articles(articles, batch_size=16), strict=True):
        gold = gold_events(rec, art)
        scored = Scored(rec, art, gold, coded.events)
        scored.pairs = match(gold, coded.events)
        out.append(scored)
    return out


def summarise(scored: Sequence[Scored], with_errors: bool = False) -> dict[str, Any]:
    n_gold = n_found = n_coded = n_matched_coded = n_evidence = 0
    sal_n = sal_found = 0
    per_type: dict[str, Counter[str]] = defaultdict(Counter)
    roles = {"actor": Counter[str](), "recipient": Counter[str]()}
    fields = {k: Counter[str]() for k in ("modality", "date", "location")}
    placed = Counter[str]()  # matched events by what their coded place is worth
    errors: list[dict[str, Any]] = []
    for s in scored:
        matched_gold = {i for i, _ in s.pairs}
        matched_coded = {j for _, j in s.pairs}
        n_coded += len(s.coded)
        n_matched_coded += len(matched_coded)
        n_evidence += sum(
            1
            for e in s.coded
            if any(_overlap(g.start, g.end, e.evidence.start, e.evidence.end) for g in s.gold)
        )
        for i, g in enumerate(s.gold):
            hit = i in matched_gold
            if g.optional and not hit:
                continue
            n_gold += 1
            n_found += hit
            per_type[g.type]["tp" if hit else "fn"] += 1
            if g.raw.get("salient"):
                sal_n += 1
                sal_found += hit
            if not hit and with_errors:
                errors.append(_error("miss", s, g=g))
        for j, e in enumerate(s.coded):
            if j not in matched_coded:
                per_type[e.type]["fp"] += 1
                if with_errors:
                    errors.append(_error("false", s, e=e))
        for i, j in s.pairs:
            raw, e = s.gold[i].raw, s.coded[j]
            for role, gkey, pred in (
                ("actor", "actors", e.actors),
                ("recipient", "recipients", e.recipients),
            ):
                want, got = _countries(raw.get(gkey) or []), _countries(pred)
                if not want and not got:
                    continue
                roles[role]["tp"] += len(want & got)
                roles[role]["fp"] += len(got - want)
                roles[role]["fn"] += len(want - got)
            fields["modality"]["n"] += 1
            fields["modality"]["hit"] += raw.get("modality", "asserted") == e.modality
            if raw.get("date"):
                fields["date"]["n"] += 1
                fields["date"]["hit"] += str(raw["date"]) == (e.date or "")
            loc = raw.get("location")
            got_c = e.location.country if e.location is not None else None
            placed["matched"] += 1
            if isinstance(loc, dict) and loc.get("country"):
                fields["location"]["n"] += 1
                fields["location"]["hit"] += str(loc["country"]).upper() == got_c
                placed["wrong"] += got_c is not None and str(loc["country"]).upper() != got_c
            elif e.location is not None:
                placed["unsupported"] += 1
    result: dict[str, Any] = {
        "articles": len(scored),
        "gold_events": n_gold,
        "coded_events": n_coded,
        "event_recall": round(n_found / n_gold, 4) if n_gold else 0.0,
        "type_precision": round(n_matched_coded / n_coded, 4) if n_coded else 0.0,
        "evidence_precision": round(n_evidence / n_coded, 4) if n_coded else 0.0,
        "salient_recall": round(sal_found / sal_n, 4) if sal_n else 0.0,
    }
    p, r = result["type_precision"], result["event_recall"]
    result["event_f1"] = round(2 * p * r / (p + r), 4) if p + r else 0.0
    for role, c in roles.items():
        result[f"{role}_country_f1"] = prf(c["tp"], c["fp"], c["fn"])[2]
    for name, c in fields.items():
        result[f"{name}_accuracy"] = _ratio(c["hit"], c["n"])
        result[f"{name}_n"] = c["n"]
    # Of the matched events: a place in another country than the gold's, a place where the gold has none.
    result["location_wrong_rate"] = _ratio(placed["wrong"], placed["matched"])
    result["location_unsupported_rate"] = _ratio(placed["unsupported"], placed["matched"])
    result["per_type"] = per_type_scores(per_type, "coded")
    if with_errors:
        result["errors"] = errors
    return result


def _sentence(article: Article, start: int, end: int) -> str:
    return " ".join(article.text[start:end].split())


def _error(kind: str, s: Scored, g: GoldEvent | None = None, e: Event | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {"kind": kind, "id": s.record.get("id")}
    if g is not None:
        raw = g.raw
        out |= {
            "type": g.type,
            "trigger": raw.get("trigger"),
            "actors": [a.get("text") for a in raw.get("actors") or []],
            "recipients": [a.get("text") for a in raw.get("recipients") or []],
            "coded_here": sorted(
                {x.type for x in s.coded if _overlap(g.start, g.end, x.evidence.start, x.evidence.end)}
            ),
            "text": _sentence(s.article, g.start, g.end),
        }
    if e is not None:
        out |= {
            "type": e.type,
            "trigger": e.trigger.text,
            "rule": e.trigger.rule,
            "actors": [a.text for a in e.actors],
            "recipients": [a.text for a in e.recipients],
            "gold_here": sorted(
                {x.type for x in s.gold if _overlap(x.start, x.end, e.evidence.start, e.evidence.end)}
            ),
            "text": _sentence(s.article, e.evidence.start, e.evidence.end),
        }
    return out


def evaluate_articles(
    path: Path | None = None, split: str | None = None, with_errors: bool = False, pipeline: Any = None
) -> dict[str, Any]:
    """Score `path` (default: the shipped annotations, check split; a given file: all its articles)."""
    data = path or shipped_annotations()
    chosen = split or ("check" if path is None else "all")
    records = load_records(data, chosen)
    result = {"file": str(data) if path else "shipped", "split": chosen}
    return result | summarise(score_articles(records, pipeline), with_errors)


def format_articles_report(result: dict[str, Any], with_errors: bool = False) -> str:
    def fmt(v: Any) -> str:
        return "-" if v is None else f"{v:.3f}"

    lines = [
        f"Articles: {result['articles']} ({result['split']} split), gold events {result['gold_events']}, "
        f"coded events {result['coded_events']}",
        f"event recall {fmt(result['event_recall'])}  type precision {fmt(result['type_precision'])}  "
        f"F1 {fmt(result['event_f1'])}  salient recall {fmt(result['salient_recall'])}  "
        f"evidence precision {fmt(result['evidence_precision'])}",
        f"matched events: actor country F1 {fmt(result['actor_country_f1'])}, recipient country F1 "
        f"{fmt(result['recipient_country_f1'])}, modality {fmt(result['modality_accuracy'])} "
        f"(n={result['modality_n']}), date {fmt(result['date_accuracy'])} (n={result['date_n']}), "
        f"location {fmt(result['location_accuracy'])} (n={result['location_n']}; wrong place on "
        f"{fmt(result['location_wrong_rate'])} of matched events, a place the gold lacks on "
        f"{fmt(result['location_unsupported_rate'])})",
        "",
        *per_type_lines(result["per_type"], "coded"),
    ]
    if with_errors:
        lines.append("")
        for e in result.get("errors", []):
            if e["kind"] == "miss":
                lines.append(
                    f"[miss] {e['id']} {e['type']} '{e['trigger']}' {e['actors']} -> {e['recipients']}"
                    f" (coded here: {', '.join(e['coded_here']) or 'nothing'})"
                )
            else:
                lines.append(
                    f"[false] {e['id']} {e['type']} '{e['trigger']}' ({e['rule']}) {e['actors']} -> "
                    f"{e['recipients']} (gold here: {', '.join(e['gold_here']) or 'nothing'})"
                )
            lines.append(f"    {e['text']}")
    return "\n".join(lines)
