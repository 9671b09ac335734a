"""Compare HTML main-text extractors on the web extraction set: body words precision/recall and speed.

    python benchmarks/extract_compare.py [SET.jsonl] [--json]

Candidates: eventwire's page reader (trafilatura in precision mode, default mode when precision finds
nothing, title line dropped), trafilatura in its default, precision and recall modes, readability-lxml and
jusText (when installed), and a baseline that keeps all visible text. Metadata (title, date) is only
scored for the readers that give it. Times are wall seconds on this machine, one process, warm.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from eventwire.eval.extract import evaluate_extract

Extractor = Callable[[str, str | None], dict[str, Any]]


def _trafilatura(mode: str) -> Extractor:
    import trafilatura

    def run(html: str, url: str | None) -> dict[str, Any]:
        doc = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            favor_precision=mode == "precision",
            favor_recall=mode == "recall",
        )
        if doc is None:
            return {"text": ""}
        d = doc.as_dict()
        return {"text": d.get("text") or "", "title": d.get("title"), "published": d.get("date")}

    return run


def _eventwire(html: str, url: str | None) -> dict[str, Any]:
    from eventwire.web.extract import extract_page

    p = extract_page(html, url)
    return {"text": p.text, "title": p.title, "published": p.published}


def _readability(html: str, url: str | None) -> dict[str, Any]:
    import lxml.html
    from readability import Document

    doc = Document(html, url=url)
    summary = lxml.html.fromstring(doc.summary(html_partial=True))
    return {"text": summary.text_content(), "title": doc.short_title()}


def _justext(html: str, url: str | None) -> dict[str, Any]:
    import justext

    paras = justext.justext(html.encode("utf-8"), justext.get_stoplist("English"))
    return {"text": "\n".join(p.text for p in paras if not p.is_boilerplate)}


def _all_text(html: str, url: str | None) -> dict[str, Any]:
    import lxml.html

    tree = lxml.html.fromstring(html)
    for bad in tree.xpath("//script|//style|//head"):
        bad.drop_tree()
    return {"text": tree.text_content()}


def candidates() -> dict[str, Extractor]:
    found: dict[str, Extractor] = {
        "eventwire (trafilatura precision + fallback)": _eventwire,
        "trafilatura default": _trafilatura("default"),
        "trafilatura precision": _trafilatura("precision"),
        "trafilatura recall": _trafilatura("recall"),
        "all visible text (baseline)": _all_text,
    }
    try:
        import readability  # noqa: F401

        found["readability-lxml"] = _readability
    except ImportError:
        pass
    try:
        import justext  # noqa: F401

        found["jusText"] = _justext
    except ImportError:
        pass
    return found


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    file = Path(args[0]) if args else None
    rows = []
    for name, fn in candidates().items():
        evaluate_extract(file, extractor=fn)  # warm up: imports, caches
        r = evaluate_extract(file, extractor=fn)
        rows.append(
            {
                "extractor": name,
                "precision": r["precision"],
                "recall": r["recall"],
                "f1": r["f1"],
                "min_precision": r["min_precision"],
                "min_recall": r["min_recall"],
                "title": r["metadata"].get("title"),
                "published": r["metadata"].get("published"),
                "pages_per_second": r["pages_per_second"],
            }
        )
    if "--json" in sys.argv:
        print(json.dumps(rows, indent=1))
        return
    print("| extractor | P | R | F1 | lowest P | lowest R | title | date | pages/s |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        cells = [
            f"{r[k]:.3f}" if isinstance(r[k], float) else ("-" if r[k] is None else str(r[k]))
            for k in ("precision", "recall", "f1", "min_precision", "min_recall", "title", "published")
        ]
        print(f"| {r['extractor']} | " + " | ".join(cells) + f" | {r['pages_per_second']} |")


if __name__ == "__main__":
    main()
