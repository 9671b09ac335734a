"""Cost of story clustering as the stream grows: time and peak memory at 10k, 50k and 100k articles.

Articles are synthesised by recombining real text (the Wikinews sample and ECB+ documents in ../shared):
each synthetic happening takes sentences from one source document, gets participants, a place, numbers
and a date of its own, and is reported by a few articles a few days apart, each with a sentence or two
borrowed from elsewhere. Every size runs in a fresh process, so peak memory is that size's alone.

    python benchmarks/stories_bench.py                       # 10k, 50k, 100k; a table and the fit
    python benchmarks/stories_bench.py --sizes 2000 --json   # one JSON object

Reported: features + clustering seconds (CPU time of the process, steady on a shared machine), clustering
alone, articles/s, peak RSS, stories made, B-cubed
F1 against the synthetic happenings, and the exponent b of time ~ n^b fitted over the sizes (1 is
linear; n log n over 10k-100k fits as about 1.1).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import random
import re
import resource
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SOURCES = [SHARED / "corpus" / "wikinews.jsonl", SHARED / "eval" / "ecbplus" / "dev.jsonl"]
_SENT = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])|\n+")
_CAP = re.compile(r"\b[A-Z][a-z]{3,}\b")
_SWAP = re.compile(r"(?<!^)(?<![.!?] )\b(?:[A-Z][a-z]{2,}|\d[\d,.]*\d|\d)\b")
TEMPLATES = [
    "{a} and {b} were at the centre of events in {place} on {month} {day}, {year}, officials said.",
    "{a} said on {month} {day} that {n} people were affected in {place}, and that {b} had been told.",
    "In {place}, {b} confirmed the figure of {n} given by {a} earlier in {year}.",
]
MONTHS = "January February March April May June July August September October November December".split()


def load_corpus() -> tuple[list[list[str]], list[str]]:
    docs: list[list[str]] = []
    words: set[str] = set()
    for path in SOURCES:
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                text = json.loads(line)["text"]
                sents = [s.strip() for s in _SENT.split(text) if len(s.strip()) > 40]
                if len(sents) >= 3:
                    docs.append(sents)
                words.update(_CAP.findall(text))
    return docs, sorted(words)


def synthesise(n: int, seed: int = 7) -> Iterator[tuple[str, str, int, str]]:
    """(article_id, text, day ordinal, happening id) for n articles, in publication order."""
    rng = random.Random(seed)
    docs, words = load_corpus()
    start = dt.date(2015, 1, 1).toordinal()
    days = max(30, n // 60)  # about 60 articles a day
    pending: list[tuple[int, int, str]] = []
    made = 0
    happening = 0
    while made < n:
        # open happenings at a steady rate; each is reported 1-10 times (about 4 on average)
        while len(pending) < 64:
            k = min(10, 1 + int(rng.expovariate(1 / 3)))
            day0 = start + int(days * (happening * 4 / max(n, 1)))
            for j in range(k):
                pending.append((day0 + rng.randint(0, 3), happening, f"{happening}:{j}"))
            happening += 1
        pending.sort()
        day, h, key = pending.pop(0)
        hrng = random.Random(h * 7919 + seed)
        # A happening's own mix of three source documents, with its own participants and numbers: the
        # capitalised words and figures of the source sentences are swapped, the same way in each of its
        # reports, so happenings drawn from one source are of one kind but not one happening.
        base = [s for _ in range(3) for s in hrng.choice(docs)[:5]]
        swap: dict[str, str] = {}

        def own(m: re.Match[str], hrng: random.Random = hrng, swap: dict[str, str] = swap) -> str:
            w = m.group()
            if w not in swap:
                swap[w] = str(hrng.randint(12, 9999)) if w[0].isdigit() else hrng.choice(words)
            return swap[w]

        base = [_SWAP.sub(own, sent) for sent in base]
        facts = {
            "a": f"{hrng.choice(words)} {hrng.choice(words)}",
            "b": f"{hrng.choice(words)} {hrng.choice(words)}",
            "place": hrng.choice(words),
            "n": str(hrng.randint(12, 9999)),
            "month": MONTHS[(day // 30) % 12],
            "day": str(1 + day % 28),
            "year": str(dt.date.fromordinal(day).year),
        }
        arng = random.Random(hash(key) ^ seed)
        body = arng.sample(base, min(len(base), arng.randint(3, 8)))
        body.insert(0, TEMPLATES[arng.randrange(len(TEMPLATES))].format(**facts))
        other = docs[arng.randrange(len(docs))]
        body.insert(arng.randint(1, len(body)), other[arng.randrange(len(other))])
        yield f"a{made}", "\n".join(body), day, str(h)
        made += 1


def run_one(n: int) -> dict[str, object]:
    from eventwire.dedup.config import StoryConfig
    from eventwire.dedup.features import text_features
    from eventwire.dedup.index import StoryIndex
    from eventwire.dedup.metrics import bcubed

    articles = list(synthesise(n))  # generated before timing: the cost measured is ours alone
    base_rss = _rss_mb()
    index = StoryIndex(StoryConfig())
    gold: dict[str, str] = {}
    pred: dict[str, str] = {}
    t_feat = t_index = 0.0
    tenth = max(1, n // 10)
    chunks: list[float] = []
    for i, (article_id, text, day, happening) in enumerate(articles, 1):
        t0 = time.process_time()
        feats = text_features(text)
        t1 = time.process_time()
        got = index.add(article_id, feats, day)
        t_index += time.process_time() - t1
        t_feat += t1 - t0
        gold[article_id] = happening
        pred[article_id] = got.story_id
        if i % tenth == 0:
            chunks.append(round(t_index - sum(chunks), 2))
    _, _, f1 = bcubed(gold, pred)
    return {
        "n_articles": n,
        "seconds_total": round(t_feat + t_index, 2),
        "seconds_clustering": round(t_index, 2),
        "articles_per_s": round(n / (t_feat + t_index), 1),
        "peak_rss_mb": round(_rss_mb(), 1),
        "rss_growth_mb": round(_rss_mb() - base_rss, 1),
        "n_stories": index.n_stories,
        "n_happenings": len(set(gold.values())),
        "bcubed_f1": round(f1, 4),
        # clustering CPU seconds for each tenth of the stream: flat means constant work per article
        "clustering_s_per_tenth": chunks,
    }


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def fit_exponent(ns: list[int], ts: list[float]) -> float:
    """Least-squares slope of log t against log n."""
    xs, ys = [math.log(n) for n in ns], [math.log(t) for t in ts]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum((x - mx) ** 2 for x in xs)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 50_000, 100_000])
    ap.add_argument("--json", action="store_true", help="print one JSON object")
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one)))
        return
    rows = []
    for n in args.sizes:
        out = subprocess.run(
            [sys.executable, __file__, "--one", str(n)], check=True, capture_output=True, text=True
        )
        rows.append(json.loads(out.stdout))
        if not args.json:
            print(json.dumps(rows[-1]), file=sys.stderr)
    result: dict[str, object] = {"runs": rows}
    if len(rows) >= 2:
        ns = [int(r["n_articles"]) for r in rows]
        result["exponent_total"] = round(fit_exponent(ns, [float(r["seconds_total"]) for r in rows]), 3)
        result["exponent_clustering"] = round(
            fit_exponent(ns, [float(r["seconds_clustering"]) for r in rows]), 3
        )
    if args.json:
        print(json.dumps(result))
        return
    print("| articles | total s | clustering s | articles/s | peak RSS MB | stories | happenings | B3 F1 |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        cells = [f"{r['n_articles']:,}", r["seconds_total"], r["seconds_clustering"], r["articles_per_s"]]
        cells += [r["peak_rss_mb"], f"{r['n_stories']:,}", f"{r['n_happenings']:,}", r["bcubed_f1"]]
        print("| " + " | ".join(str(c) for c in cells) + " |")
    if "exponent_total" in result:
        b_total, b_index = result["exponent_total"], result["exponent_clustering"]
        print(f"\ntime ~ n^b: b = {b_total} (total), {b_index} (clustering)")


if __name__ == "__main__":
    main()
