"""Merge annotation batches into the shipped real-news event set.

Usage: python scripts/merge_annotations.py INPUT_JSONL... --annotations OUT_JSONL... --out FILE

Inputs are the articles as handed to the annotators (id, source, url, title, published, text); each
annotation line is {"id", "events"}. Every event's evidence quote is located in its field and given
`start`/`end`; an event whose quote cannot be found is reported and left out. Articles keep their
source's credit and licence.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

CREDITS = {
    "Voice of America (voanews.com)": (
        "public domain (work of the US government); credit Voice of America (voanews.com)"
    ),
    "Wikinews": "CC BY 2.5, Wikinews contributors",
}
FIELDS = (
    "type",
    "mode",
    "actors",
    "recipients",
    "modality",
    "attributed_to",
    "date",
    "date_precision",
    "location",
    "trigger",
    "salient",
)


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("inputs", nargs="+", type=Path)
    ap.add_argument("--annotations", nargs="+", type=Path, required=True)
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args(argv)
    articles = {}
    for path in args.inputs:
        for line in path.read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            articles[rec["id"]] = rec
    out, dropped = [], 0
    for path in args.annotations:
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            ann = json.loads(line)
            art = dict(articles[ann["id"]])
            events = []
            for ev in ann["events"]:
                evid = ev.get("evidence") or {}
                field, quote = evid.get("field", "text"), evid.get("quote", "")
                start = (art.get(field) or "").find(quote) if quote else -1
                if start < 0:
                    dropped += 1
                    print(f"{ann['id']}: quote not found, left out: {quote[:60]!r}", file=sys.stderr)
                    continue
                row = {k: ev.get(k) for k in FIELDS}
                row["evidence"] = {"field": field, "quote": quote, "start": start, "end": start + len(quote)}
                events.append(row)
            art["license"] = CREDITS.get(art.get("source", ""), "")
            art["events"] = events
            out.append(art)
    out.sort(key=lambda r: r["id"])
    with args.out.open("w", encoding="utf-8") as f:
        for rec in out:
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    n = sum(len(r["events"]) for r in out)
    print(f"{len(out)} articles, {n} events written to {args.out}; {dropped} left out")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
