"""Build the newswire time set (src/eventwire/eval/data/time_newswire.jsonl) from the annotation batches.

Usage:
  python scripts/build_time_newswire.py sheets OUTDIR      worksheets to annotate from (text, DCT calendar,
                                                           candidate words marked by a generic pattern)
  python scripts/build_time_newswire.py build [--check]    merge annotations/time/*.txt into the shipped set;
                                                           --check lists candidates no annotation covers

The documents: 40 Voice of America stories of the project's VOA corpus, the first 40 by a hash of their id,
and 20 Wikinews articles: the project's Wikinews articles in the order of the same hash, keeping the first
20 whose publication date could be read from the published article (`WIKINEWS_DATES`). Annotation follows
docs/time-annotation-guidelines.md.

An annotation batch is plain text. `== DOC_ID` starts a document; each following line is
`PHRASE<TAB>TYPE<TAB>VALUE[<TAB>MOD]` in text order. PHRASE is the timex as written, or the timex in
square brackets with words around it to pick one occurrence ("said [Monday] that"); each phrase is looked
for after the previous one. A line `-<TAB>WORDS` records a candidate read and judged not a time expression.
Lines starting with `#` are comments.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "corpus"
VOA = SHARED / "voa" / "voa_dev.jsonl"
WIKINEWS = SHARED / "wikinews.jsonl"
ANNOTATIONS = ROOT / "annotations" / "time"
OUT = ROOT / "src" / "eventwire" / "eval" / "data" / "time_newswire.jsonl"
N_VOA = 40

VOA_CREDIT = "Voice of America (voanews.com)"
VOA_LICENSE = "public domain (work of the US government); credit Voice of America (voanews.com)"
WIKINEWS_LICENSE = "CC BY 2.5, Wikinews contributors"

#: Publication dates of the Wikinews articles, as printed at the top of each published article.
WIKINEWS_DATES = {
    "wikinews-132": "2010-08-20",
    "wikinews-041": "2009-11-20",
    "wikinews-073": "2005-09-29",
    "wikinews-225": "2013-02-25",
    "wikinews-121": "2009-09-11",
    "wikinews-107": "2006-01-05",
    "wikinews-086": "2005-09-01",
    "wikinews-141": "2006-07-10",
    "wikinews-165": "2009-02-22",
    "wikinews-015": "2006-04-02",
    "wikinews-172": "2005-05-11",
    "wikinews-196": "2006-05-31",
    "wikinews-043": "2009-11-25",
    "wikinews-173": "2007-09-20",
    "wikinews-116": "2010-05-06",
    "wikinews-037": "2009-04-26",
    "wikinews-089": "2009-09-04",
    "wikinews-143": "2006-10-13",
    "wikinews-033": "2006-08-04",
    "wikinews-111": "2007-12-12",
}

_MONTHS = (
    r"January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\."
)
_DAYS = r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_UNITS = r"seconds?|minutes?|hours?|days?|weeks?|weekends?|months?|years?|decades?|centur(?:y|ies)|quarters?"
_WORDS = (
    r"today|tonight|tomorrow|yesterday|now|nowadays|currently|recently|lately|soon|future|past|present|"
    r"ago|earlier|later|annual|annually|daily|weekly|monthly|yearly|biannual|morning|afternoon|evening|"
    r"night|overnight|noon|midday|midnight|dawn|dusk|spring|summer|autumn|fall|winter|season|era|"
    r"moment|period|term|fiscal|anniversary|Ramadan|Christmas|Easter|Eid|holiday"
)
#: A generic pattern of words that may head a time expression; it finds candidates, it decides nothing.
CANDIDATE = re.compile(
    rf"\b(?:{_MONTHS}|{_DAYS}|{_UNITS}|{_WORDS})\b|\b(?:1[89]|20)\d\d(?:s|'s)?\b|'\d0s\b|"
    r"\b\d{1,2}(?::\d\d)?\s*(?:a\.m\.|p\.m\.|am\b|pm\b|GMT|UTC)|\b\d{1,2}/\d{1,2}(?:/\d{2,4})?\b|"
    r"\b\w*(?:day|week|month|year|decade|centur|hour|minute|night|noon)\w*\b",
    re.IGNORECASE,
)


def _rank(doc_id: str) -> str:
    return hashlib.sha1(f"eventwire-time-newswire:{doc_id}".encode()).hexdigest()


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def selected_documents() -> list[dict[str, Any]]:
    """The 60 documents, each with doc_id, dct, text (headline, blank line, body) and its source's credit."""
    voa = [{**r, "doc_id": f"voa-{r['id']}"} for r in _read_jsonl(VOA)]
    voa.sort(key=lambda r: _rank(r["doc_id"]))
    docs = []
    for r in voa[:N_VOA]:
        docs.append(
            {
                "doc_id": r["doc_id"],
                "dct": r["published"][:10],
                "source": "Voice of America",
                "url": r["url"],
                "license": VOA_LICENSE,
                "credit": VOA_CREDIT,
                "text": f"{r['title'].strip()}\n\n{r['text'].strip()}\n",
            }
        )
    wiki = {r["id"]: r for r in _read_jsonl(WIKINEWS)}
    for doc_id in sorted(WIKINEWS_DATES, key=_rank):
        r = wiki[doc_id]
        docs.append(
            {
                "doc_id": doc_id,
                "dct": WIKINEWS_DATES[doc_id],
                "source": "Wikinews",
                "url": r["url"],
                "license": WIKINEWS_LICENSE,
                "credit": "Wikinews contributors",
                "text": f"{r['title'].strip()}\n\n{r['text'].strip()}\n",
            }
        )
    return docs


def _calendar(dct: date) -> str:
    """The DCT's week and the weeks around it, each day with its weekday and ISO week."""
    monday = dct - timedelta(days=dct.weekday())
    lines = []
    for w in range(-2, 2):
        start = monday + timedelta(weeks=w)
        year, week, _ = start.isocalendar()
        days = "  ".join(f"{(start + timedelta(days=i)):%a %m-%d}" for i in range(7))
        lines.append(f"  {year}-W{week:02d}: {days}")
    return "\n".join(lines)


def write_sheets(outdir: Path) -> None:
    outdir.mkdir(parents=True, exist_ok=True)
    for i, doc in enumerate(selected_documents()):
        dct = date.fromisoformat(doc["dct"])
        marked = CANDIDATE.sub(lambda m: f"⟦{m.group(0)}⟧", doc["text"])
        body = re.sub(r"([.!?][\"”’]?) (?=[A-Z“\"])", "\\1\n", marked)
        sheet = (
            f"== {doc['doc_id']}   DCT {doc['dct']} ({dct:%A}, ISO week {dct.isocalendar()[1]})\n"
            f"{_calendar(dct)}\n\n{body}\n"
        )
        (outdir / f"{i:02d}_{doc['doc_id']}.txt").write_text(sheet, encoding="utf-8")


def _parse_batches(paths: list[Path]) -> dict[str, list[list[str]]]:
    out: dict[str, list[list[str]]] = {}
    current: list[list[str]] | None = None
    for path in paths:
        for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            line = raw.rstrip()
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            if line.startswith("== "):
                doc_id = line[3:].split()[0]
                if doc_id in out:
                    raise SystemExit(f"{path}:{n}: {doc_id} annotated twice")
                current = out[doc_id] = []
                continue
            if current is None:
                raise SystemExit(f"{path}:{n}: annotation before any '== DOC_ID'")
            fields = line.split("\t")
            if fields[0] != "-" and len(fields) not in (3, 4):
                raise SystemExit(f"{path}:{n}: expected PHRASE, TYPE, VALUE[, MOD]: {line!r}")
            current.append(fields)
    return out


def _locate(text: str, phrase: str, cursor: int) -> tuple[int, int]:
    """Start and end of the bracketed (or whole) phrase, first occurrence at or after cursor."""
    m = re.fullmatch(r"(.*)\[(.+)\](.*)", phrase)
    left, core, right = (m.group(1), m.group(2), m.group(3)) if m else ("", phrase, "")
    edge_l = r"\b" if core[:1].isalnum() and not left else ""
    edge_r = r"\b" if core[-1:].isalnum() and not right else ""
    pattern = re.compile(edge_l + re.escape(left) + "(" + re.escape(core) + ")" + re.escape(right) + edge_r)
    found = pattern.search(text, cursor)
    if found is None:
        raise LookupError(phrase)
    return found.start(1), found.end(1)


def build(check: bool) -> int:
    docs = selected_documents()
    batches = _parse_batches(sorted(ANNOTATIONS.glob("*.txt")))
    unknown = set(batches) - {d["doc_id"] for d in docs}
    if unknown:
        raise SystemExit(f"annotations for documents not in the set: {sorted(unknown)}")
    records, problems, n_timex = [], 0, 0
    for doc in docs:
        lines = batches.get(doc["doc_id"])
        if lines is None:
            continue
        text, cursor, timexes, judged = doc["text"], 0, [], []
        for fields in lines:
            if fields[0] == "-":
                judged.append(fields[1] if len(fields) > 1 else "")
                continue
            try:
                start, end = _locate(text, fields[0], cursor)
            except LookupError:
                print(f"{doc['doc_id']}: not found after offset {cursor}: {fields[0]!r}", file=sys.stderr)
                problems += 1
                continue
            tx: dict[str, Any] = {
                "start": start,
                "end": end,
                "text": text[start:end],
                "type": fields[1],
                "value": fields[2],
            }
            if len(fields) == 4 and fields[3]:
                tx["mod"] = fields[3]
            if tx["type"] not in ("DATE", "TIME", "DURATION", "SET"):
                print(f"{doc['doc_id']}: bad type {tx}", file=sys.stderr)
                problems += 1
            timexes.append(tx)
            cursor = end
        if check:
            for m in CANDIDATE.finditer(text):
                covered = any(t["start"] <= m.start() < t["end"] for t in timexes)
                if not covered and not any(m.group(0).lower() in j.lower() for j in judged):
                    ctx = text[max(0, m.start() - 40) : m.end() + 40].replace("\n", " ")
                    print(f"{doc['doc_id']}: unannotated candidate {m.group(0)!r}: ...{ctx}...")
        n_timex += len(timexes)
        records.append({k: doc[k] for k in ("doc_id", "dct", "source", "url", "license", "credit", "text")})
        records[-1]["timexes"] = timexes
    OUT.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    print(f"{OUT.relative_to(ROOT)}: {len(records)} documents, {n_timex} time expressions", file=sys.stderr)
    return 1 if problems else 0


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    sheets = sub.add_parser("sheets")
    sheets.add_argument("outdir", type=Path)
    b = sub.add_parser("build")
    b.add_argument("--check", action="store_true")
    args = ap.parse_args(argv)
    if args.cmd == "sheets":
        write_sheets(args.outdir)
        return 0
    return build(args.check)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
