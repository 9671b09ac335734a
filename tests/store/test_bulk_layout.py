"""`store.duck` owns the connection and `store.bulk` only writes batches into one: no import cycle."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import duckdb

import eventwire.store.bulk as bulk
import eventwire.store.duck as duck
from eventwire.models import Article, CodedArticle, Reject, Segment
from eventwire.store.duck import EventStore


def _imports(module: object) -> set[str]:
    tree = ast.parse(Path(module.__file__).read_text(encoding="utf-8"))  # type: ignore[attr-defined]
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{a.name}" for a in node.names)
        elif isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
    return names


def test_bulk_does_not_import_duck() -> None:
    assert not any("store.duck" in name for name in _imports(bulk)), _imports(bulk)
    assert "eventwire.store.bulk" in _imports(duck)


def test_each_module_imports_alone() -> None:
    for module, absent in (("eventwire.store.bulk", "eventwire.store.duck"), ("eventwire.store.duck", None)):
        code = f"import sys, {module}; print({absent!r} in sys.modules if {absent!r} else 'ok')"
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
        assert out.stdout.strip() in ("False", "ok"), (module, out.stdout, out.stderr)


def _coded(n: int) -> CodedArticle:
    text = f"Article {n}: nothing happened."
    return CodedArticle(Article(f"art{n}", text, segments=[Segment("body", 0, len(text))]), [])


def test_bulk_writes_into_a_bare_connection(tmp_path: Path) -> None:
    path = tmp_path / "x.duckdb"
    EventStore(path).close()  # the schema is the store's
    con = duckdb.connect(str(path))
    try:
        assert [c.article.article_id for c in bulk.write_new(con, [_coded(1), _coded(2)])] == ["art1", "art2"]
        assert bulk.write_batch(con, [_coded(2), _coded(3)], [Reject("x.bin", "binary")]) == 1
        assert con.execute("SELECT count(*) FROM articles").fetchall() == [(3,)]
    finally:
        con.close()
    with EventStore(path) as store:
        assert store.write_new([_coded(3), _coded(4)]) == [_coded(4)]
        assert store.known_article_ids(["art1", "art9"]) == {"art1"}
        assert store.counts() == {"articles": 4, "events": 0, "rejects": 1}
