"""API latency on a store of synthetic events: `python benchmarks/serve_api.py [--events 100000]`.

Builds `benchmarks/out/serve_<N>.duckdb` once (a fixed seed, so every run sees the same store), serves
it on 127.0.0.1 and prints p50/p95/p99 per request kind; `--json` prints the raw figures.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from eventwire.bench.api import format_report, run_benchmark
from eventwire.bench.synthetic import build_synthetic_db

OUT = Path(__file__).resolve().parent / "out"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000, help="synthetic events in the store")
    parser.add_argument("--db", type=Path, help="benchmark this store instead of a synthetic one")
    parser.add_argument("--rounds", type=int, default=30, help="timed requests of each kind")
    parser.add_argument("--rebuild", action="store_true", help="make the synthetic store again")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    db = args.db
    if db is None:
        OUT.mkdir(exist_ok=True)
        db = OUT / f"serve_{args.events}.duckdb"
        if args.rebuild or not db.exists():
            started = time.perf_counter()
            n = build_synthetic_db(db, args.events)
            print(f"built {db} with {n:,} events in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    report = run_benchmark(db, rounds=args.rounds)
    print(json.dumps(report, indent=2) if args.json else format_report(report))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
