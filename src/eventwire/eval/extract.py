"""Score the web page reader: body text precision and recall by words, and the metadata it reads.

The set (`eval/data/web_extract.jsonl`, built by `scripts/build_web_extract_set.py`) holds news pages
shaped like real ones (navigation, cookie banners, comments, related links, ads, figures, old table
layouts) around Voice of America stories, each with its gold body text and metadata.

Body text is scored as bags of words (lower-cased word tokens, counted with multiplicity): precision is
the share of extracted words that are in the gold body, recall the share of gold words extracted. Both are
micro-averaged over all pages (every word counts once) and also given per page and macro-averaged.
Metadata is scored as exact matches: title (whitespace-normalised), publication date (YYYY-MM-DD),
author, language (primary subtag) and canonical URL.
"""

from __future__ import annotations

import json
import re
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from eventwire.eval.scores import prf

DEFAULT_SET = Path(__file__).parent / "data" / "web_extract.jsonl"
_WORD = re.compile(r"\w+", re.UNICODE)
META_FIELDS = ("title", "published", "author", "lang", "canonical_url")


def words(text: str) -> Counter[str]:
    return Counter(w.lower() for w in _WORD.findall(text))


def load_pages(file: Path | None = None) -> list[dict[str, Any]]:
    path = file or DEFAULT_SET
    pages = []
    with path.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            obj = json.loads(line)
            if not isinstance(obj.get("html"), str) or not isinstance(obj.get("text"), str):
                raise ValueError(f"line {lineno}: each page needs `html` and gold `text`")
            pages.append(obj)
    return pages


def _norm(field: str, value: Any) -> Any:
    if not isinstance(value, str) or not value.strip():
        return None
    value = " ".join(value.split())
    if field == "lang":
        return value.split("-")[0].lower()
    return value


def evaluate_extract(
    file: Path | None = None,
    *,
    with_errors: bool = False,
    extractor: Callable[[str, str | None], dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """Score `extractor` (default: eventwire's page reader) on the set; a JSON-ready dict."""
    extract = extractor or _default_extractor
    pages = load_pages(file)
    tp = fp = fn = 0
    per_page = []
    meta_hits: Counter[str] = Counter()
    meta_total: Counter[str] = Counter()
    meta_errors: list[dict[str, Any]] = []
    seconds = 0.0
    for page in pages:
        started = time.perf_counter()
        got = extract(page["html"], page.get("url"))
        seconds += time.perf_counter() - started
        gold, found = words(page["text"]), words(got.get("text") or "")
        overlap = sum((gold & found).values())
        p_tp, p_fp, p_fn = overlap, sum(found.values()) - overlap, sum(gold.values()) - overlap
        tp, fp, fn = tp + p_tp, fp + p_fp, fn + p_fn
        p, r, f = prf(p_tp, p_fp, p_fn)
        row: dict[str, Any] = {"id": page.get("id"), "precision": p, "recall": r, "f1": f}
        for field in META_FIELDS:
            if field not in page:
                continue
            want, have = _norm(field, page[field]), _norm(field, got.get(field))
            meta_total[field] += 1
            if want == have:
                meta_hits[field] += 1
            elif with_errors:
                meta_errors.append({"id": page.get("id"), "field": field, "gold": want, "found": have})
        if with_errors:
            row["extra_words"] = sorted((found - gold).elements())[:40]
            row["missed_words"] = sorted((gold - found).elements())[:40]
        per_page.append(row)
    precision, recall, f1 = prf(tp, fp, fn)
    n = len(per_page) or 1
    result: dict[str, Any] = {
        "pages": len(per_page),
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "macro_precision": round(sum(r["precision"] for r in per_page) / n, 4),
        "macro_recall": round(sum(r["recall"] for r in per_page) / n, 4),
        "min_precision": min((r["precision"] for r in per_page), default=0.0),
        "min_recall": min((r["recall"] for r in per_page), default=0.0),
        "metadata": {k: round(meta_hits[k] / meta_total[k], 4) for k in META_FIELDS if meta_total[k]},
        "pages_per_second": round(len(per_page) / seconds, 1) if seconds else None,
        "per_page": per_page,
    }
    if with_errors:
        result["metadata_errors"] = meta_errors
    return result


def _default_extractor(html: str, url: str | None) -> dict[str, Any]:
    from eventwire.web.extract import extract_page

    page = extract_page(html, url)
    return {
        "text": page.text,
        "title": page.title,
        "published": page.published,
        "author": page.author,
        "lang": page.lang,
        "canonical_url": page.canonical_url,
    }


def format_extract_report(result: dict[str, Any], errors: bool = False) -> str:
    lines = [
        f"pages: {result['pages']}   ({result['pages_per_second']} pages/s)",
        f"body words   precision {result['precision']:.4f}   recall {result['recall']:.4f}   "
        f"F1 {result['f1']:.4f}",
        f"per page     macro P {result['macro_precision']:.4f}   macro R {result['macro_recall']:.4f}   "
        f"lowest P {result['min_precision']:.4f}   lowest R {result['min_recall']:.4f}",
        "metadata     " + "   ".join(f"{k} {v:.2f}" for k, v in result["metadata"].items()),
    ]
    if errors:
        for row in result["per_page"]:
            if row["precision"] < 1 or row["recall"] < 1:
                lines.append(f"  {row['id']}: P {row['precision']:.3f} R {row['recall']:.3f}")
                if row.get("extra_words"):
                    lines.append(f"    extra:  {' '.join(row['extra_words'])}")
                if row.get("missed_words"):
                    lines.append(f"    missed: {' '.join(row['missed_words'])}")
        for err in result.get("metadata_errors", []):
            lines.append(f"  {err['id']}: {err['field']} gold {err['gold']!r} found {err['found']!r}")
    return "\n".join(lines)
