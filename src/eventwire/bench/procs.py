"""Processes and their resident memory, read from /proc (Linux), for benchmarks that watch a command run."""

from __future__ import annotations

import os


def process_tree(pid: int) -> list[int]:
    """`pid` and its descendants (children started by any of its threads), `pid` first."""
    out, todo, seen = [], [pid], {pid}
    while todo:
        p = todo.pop()
        out.append(p)
        try:
            threads = os.listdir(f"/proc/{p}/task")
        except OSError:
            continue
        for t in threads:
            try:
                with open(f"/proc/{p}/task/{t}/children", encoding="ascii") as fh:
                    kids = [int(c) for c in fh.read().split()]
            except OSError:
                continue
            for k in kids:
                if k not in seen:
                    seen.add(k)
                    todo.append(k)
    return out


def rss_mb(pid: int) -> float:
    """Resident memory of a process in MB; 0 once it is gone or where /proc is not readable."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0
