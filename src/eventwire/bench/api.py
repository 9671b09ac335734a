"""API latency benchmark: a real server on 127.0.0.1, a fixed mix of requests, percentiles per endpoint.

Each request kind is sent `rounds` times with parameters drawn (from a fixed seed) from what the store
holds: event types, countries, places, words of evidence, dates, ids, and the cursor of a first page.
Requests go one at a time, so the figures are latencies, not throughput. Nothing leaves the machine.
"""

from __future__ import annotations

import http.client
import json
import random
import socket
import statistics
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

Params = dict[str, Any]


@dataclass
class Sample:
    """What one request kind sends: a path and a function that picks its parameters."""

    name: str
    path: Callable[[random.Random], str]
    params: Callable[[random.Random], Params] = field(default=lambda rng: {})


@dataclass
class Result:
    name: str
    times_ms: list[float]
    statuses: dict[int, int]

    def percentile(self, p: float) -> float:
        return _percentile(self.times_ms, p)

    def row(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "n": len(self.times_ms),
            "p50_ms": round(self.percentile(50), 1),
            "p95_ms": round(self.percentile(95), 1),
            "p99_ms": round(self.percentile(99), 1),
            "max_ms": round(max(self.times_ms), 1),
            "statuses": self.statuses,
        }


def _percentile(values: list[float], p: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    rank = max(1, min(len(ordered), round(p / 100 * len(ordered) + 0.5)))
    return ordered[rank - 1]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class _Response:
    status_code: int
    content: bytes

    def json(self) -> Any:
        return json.loads(self.content)


class _Client:
    """A keep-alive HTTP/1.1 client on the standard library, so the figures carry no client library."""

    def __init__(self, port: int) -> None:
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)

    def get(self, path: str, params: Params | None = None) -> _Response:
        query = urlencode(params or {}, doseq=True)
        self.conn.request("GET", f"{path}?{query}" if query else path)
        response = self.conn.getresponse()
        return _Response(response.status, response.read())

    def __enter__(self) -> _Client:
        return self

    def __exit__(self, *exc: object) -> None:
        self.conn.close()


def _samples(base: _Client) -> list[Sample]:
    """The request mix, with parameters drawn from the store behind `base`."""
    summary = base.get("/api/summary").json()
    types = [t["value"] for t in summary["types"]]
    first = summary["first_date"] or "2000-01-01"
    last = summary["last_date"] or "2000-12-31"
    page = base.get("/api/events", params={"limit": 1000, "sort": "confidence"}).json()["items"]
    event_ids = [e["event_id"] for e in page]
    article_ids = sorted({e["article_id"] for e in page})
    words = sorted({w.strip(".,").lower() for e in page for w in e["evidence"]["text"].split() if len(w) > 5})
    places = base.get("/api/places", params={"limit": 200}).json()["items"]
    actors = base.get("/api/actors", params={"limit": 200}).json()["items"]
    countries = sorted({a["country"] for a in actors if a["country"]}) or ["USA"]
    names = [a["name"] for a in actors if a["name"]] or ["x"]
    cursor = base.get("/api/events").json()["next_cursor"]

    def day(rng: random.Random) -> tuple[str, str]:
        import datetime as dt

        a, b = dt.date.fromisoformat(first), dt.date.fromisoformat(last)
        start = a + dt.timedelta(days=rng.randrange(max(1, (b - a).days)))
        return start.isoformat(), (start + dt.timedelta(days=rng.choice((7, 30, 90)))).isoformat()

    def dated(rng: random.Random) -> Params:
        since, until = day(rng)
        return {"since": since, "until": until}

    def box(rng: random.Random) -> Params:
        p = rng.choice(places) if places else {"lat": 0.0, "lon": 0.0}
        lon = min(max(p["lon"], -170.0), 170.0)
        lat = min(max(p["lat"], -80.0), 80.0)
        return {"bbox": f"{lon - 10},{lat - 10},{lon + 10},{lat + 10}"}

    return [
        Sample("events: first page", lambda r: "/api/events"),
        Sample(
            "events: type + country",
            lambda r: "/api/events",
            lambda r: {"type": r.choice(types), "country": r.choice(countries)},
        ),
        Sample(
            "events: text in evidence",
            lambda r: "/api/events",
            lambda r: {"text": r.choice(words) if words else "said"},
        ),
        Sample("events: actor name", lambda r: "/api/events", lambda r: {"actor": r.choice(names)[:8]}),
        Sample("events: date range", lambda r: "/api/events", dated),
        Sample("events: bounding box", lambda r: "/api/events", box),
        Sample(
            "events: sort by confidence",
            lambda r: "/api/events",
            lambda r: {"sort": r.choice(("confidence", "-confidence", "place"))},
        ),
        Sample(
            "events: next page (cursor)",
            lambda r: "/api/events",
            lambda r: {"cursor": cursor} if cursor else {},
        ),
        Sample(
            "events: csv, 1000 rows",
            lambda r: "/api/events",
            lambda r: {"format": "csv", "limit": 1000, "type": r.choice(types)},
        ),
        Sample(
            "events: plover, 200 rows", lambda r: "/api/events", lambda r: {"format": "plover", "limit": 200}
        ),
        Sample("event with evidence", lambda r: f"/api/events/{r.choice(event_ids)}"),
        Sample("article", lambda r: f"/api/articles/{r.choice(article_ids)}"),
        Sample("actors", lambda r: "/api/actors"),
        Sample("actors: filtered", lambda r: "/api/actors", lambda r: {"type": r.choice(types), **dated(r)}),
        Sample("timeline: auto", lambda r: "/api/stats/timeline"),
        Sample(
            "timeline: day, by type",
            lambda r: "/api/stats/timeline",
            lambda r: {"bucket": "day", "type": r.choice(types)},
        ),
        Sample("network: countries", lambda r: "/api/network"),
        Sample("network: actors", lambda r: "/api/network", lambda r: {"node": "actor"}),
        Sample("network: filtered", lambda r: "/api/network", lambda r: {"country": r.choice(countries)}),
        Sample("places", lambda r: "/api/places"),
        Sample("places: filtered", lambda r: "/api/places", lambda r: {"type": r.choice(types), **dated(r)}),
        Sample("summary", lambda r: "/api/summary"),
    ]


def run_benchmark(db: str | Path, rounds: int = 30, warmup: int = 2, seed: int = 7) -> dict[str, Any]:
    """Serve `db` on a free loopback port and time `rounds` requests of each kind, after a warm-up."""
    import uvicorn

    from eventwire.serve import create_app

    started = time.perf_counter()
    app = create_app(db)
    startup_s = time.perf_counter() - started
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline:
            raise RuntimeError("the server did not start")
        time.sleep(0.05)
    rng = random.Random(seed)
    results: list[Result] = []
    try:
        with _Client(port) as client:
            n_events = int(client.get("/api/summary").json()["events"])
            for sample in _samples(client):
                times: list[float] = []
                statuses: dict[int, int] = {}
                for i in range(warmup + rounds):
                    path, params = sample.path(rng), sample.params(rng)
                    t0 = time.perf_counter()
                    response = client.get(path, params=params)
                    elapsed = (time.perf_counter() - t0) * 1000
                    if i >= warmup:
                        times.append(elapsed)
                        statuses[response.status_code] = statuses.get(response.status_code, 0) + 1
                results.append(Result(sample.name, times, statuses))
    finally:
        server.should_exit = True
        thread.join(10)
    everything = [t for r in results for t in r.times_ms]
    return {
        "database": str(db),
        "events": n_events,
        "startup_s": round(startup_s, 2),
        "rounds": rounds,
        "endpoints": [r.row() for r in results],
        "overall": {
            "n": len(everything),
            "p50_ms": round(_percentile(everything, 50), 1),
            "p95_ms": round(_percentile(everything, 95), 1),
            "p99_ms": round(_percentile(everything, 99), 1),
            "mean_ms": round(statistics.fmean(everything), 1),
        },
    }


def _line(cells: list[str]) -> str:
    return "| " + cells[0].ljust(34) + " | " + " | ".join(c.rjust(7) for c in cells[1:]) + " |"


def format_report(report: dict[str, Any]) -> str:
    keys = ("p50_ms", "p95_ms", "p99_ms", "max_ms")
    lines = [
        f"{report['events']:,} events in {report['database']}; app start-up (open + actor index) "
        f"{report['startup_s']} s; {report['rounds']} requests per kind, one at a time",
        "",
        _line(["request", "p50 ms", "p95 ms", "p99 ms", "max ms"]),
        "|" + "-" * 36 + ("|" + "-" * 9) * 4 + "|",
    ]
    for row in report["endpoints"]:
        bad = {k: v for k, v in row["statuses"].items() if int(k) != 200}
        name = row["name"] + (f" (non-200: {bad})" if bad else "")
        lines.append(_line([name, *(str(row[k]) for k in keys)]))
    o = report["overall"]
    lines.append(_line([f"all {o['n']} requests", str(o["p50_ms"]), str(o["p95_ms"]), str(o["p99_ms"]), ""]))
    return "\n".join(lines)
