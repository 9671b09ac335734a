"""Event counts per period, the time series forecasting models read: by day, ISO week (from Monday) or
month, overall or per group, with a row for every period between the first and the last (zero when
nothing happened) for every group.

- A period is labelled by its first day. An event counts on its date's first day (`events.event_date`);
  events dated less precisely than the period (a month-precise date in daily counts) are left out, as are
  undated events: `CountsResult` says how many.
- Groups: ``type`` (PLOVER type), ``quadclass`` (CAMEO QuadClass 1-4 of the event's CAMEO code, see
  `export.cameo`), ``country`` (where the event took place; events without a known place are left out),
  ``dyad`` (``source`` and ``target``: the countries of the actors and of the recipients; an event counts
  once in each of its country pairs, including a country with itself; events lacking a country on either
  side are left out).
- Periods run from the first to the last period of the counted events, widened to `since` and `until`
  when they are given.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import pyarrow as pa

from eventwire.export.cameo import cameo_event, cameo_types

BUCKETS = ("day", "week", "month")
GROUPS = ("country", "dyad", "type", "quadclass")
# The date precisions each period can place.
_PLACED = {"day": ("day",), "week": ("day", "week"), "month": ("day", "week", "month")}
_GROUP_COLUMNS: dict[str | None, tuple[tuple[str, pa.DataType], ...]] = {
    None: (),
    "country": (("country", pa.string()),),
    "dyad": (("source", pa.string()), ("target", pa.string())),
    "type": (("type", pa.string()),),
    "quadclass": (("quadclass", pa.int32()),),
}


@dataclass
class CountsResult:
    table: pa.Table  # period, the group's columns, count
    matched: int  # events matching the filters
    undated: int  # left out: no date
    imprecise: int  # left out: dated less precisely than the period
    ungrouped: int  # left out: no value for the group (no place, no country on a side, no CAMEO code)

    @property
    def counted(self) -> int:
        return self.matched - self.undated - self.imprecise - self.ungrouped


def schema(group: str | None) -> pa.Schema:
    return pa.schema([("period", pa.date32()), *_GROUP_COLUMNS[group], ("count", pa.int64())])


def _start(bucket: str, day: dt.date) -> dt.date:
    if bucket == "week":
        return day - dt.timedelta(days=day.weekday())
    if bucket == "month":
        return day.replace(day=1)
    return day


def event_counts(
    con: Any,
    bucket: str,
    group: str | None = None,
    where: str = "",
    params: Sequence[Any] = (),
    since: dt.date | None = None,
    until: dt.date | None = None,
) -> CountsResult:
    """Counts of the events of `con` (a store connection) matching `where` (" WHERE ..." with `params`, as
    `EventFilter.where` gives), per `bucket` period and `group`."""
    if bucket not in BUCKETS:
        raise ValueError(f"bucket must be one of {', '.join(BUCKETS)}, got {bucket!r}")
    if group is not None and group not in GROUPS:
        raise ValueError(f"group must be one of {', '.join(GROUPS)}, got {group!r}")
    params = list(params)
    placed = ", ".join(f"'{p}'" for p in _PLACED[bucket])
    dated = f"event_date IS NOT NULL AND coalesce(date_precision, 'day') IN ({placed})"
    row = con.execute(
        f"SELECT count(*), count(*) FILTER (WHERE event_date IS NULL), count(*) FILTER (WHERE NOT ({dated}))"
        f" FROM events{where}",
        params,
    ).fetchall()[0]
    matched, undated, not_dated = (int(x) for x in row)
    imprecise = not_dated - undated
    ev = (
        f"SELECT CAST(date_trunc('{bucket}', event_date) AS DATE) AS period, type, mode, context,"
        f" place_country, actor_countries, recipient_countries FROM (SELECT * FROM events{where}) e"
        f" WHERE {dated}"
    )
    try:
        keyed, names = _grouped(con, group, ev, params)
        return _count(con, bucket, group, ev, params, keyed, names, since, until, matched, undated, imprecise)
    finally:
        if group == "quadclass":
            con.unregister("_eventwire_quad")


def _count(
    con: Any,
    bucket: str,
    group: str | None,
    ev: str,
    params: list[Any],
    keyed: str,
    names: list[str],
    since: dt.date | None,
    until: dt.date | None,
    matched: int,
    undated: int,
    imprecise: int,
) -> CountsResult:
    first, last = con.execute(f"SELECT min(period), max(period) FROM ({ev})", params).fetchall()[0]
    ungrouped_row = con.execute(
        f"SELECT count(*) FROM ({ev}) e WHERE NOT ({_has_group(group)})", params
    ).fetchall()[0]
    ungrouped = int(ungrouped_row[0])
    if since is not None:
        first = min(first, _start(bucket, since)) if first else _start(bucket, since)
    if until is not None:
        last = max(last, _start(bucket, until)) if last else _start(bucket, until)
    out_schema = schema(group)
    if first is None or last is None or first > last:
        return CountsResult(out_schema.empty_table(), matched, undated, imprecise, ungrouped)
    step = {"day": "INTERVAL 1 DAY", "week": "INTERVAL 7 DAY", "month": "INTERVAL 1 MONTH"}[bucket]
    periods = (
        "SELECT CAST(generate_series AS DATE) AS period"
        f" FROM generate_series(CAST(? AS TIMESTAMP), CAST(? AS TIMESTAMP), {step})"
    )
    counted = f"SELECT period{''.join(', ' + n for n in names)}, count(*) AS n FROM ({keyed}) GROUP BY ALL"
    if names:
        cols = ", ".join(f"k.{n}" for n in names)
        join = " AND ".join(f"c.{n} = k.{n}" for n in names)
        sql = f"""
            WITH counted AS ({counted}), periods AS ({periods}),
                 keys AS (SELECT DISTINCT {", ".join(names)} FROM counted)
            SELECT p.period, {cols}, coalesce(c.n, 0) AS count
            FROM periods p CROSS JOIN keys k
            LEFT JOIN counted c ON c.period = p.period AND {join}
            ORDER BY {cols}, p.period
        """
    else:
        sql = f"""
            WITH counted AS ({counted}), periods AS ({periods})
            SELECT p.period, coalesce(c.n, 0) AS count
            FROM periods p LEFT JOIN counted c ON c.period = p.period ORDER BY p.period
        """
    table = con.sql(sql, params=[*params, first, last]).to_arrow_table()
    table = table.rename_columns(out_schema.names).cast(out_schema)
    return CountsResult(table, matched, undated, imprecise, ungrouped)


def _has_group(group: str | None) -> str:
    if group == "country":
        return "place_country IS NOT NULL"
    if group == "dyad":
        return "len(actor_countries) > 0 AND len(recipient_countries) > 0"
    if group == "quadclass":
        types = sorted(cameo_types())
        assert all(t.isalpha() for t in types)
        return f"list_contains([{', '.join(repr(t) for t in types)}], type)"
    return "true"


def _grouped(con: Any, group: str | None, ev: str, params: list[Any]) -> tuple[str, list[str]]:
    """A query of (period, the group's columns) rows over `ev`, and the names of the group's columns."""
    if group is None:
        return f"SELECT period FROM ({ev})", []
    if group == "type":
        return f"SELECT period, type FROM ({ev})", ["type"]
    if group == "country":
        return f"SELECT period, place_country AS country FROM ({ev}) WHERE place_country IS NOT NULL", [
            "country"
        ]
    if group == "dyad":
        sql = f"""
            SELECT period, source, unnest(recipient_countries) AS target FROM (
                SELECT period, unnest(actor_countries) AS source, recipient_countries FROM ({ev})
            )
        """
        return sql, ["source", "target"]
    # quadclass: from the CAMEO code of each type, mode and context present
    combos = con.execute(f"SELECT DISTINCT type, mode, context FROM ({ev})", params).fetchall()
    keys, quads = [], []
    for etype, mode, context in combos:
        cameo = cameo_event(etype, mode, context or ())
        if cameo is not None:
            keys.append(_combo_key(etype, mode, context or ()))
            quads.append(cameo.quad_class)
    con.register(
        "_eventwire_quad", pa.table({"k": pa.array(keys, pa.string()), "q": pa.array(quads, pa.int32())})
    )
    key_sql = (
        "type || '|' || coalesce(mode, '') || '|' || array_to_string(coalesce(context, []::VARCHAR[]), ',')"
    )
    return (
        f"SELECT e.period, q.q AS quadclass FROM ({ev}) e JOIN _eventwire_quad q ON q.k = {key_sql}",
        ["quadclass"],
    )


def _combo_key(etype: str, mode: str | None, context: Sequence[str]) -> str:
    return f"{etype}|{mode or ''}|{','.join(context)}"
