"""Memory while `eventwire ingest` streams a large JSON-lines file: it should stay flat.

    python benchmarks/stream_memory.py [--size-gb 1.0] [--workers 2] [--minutes 10] [--mode repeat|unique]

Makes a synthetic JSON-lines file under the system temporary folder from real text (the Wikinews sample
`../shared/corpus/wikinews.jsonl` and the ECB+ documents `../shared/eval/ecbplus/dev.jsonl`):
- `repeat`: the real articles over and over; the first copy of each is coded, every later line is read,
  recognised as stored and passed over, so the whole file goes through the reader and the skip stage;
- `unique`: each line made a new article (a numbered first line), so everything is coded; the run is
  stopped after `--minutes`.
The resident memory of the ingest process and of each worker is sampled every second; the report gives
it at the start, at each tenth of the run and at its peak, and the bytes of input read by then.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from eventwire.bench.procs import process_tree, rss_mb

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [
    ROOT.parent / "shared" / "corpus" / "wikinews.jsonl",
    ROOT.parent / "shared" / "eval" / "ecbplus" / "dev.jsonl",
]


def make_corpus(path: Path, size: int, unique: bool) -> int:
    texts = [
        json.loads(line)["text"] for src in SOURCES for line in src.open(encoding="utf-8") if line.strip()
    ]
    written = n = 0
    with path.open("w", encoding="utf-8") as fh:
        while written < size:
            for text in texts:
                body = f"Bulletin {n} of the wire service.\n{text}" if unique else text
                line = json.dumps({"id": n, "text": body}) + "\n"
                fh.write(line)
                written += len(line.encode())
                n += 1
                if written >= size:
                    break
    return n


def _read_bytes(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/io", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("rchar:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--size-gb", type=float, default=1.0)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--minutes", type=float, default=10.0)
    ap.add_argument("--mode", choices=["repeat", "unique"], default="repeat")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="eventwire-stream-") as tmp:
        corpus = Path(tmp) / "big.jsonl"
        lines = make_corpus(corpus, int(args.size_gb * 1e9), unique=args.mode == "unique")
        db = Path(tmp) / "big.duckdb"
        cmd = [str(Path(sys.executable).parent / "eventwire"), "ingest", str(corpus), "--db", str(db)]
        cmd += ["--workers", str(args.workers)]
        start = time.monotonic()
        log = (Path(tmp) / "ingest.log").open("wb")  # a file, not a pipe: warnings never block the run
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=log)
        samples: list[tuple[float, float, float, int]] = []  # seconds, main MB, largest worker MB, bytes read
        while proc.poll() is None and time.monotonic() - start < args.minutes * 60:
            pids = process_tree(proc.pid)
            workers = [rss_mb(p) for p in pids[1:]]
            samples.append(
                (
                    time.monotonic() - start,
                    rss_mb(proc.pid),
                    max(workers, default=0.0),
                    _read_bytes(proc.pid),
                )
            )
            time.sleep(1.0)
        finished = proc.poll() is not None
        if not finished:
            proc.terminate()
        proc.wait()
        log.close()
        err = (Path(tmp) / "ingest.log").read_bytes()
        size = corpus.stat().st_size
    tenth = max(1, len(samples) // 10)
    report = {
        "mode": args.mode,
        "file_bytes": size,
        "lines": lines,
        "workers": args.workers,
        "finished": finished,
        "seconds": round(samples[-1][0], 1) if samples else 0.0,
        "summary": err.decode().strip().splitlines()[-2:] if finished else [],
        "peak_main_mb": round(max(s[1] for s in samples), 1),
        "peak_worker_mb": round(max(s[2] for s in samples), 1),
        "timeline": [
            {"s": round(t, 0), "main_mb": round(m, 1), "worker_mb": round(w, 1), "read_mb": round(r / 1e6, 1)}
            for t, m, w, r in samples[::tenth]
        ],
    }
    print(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
