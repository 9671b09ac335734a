"""The CAMEO dyadic export: PLOVER type and mode to CAMEO codes, actor codes, dyads, and the command."""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from eventwire.cli.main import app
from eventwire.events.lexicon import EVENT_TYPES
from eventwire.export import cameo
from eventwire.export.cameo import COLUMN_NAMES, GOLDSTEIN_BY_ROOT, actor_code, cameo_event, dyad_rows
from eventwire.models import Entity, Event, Evidence, Location, Trigger
from eventwire.store.duck import EventStore
from shared_data import ROOT, shared_file

runner = CliRunner()


@pytest.mark.parametrize(
    ("etype", "mode", "context", "code", "quad", "goldstein"),
    [
        ("ASSAULT", None, [], "180", 4, -9.0),
        ("ASSAULT", "firearms", [], "193", 4, -10.0),
        ("ASSAULT", None, ["military"], "190", 4, -10.0),
        ("ASSAULT", "aerial", [], "195", 4, -10.0),
        ("ASSAULT", "unconventional", [], "204", 4, -10.0),
        ("ASSAULT", "abduct", [], "180", 4, -9.0),  # 181 or 184: the base code
        ("PROTEST", "demo", [], "141", 4, -6.5),
        ("PROTEST", "strike", [], "143", 4, -6.5),
        ("COERCE", "arrest", [], "173", 4, -7.0),
        ("COERCE", "restrict", ["military"], "191", 4, -10.0),
        ("REQUEST", None, [], "100", 3, -5.0),
        ("ACCUSE", None, [], "110", 3, -2.0),
        ("ACCUSE", "investigate", [], "090", 3, -2.0),
        ("THREATEN", "violence", ["military"], "138", 3, -4.4),
        ("AGREE", None, [], "030", 1, 4.0),
        ("CONSULT", "visit", [], "040", 1, 1.0),
        ("CONSULT", "phone", [], "041", 1, 1.0),
        ("SUPPORT", None, ["diplomatic"], "050", 1, 3.5),
        ("COOPERATE", None, ["military"], "062", 2, 6.0),
        ("AID", None, ["humanitarian"], "073", 2, 7.0),
        ("RETREAT", "release", [], "0841", 2, 5.0),
        ("RETREAT", "resign", [], "0831", 2, 5.0),
        ("SANCTION", "convict", [], "116", 3, -2.0),
        ("SANCTION", "expel", [], "166", 4, -4.0),
        ("MOBILIZE", "troops", [], "150", 4, -7.2),
        ("CONCEDE", "ceasefire", [], "080", 2, 5.0),  # not a CONCEDE mode: the type's code
    ],
)
def test_cameo_codes(
    etype: str, mode: str | None, context: list[str], code: str, quad: int, goldstein: float
) -> None:
    got = cameo_event(etype, mode, context)
    assert got is not None
    assert (got.code, got.root, got.quad_class, got.goldstein) == (code, code[:2], quad, goldstein)


def test_every_plover_type_has_a_code() -> None:
    assert cameo_event("FOO") is None
    roots = set()
    for etype in EVENT_TYPES:
        got = cameo_event(etype)
        assert got is not None, etype
        roots.add(got.root)
    table = json.loads((ROOT / "src/eventwire/export/data/plover_to_cameo.json").read_text())
    assert "CC BY-SA 4.0" in table["notice"] or "Attribution-ShareAlike" in table["notice"]
    for entries in table["types"].values():
        for entry in entries.values():
            for code in [entry["code"], *entry["contexts"].values()]:
                assert 3 <= len(code) <= 4 and code.isdigit() and code[:2] in GOLDSTEIN_BY_ROOT
    assert set(GOLDSTEIN_BY_ROOT) == {f"{n:02d}" for n in range(1, 21)}
    assert [cameo.quad_class(f"{n:02d}") for n in (1, 5, 6, 8, 9, 13, 14, 20)] == [1, 1, 2, 2, 3, 3, 4, 4]


def test_generated_table_is_up_to_date() -> None:
    shared = shared_file("reference", "plover", "CAMEO2PLOVER-2021.txt").parents[2]
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import build_cameo_table
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    built = build_cameo_table.build(shared)
    shipped = json.loads((ROOT / "src/eventwire/export/data/plover_to_cameo.json").read_text())
    assert built == shipped, "run `python scripts/build_cameo_table.py`"


def test_actor_codes() -> None:
    assert actor_code(Entity("the White House", "White House", "USA", "GOV")) == "USAGOV"
    assert actor_code(Entity("Iranian troops", None, "IRN", "MIL")) == "IRNMIL"
    assert actor_code(Entity("Kenya", "Kenya", "KEN", None)) == "KEN"
    assert actor_code(Entity("police", None, None, "COP")) == "---COP"
    assert actor_code(Entity("the UN", "United Nations", "UNO", None)) == "IGOUNO"
    assert actor_code(Entity("Brussels", "European Union", "EUR", "GOV")) == "IGOEUREECGOV"
    assert actor_code(Entity("Pristina", None, "KOS", "GOV")) == "KSVGOV"
    assert actor_code(Entity("militia", None, "SDN", "PRM")) == "SDN"  # no CAMEO agent for PRM
    assert actor_code(Entity("someone")) is None


def _event(actors: list[Entity], recipients: list[Entity], **kw: object) -> Event:
    fields: dict[str, object] = {
        "event_id": "e1",
        "article_id": "a1",
        "type": "CONSULT",
        "mode": "visit",
        "context": [],
        "actors": actors,
        "recipients": recipients,
        "date": "2024-03",
        "date_precision": "month",
        "location": Location("Nairobi", 184745, "KEN", -1.28, 36.82),
        "modality": "asserted",
        "attributed_to": None,
        "evidence": Evidence("They met.", 0, 9),
        "confidence": 0.81234,
        "trigger": Trigger("met", "meet", 5, 8, "test"),
        "pipeline_version": "test",
    }
    fields.update(kw)
    return Event(**fields)  # type: ignore[arg-type]


def test_one_row_per_dyad() -> None:
    allies = Entity("US and UK", members=(Entity("US", None, "USA", "GOV"), Entity("UK", None, "GBR", "GOV")))
    hosts = [Entity("Kenya", "Kenya", "KEN", "GOV"), Entity("Ethiopia", "Ethiopia", "ETH", None)]
    articles = {"a1": {"url": "https://example.org/a1", "source": "Wire"}}
    rows = dyad_rows([_event([allies], hosts)], articles)
    assert [(r["SourceActorCode"], r["TargetActorCode"]) for r in rows] == [
        ("USAGOV", "KENGOV"),
        ("USAGOV", "ETH"),
        ("GBRGOV", "KENGOV"),
        ("GBRGOV", "ETH"),
    ]
    first = rows[0]
    assert list(first) == COLUMN_NAMES
    assert (first["EventCode"], first["EventRootCode"], first["QuadClass"], first["GoldsteinScore"]) == (
        "040",
        "04",
        1,
        1.0,
    )
    assert (first["Year"], first["Month"], first["Day"], first["DatePrecision"]) == (2024, 3, None, "month")
    assert (first["URL"], first["NewsSource"], first["CountryCode"], first["Confidence"]) == (
        "https://example.org/a1",
        "Wire",
        "KEN",
        0.812,
    )
    alone = dyad_rows([_event([Entity("police", None, None, "COP")], [], date=None, date_precision=None)], {})
    assert len(alone) == 1 and alone[0]["SourceActorCode"] == "---COP" and alone[0]["TargetActorText"] is None
    assert alone[0]["Date"] is None and alone[0]["URL"] is None


def _expected_rows(db: Path, modalities: set[str] | None) -> int:
    with EventStore(db, read_only=True) as store:
        events = [e for e in store.events() if modalities is None or e.modality in modalities]
    n_sources = [max(1, sum(len(a.flat()) for a in e.actors)) for e in events]
    n_targets = [max(1, sum(len(r.flat()) for r in e.recipients)) for e in events]
    return sum(s * t for s, t in zip(n_sources, n_targets, strict=True))


def test_export_cameo_command(coded_db: Path, tmp_path: Path) -> None:
    res = runner.invoke(app, ["export", "cameo", "--db", str(coded_db)])
    assert res.exit_code == 0, res.output
    rows = list(csv.DictReader(io.StringIO(res.stdout)))
    assert rows and list(rows[0]) == COLUMN_NAMES
    assert len(rows) == _expected_rows(coded_db, {"asserted"})
    assert {r["Modality"] for r in rows} == {"asserted"}
    with EventStore(coded_db, read_only=True) as store:
        events = {e.event_id: e for e in store.events()}
        urls = dict(store.con.execute("SELECT article_id, url FROM articles").fetchall())
    for r in rows:
        e = events[r["EventID"]]
        expected = cameo_event(e.type, e.mode, e.context)
        assert expected is not None
        assert (r["EventCode"], r["EventRootCode"]) == (expected.code, expected.root)
        assert int(r["QuadClass"]) == expected.quad_class and float(r["GoldsteinScore"]) == expected.goldstein
        assert r["URL"] == urls[e.article_id] and r["URL"].startswith("https://example.org/")
        assert r["Evidence"] == e.evidence.text
    arrests = [r for r in rows if r["PloverType"] == "COERCE" and r["PloverMode"] == "arrest"]
    assert arrests and arrests[0]["EventCode"] == "173" and arrests[0]["SourceActorCode"] == "KENCOP"
    assert arrests[0]["Date"] == "2024-03-04" and arrests[0]["Day"] == "4"

    everything = runner.invoke(app, ["export", "cameo", "--db", str(coded_db), "--all-modalities"])
    assert everything.exit_code == 0
    assert len(list(csv.DictReader(io.StringIO(everything.stdout)))) == _expected_rows(coded_db, None)

    out = tmp_path / "cameo.parquet"
    res = runner.invoke(app, ["export", "cameo", "--db", str(coded_db), "-f", "parquet", "-o", str(out)])
    assert res.exit_code == 0, res.output
    table = pq.read_table(out)
    assert table.column_names == COLUMN_NAMES and table.num_rows == len(rows)
    assert table.schema.field("Date").type == pa.date32()
    assert table.schema.field("QuadClass").type == pa.int32()
    assert table.schema.field("GoldsteinScore").type == pa.float64()
    assert table.column("EventID").to_pylist() == [r["EventID"] for r in rows]


def test_export_cameo_usage_errors(coded_db: Path) -> None:
    for args, word in (
        (["--format", "parquet"], "--output"),
        (["--type", "FOO"], "FOO"),
        (["--modality", "asserted", "--all-modalities"], "--all-modalities"),
    ):
        res = runner.invoke(app, ["export", "cameo", "--db", str(coded_db), *args])
        assert res.exit_code == 2 and word in res.output, (args, res.output)


def test_readme_documents_the_exports() -> None:
    readme = (ROOT / "README.md").read_text()
    assert "`eventwire export cameo" in readme and "`eventwire counts" in readme and "## Exports" in readme
