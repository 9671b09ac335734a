"""`eventwire counts`: zero-filled time series per period and group, from real DuckDB stores."""

from __future__ import annotations

import csv
import datetime as dt
import io
import itertools
from collections import Counter
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from eventwire.cli.main import app
from eventwire.export.cameo import cameo_event
from eventwire.export.counts import event_counts
from eventwire.models import Article, CodedArticle, Entity, Event, Evidence, Location, Segment, Trigger
from eventwire.store.duck import EventFilter, EventStore
from eventwire.store.rows import date_of

runner = CliRunner()
KEN = Location("Nairobi", 184745, "KEN", -1.28, 36.82)
SOM = Location("Mogadishu", 53654, "SOM", 2.04, 45.34)


def _e(
    n: int,
    etype: str,
    date: str | None,
    precision: str | None,
    actors: list[Entity],
    recipients: list[Entity],
    place: Location | None,
    mode: str | None = None,
    modality: str = "asserted",
) -> Event:
    return Event(
        event_id=f"e{n}",
        article_id=f"a{n}",
        type=etype,
        mode=mode,
        context=[],
        actors=actors,
        recipients=recipients,
        date=date,
        date_precision=precision,
        location=place,
        modality=modality,
        attributed_to=None,
        evidence=Evidence(f"Event {n}.", 0, 8),
        confidence=0.8,
        trigger=Trigger("x", "x", 0, 1, "test"),
        pipeline_version="test",
    )


def _actor(country: str, sector: str | None = None) -> Entity:
    return Entity(country, country, country, sector)


EVENTS = [
    _e(1, "PROTEST", "2024-01-01", "day", [_actor("KEN", "CVL")], [_actor("KEN", "GOV")], KEN, "demo"),
    _e(2, "ASSAULT", "2024-01-03", "day", [_actor("SOM", "REB")], [_actor("KEN", "MIL")], SOM, "firearms"),
    _e(
        3,
        "CONSULT",
        "2024-01-17",
        "day",
        [Entity("US and UK", members=(_actor("USA", "GOV"), _actor("GBR", "GOV")))],
        [_actor("FRA", "GOV")],
        None,
    ),
    _e(4, "AGREE", "2024-02", "month", [_actor("KEN")], [_actor("ETH")], None),
    _e(5, "COERCE", "2024-W05", "week", [_actor("KEN", "COP")], [_actor("KEN", "CVL")], KEN, "arrest"),
    _e(6, "PROTEST", None, None, [_actor("KEN", "CVL")], [], KEN),
    _e(7, "PROTEST", "2024-01-03", "day", [_actor("KEN", "CVL")], [], KEN, modality="negated"),
]


@pytest.fixture(scope="module")
def made_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("counts") / "made.duckdb"
    coded = []
    for e in EVENTS:
        text = f"Article of event {e.event_id}."
        coded.append(CodedArticle(Article(e.article_id, text, segments=[Segment("body", 0, len(text))]), [e]))
    with EventStore(path) as store:
        store.write_batch(coded)
    return path


def _series(db: Path, bucket: str, group: str | None = None, **flt: object) -> tuple[dict, object]:
    flt.setdefault("modality", "asserted")
    since, until = flt.pop("since_date", None), flt.pop("until_date", None)
    where, params = EventFilter(**flt).where()  # type: ignore[arg-type]
    with EventStore(db, read_only=True) as store:
        result = event_counts(store.con, bucket, group, where, params, since=since, until=until)  # type: ignore[arg-type]
    series: dict[tuple, list[int]] = {}
    for row in result.table.to_pylist():
        key = tuple(v for k, v in row.items() if k not in ("period", "count"))
        series.setdefault(key, []).append(row["count"])
    return series, result


def test_daily_totals_are_zero_filled(made_db: Path) -> None:
    series, result = _series(made_db, "day")
    days = result.table.column("period").to_pylist()  # type: ignore[attr-defined]
    assert days == [dt.date(2024, 1, 1) + dt.timedelta(days=i) for i in range(17)]
    assert series[()] == [1, 0, 1] + [0] * 13 + [1]
    assert (result.matched, result.undated, result.imprecise, result.ungrouped) == (6, 1, 2, 0)  # type: ignore[attr-defined]
    with_negated, _ = _series(made_db, "day", modality=None)
    assert with_negated[()][:3] == [1, 0, 2]


def test_weekly_and_monthly_totals(made_db: Path) -> None:
    weeks, result = _series(made_db, "week")
    assert result.table.column("period").to_pylist()[0] == dt.date(2024, 1, 1)  # type: ignore[attr-defined]
    assert weeks[()] == [2, 0, 1, 0, 1]  # the week-precise event counts in the week of 2024-01-29
    assert result.imprecise == 1  # type: ignore[attr-defined]
    months, _ = _series(made_db, "month")
    assert months[()] == [4, 1]


def test_groups(made_db: Path) -> None:
    by_country, result = _series(made_db, "week", "country")
    assert by_country == {("KEN",): [1, 0, 0, 0, 1], ("SOM",): [1, 0, 0, 0, 0]}
    assert result.ungrouped == 1  # type: ignore[attr-defined]  # the consultation has no place
    by_dyad, _ = _series(made_db, "month", "dyad")
    assert by_dyad == {
        ("GBR", "FRA"): [1, 0],
        ("KEN", "ETH"): [0, 1],
        ("KEN", "KEN"): [2, 0],
        ("SOM", "KEN"): [1, 0],
        ("USA", "FRA"): [1, 0],
    }
    by_quad, _ = _series(made_db, "month", "quadclass")
    assert by_quad == {(1,): [1, 1], (4,): [3, 0]}
    by_type, _ = _series(made_db, "month", "type", type=("PROTEST", "ASSAULT"))
    assert by_type == {("ASSAULT",): [1], ("PROTEST",): [1]}


def test_since_and_until_widen_the_periods(made_db: Path) -> None:
    series, result = _series(
        made_db,
        "week",
        "type",
        since="2023-12-20",
        until="2024-02-14",
        since_date=dt.date(2023, 12, 20),
        until_date=dt.date(2024, 2, 14),
    )
    periods = sorted(set(result.table.column("period").to_pylist()))  # type: ignore[attr-defined]
    assert periods[0] == dt.date(2023, 12, 18) and periods[-1] == dt.date(2024, 2, 12) and len(periods) == 9
    assert series[("PROTEST",)] == [0, 0, 1, 0, 0, 0, 0, 0, 0]
    assert all(len(v) == 9 for v in series.values())


def test_counts_command_csv_and_parquet(made_db: Path, tmp_path: Path) -> None:
    res = runner.invoke(app, ["counts", "--db", str(made_db), "--by", "week", "--group", "country"])
    assert res.exit_code == 0, res.output
    assert res.stdout.splitlines() == [
        "period,country,count",
        "2024-01-01,KEN,1",
        "2024-01-08,KEN,0",
        "2024-01-15,KEN,0",
        "2024-01-22,KEN,0",
        "2024-01-29,KEN,1",
        "2024-01-01,SOM,1",
        "2024-01-08,SOM,0",
        "2024-01-15,SOM,0",
        "2024-01-22,SOM,0",
        "2024-01-29,SOM,0",
    ]
    assert "3 of 6 events counted" in res.stderr and "1 undated" in res.stderr
    out = tmp_path / "counts.parquet"
    args = [
        "counts",
        "--db",
        str(made_db),
        "--by",
        "month",
        "--group",
        "quadclass",
        "-f",
        "parquet",
        "-o",
        str(out),
    ]
    res = runner.invoke(app, args)
    assert res.exit_code == 0, res.output
    table = pq.read_table(out)
    assert table.schema == pa.schema(
        [("period", pa.date32()), ("quadclass", pa.int32()), ("count", pa.int64())]
    )
    assert table.column("count").to_pylist() == [1, 1, 3, 0]
    for bad in (["--by", "year"], ["--group", "actor"], ["--format", "parquet"], ["--since", "soon"]):
        res = runner.invoke(app, ["counts", "--db", str(made_db), *bad])
        assert res.exit_code == 2, (bad, res.output)


def _expected(events: list[Event], bucket: str, group: str | None) -> Counter[tuple]:
    """Counts computed without SQL, from the events the pipeline stored."""
    placed = {"day": ("day",), "week": ("day", "week"), "month": ("day", "week", "month")}[bucket]
    out: Counter[tuple] = Counter()
    for e in events:
        day = date_of(e.date)
        if day is None or (e.date_precision or "day") not in placed:
            continue
        if bucket == "week":
            day -= dt.timedelta(days=day.weekday())
        elif bucket == "month":
            day = day.replace(day=1)
        if group is None:
            out[(day,)] += 1
        elif group == "type":
            out[(day, e.type)] += 1
        elif group == "country" and e.location and e.location.country:
            out[(day, e.location.country)] += 1
        elif group == "quadclass":
            code = cameo_event(e.type, e.mode, e.context)
            assert code is not None
            out[(day, code.quad_class)] += 1
        elif group == "dyad":
            sources = sorted({c for a in e.actors for c in a.countries})
            targets = sorted({c for r in e.recipients for c in r.countries})
            for s in sources:
                for t in targets:
                    out[(day, s, t)] += 1
    return out


@pytest.mark.parametrize("bucket", ["day", "week", "month"])
@pytest.mark.parametrize("group", [None, "country", "dyad", "type", "quadclass"])
def test_counts_of_coded_articles(coded_db: Path, bucket: str, group: str | None) -> None:
    with EventStore(coded_db, read_only=True) as store:
        events = store.events(EventFilter(modality="asserted"))
    expected = _expected(events, bucket, group)
    assert expected, "the coded articles give dated events"
    args = ["counts", "--db", str(coded_db), "--by", bucket]
    res = runner.invoke(app, args + (["--group", group] if group else []))
    assert res.exit_code == 0, res.output
    rows = list(csv.DictReader(io.StringIO(res.stdout)))
    got: Counter[tuple] = Counter()
    for r in rows:
        key: list[object] = [dt.date.fromisoformat(r["period"])]
        key += [int(v) if k == "quadclass" else v for k, v in r.items() if k not in ("period", "count")]
        if int(r["count"]):
            got[tuple(key)] += int(r["count"])
    assert got == expected
    # zero-filled: each series has every period from the first event's to the last event's, once
    periods = sorted({d for d, *_ in expected})
    every = sorted({dt.date.fromisoformat(r["period"]) for r in rows})
    assert every[0] == periods[0] and every[-1] == periods[-1]
    step = {"day": 1, "week": 7}.get(bucket)
    if step:
        assert all((b - a).days == step for a, b in itertools.pairwise(every))
    else:
        assert all(
            (b.year * 12 + b.month) - (a.year * 12 + a.month) == 1 for a, b in itertools.pairwise(every)
        )
    per_group = Counter(tuple(v for k, v in r.items() if k not in ("period", "count")) for r in rows)
    assert set(per_group.values()) == {len(every)}
