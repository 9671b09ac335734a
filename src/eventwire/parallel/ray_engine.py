"""`ingest --engine ray`: Ray Data over the same stage functions as the local runner.

1. read: `read_text` (JSON lines) and `read_binary_files` (other files), each row made an Article or a
   Reject by the project's readers;
2. code: `map_batches` on an actor pool, each actor loading the `Pipeline` once; articles already in the
   database are passed over;
3. write: Parquet shards, one row per input (`shards` says the columns), kept in `--out DIR` or in a
   temporary folder;
4. load (with `--db`): the shards are read back in batches and stored by the local runner's store stage,
   one transaction per batch, then clustered into stories.

Ray Data does not keep line numbers, so an article or reject from a JSON-lines file is named by its file
and a hash of its line (`file#1a2b3c4d5e6f`) where the local runner says `file:LINE`.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import asdict, replace
from functools import partial
from pathlib import Path
from typing import Any

from eventwire.config import Settings
from eventwire.errors import UsageError
from eventwire.ingest.readers import JSONL_SUFFIXES, _read_jsonl_lines, _text_article, iter_input_files
from eventwire.models import Article, Reject
from eventwire.parallel import shards
from eventwire.parallel.ray_local import driver_env, init_driver, local_head, require_ray
from eventwire.runner import IngestSummary

# Ray's read task needs room beside the actors on a small machine: half a CPU per actor.
ACTOR_CPUS = 0.5


def ingest_ray(
    paths: list[str],
    settings: Settings,
    *,
    db: Path | None,
    out: Path | None,
    address: str | None = None,
    actors: int = 1,
    warn: Callable[[str], None] | None = None,
    on_progress: Callable[[int, int], None] | None = None,
    on_stage: Callable[[str], None] | None = None,
) -> IngestSummary:
    """Code `paths` on Ray into Parquet shards (`out`, else a temporary folder) and load them into `db`.

    The Ray driver is a process of its own (`python -m eventwire.parallel.ray_engine JOB`), started with
    the settings Ray reads on import; this process only starts the local head and loads the shards.
    `on_stage` hears when coding on Ray starts and when loading does; `on_progress` (items, events) then
    hears each batch loaded, as the local runner reports its batches.
    """
    stage = on_stage or (lambda text: None)
    require_ray()
    files = [str(Path(f).resolve()) if f != "-" else f for f in iter_input_files(paths)]
    if "-" in files:
        raise UsageError("--engine ray reads files and folders, not stdin (-)")
    missing = [f for f in files if not Path(f).exists()]
    if missing:
        raise UsageError(f"no such file: {missing[0]}")
    with tempfile.TemporaryDirectory(prefix="eventwire-ray-") as scratch:
        target = Path(out).resolve() if out is not None else Path(scratch) / "shards"
        known = Path(scratch) / "known.txt"
        known.write_text("\n".join(sorted(_stored_ids(db))) if db is not None else "")
        job = Path(scratch) / "job.json"
        spec = {"files": files, "settings": asdict(settings), "target": str(target), "known": str(known)}
        stage("coding on Ray")
        if address is not None:
            _drive(job, {**spec, "address": address, "actors": actors}, driver_env())
        else:
            with local_head(max(2, os.cpu_count() or 2)) as (head, env):
                _drive(job, {**spec, "address": head, "actors": actors}, driver_env(env))
        stage("storing")
        if db is None:
            return shards.summarise(target, warn)
        return shards.load(target, db, settings, warn, on_progress)


def _drive(job: Path, spec: dict[str, Any], env: dict[str, str]) -> None:
    job.write_text(json.dumps(spec))
    proc = subprocess.run(
        [sys.executable, "-m", "eventwire.parallel.ray_engine", str(job)],
        env=env,
        capture_output=True,
        text=True,
    )
    if proc.returncode != 0:
        tail = "\n".join(proc.stderr.strip().splitlines()[-5:])
        raise RuntimeError(f"the Ray driver failed (exit {proc.returncode}):\n{tail}")


def main(job: str) -> None:
    """The driver process: join the cluster, run the read and code stages, write the shards."""
    spec = json.loads(Path(job).read_text())
    settings = Settings(**spec["settings"])
    known = frozenset(x for x in Path(spec["known"]).read_text().split("\n") if x)
    init_driver(spec["address"])
    import ray

    try:
        _run(spec["files"], settings, Path(spec["target"]), known, int(spec["actors"]))
    finally:
        ray.shutdown()


def _stored_ids(db: Path) -> frozenset[str]:
    if not Path(db).exists():
        return frozenset()
    from eventwire.store.duck import EventStore

    with EventStore(db, read_only=True) as store:
        rows = store.con.execute("SELECT article_id FROM articles").fetchall()
    return frozenset(r[0] for r in rows)


def _run(files: list[str], settings: Settings, target: Path, known: frozenset[str], actors: int) -> None:
    import ray
    import ray.data

    ctx = ray.data.DataContext.get_current()
    ctx.enable_progress_bars = False
    jsonl = [str(Path(f).resolve()) for f in files if f.endswith(JSONL_SUFFIXES)]
    other = [str(Path(f).resolve()) for f in files if not f.endswith(JSONL_SUFFIXES)]
    parts = []
    if jsonl:
        lines = ray.data.read_text(jsonl, include_paths=True, drop_empty_lines=True)
        parts.append(lines.map_batches(partial(read_lines, settings=settings), batch_format="pyarrow"))
    if other:
        blobs = ray.data.read_binary_files(other, include_paths=True)
        parts.append(blobs.map_batches(partial(read_files, settings=settings), batch_format="pyarrow"))
    if not parts:
        return
    items = parts[0] if len(parts) == 1 else parts[0].union(*parts[1:])
    coded = items.map_batches(
        Coder,
        fn_constructor_kwargs={"settings": settings, "known": ray.put(known)},
        batch_size=settings.batch_size,
        batch_format="pyarrow",
        compute=ray.data.ActorPoolStrategy(size=max(1, actors)),
        num_cpus=ACTOR_CPUS,
    )
    from ray.data import SaveMode

    coded.write_parquet(str(target), mode=SaveMode.OVERWRITE)


def read_lines(batch: Any, settings: Settings) -> Any:
    """Read stage for JSON lines: each line becomes an Article or a Reject, as the local reader makes it."""
    items: list[Article | Reject] = []
    for line, path in zip(batch.column("text").to_pylist(), batch.column("path").to_pylist(), strict=True):
        raw = line.encode("utf-8")
        where = f"{path}#{hashlib.sha256(raw).hexdigest()[:12]}"
        for item in _read_jsonl_lines([raw], path, settings):
            items.append(_named(item, where))
    return shards.items_table(items)


def read_files(batch: Any, settings: Settings) -> Any:
    """Read stage for files other than JSON lines (dated wire format, plain text, .json documents)."""
    from eventwire.ingest.readers import JSON_SUFFIXES, _read_json_document

    items: list[Article | Reject] = []
    for data, path in zip(batch.column("bytes").to_pylist(), batch.column("path").to_pylist(), strict=True):
        if len(data) > settings.max_bytes:
            detail = f"{len(data):,} bytes is over the {settings.max_bytes:,}-byte limit (raise --max-bytes)"
            items.append(Reject(path, "too large", detail))
        elif path.endswith(JSON_SUFFIXES):
            items.extend(_read_json_document(data, path, settings))
        else:
            items.append(_text_article(data, path, settings))
    return shards.items_table(items)


class Coder:
    """Code stage: the Pipeline loaded once per actor; articles already stored are passed over."""

    def __init__(self, settings: Settings, known: Any) -> None:
        import ray

        from eventwire.pipeline import Pipeline

        self.pipeline = Pipeline(settings)
        self.known: frozenset[str] = ray.get(known) if not isinstance(known, frozenset) else known

    def __call__(self, batch: Any) -> Any:
        items = shards.items_from_table(batch)
        todo = [a for a in items if isinstance(a, Article) and a.article_id not in self.known]
        coded = {
            c.article.article_id: c for c in self.pipeline.code_articles(todo, batch_size=len(todo) or 1)
        }
        return shards.coded_table(items, coded)


def _named(item: Article | Reject, where: str) -> Article | Reject:
    if isinstance(item, Reject):
        return replace(item, path=where)
    item.path = where
    return item


if __name__ == "__main__":
    main(sys.argv[1])
